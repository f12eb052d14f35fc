"""Around every command: signals, a clean stderr, and the exit codes of an interrupted run.

Ctrl-C (SIGINT), SIGTERM and SIGHUP all end a run the same way: as an
exception raised where the run is, so every ``finally`` runs and the
temporary files of ``-o`` are removed (:mod:`policycheck.cli.output`).  The
exit code is 128 + the signal number, as a shell reports a process killed by
it: 130 for Ctrl-C, 143 for SIGTERM, 129 for SIGHUP (docs/security.md).
stderr is wrapped in :class:`policycheck.cli.streams.SafeStderr` for the run,
so click's own messages (which quote paths) are cleaned like ours.
"""
from __future__ import annotations

import contextlib
import signal
import sys
import threading
from collections.abc import Iterator
from types import FrameType
from typing import Any

import click

from policycheck.cli.streams import SafeStderr

#: Signals that stop a run, as exceptions (SIGINT is KeyboardInterrupt already).
STOP_SIGNALS: tuple[signal.Signals, ...] = tuple(
    getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name))
EXIT_INTERRUPTED = 128 + signal.SIGINT
#: Where :func:`remember_lang` keeps the run's --lang in click's ``Context.meta``.
LANG_KEY = "policycheck.lang"


class Terminated(BaseException):
    """The run was asked to stop by a signal (a BaseException, like KeyboardInterrupt,
    so that no ``except Exception`` swallows it)."""

    def __init__(self, signum: int) -> None:
        super().__init__(f"signal {signum}")
        self.signum = signum


def _raise_terminated(signum: int, frame: FrameType | None) -> None:
    raise Terminated(signum)


@contextlib.contextmanager
def signals_as_exceptions() -> Iterator[None]:
    """SIGTERM and SIGHUP raise :class:`Terminated` for the block (main thread only)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = {signum: signal.signal(signum, _raise_terminated) for signum in STOP_SIGNALS}
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


@contextlib.contextmanager
def safe_stderr() -> Iterator[None]:
    """``sys.stderr`` cleaned line by line for the block."""
    original = sys.stderr
    if original is None:
        yield
        return
    wrapper = SafeStderr(original)
    sys.stderr = wrapper
    try:
        yield
    finally:
        wrapper.flush()
        sys.stderr = original


class GuardedGroup(click.Group):
    """The ``policycheck`` group: every command runs guarded (see the module docstring)."""

    def invoke(self, ctx: click.Context) -> Any:
        with safe_stderr(), signals_as_exceptions():
            try:
                return super().invoke(ctx)
            except KeyboardInterrupt:
                _say(ctx, "cli.interrupted")
                sys.exit(EXIT_INTERRUPTED)
            except Terminated as stop:
                name = signal.Signals(stop.signum).name
                _say(ctx, "cli.stopped", signal=name)
                sys.exit(128 + stop.signum)


def remember_lang(lang: str) -> None:
    """Keep the run's --lang where :class:`GuardedGroup` finds it when a signal stops the run
    (``Context.meta`` is shared by the group's context and the command's)."""
    context = click.get_current_context(silent=True)
    if context is not None:
        context.meta[LANG_KEY] = lang


def stop_lang(ctx: click.Context) -> str:
    """The language to say a run was stopped in: the command's --lang once it is known, else zh
    (docs/configuration.md#language)."""
    lang = ctx.meta.get(LANG_KEY)
    return lang if isinstance(lang, str) else "zh"


def _say(ctx: click.Context, key: str, **args: str) -> None:
    from policycheck.messages import msg  # only when stopped: the catalogue is no start-up cost

    text = msg(key, **args)
    said = text.get(stop_lang(ctx))
    try:  # a stderr that cannot hold Chinese gets the English line, as handle_errors does
        said.encode(getattr(sys.stderr, "encoding", None) or "utf-8")
    except (UnicodeEncodeError, LookupError):
        said = text.en
    click.echo(said, err=True)
