"""Writing output files: all or nothing, to the right kind of target, nothing left behind.

Every ``-o`` path is looked at before anything is written
(:func:`output_targets`, docs/security.md#5-atomic-outputs-all-or-nothing):

* a regular file, or a path that does not exist yet, is written to a
  temporary file beside it and renamed into place, keeping the permissions
  (and, where allowed, the owner) of the file it replaces;
* a descriptor path (``/dev/stdout``, ``/dev/stderr``, ``/dev/fd/N``,
  ``/proc/self/fd/N``) is written to that open descriptor, so ``-o
  json=/dev/stdout`` works whatever stdout is (a file, a pipe, a terminal)
  and never replaces the ``/dev`` entry;
* ``/dev/null``, ``/dev/tty`` and the terminal or device that stdout or
  stderr already is are written directly, as a shell redirection would;
* a FIFO (``mkfifo``, process substitution ``>(jq .)``) is written directly
  when a process reads it, and refused when none does (it would block forever);
* anything else is refused with exit 2 before any file is written: ``-``, a
  folder (or a path ending in ``/``), any other device (``/dev/full``,
  ``/dev/sda``, ``/dev/mem``), a socket, and the same path twice.

Temporary files are registered the moment they exist (with SIGINT, SIGTERM
and SIGHUP held back for that instant) and removed by a ``finally``, so
Ctrl-C or a ``kill`` in the middle of a 200 MB report leaves nothing behind
(the signals arrive as exceptions: :mod:`policycheck.cli.guard`).
"""
from __future__ import annotations

import contextlib
import errno
import os
import re
import signal
import stat
import sys
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from policycheck.errors import OutputError
from policycheck.messages import Text, msg
from policycheck.records import record

#: A file's content: text, bytes, or text or bytes in pieces written as they are produced
#: (the JSON report, a few MB at a time: docs/performance.md).
Payload = str | bytes | Iterable[str] | Iterable[bytes]

#: ``/dev/fd/N`` and ``/proc/self/fd/N``: an open descriptor of this process.
_DESCRIPTOR_PATH = re.compile(r"/(?:dev|proc/self)/fd/([0-9]+)")
_NAMED_DESCRIPTORS = {"/dev/stdin": 0, "/dev/stdout": 1, "/dev/stderr": 2}
#: The longest file-name part of a temporary file's prefix, in bytes: with
#: mkstemp's 8 random characters and ".tmp" a 255-byte name still fits NAME_MAX.
_PREFIX_NAME_BYTES = 200
_HELD_SIGNALS = frozenset(getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP")
                          if hasattr(signal, name))


@record(frozen=True, slots=True)
class Target:
    """Where one output goes: ``kind`` is ``file`` (written atomically), ``fd``
    (the open descriptor ``fd``), ``device`` or ``fifo`` (opened and written)."""

    path: str
    kind: str
    fd: int = -1


def atomic_write(path: str | os.PathLike[str], data: Payload, *, encoding: str = "utf-8") -> None:
    """Write ``data`` to ``path``: a regular file by a temporary file and a rename.

    Existing files are replaced only once the new content is complete; on any
    error the temporary file is removed and :class:`OutputError` is raised.
    """
    atomic_write_all([(path, data)], encoding=encoding)


def atomic_write_all(files: Sequence[tuple[str | os.PathLike[str], Payload]], *, encoding: str = "utf-8") -> None:
    """Write several outputs all or nothing: every file is staged before any is renamed.

    With ``-o json=ok.json -o html=/no/such/dir/r.html`` the second file cannot
    be staged, so ``ok.json`` keeps its old content: a failed run changes no
    report.  Streams (descriptors, devices, FIFOs) are written after every file
    is staged and before any is renamed.  Only a failing rename (after every
    file was staged) could leave some files replaced, and then every leftover
    temporary file is removed.
    """
    targets = output_targets([os.fspath(path) for path, _ in files])
    payloads = [data for _, data in files]
    temps: list[str] = []
    try:
        staged = [(_stage(Path(target.path), payload, encoding, temps), target)
                  for target, payload in zip(targets, payloads, strict=True) if target.kind == "file"]
        for target, payload in zip(targets, payloads, strict=True):
            if target.kind != "file":
                _write_stream(target, b"".join(_chunks(payload, encoding)))
        for tmp_name, target in staged:
            _rename(tmp_name, Path(target.path))
    finally:
        with _signals_held():
            for tmp_name in temps:
                if os.path.lexists(tmp_name):
                    _remove(tmp_name)


def output_targets(paths: Sequence[str], *, dash: str = "output.dash") -> list[Target]:
    """What each output path is; :class:`OutputError` (exit 2) for one that cannot be
    written or is named twice, before anything is written.  ``dash`` is the message
    for ``-`` (template's -o takes a FILE, and prints to stdout without -o)."""
    targets = [_target(path, dash) for path in paths]
    seen: list[Target] = []
    for target in targets:
        for earlier in seen:
            if _same_output(target, earlier):
                raise OutputError(msg("output.twice", path=target.path, earlier=earlier.path))
        seen.append(target)
    return targets


def _target(path: str, dash: str = "output.dash") -> Target:
    if path == "-":
        raise OutputError(msg(dash))
    if path.endswith(("/", os.sep)):
        raise OutputError(msg("output.folder", path=path))
    fd = _descriptor(path)
    if fd is not None:
        return Target(path, "fd", fd)
    try:
        info = os.stat(path)
    except OSError:
        return Target(path, "file")  # does not exist yet: staging says what is wrong, if anything
    mode = info.st_mode
    if stat.S_ISREG(mode):
        return Target(path, "file")
    if stat.S_ISDIR(mode):
        raise OutputError(msg("output.is-directory", path=path))
    if stat.S_ISFIFO(mode):
        return Target(path, "fifo")
    if stat.S_ISCHR(mode):
        same_fd = _same_as_std_stream(info)
        if same_fd is not None:
            return Target(path, "fd", same_fd)
        if _is_null_or_tty(path, info):
            return Target(path, "device")
        raise OutputError(msg("output.device", path=path))
    what = "output.socket" if stat.S_ISSOCK(mode) else "output.block-device" if stat.S_ISBLK(mode) \
        else "output.not-file"
    raise OutputError(msg(what, path=path))


def _descriptor(path: str) -> int | None:
    """The descriptor number a path like /dev/stdout or /dev/fd/3 names; None for other paths."""
    normal = os.path.normpath(path)
    if normal in _NAMED_DESCRIPTORS:
        return _NAMED_DESCRIPTORS[normal]
    match = _DESCRIPTOR_PATH.fullmatch(normal)
    return int(match.group(1)) if match else None


def _same_as_std_stream(info: os.stat_result) -> int | None:
    """1 or 2 when the device is what stdout or stderr already is (their terminal)."""
    for fd in (1, 2):
        try:
            if os.path.samestat(os.fstat(fd), info):
                return fd
        except OSError:
            continue
    return None


def _is_null_or_tty(path: str, info: os.stat_result) -> bool:
    """/dev/null or /dev/tty, recognised without opening the device (opening some
    devices has effects of its own: a watchdog, a tape rewinding)."""
    try:
        if os.path.samestat(os.stat(os.devnull), info):
            return True
        return os.path.exists("/dev/tty") and os.path.samestat(os.stat("/dev/tty"), info)
    except OSError:
        return False


def _same_output(first: Target, second: Target) -> bool:
    if first.kind == "fd" and second.kind == "fd":
        return first.fd == second.fd
    if _resolved(first.path) == _resolved(second.path):
        return True
    try:
        return os.path.samefile(first.path, second.path)
    except OSError:
        return False


def _resolved(path: str) -> str:
    """The real path of the folder plus the name: one spelling for a file that does
    not exist yet (``z.json`` and ``../here/z.json``), which samefile cannot compare."""
    folder, name = os.path.split(path)
    return os.path.join(os.path.realpath(folder or os.curdir), name)


@contextlib.contextmanager
def _signals_held() -> Iterator[None]:
    """Hold SIGINT, SIGTERM and SIGHUP back for the block; they arrive right after it.

    A temporary file is created and registered inside such a block, so an
    interrupt can never fall between the two and leave an unregistered file.
    """
    mask = getattr(signal, "pthread_sigmask", None)
    if mask is None or not _HELD_SIGNALS:
        yield
        return
    previous = mask(signal.SIG_BLOCK, _HELD_SIGNALS)
    try:
        yield
    finally:
        mask(signal.SIG_SETMASK, previous)


def _stage(target: Path, data: Payload, encoding: str, temps: list[str]) -> str:
    """A complete temporary copy of ``data`` beside ``target``; its name (also in ``temps``)."""
    import tempfile  # here, not at import: most runs write no file

    folder = target.parent if str(target.parent) else Path(".")
    prefix = "." + os.fsdecode(os.fsencode(target.name)[:_PREFIX_NAME_BYTES]) + "."
    try:
        with _signals_held():
            fd, tmp_name = tempfile.mkstemp(prefix=prefix, suffix=".tmp", dir=folder)
            temps.append(tmp_name)
    except OSError as exc:
        raise OutputError(cannot_write(target, exc)) from exc
    try:
        _write(fd, data, encoding)
        _copy_permissions(tmp_name, target)
    except OSError as exc:
        raise OutputError(cannot_write(target, exc)) from exc
    except BaseException:
        _remove(tmp_name)  # a report that failed while being produced leaves no half file
        raise
    return tmp_name


def _write(fd: int, data: Payload, encoding: str) -> None:
    if isinstance(data, (str, bytes)):
        with os.fdopen(fd, "wb") as handle:
            handle.write(data.encode(encoding) if isinstance(data, str) else data)
        return
    # Pieces of bytes (the JSON report, already UTF-8) are written as they are, text encoded;
    # line ends are never translated, as for a str payload.
    with os.fdopen(fd, "wb", buffering=1 << 20) as handle:
        for piece in data:
            handle.write(piece if isinstance(piece, bytes) else piece.encode(encoding))


def _copy_permissions(tmp_name: str, target: Path) -> None:
    """The mode (and, where allowed, owner and group) of the file being replaced;
    for a new file the mode a plain open() would give (mkstemp creates 0600)."""
    try:
        old = os.stat(target)
    except OSError:
        old = None
    if old is None or not stat.S_ISREG(old.st_mode):
        os.chmod(tmp_name, 0o666 & ~_current_umask())
        return
    os.chmod(tmp_name, stat.S_IMODE(old.st_mode))
    new = os.stat(tmp_name)
    if (new.st_uid, new.st_gid) != (old.st_uid, old.st_gid):
        try:
            os.chown(tmp_name, old.st_uid, old.st_gid)
            os.chmod(tmp_name, stat.S_IMODE(old.st_mode))  # chown may clear set-id bits
        except OSError:
            pass  # not allowed (not root, not a member of the group): keep our own


def _write_stream(target: Target, payload: bytes) -> None:
    """Write ``payload`` straight to a descriptor, a device or a FIFO."""
    try:
        if target.kind == "fd":
            _write_descriptor(target.fd, payload)
        elif target.kind == "fifo":
            _write_fifo(target.path, payload)
        else:
            fd = os.open(target.path, os.O_WRONLY | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0))
            try:
                _write_all(fd, payload)
            finally:
                os.close(fd)
    except _NoReader:
        raise OutputError(msg("output.no-reader", path=target.path)) from None
    except _Closed:
        raise OutputError(msg("output.closed", path=target.path)) from None
    except OSError as exc:
        raise OutputError(cannot_write(target.path, exc)) from exc


def cannot_write(path: str | os.PathLike[str], exc: OSError) -> Text:
    """``PATH: cannot write: REASON`` in both languages (the reason is the system's own words)."""
    return msg("output.write", path=os.fspath(path), error=exc.strerror or exc)


class _NoReader(Exception):
    """A FIFO nobody reads: writing would block forever."""


class _Closed(Exception):
    """stdout or stderr closed by the shell (``>&-``) while -o names it."""


def _write_descriptor(fd: int, payload: bytes) -> None:
    """fd 1 and 2 through Python's own streams (so the order of output is kept), others directly."""
    stream = sys.stdout if fd == 1 else sys.stderr if fd == 2 else None
    stream = getattr(stream, "_stream", stream)  # the stream under SafeStderr: reports are not cleaned
    if fd in (1, 2) and stream is None:
        raise _Closed()
    if stream is None:
        _write_all(fd, payload)
        return
    stream.flush()
    binary = getattr(stream, "buffer", None)
    if binary is not None:
        binary.write(payload)
        binary.flush()
    else:
        stream.write(payload.decode("utf-8", "replace"))
        stream.flush()


def _write_fifo(path: str, payload: bytes) -> None:
    """Open a FIFO without waiting: no reader means ENXIO, refused rather than hanging."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        if exc.errno == errno.ENXIO:
            raise _NoReader() from exc
        raise
    try:
        os.set_blocking(fd, True)
        _write_all(fd, payload)
    finally:
        os.close(fd)


def _write_all(fd: int, payload: bytes) -> None:
    view = memoryview(payload)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def _chunks(data: Payload, encoding: str) -> Iterator[bytes]:
    if isinstance(data, bytes):
        yield data
    elif isinstance(data, str):
        yield data.encode(encoding)
    else:
        for piece in data:
            yield piece if isinstance(piece, bytes) else piece.encode(encoding)


def _rename(tmp_name: str, target: Path) -> None:
    try:
        os.replace(tmp_name, target)
    except OSError as exc:
        raise OutputError(cannot_write(target, exc)) from exc


def _remove(tmp_name: str) -> None:
    try:
        os.unlink(tmp_name)
    except OSError:
        pass


def overwritten_inputs(outputs: Iterable[str], inputs: Iterable[str]) -> list[str]:
    """The output paths that name one of the input files, in the order given.

    Input files are never modified (docs/security.md#6-inputs-never-modified), so ``-o csv=data.csv`` must not
    replace the statistics it was computed from.  ``os.path.samefile`` sees
    through relative paths, ``./`` and symbolic links; an output that does not
    exist yet cannot be an input.
    """
    existing = [path for path in inputs if os.path.isfile(path)]
    clashes = []
    for output in outputs:
        if os.path.isfile(output) and any(_same_file(output, path) for path in existing):
            clashes.append(output)
    return clashes


def _same_file(first: str, second: str) -> bool:
    try:
        return os.path.samefile(first, second)
    except OSError:
        return False


def _current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
