"""The parts of a zipped workbook (.xlsx, .xlsm, .ods), checked before they are trusted.

A zip bomb declares small sizes and unpacks to gigabytes, or declares sizes
that add up beyond any real workbook.  Every part is unpacked here once, in
chunks, counting the bytes it really gives: Python's zip reader stops at the
declared size and checks the CRC, so a part that unpacks to more or less than
it declares is refused before the spreadsheet library opens the file.
XML parts are parsed with expat, refusing any DTD: a workbook needs no entity
declarations, and a DTD is how entity-expansion attacks start.
"""
from __future__ import annotations

import zipfile
import zlib
from collections.abc import Callable, Iterator
from typing import IO
from xml.parsers import expat

from policycheck.actuals.workbook.limits import MAX_PARTS, MAX_UNPACKED, WorkbookRefused
from policycheck.messages import Text, msg

CHUNK = 1 << 20


class Parts:
    """An open zipped workbook whose sizes were checked."""

    def __init__(self, source: str | IO[bytes]) -> None:
        try:
            self.zip = zipfile.ZipFile(source)
        except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as exc:
            raise WorkbookRefused(msg("PC400.book-damaged", what=msg("PC400.zip-damaged", error=exc))) from exc
        infos = self.zip.infolist()
        if len(infos) > MAX_PARTS:
            raise WorkbookRefused(msg("PC400.parts", count=len(infos), limit=MAX_PARTS))
        declared = sum(info.file_size for info in infos)
        if declared > MAX_UNPACKED:
            raise WorkbookRefused(msg("PC400.unpacked", size=declared, limit=MAX_UNPACKED))
        self.infos = {info.filename: info for info in infos}

    def names(self) -> list[str]:
        return list(self.infos)

    def chunks(self, name: str) -> Iterator[bytes]:
        """The unpacked bytes of one part, in chunks; refused when they differ from what it declares."""
        info = self.infos[name]
        seen = 0
        try:
            with self.zip.open(info) as handle:
                while chunk := handle.read(CHUNK):
                    seen += len(chunk)
                    yield chunk
        # RuntimeError covers a compression method the zip module lacks, and an encrypted part.
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, RuntimeError) as exc:
            raise WorkbookRefused(msg("PC400.part-unpack", part=repr(name), why=_why(exc))) from exc
        if seen != info.file_size:
            raise WorkbookRefused(msg("PC400.part-size", part=repr(name), seen=seen, size=info.file_size))

    def read(self, name: str) -> bytes:
        return b"".join(self.chunks(name))

    def drain_all(self, done: set[str]) -> None:
        """Unpack every part not read yet, so no part the library opens is unchecked."""
        for name in self.infos:
            if name not in done:
                for _ in self.chunks(name):
                    pass

    def close(self) -> None:
        self.zip.close()


def _why(exc: BaseException) -> Text | str:
    text = str(exc)
    if "encrypt" in text.lower() or "password" in text.lower():
        return msg("PC400.part-encrypted")
    if "CRC" in text:
        return msg("PC400.part-crc")
    return text or type(exc).__name__


def parse_xml(chunks: Iterator[bytes], name: str, start: Callable[[str, dict[str, str]], None],
              end: Callable[[str], None] | None = None, text: Callable[[str], None] | None = None) -> None:
    """Stream ``chunks`` through expat with namespaces as ``{uri}local``; a DTD is refused."""
    parser = expat.ParserCreate(namespace_separator="}")

    def refuse(*_args: object) -> None:
        raise WorkbookRefused(msg("PC400.part-dtd", part=repr(name)))

    parser.StartDoctypeDeclHandler = refuse
    parser.EntityDeclHandler = refuse
    parser.StartElementHandler = lambda tag, attrs: start(_clark(tag), {_clark(k): v for k, v in attrs.items()})
    if end is not None:
        parser.EndElementHandler = lambda tag: end(_clark(tag))
    if text is not None:
        parser.CharacterDataHandler = text
    try:
        for chunk in chunks:
            parser.Parse(chunk, False)
        parser.Parse(b"", True)
    except expat.ExpatError as exc:
        raise WorkbookRefused(msg("PC400.part-xml", part=repr(name), error=exc)) from exc


def _clark(tag: str) -> str:
    """expat's ``uri}local`` as ElementTree's ``{uri}local``."""
    return "{" + tag if "}" in tag else tag
