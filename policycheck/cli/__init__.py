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
    from policycheck.cli.commands import main as group

    group()


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
