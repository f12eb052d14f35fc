"""Choose the text encoding of a CSV file (docs/actuals.md#encodings) before it is parsed.

``auto`` tries a byte-order mark (UTF-8, UTF-16 LE/BE), then strict UTF-8,
then GB18030, which covers CSV saved by Excel on Chinese Windows.  The whole
file is trial-decoded once so that a failure names the byte offset; the reader
then streams the file again with the chosen encoding, so no decoded copy of a
large file is kept while its rows are turned into observations.
"""
from __future__ import annotations

import codecs
from dataclasses import dataclass

from policycheck.findings import ERROR, Finding
from policycheck.messages import Text, join, msg, same

AUTO_ENCODINGS: tuple[str, ...] = ("utf-8", "gb18030")
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
#: Encodings whose text may hold NUL bytes legitimately (every ASCII character).
_WIDE = ("utf-16", "utf-32", "utf_16", "utf_32", "utf16", "utf32")


@dataclass(frozen=True, slots=True)
class Decoded:
    """The encoding to read a file with, or None with the finding that says why not."""

    encoding: str | None
    finding: Finding | None = None


def choose_encoding(path: str, encoding: str = "auto") -> Decoded:
    """Pick the encoding of ``path``; never raises for bad input."""
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError as exc:
        return _fail(path, msg("PC400.read", error=exc.strerror or exc))
    if not data:
        return _fail(path, msg("PC400.empty"))
    if encoding.lower() != "auto":
        return _forced(path, data, encoding)
    for bom, name in _BOMS:
        if data.startswith(bom):
            return _try(path, data, (name,), msg("PC400.bom", encoding=name))
    return _try(path, data, AUTO_ENCODINGS, same("auto"))


def _forced(path: str, data: bytes, encoding: str) -> Decoded:
    try:
        name = codecs.lookup(encoding).name
    except LookupError:
        return _fail(path, msg("PC400.unknown-encoding", encoding=repr(encoding)))
    # A UTF-8 file saved with a BOM reads the same under --encoding utf-8.
    if name == "utf-8" and data.startswith(codecs.BOM_UTF8):
        name = "utf-8-sig"
    return _try(path, data, (name,), same(f"--encoding {encoding}"))


def _try(path: str, data: bytes, names: tuple[str, ...], how: Text) -> Decoded:
    """Decode ``data`` with each encoding in turn; the first that works wins."""
    failures: list[Text] = []
    for name in names:
        try:
            text = data.decode(name)
        except UnicodeDecodeError as exc:
            failures.append(msg("PC400.fails-at", encoding=name, offset=exc.start, reason=exc.reason))
            continue
        except UnicodeError as exc:  # e.g. a UTF-16 file with an odd byte count
            failures.append(msg("PC400.fails", encoding=name, error=exc))
            continue
        nul = _nul_finding(path, text, name)
        return Decoded(None, nul) if nul else Decoded(name)
    return _fail(path, msg("PC400.decode", how=how, tried=join(failures, en="; ", zh="；")))


def _nul_finding(path: str, text: str, name: str) -> Finding | None:
    """A NUL character means a binary file or UTF-16 without a byte-order mark."""
    index = text.find("\x00")
    if index < 0:
        return None
    line = text.count("\n", 0, index) + 1
    hint = "" if name.startswith(_WIDE) else msg("PC400.nul-utf16")
    return Finding.of("PC400", ERROR, path, line, 0, msg("PC400.nul", line=line, encoding=name, hint=hint))


def _fail(path: str, message: Text) -> Decoded:
    return Decoded(None, Finding.of("PC400", ERROR, path, 0, 0, message))


#: The strict csv reader's quoting errors, in words a spreadsheet user can act on.
_QUOTING = {
    "unexpected end of data": "PC400.unclosed-quote",
    "',' expected after '\"'": "PC400.after-quote",
}


def reading_error(exc: BaseException, encoding: str) -> Text:
    """PC400 for a file that failed while its rows were read (a quoting error, or it changed since decoding)."""
    quoting = _QUOTING.get(str(exc))
    return msg("PC400.csv", encoding=encoding, error=msg(quoting) if quoting else str(exc))
