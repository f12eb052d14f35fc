"""Writing output files atomically: a failed run never leaves a half file."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

from policycheck.errors import OutputError


def atomic_write(path: str | os.PathLike[str], data: str | bytes, *, encoding: str = "utf-8") -> None:
    """Write ``data`` to a temporary file in the target folder, then rename it.

    Existing files are replaced only once the new content is complete; on any
    error the temporary file is removed and :class:`OutputError` is raised.
    """
    target = Path(path)
    payload = data.encode(encoding) if isinstance(data, str) else data
    folder = target.parent if str(target.parent) else Path(".")
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise OutputError(f"{target}: cannot write: {exc.strerror or exc}") from exc
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
        # mkstemp creates 0600; give the report the permissions a plain open() would.
        os.chmod(tmp_name, 0o666 & ~_current_umask())
        os.replace(tmp_name, target)
    except OSError as exc:
        try:
            os.unlink(tmp_name)
        except OSError:
            pass
        raise OutputError(f"{target}: cannot write: {exc.strerror or exc}") from exc


def _current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
