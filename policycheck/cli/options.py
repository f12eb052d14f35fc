"""The command line's options: their click declarations, what they parse into, and the terminal.

:class:`RunOptions` is what ``check``, ``units`` and ``explain`` hand to
:mod:`policycheck.cli.run`; the evaluation's share of it is an
:class:`policycheck.evaluation.options.EvaluationOptions`, the rest says how
to read the inputs and where the output goes.  Whether stdout is a terminal
(colour, width, the default format) is read here and nowhere below the CLI.
"""
from __future__ import annotations

import math
import os
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

import click

from policycheck.inputs import DEFAULT_MAX_BYTES, parse_size, size_text
from policycheck.messages import Text
from policycheck.records import record
from policycheck.reporters import BINARY_FORMATS, REPORT_FORMATS, REPORTER_BY_NAME, STDOUT_FORMATS
from policycheck.reporters.labels import LANGS

if TYPE_CHECKING:
    from policycheck.evaluation.options import EvaluationOptions

# Spelled out rather than read from policycheck.model, whose dataclasses would
# slow down ``--version`` and ``--help``; tests/cli/test_usage.py checks they agree.
FAIL_ON_LEVELS: tuple[str, ...] = ("missed", "off-track", "at-risk", "no-data", "never")
#: The language of every command when neither --lang nor the configuration file names one
#: (docs/configuration.md#language): the statisticians policycheck is for read Chinese.
DEFAULT_LANG = "zh"
LANG_HELP = ("Language of labels and messages (default zh, or lang in policycheck.toml); "
             "machine values stay as they are.")
METHOD_NAMES: tuple[str, ...] = ("linear", "cagr")
#: --reader: policycheck.actuals.fastcsv.READERS, written out so --help imports no stage
READERS: tuple[str, ...] = ("auto", "exact", "fast")
FORMAT_HELP = "; ".join(f"{name}: {desc}" for name, (_, desc) in REPORTER_BY_NAME.items())
#: The formats -f cannot print, named from the registry so the help keeps up with it.
FILE_ONLY_HELP = f"({' and '.join(BINARY_FORMATS)} only with -o)"
_F = TypeVar("_F", bound=Callable[..., Any])


@record(frozen=True)
class RunOptions:
    """The options of check/units/explain, copied out of click."""

    plans: tuple[str, ...]
    actuals: tuple[str, ...]
    evaluation: EvaluationOptions
    lang: str = DEFAULT_LANG
    fmt: str | None = None
    tablefmt: str = "simple"
    outputs: tuple[tuple[str, str], ...] = ()
    encoding: str = "auto"
    allow_unknown: bool = False
    #: --max-bytes: the largest input read (docs/security.md)
    max_bytes: int = DEFAULT_MAX_BYTES
    color: bool = False
    quiet: bool = False
    verbose: int = 0
    #: --sheet: the sheets to read of each workbook given without #SHEET (none: every sheet that looks like actuals)
    sheets: tuple[str, ...] = ()
    #: units --split: (format, folder)
    split: tuple[str, str] | None = None
    #: --lang was given: the CSV is then the sheet for people in that language (docs/reports.md#csv)
    lang_given: bool = False
    #: units --unit: the units to show, by id or name; empty: every unit
    unit_filter: tuple[str, ...] = ()
    #: --reader: auto, exact or fast (docs/actuals.md#fast-reader)
    reader: str = "auto"
    # The year-end 通报 (policycheck.cli.bulletin): explanations files, history.
    notes: tuple[str, ...] = ()
    require_explanations: bool = False
    compare: str | None = None
    years: tuple[int, int] | None = None


def run_options(plans: tuple[str, ...], values: dict[str, Any]) -> RunOptions:
    """The options click parsed for :func:`evaluation_options`, sorted into their dataclasses."""
    from policycheck.evaluation.options import EvaluationOptions

    if values["year"] is not None and values["period"] is not None:
        from policycheck.messages import msg

        raise click.UsageError(msg("cli.year-and-period").get(values["lang"] or DEFAULT_LANG))
    evaluation = EvaluationOptions(year=values["year"], method=values["method"], on_track=values["on_track"],
                                   at_risk=values["at_risk"], fail_on=values["fail_on"], strict=values["strict"],
                                   period=values["period"])
    return RunOptions(plans=plans, actuals=tuple(values["actuals"]), evaluation=evaluation, lang=values["lang"],
                      fmt=values["fmt"], tablefmt=values["tablefmt"], outputs=values["outputs"],
                      encoding=values["encoding"], allow_unknown=values["allow_unknown"], max_bytes=values["max_bytes"],
                      color=use_color(values["color"]), quiet=values["quiet"], verbose=values["verbose"],
                      sheets=tuple(values["sheets"]), lang_given=_given("lang"),
                      unit_filter=tuple(values.get("unit_filter", ())), reader=values["reader"])


def _given(name: str) -> bool:
    """Whether the option ``name`` was given (on the command line or from the environment)."""
    context = click.get_current_context(silent=True)
    source = context.get_parameter_source(name) if context is not None else None
    return source is not None and source != click.core.ParameterSource.DEFAULT


def split_format_path(value: str, formats: Sequence[str]) -> tuple[str, str] | None:
    """``FORMAT=PATH`` as (format, path) when the format is one of ``formats``; else None."""
    fmt, sep, path = value.partition("=")
    if not sep or not path or fmt not in formats:
        return None
    return fmt, path


def parse_output(ctx: click.Context, param: click.Parameter, values: Sequence[str]) -> tuple[tuple[str, str], ...]:
    """``-o FORMAT=PATH`` of check/units/explain; a malformed value is a usage error."""
    from policycheck.messages import msg

    parsed = []
    for value in values:
        found = split_format_path(value, REPORT_FORMATS)
        if found is None:
            fmt, sep, path = value.partition("=")
            if not sep or not path:
                raise click.BadParameter(msg("cli.output-form", value=repr(value)).get(run_lang(ctx)))
            raise click.BadParameter(msg("cli.output-format", fmt=repr(fmt), formats=", ".join(REPORT_FORMATS))
                                     .get(run_lang(ctx)))
        parsed.append(found)
    return tuple(parsed)


def parse_period(ctx: click.Context, param: click.Parameter, value: str | None) -> tuple[int, int] | None:
    """``--period``: (year, month) of the month's end; a usage error for text that is no period."""
    if value is None:
        return None
    from policycheck.periods import parse_as_of

    try:
        return parse_as_of(value)
    except ValueError as exc:
        text = getattr(exc, "text", None)  # a PeriodError carries both languages
        raise click.BadParameter(text.get(run_lang(ctx)) if isinstance(text, Text) else str(exc)) from None


def check_tablefmt(ctx: click.Context, param: click.Parameter, value: str) -> str:
    """An unknown tabulate format is a usage error, not a silent fallback to 'simple'."""
    if value == "simple":  # the default: tabulate is imported only if a text table is written
        return value
    from tabulate import tabulate_formats  # here, not at import: --help stays fast

    if value not in tabulate_formats:
        from policycheck.messages import msg

        raise click.BadParameter(msg("cli.tablefmt", value=repr(value), formats=", ".join(tabulate_formats))
                                 .get(run_lang(ctx)))
    return value


def run_lang(ctx: click.Context) -> str:
    """The run's --lang while options are parsed: --lang is eager, so it is known before the others."""
    lang = ctx.params.get("lang")
    return lang if isinstance(lang, str) else DEFAULT_LANG


def check_ratio(ctx: click.Context, param: click.Parameter, value: str | float | None) -> float | None:
    """--on-track, --at-risk: a finite ratio of at least 0, told in --lang when it is not
    (click's FloatRange would speak English only, and lets ``inf`` and ``nan`` through)."""
    from policycheck.messages import msg

    if value is None:
        return None
    try:
        ratio = float(value)
    except ValueError:
        raise click.BadParameter(msg("cli.ratio-not-number", value=repr(value)).get(run_lang(ctx))) from None
    if not math.isfinite(ratio):
        raise click.BadParameter(msg("cli.ratio-not-finite", value=value).get(run_lang(ctx)))
    if ratio < 0:
        raise click.BadParameter(msg("cli.ratio-negative", value=value).get(run_lang(ctx)))
    return ratio


def check_reader(ctx: click.Context, param: click.Parameter, value: str) -> str:
    """--reader fast without pyarrow is a usage error, before any input is read."""
    if value == "fast":
        from policycheck.actuals.fastcsv import pyarrow_installed
        from policycheck.messages import msg

        if not pyarrow_installed():
            raise click.BadParameter(msg("cli.reader-needs-pyarrow").get(ctx.params.get("lang") or DEFAULT_LANG))
    return value


def check_encoding(ctx: click.Context, param: click.Parameter, value: str) -> str:
    """--encoding: auto or a text encoding Python knows (not rot13, base64, zlib...)."""
    from policycheck.actuals.encoding import text_encoding

    if value.lower() == "auto":
        return value
    try:
        text_encoding(value)
    except ValueError as exc:
        reason = exc.args[0]
        # --lang is eager (processed first), so the run's language is known here
        lang = ctx.params.get("lang") or DEFAULT_LANG
        raise click.BadParameter(reason.get(lang) if isinstance(reason, Text) else str(reason)) from None
    return value


def check_max_bytes(ctx: click.Context, param: click.Parameter, value: str | int) -> int:
    """--max-bytes: a positive size such as 256M."""
    if isinstance(value, int):
        return value
    try:
        return parse_size(value)
    except ValueError as exc:
        reason = exc.args[0]
        raise click.BadParameter(reason.get(run_lang(ctx)) if isinstance(reason, Text) else str(reason)) from None


MAX_BYTES_HELP = (f"Largest input read, in bytes or with K/M/G (default {size_text(DEFAULT_MAX_BYTES)}); "
                  "a pipe or device that goes on is stopped there.")


def evaluation_options(func: _F) -> _F:
    """The options shared by check, units and explain (README.md#what-it-does)."""
    decorators = [
        click.option("-a", "--actuals", "actuals", multiple=True, required=True,
                     type=click.Path(dir_okay=False),
                     help="Actuals: a CSV file or a workbook (.xlsx .xlsm .xls .ods; BOOK#SHEET for one sheet); "
                          "repeatable."),
        click.option("--sheet", "sheets", multiple=True, metavar="NAME",
                     help="Read only this sheet of each workbook given without #SHEET (repeatable). "
                          "Default: every sheet that looks like actuals."),
        click.option("--year", type=click.IntRange(1900, 2200),
                     help="Assessment year (its end). Default: per plan, the latest year with any observation."),
        click.option("--period", callback=parse_period, metavar="PERIOD",
                     help="Assess at the end of a month (序时进度): 2025-09, 2025Q3, 2025H1 or 2025年1-9月. "
                          "Default: per plan, its latest month with in-year figures if later than its "
                          "latest whole year."),
        click.option("--method", type=click.Choice(METHOD_NAMES),
                     help="Progress method: linear schedule (序时进度, default) or growth-rate ratio."),
        click.option("--on-track", callback=check_ratio, metavar="RATIO",
                     help="Progress ratio for on_track (default 0.95)."),
        click.option("--at-risk", callback=check_ratio, metavar="RATIO",
                     help="Progress ratio for at_risk (default 0.6)."),
        click.option("--fail-on", type=click.Choice(FAIL_ON_LEVELS), default="off-track", show_default=True,
                     help="Exit 1 when any result is at or above this level."),
        click.option("--strict/--no-strict", default=False, help="Aspirational (力争) targets can fail the run too."),
        click.option("--lang", type=click.Choice(LANGS), default=DEFAULT_LANG, help=LANG_HELP, is_eager=True),
        click.option("-f", "--format", "fmt", type=click.Choice(STDOUT_FORMATS),
                     help=f"What goes to stdout. {FORMAT_HELP} {FILE_ONLY_HELP}."),
        click.option("--tablefmt", default="simple", show_default=True, callback=check_tablefmt,
                     help="tabulate format for -f text (e.g. github, grid, plain)."),
        click.option("-o", "--output", "outputs", multiple=True, callback=parse_output, metavar="FORMAT=PATH",
                     help="Also write a report file from the same run (repeatable)."),
        click.option("--encoding", default="auto", show_default=True, callback=check_encoding,
                     help="CSV encoding: auto (BOM, UTF-8, then GB18030), utf-8, gb18030, ..."),
        click.option("--allow-unknown/--no-allow-unknown", default=False,
                     help="Unknown target ids in CSV become warnings."),
        click.option("--reader", type=click.Choice(READERS), default="auto", show_default=True, callback=check_reader,
                     help="CSV reader: auto (the Arrow reader of policycheck[fast] for files of 5 MB or more, "
                          "when installed), exact or fast. The findings and reports are the same."),
        click.option("--max-bytes", default=str(DEFAULT_MAX_BYTES), callback=check_max_bytes, metavar="SIZE",
                     help=MAX_BYTES_HELP),
        click.option("--color/--no-color", default=None, help="Colour the terminal output (honours NO_COLOR)."),
        click.option("-q", "--quiet", is_flag=True,
                     help="Print only the one-line summary; -o files are still written."),
        click.option("-v", "--verbose", count=True,
                     help="Say on stderr what was read and which assessment year each plan got."),
    ]
    for decorator in reversed(decorators):
        func = decorator(func)
    return func


def use_color(requested: bool | None) -> bool:
    """``--color``/``--no-color`` when given, else off under ``NO_COLOR`` or ``TERM=dumb``
    (a terminal that shows escape sequences as text), else on a terminal."""
    if requested is not None:
        return requested
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    return sys.stdout is not None and sys.stdout.isatty()


def terminal_width() -> int | None:
    """The width tables are drawn at: ``COLUMNS`` when set (as for ``ls`` and
    rich), else the terminal's when stdout is one, else None (a fixed width)."""
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        return int(columns)
    if not (sys.stdout is not None and sys.stdout.isatty()):
        return None
    import shutil  # only for a terminal: shutil's imports cost start-up time

    return shutil.get_terminal_size().columns


def default_format() -> str:
    """The stdout format when -f is not given: rich tables on a terminal, plain text otherwise."""
    return "table" if sys.stdout is not None and sys.stdout.isatty() else "text"
