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
from dataclasses import dataclass

from policycheck.findings import ERROR, Finding

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


def text_encoding(encoding: str) -> str:
    """The codec name of ``encoding`` (e.g. ``GBK`` -> ``gbk``); ValueError unless
    Python knows it as an encoding between bytes and text."""
    try:
        info = codecs.lookup(encoding)
    except LookupError:
        raise ValueError(f"unknown encoding {encoding!r} (try auto, utf-8, gb18030, utf-16)") from None
    try:
        b"a".decode(info.name)  # bytes-to-bytes codecs (rot13, base64, zlib...) refuse this (b"" is never decoded)
    except LookupError:
        raise ValueError(f"{encoding!r} is not a text encoding (try auto, utf-8, gb18030, utf-16)") from None
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
            return _fail(path, got.problem or "cannot read the file")
        data = got.data
    if not data:
        return _fail(path, "the file is empty: expected a header row (target,year,value)")
    if encoding.lower() != "auto":
        return _forced(path, data, encoding)
    for bom, name in _BOMS:
        if data.startswith(bom):
            return _try(path, data, (name,), f"the {name} byte-order mark")
    return _try(path, data, AUTO_ENCODINGS, "auto")


def _forced(path: str, data: bytes, encoding: str) -> Decoded:
    try:
        name = text_encoding(encoding)
    except ValueError as exc:
        return _fail(path, str(exc))
    # A UTF-8 file saved with a BOM reads the same under --encoding utf-8.
    if name == "utf-8" and data.startswith(codecs.BOM_UTF8):
        name = "utf-8-sig"
    return _try(path, data, (name,), f"--encoding {encoding}")


def _try(path: str, data: bytes, names: tuple[str, ...], how: str) -> Decoded:
    """Decode ``data`` with each encoding in turn; the first that works wins."""
    failures: list[str] = []
    for name in names:
        try:
            text = data.decode(name)
        except UnicodeDecodeError as exc:
            failures.append(f"{name} fails at byte offset {exc.start} ({exc.reason})")
            continue
        except (UnicodeError, ValueError, LookupError) as exc:  # e.g. a UTF-16 file with an odd byte count
            failures.append(f"{name} fails: {exc}")
            continue
        nul = _nul_finding(path, text, name)
        return Decoded(None, nul) if nul else Decoded(name)
    tried = "; ".join(failures)
    return _fail(path, f"cannot decode the file ({how}): {tried}. "
                       "Save it as UTF-8 or GB18030, or name the encoding with --encoding")


def _nul_finding(path: str, text: str, name: str) -> Finding | None:
    """A NUL character means a binary file or UTF-16 without a byte-order mark."""
    index = text.find("\x00")
    if index < 0:
        return None
    line = text.count("\n", 0, index) + 1
    hint = "" if name.startswith(_WIDE) else "; if it is UTF-16 without a byte-order mark, use --encoding utf-16"
    return Finding("PC400", ERROR, path, line, 0,
                   f"NUL character on line {line} (decoded as {name}): not a text CSV file{hint}")


def _fail(path: str, message: str) -> Decoded:
    return Decoded(None, Finding("PC400", ERROR, path, 0, 0, message))
