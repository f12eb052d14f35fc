"""Choose the text encoding of a CSV file (docs/actuals.md#encodings) before it is parsed.

``auto`` tries a byte-order mark (UTF-8, UTF-16 LE/BE), then strict UTF-8,
then GB18030, which covers CSV saved by Excel on Chinese Windows.  The file's
bytes, read once (:mod:`policycheck.inputs`), are trial-decoded so that a
failure names the byte offset; the reader then decodes the same bytes again
as a stream, so no decoded copy of a large file is kept while its rows are
turned into observations.  Only text encodings are accepted: ``rot13``,
``base64``, ``hex``, ``zlib``, ``bz2`` and ``uu`` are codecs of Python too, but
they turn bytes into bytes, not into text (:func:`text_encoding`).
"""
from __future__ import annotations

import codecs

from policycheck.findings import ERROR, Finding
from policycheck.messages import Text, join, msg, same
from policycheck.records import record

AUTO_ENCODINGS: tuple[str, ...] = ("utf-8", "gb18030")
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
#: Encodings whose text may hold NUL bytes legitimately (every ASCII character).
_WIDE = ("utf-16", "utf-32", "utf_16", "utf_32", "utf16", "utf32")


@record(frozen=True, slots=True)
class Decoded:
    """The encoding to read a file with, or None with the finding that says why not."""

    encoding: str | None
    finding: Finding | None = None


def text_encoding(encoding: str) -> str:
    """The codec name of ``encoding`` (e.g. ``GBK`` -> ``gbk``); ValueError unless
    Python knows it as an encoding between bytes and text."""
    try:
        info = codecs.lookup(encoding)
    except LookupError:
        raise ValueError(msg("PC400.unknown-encoding", encoding=repr(encoding))) from None
    try:
        b"a".decode(info.name)  # bytes-to-bytes codecs (rot13, base64, zlib...) refuse this (b"" is never decoded)
    except LookupError:
        raise ValueError(msg("PC400.not-text-encoding", encoding=repr(encoding))) from None
    except (UnicodeError, ValueError):
        pass  # a text encoding that cannot decode one lone byte (utf-16)
    return info.name


def choose_encoding(path: str, encoding: str = "auto", data: bytes | None = None) -> Decoded:
    """Pick the encoding of ``path`` (whose bytes are ``data`` when already read);
    never raises for bad input."""
    if data is None:
        from policycheck.inputs import read_input

        got = read_input(path)
        if got.data is None:
            return _fail(path, got.problem or msg("PC400.read", error="?"))
        data = got.data
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
        name = text_encoding(encoding)
    except ValueError as exc:
        return _fail(path, exc.args[0])
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
        except (UnicodeError, ValueError, LookupError) as exc:  # e.g. a UTF-16 file with an odd byte count
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
