"""The command line: options in, exit code out.

Takes the words a user typed (click parses them into typed options) and
gives text on stdout, findings on stderr, report files written atomically and
an exit code (0 fine, 1 failing results or findings, 2 usage error or
unusable input).  Everything that touches the terminal lives here: colour,
terminal width, ``-q``/``-v`` messages.  The stages below it never print.

``policycheck = policycheck.cli:main`` is the console entry point.
"""
from policycheck.cli import diff_command  # noqa: F401  (registers ``policycheck diff``)
from policycheck.cli.commands import main

__all__ = ["main"]
