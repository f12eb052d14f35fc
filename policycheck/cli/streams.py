"""stdout and stderr: what reaches the terminal or the CI log, and what happens when it cannot.

* stderr is wrapped for the whole run (:class:`SafeStderr`): every line, ours
  or click's, goes through :func:`policycheck.textsafe.clean_block`, so a file
  name or plan text never brings an escape sequence, a bidi override or a CI
  workflow command with it, and a character the stream's encoding lacks is
  written as ``\\uXXXX`` instead of failing.
* stdout is written once per command by :func:`write_stdout`.  A closed
  stdout (``>&-``), a full one (``>/dev/full``), a reader that went away
  (``| head``) or an encoding that cannot hold the text
  (``PYTHONIOENCODING=ascii``) raise :class:`StdoutError`, which the command
  line turns into one message and exit 2 (docs/security.md#exit-codes).
"""
from __future__ import annotations

import codecs
import errno
import io
import os
import sys
from typing import TextIO

from policycheck.errors import PolicycheckError
from policycheck.messages import Text, msg
from policycheck.textsafe import clean_block

#: Encodings that hold every character: no need to try the text first.
_UNIVERSAL = frozenset({"utf-8", "utf-16", "utf-32", "gb18030"})


class StdoutError(PolicycheckError):
    """Standard output cannot take the report; ``quiet`` when the reader simply went away."""

    def __init__(self, message: Text | str, *, quiet: bool = False) -> None:
        super().__init__(message)
        self.quiet = quiet


def check_stdout_encoding(text: str) -> None:
    """Raise :class:`StdoutError` when stdout's encoding cannot hold ``text``.

    Called before any ``-o`` file is written, so a run that cannot print its
    report changes no file either.
    """
    stream = sys.stdout
    if stream is None:
        raise StdoutError(msg("stdout.closed"))
    encoding = getattr(stream, "encoding", None) or "utf-8"
    try:
        name = codecs.lookup(encoding).name
    except LookupError:
        return
    if name in _UNIVERSAL or getattr(stream, "errors", "strict") != "strict":
        return
    try:
        text.encode(name)
    except UnicodeEncodeError as exc:
        raise StdoutError(msg("stdout.encoding", char=repr(text[exc.start]), encoding=encoding)) from None


def write_stdout(text: str, *, newline: bool = True) -> None:
    """Write ``text`` (plus a final newline unless it has one) and flush it."""
    check_stdout_encoding(text)
    stream = sys.stdout
    assert stream is not None  # check_stdout_encoding refused a closed stdout
    try:
        stream.write(text)
        if newline and text and not text.endswith("\n"):
            stream.write("\n")
        stream.flush()
    except OSError as exc:
        _silence_stdout()
        if exc.errno == errno.EPIPE:
            raise StdoutError(msg("stdout.gone"), quiet=True) from None
        raise StdoutError(msg("stdout.write", error=exc.strerror or exc)) from None
    except ValueError as exc:  # write to a closed file object
        raise StdoutError(msg("stdout.write", error=exc)) from None


def _silence_stdout() -> None:
    """Point stdout at /dev/null, so flushing it at exit cannot fail a second time."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError, io.UnsupportedOperation):
        pass


class SafeStderr(io.TextIOBase):
    """A text stream over stderr that cleans every line it passes on.

    Whole lines are cleaned (:func:`policycheck.textsafe.clean_block`); a line
    still open is kept until it ends or the stream is flushed, so a workflow
    command split over two writes is still seen at the start of its line.
    """

    def __init__(self, stream: TextIO) -> None:
        super().__init__()
        self._stream = stream
        self._pending = ""
        self._at_line_start = True

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return getattr(self._stream, "encoding", None) or "utf-8"

    @property
    def errors(self) -> str | None:  # type: ignore[override]
        return getattr(self._stream, "errors", None)

    def writable(self) -> bool:
        return True

    def isatty(self) -> bool:
        return self._stream.isatty()

    def fileno(self) -> int:
        return self._stream.fileno()

    def write(self, text: str) -> int:
        if not isinstance(text, str):
            raise TypeError(f"write() argument must be str, not {type(text).__name__}")
        self._pending += text
        if "\n" in self._pending:
            complete, _, self._pending = self._pending.rpartition("\n")
            self._emit(complete + "\n")
        return len(text)

    def flush(self) -> None:
        if self._pending:
            self._emit(self._pending)
            self._pending = ""
        try:
            self._stream.flush()
        except (OSError, ValueError):
            pass

    def _emit(self, text: str) -> None:
        # Text that continues a line flushed earlier is not at a line start.
        cleaned = clean_block(text) if self._at_line_start else clean_block("x" + text)[1:]
        self._at_line_start = text.endswith("\n")
        try:
            self._stream.write(cleaned)
        except UnicodeEncodeError:
            encoding = self.encoding
            self._stream.write(cleaned.encode(encoding, "backslashreplace").decode(encoding))
        except (OSError, ValueError):
            pass  # stderr is gone: nothing left to tell
