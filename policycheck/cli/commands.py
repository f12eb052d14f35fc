"""The click commands: parse the command line, call :mod:`policycheck.cli.run`, exit.

Only the ``cli`` package imports click.  Heavy modules are imported inside the
commands so that ``policycheck --version`` and ``--help`` start fast.
"""
from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any, NoReturn, ParamSpec, TypeVar

import click

from policycheck.cli import examples
from policycheck.cli.bulletin import bulletin_options, bulletin_run_options
from policycheck.cli.exitcodes import EXIT_USAGE
from policycheck.cli.guard import GuardedGroup, remember_lang
from policycheck.cli.options import (
    DEFAULT_LANG,
    LANG_HELP,
    MAX_BYTES_HELP,
    RunOptions,
    check_encoding,
    check_max_bytes,
    evaluation_options,
    run_options,
)
from policycheck.cli.template_notes import notes_template_options, run_notes_template, write_template_text
from policycheck.errors import InputError, PolicycheckError
from policycheck.findings import Finding, format_parsable
from policycheck.inputs import DEFAULT_MAX_BYTES
from policycheck.reporters import VALIDATE_FORMATS
from policycheck.reporters.labels import LANGS
from policycheck.textsafe import one_line
from policycheck.version import __version__

if TYPE_CHECKING:
    from policycheck.cli.config import Config

CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"], "max_content_width": 100}
_P = ParamSpec("_P")
_R = TypeVar("_R")


def fail(message: str) -> NoReturn:
    """Print a user error (no traceback) and exit 2."""
    click.echo(message, err=True)
    sys.exit(EXIT_USAGE)


def echo_findings(findings: Sequence[Finding], lang: str = DEFAULT_LANG) -> None:
    for finding in findings:
        click.echo(one_line(format_parsable(finding, lang)), err=True)


def handle_errors(func: Callable[_P, _R]) -> Callable[_P, _R]:
    """Turn library errors into ``FILE:LINE:COL: message`` on stderr (in the run's language) and exit 2."""

    @functools.wraps(func)
    def wrapper(*args: _P.args, **kwargs: _P.kwargs) -> _R:
        lang = kwargs.get("lang")
        remember_lang(lang if isinstance(lang, str) else DEFAULT_LANG)  # for Ctrl-C and SIGTERM
        try:
            return func(*args, **kwargs)
        except InputError as exc:
            lang = kwargs.get("lang")
            echo_findings(exc.findings, lang if isinstance(lang, str) else DEFAULT_LANG)
            if not exc.findings:
                click.echo(str(exc), err=True)
            sys.exit(EXIT_USAGE)
        except PolicycheckError as exc:
            if getattr(exc, "quiet", False):  # stdout's reader went away (| head): nothing to tell
                sys.exit(EXIT_USAGE)
            lang = kwargs.get("lang")
            fail(_readable(exc, lang if isinstance(lang, str) else DEFAULT_LANG))

    return wrapper


def _readable(exc: PolicycheckError, lang: str) -> str:
    """The message in ``lang``, or in English when stderr's encoding cannot hold it
    (``PYTHONIOENCODING=ascii`` would turn Chinese into a row of \\uXXXX escapes)."""
    text = exc.in_lang(lang)
    try:
        text.encode(getattr(sys.stderr, "encoding", None) or "utf-8")
    except (UnicodeEncodeError, LookupError):
        return exc.in_lang("en")
    return text


@click.group(cls=GuardedGroup, context_settings=CONTEXT_SETTINGS, epilog=examples.MAIN)
@click.version_option(__version__, "-V", "--version", prog_name="policycheck")
@click.pass_context
def main(ctx: click.Context) -> None:
    """Check development-plan targets (规划目标) against actual statistics.

    Plans are YAML files, actuals are CSV files or workbooks; see the docs/
    folder of the project for both formats. Exit codes: 0 fine, 1 failing
    results or findings, 2 usage error or unusable input.
    """
    from policycheck.cli.configfile import may_have_config

    if not may_have_config():
        return  # most folders: not even the module that reads a configuration is imported
    from policycheck.cli.config import load_config

    # Defaults from policycheck.toml (or [tool.policycheck] in pyproject.toml);
    # flags on the command line win.  Problems are reported by each command.
    config = load_config()
    ctx.obj = config
    ctx.default_map = config.defaults


def current_config() -> Config | None:
    """The configuration the group read for this run (None when there was none to read)."""
    ctx = click.get_current_context(silent=True)
    obj = ctx.find_root().obj if ctx is not None else None
    if obj is None:
        return None
    from policycheck.cli.config import Config

    return obj if isinstance(obj, Config) else None


def refuse_bad_config(lang: str) -> None:
    """Exit 2 when the configuration file has a problem: a default meant but not applied
    would change the run's results unseen (``validate`` lists the problems instead)."""
    config = current_config()
    if config is not None and config.findings:
        echo_findings(config.findings, lang)
        sys.exit(EXIT_USAGE)


@main.command(epilog=examples.VALIDATE)
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("-f", "--format", "fmt", type=click.Choice(("auto",) + VALIDATE_FORMATS), default="auto",
              show_default=True, help="auto: github under GITHUB_ACTIONS=true, otherwise text.")
@click.option("--strict/--no-strict", default=False, help="Warnings count as errors.")
@click.option("--lang", type=click.Choice(LANGS), default=DEFAULT_LANG, is_eager=True, help=LANG_HELP)
@click.option("--encoding", default="auto", show_default=True, callback=check_encoding,
              help="CSV encoding (see check).")
@click.option("--allow-unknown/--no-allow-unknown", default=False, help="Unknown target ids in CSV become warnings.")
@click.option("--max-bytes", default=str(DEFAULT_MAX_BYTES), callback=check_max_bytes, metavar="SIZE",
              help=MAX_BYTES_HELP)
@click.option("-o", "--output", "outputs", multiple=True, metavar="FORMAT=PATH",
              help="Also write the findings to a file in text, json, sarif or github (repeatable).")
@click.option("-q", "--quiet", is_flag=True, help="Print nothing on success.")
@handle_errors
def validate(paths: tuple[str, ...], fmt: str, strict: bool, lang: str, encoding: str, allow_unknown: bool,
             max_bytes: int, outputs: tuple[str, ...], quiet: bool) -> None:
    """Validate plans (*.yaml, *.yml) and actuals (*.csv, *.xlsx, *.xlsm, *.xls, *.ods); folders are searched.

    Every CSV file is read against all the plans given, as check reads them, so
    validate reports whatever check would refuse; the configuration file is
    checked too. Exit 0 when there is no error-level finding (warnings allowed
    unless --strict), 1 when there is one, 2 for a usage error, a missing path
    or a folder with no plan or CSV file in it.
    """
    from policycheck.cli.run import run_validate

    sys.exit(run_validate(paths, fmt=fmt, strict=strict, lang=lang, encoding=encoding, allow_unknown=allow_unknown,
                          outputs=outputs, quiet=quiet, config=current_config(), max_bytes=max_bytes))


@main.command(epilog=examples.CHECK)
@click.argument("plans", nargs=-1, required=True, type=click.Path(dir_okay=False))
@evaluation_options
@bulletin_options
@handle_errors
def check(plans: tuple[str, ...], **kwargs: Any) -> None:
    """Evaluate every target of PLANS against the actuals: the main job."""
    from policycheck.cli.run import run_report

    sys.exit(run_report(_run_options(plans, kwargs), view="results"))


@main.command(epilog=examples.UNITS)
@click.argument("plans", nargs=-1, required=True, type=click.Path(dir_okay=False))
@evaluation_options
@click.option("--split", "split", metavar="[FORMAT=]DIR",
              help="Also write one report per responsible unit into DIR, named by the unit, and an index: "
                   "xlsx (default), csv, markdown, html or json (e.g. --split csv=reports/).")
@click.option("--unit", "unit_filter", multiple=True, metavar="NAME_OR_ID",
              help="Show only this responsible unit, by id or name (repeatable).")
@bulletin_options
@handle_errors
def units(plans: tuple[str, ...], split: str | None, **kwargs: Any) -> None:
    """The per-unit view: which responsible unit (责任单位) owns which shortfall."""
    from policycheck.cli.run import run_report
    from policycheck.cli.split import parse_split

    options = _run_options(plans, kwargs)
    if split is not None:
        options = replace(options, split=parse_split(split))
    sys.exit(run_report(options, view="units"))


@main.command(epilog=examples.EXPLAIN)
@click.argument("plan", type=click.Path(dir_okay=False))
@click.argument("target")
@evaluation_options
@handle_errors
def explain(plan: str, target: str, **kwargs: Any) -> None:
    """One TARGET of PLAN year by year, with a chart in the terminal."""
    from policycheck.cli.run import run_explain

    sys.exit(run_explain(_run_options((plan,), kwargs), target))


@main.command(epilog=examples.TEMPLATE)
@click.argument("plans", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option("--years", metavar="A-B", help="Years to ask for (default: baseline year to period end).")
@click.option("--wide", is_flag=True, help="One column per year instead of one row per year.")
@click.option("-o", "--output", "outputs", multiple=True, type=click.Path(dir_okay=False),
              help="Write to FILE (atomically); an existing FILE is kept unless --force.")
@click.option("--force", is_flag=True, help="Replace an existing -o FILE (it may hold filled-in values).")
@click.option("--lang", type=click.Choice(LANGS), default=DEFAULT_LANG, is_eager=True,
              help="Language of the header row and the 填写说明 column (default zh, or lang in policycheck.toml).")
@notes_template_options
@handle_errors
def template(plans: tuple[str, ...], years: str | None, wide: bool, outputs: tuple[str, ...], force: bool,
             lang: str, notes_template: bool = False, **run: Any) -> None:
    """Write a CSV (or, with -o FILE.xlsx, a workbook) to fill in: one row per target (and unit) and year,
    with what to enter in each.

    With --notes and -a: the explanations file to fill in, one row per failing target of the run.
    """
    from policycheck.actuals.template import build_template, parse_years
    from policycheck.cli.output import atomic_write, output_targets
    from policycheck.cli.run import refuse_overwriting_inputs, refuse_stdin_twice
    from policycheck.messages import msg
    from policycheck.plans.build import load_plan

    refuse_bad_config(lang)
    if len(outputs) > 1:  # click would keep the last one silently
        fail(msg("cli.output-twice", count=len(outputs), paths=", ".join(outputs)).get(lang))
    output = outputs[0] if outputs else None
    if notes_template:
        sys.exit(run_notes_template(plans, output=output, force=force, lang=lang, years=years, wide=wide, **run))
    if run.get("actuals"):
        fail(msg("cli.template-a-without-notes").get(lang))
    if output:
        output_targets([output], dash="output.dash-template")
        refuse_overwriting_inputs([output], plans)
        if os.path.lexists(output) and not force and (os.path.isfile(output) or not os.path.exists(output)):
            # A filled-in copy is the usual file at that path: replacing it would lose every value.
            fail(msg("cli.exists", path=output).get(lang))
    refuse_stdin_twice(plans)
    loaded = [load_plan(path) for path in plans]
    span = parse_years(years) if years else None
    if output and output.lower().endswith((".xlsx", ".xlsm", ".xls", ".ods")):
        if not output.lower().endswith(".xlsx"):
            fail(msg("output.template-xlsx", path=output).get(lang))
        from policycheck.actuals.template_xlsx import build_xlsx_template

        atomic_write(output, build_xlsx_template(loaded, years=span, wide=wide, lang=lang))
        return
    write_template_text(output, build_template(loaded, years=span, wide=wide, lang=lang))


# ``policycheck diff OLD.json NEW.json``: what changed between two reports; exit 1 when a target got worse
# (docs/reports.md#policycheck-diff), for CI.
#: The formats of a diff (policycheck.reporters.diff_report, imported when a diff runs).
DIFF_FORMATS = ("text", "markdown", "json")


@main.command(epilog=examples.DIFF)
@click.argument("old", type=click.Path(dir_okay=False))
@click.argument("new", type=click.Path(dir_okay=False))
@click.option("-f", "--format", "fmt", type=click.Choice(DIFF_FORMATS), default="text", show_default=True,
              help="What goes to stdout.")
@click.option("-o", "--output", "outputs", multiple=True, metavar="FORMAT=PATH",
              help="Also write the diff to a file in text, markdown or json (repeatable).")
@click.option("--lang", type=click.Choice(LANGS), default=DEFAULT_LANG, help=LANG_HELP)
@click.option("-q", "--quiet", is_flag=True, help="Print only the one-line summary; -o files are still written.")
@handle_errors
def diff(old: str, new: str, fmt: str, outputs: tuple[str, ...], lang: str, quiet: bool) -> None:
    """What changed between two JSON reports (OLD.json, NEW.json): status changes,
    changed actuals, superseded figures, new findings.  Exit 1 when a target got worse."""
    from policycheck.cli.output import atomic_write_all, output_targets
    from policycheck.cli.run import refuse_overwriting_inputs, refuse_stdin_twice
    from policycheck.cli.streams import write_stdout
    from policycheck.evaluation.diff import diff_reports
    from policycheck.messages import msg
    from policycheck.previous import read_report
    from policycheck.reporters.diff_report import render_diff, summary_line

    refuse_bad_config(lang)
    files = []
    for value in outputs:
        out_fmt, sep, path = value.partition("=")
        if not sep or not path or out_fmt not in DIFF_FORMATS:
            fail(msg("cli.diff-output", value=value, formats=", ".join(DIFF_FORMATS)).get(lang))
        files.append((out_fmt, path))
    output_targets([path for _, path in files])  # a device or a folder: exit 2 before any work
    refuse_stdin_twice([old, new])
    refuse_overwriting_inputs([path for _, path in files], [old, new])
    result = diff_reports(read_report(old), read_report(new))
    atomic_write_all([(path, render_diff(result, out_fmt, lang)) for out_fmt, path in files])
    write_stdout(summary_line(result, lang) if quiet else render_diff(result, fmt, lang))
    sys.exit(1 if result.worse else 0)


@main.command(epilog=examples.SCHEMA)
@click.argument("name", type=click.Choice(["plan", "report"]), default="plan")
def schema(name: str) -> None:
    """Print the JSON Schema of a plan file or of the JSON report."""
    from policycheck.schemas import schema_text

    click.echo(schema_text(name), nl=False)


def _run_options(plans: tuple[str, ...], values: dict[str, Any]) -> RunOptions:
    from policycheck.cli.run import refuse_overwriting_inputs, refuse_stdin_twice

    refuse_bad_config(values.get("lang", DEFAULT_LANG))
    values = dict(values)
    bulletin = bulletin_run_options(values)  # explanations files among -a leave it; --years sets --year
    options = replace(run_options(plans, values), **bulletin)
    inputs = plans + options.actuals + options.notes + ((options.compare,) if options.compare else ())
    if options.outputs:  # the output module only when there is output to check (docs/performance.md#start-up)
        from policycheck.cli.output import output_targets

        output_targets([path for _, path in options.outputs])  # OutputError: exit 2 before any work
    refuse_stdin_twice(inputs)
    refuse_overwriting_inputs([path for _, path in options.outputs], inputs)
    return options
