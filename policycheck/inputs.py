"""Every input file is read here: once, whole, and never past a size limit.

Plans and CSV files are read through :func:`read_input` and nowhere else, so
the same rules hold for both (docs/security.md#3-bounded-resources):

* **once**: the bytes are read a single time and everything after (picking the
  encoding, parsing, a second look by ``validate``) works on those bytes, so a
  FIFO, ``/dev/stdin``, ``-`` (standard input) and process substitution
  (``-a <(unzip -p data.zip)``) work like files;
* **bounded**: at most ``limit`` bytes are read (``--max-bytes``, default
  :data:`DEFAULT_MAX_BYTES`).  A regular file larger than the limit is refused
  by its size before anything is read; a pipe or a device, whose size says
  nothing, is read in chunks and stopped one byte past the limit, so
  ``/dev/zero`` or ``/dev/urandom`` end in a finding, not in exhausted memory.

Problems are returned, never raised, so each reader turns them into its own
finding (PC100/PC102 for plans, PC400 for CSV files).
"""
from __future__ import annotations

import os
import re
import stat
import sys
from typing import BinaryIO

from policycheck.messages import Text, msg
from policycheck.records import record

#: The default ``--max-bytes``: eight times the national benchmark CSV (1.1 M rows,
#: 32 MB, docs/performance.md), and small enough that a runaway input cannot
#: exhaust the memory of a CI runner.
DEFAULT_MAX_BYTES = 256 * 1024 * 1024
#: The path that means standard input.
STDIN = "-"
#: How much a pipe or a device is read at a time.
_CHUNK = 1024 * 1024
_UNITS = {"": 1, "k": 1024, "m": 1024**2, "g": 1024**3, "t": 1024**4}
_SIZE = re.compile(r"\s*([0-9]+)\s*([kmgt]?)(?:i?b)?\s*", re.IGNORECASE)


@record(frozen=True, slots=True)
class InputBytes:
    """The bytes of one input, or why there are none.

    ``over_limit`` is set when the input is larger than the limit; ``size`` is
    its size when the file system knows it (a regular file), else None.  An
    input over the limit read with ``head=N`` keeps its first N bytes in
    ``data``, to look at (is it a plan?), never to parse.
    """

    path: str
    data: bytes | None = None
    problem: Text | None = None
    over_limit: bool = False
    size: int | None = None


def input_path(path: object, what: str = "path") -> str:
    """``path`` as text, or TypeError naming what was given.

    An int would be taken by ``open()`` as a file descriptor (``load_plan(3)``
    would read and close descriptor 3), and None or a list would fail deep
    inside with a bare TypeError; the API says what it expects instead.
    """
    if isinstance(path, (str, os.PathLike)) and not isinstance(path, bytes):
        text = os.fspath(path)
        if isinstance(text, str):
            return text
    raise TypeError(f"{what} must be a file path (str or os.PathLike), not {type(path).__name__}")


def read_input(path: str, limit: int = DEFAULT_MAX_BYTES, *, head: int = 0) -> InputBytes:
    """The whole content of ``path`` (``-``: standard input), at most ``limit`` bytes.

    ``head``: of an input over the limit, keep the first ``head`` bytes (at most
    ``limit``); ``over_limit`` still says the input is not whole.
    """
    if path == STDIN:
        stdin = getattr(sys.stdin, "buffer", None)
        if stdin is None:
            return InputBytes(path, problem=msg("input.stdin-closed"))
        return _read(path, stdin, limit, None, head)
    try:
        with open(path, "rb", buffering=0) as handle:
            info = os.fstat(handle.fileno())
            if stat.S_ISDIR(info.st_mode):
                return InputBytes(path, problem=msg("input.directory"))
            size = info.st_size if stat.S_ISREG(info.st_mode) else None
            if size is not None and size > limit and not head:
                return InputBytes(path, problem=over_limit_text(limit, size), over_limit=True, size=size)
            return _read(path, handle, limit, size, head)  # catches its own read errors
    except OSError as exc:  # opening (no such file, no permission) or looking at it
        return InputBytes(path, problem=msg("input.read", error=exc.strerror or exc))


def _read(path: str, handle: BinaryIO, limit: int, size: int | None, head: int = 0) -> InputBytes:
    """Read ``handle`` to its end, or to one byte past ``limit``.

    A regular file is read with one call of its size (plus one byte, to notice
    a file that grew), so its bytes are not copied again; anything else in
    chunks, joined once at the end.
    """
    parts: list[bytes] = []
    total = 0
    want = min(size, limit) + 1 if size else _CHUNK
    try:
        while total <= limit:
            chunk = handle.read(min(want, limit + 1 - total))
            if not chunk:
                break
            parts.append(chunk)
            total += len(chunk)
            want = _CHUNK
    except OSError as exc:
        return InputBytes(path, problem=msg("input.read", error=exc.strerror or exc))
    if total > limit:
        size = size if size is not None and size > limit else None  # the size it reported was wrong
        problem = over_limit_text(limit, size)
        kept = _first_bytes(parts, min(head, limit))
        parts.clear()
        if head:
            return InputBytes(path, data=kept, problem=problem, over_limit=True, size=size)
        return InputBytes(path, problem=problem, over_limit=True, size=size)
    return InputBytes(path, data=parts[0] if len(parts) == 1 else b"".join(parts))


def _first_bytes(parts: list[bytes], count: int) -> bytes:
    """The first ``count`` bytes of ``parts``, copying only those."""
    kept: list[bytes] = []
    taken = 0
    for part in parts:
        if taken >= count:
            break
        kept.append(part[:count - taken])
        taken += len(kept[-1])
    return b"".join(kept)


def over_limit_text(limit: int, size: int | None) -> Text:
    """Why an input over the limit is not read, and what to do."""
    if size is None:
        return msg("input.stopped", limit=size_text(limit))
    return msg("input.too-large", size=size_text(size), limit=size_text(limit))


def size_text(size: int) -> str:
    """``256 MiB``, ``1.5 GiB``, ``512 bytes``: a size for a message."""
    for unit, factor in (("GiB", 1024**3), ("MiB", 1024**2), ("KiB", 1024)):
        if size >= factor:
            return f"{size / factor:.1f}".removesuffix(".0") + f" {unit}"
    return f"{size:,} bytes"


def parse_size(text: str) -> int:
    """``--max-bytes`` text: ``1000``, ``512K``, ``256M``, ``1G`` or ``1GiB`` (powers of 1024).

    Raises ValueError with what would be right, as a :class:`Text` in both languages.
    """
    match = _SIZE.fullmatch(text)
    if match is None or int(match.group(1)) <= 0:
        raise ValueError(msg("cli.size", value=repr(text)))
    return int(match.group(1)) * _UNITS[match.group(2).lower()]
