"""The command line: options in, exit code out.

Takes the words a user typed (click parses them into typed options) and
gives text on stdout, findings on stderr, report files written atomically and
an exit code (0 fine, 1 failing results or findings, 2 usage error or
unusable input).  Everything that touches the terminal lives here: colour,
terminal width, ``-q``/``-v`` messages.  The stages below it never print.

``policycheck = policycheck.cli:run`` is the console entry point; ``main`` is
the click group, imported on first use so that ``--version`` is answered
before click and the commands are imported (docs/performance.md#start-up).
"""
from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from policycheck.cli.commands import main

__all__ = ["main", "run"]

#: The words that ask only for the version; any other command line goes to click.
_VERSION_ONLY = (["--version"], ["-V"])


def run() -> None:
    """The ``policycheck`` command: ``--version`` alone is answered at once, the rest by click."""
    if sys.argv[1:] in _VERSION_ONLY and sys.stdout is not None:
        from policycheck.version import __version__

        # The same line click's version option prints (tests/cli/test_startup.py compares them).
        try:
            sys.stdout.write(f"policycheck, version {__version__}\n")
            sys.stdout.flush()
        except (OSError, ValueError) as exc:
            _stdout_failed(exc)
        return
    from policycheck.gcpause import gc_paused

    # Importing click and the commands makes some 13,000 objects (modules, classes, functions,
    # click's options) that live until the process ends: the collector, walking them as they
    # are made, cost a small check about 3 ms (docs/performance.md#start-up).
    with gc_paused():
        from policycheck.cli.commands import main as group

    try:
        group()  # click ends every run with SystemExit
    except SystemExit as stop:
        _exit_at_once(stop.code)
        raise


def _exit_at_once(code: object) -> None:
    """End the process now with ``code``, as the normal exit would, without tearing the interpreter down.

    Freeing every module and object one by one at exit cost a small check
    about 20 ms, an eighth of its time, and the national check about 0.1 s
    (docs/performance.md#start-up).  Done only when nothing else is due at exit:
    a code of 0 to 255, no atexit callback (a library's clean-up runs as
    always), no other thread, no profiler or debugger, and both standard streams
    flushed.  Otherwise this returns and the normal exit follows, as before.
    """
    import atexit

    code = 0 if code is None else code
    callbacks = getattr(atexit, "_ncallbacks", None)
    threading = sys.modules.get("threading")
    if (not isinstance(code, int) or not 0 <= code <= 255 or callbacks is None or callbacks()
            or (threading is not None and threading.active_count() > 1)
            or sys.getprofile() is not None or sys.gettrace() is not None or sys.flags.inspect):
        return
    try:
        for stream in (sys.stdout, sys.stderr):
            if stream is not None:
                stream.flush()
    except (OSError, ValueError):
        return  # a closed or full stream: the normal exit says so, as it always did
    import os

    os._exit(code)


def _stdout_failed(exc: BaseException) -> None:
    """A full or closed stdout: one line on stderr (none when the reader went away), exit 2, no traceback."""
    import os

    try:  # what is still buffered must not fail again when the interpreter exits
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except (OSError, ValueError):
        pass
    if not isinstance(exc, BrokenPipeError):
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        sys.stderr.write(f"stdout: cannot write the version: {reason}\n")
    sys.exit(2)


def __getattr__(name: str) -> Any:
    if name == "main":
        from policycheck.cli.commands import main as group

        return group
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
