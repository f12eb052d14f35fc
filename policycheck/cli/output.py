"""Writing output files atomically: a failed run never leaves a half file."""
from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from pathlib import Path

from policycheck.errors import OutputError

#: A file's content: text, bytes, or text in pieces written as they are produced
#: (the JSON report, line by line: docs/performance.md).
Payload = str | bytes | Iterable[str]


def atomic_write(path: str | os.PathLike[str], data: Payload, *, encoding: str = "utf-8") -> None:
    """Write ``data`` to a temporary file in the target folder, then rename it.

    Existing files are replaced only once the new content is complete; on any
    error the temporary file is removed and :class:`OutputError` is raised.
    """
    atomic_write_all([(path, data)], encoding=encoding)


def atomic_write_all(files: Sequence[tuple[str | os.PathLike[str], Payload]], *, encoding: str = "utf-8") -> None:
    """Write several files all or nothing: every one is staged before any is renamed.

    With ``-o json=ok.json -o html=/no/such/dir/r.html`` the second file cannot
    be staged, so ``ok.json`` keeps its old content: a failed run changes no
    report.  Only a failing rename (after every file was staged) could leave
    some files replaced, and then every leftover temporary file is removed.
    """
    staged: list[tuple[str, Path]] = []
    try:
        for path, data in files:
            staged.append((_stage(Path(path), data, encoding), Path(path)))
        for tmp_name, target in staged:
            _rename(tmp_name, target)
    finally:
        for tmp_name, _target in staged:
            if os.path.lexists(tmp_name):
                _remove(tmp_name)


def _stage(target: Path, data: Payload, encoding: str) -> str:
    """A complete temporary copy of ``data`` beside ``target``; its name."""
    import tempfile  # here, not at import: most runs write no file

    folder = target.parent if str(target.parent) else Path(".")
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise OutputError(f"{target}: cannot write: {exc.strerror or exc}") from exc
    try:
        _write(fd, data, encoding)
        # mkstemp creates 0600; give the report the permissions a plain open() would.
        os.chmod(tmp_name, 0o666 & ~_current_umask())
    except OSError as exc:
        _remove(tmp_name)
        raise OutputError(f"{target}: cannot write: {exc.strerror or exc}") from exc
    except BaseException:
        _remove(tmp_name)  # a report that failed while being produced leaves no half file
        raise
    return tmp_name


def _write(fd: int, data: Payload, encoding: str) -> None:
    if isinstance(data, (str, bytes)):
        with os.fdopen(fd, "wb") as handle:
            handle.write(data.encode(encoding) if isinstance(data, str) else data)
        return
    # newline="": the pieces' line ends are written as they are, as for a str payload.
    with os.fdopen(fd, "w", encoding=encoding, newline="", buffering=1 << 20) as text:
        for piece in data:
            text.write(piece)


def _rename(tmp_name: str, target: Path) -> None:
    try:
        os.replace(tmp_name, target)
    except OSError as exc:
        raise OutputError(f"{target}: cannot write: {exc.strerror or exc}") from exc


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
