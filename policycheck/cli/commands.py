"""The command line: parse options, call the core, pick a reporter, exit.

Only this module imports click.  Heavy modules are imported inside the
commands so that ``policycheck --version`` and ``--help`` start fast.
"""
from __future__ import annotations

import functools
import os
import sys
from dataclasses import dataclass
from typing import Any, Callable, NoReturn, Sequence

import click

from policycheck import __version__
from policycheck.errors import InputError, PolicycheckError
from policycheck.findings import Finding, format_parsable
from policycheck.reporters.labels import LANGS
from policycheck.reporters import (OUTPUT_FORMATS, REPORT_FORMATS, REPORTER_BY_NAME, VALIDATE_FORMATS, RenderOptions,
                                   Validation)
from policycheck.cli.run import EXIT_FAIL, EXIT_OK, EXIT_USAGE
from policycheck.cli.bulletin import bulletin_options, notes_template_options, prepare_run_kwargs, run_notes_template

FAIL_ON_LEVELS = ("missed", "off-track", "at-risk", "no-data", "never")
FORMAT_HELP = "; ".join(f"{name}: {desc}" for name, (_, desc) in REPORTER_BY_NAME.items())
CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


@dataclass
class RunOptions:
    """The options of check/units/explain, copied out of click."""

    plans: tuple[str, ...]
    actuals: tuple[str, ...]
    year: int | None = None
    method: str | None = None
    on_track: float | None = None
    at_risk: float | None = None
    fail_on: str = "off-track"
    strict: bool = False
    lang: str = "zh"
    fmt: str | None = None
    tablefmt: str = "simple"
    outputs: tuple[tuple[str, str], ...] = ()
    encoding: str = "auto"
    allow_unknown: bool = False
    color: bool | None = None
    quiet: bool = False
    verbose: int = 0
    # The year-end 通报 (policycheck.cli.bulletin): explanations files, history.
    notes: tuple[str, ...] = ()
    require_explanations: bool = False
    compare: str | None = None
    years: tuple[int, int] | None = None


def fail(message: str) -> NoReturn:
    """Print a user error (no traceback) and exit 2."""
    click.echo(message, err=True)
    sys.exit(EXIT_USAGE)


def refuse_overwriting_inputs(outputs: Sequence[str], inputs: Sequence[str]) -> None:
    """Exit 2 before any work when an output file is one of the inputs (they are never modified)."""
    from policycheck.cli.output import overwritten_inputs

    clashes = overwritten_inputs(outputs, inputs)
    if clashes:
        fail("\n".join(f"{path}: is an input file of this run; inputs are never modified, "
                       "so write the output to another path" for path in clashes))


def echo_findings(findings: Sequence[Finding], *, quiet: bool = False) -> None:
    for finding in findings:
        if quiet and not finding.is_error:
            continue
        click.echo(format_parsable(finding), err=True)


def handle_errors(func: Callable[..., Any]) -> Callable[..., Any]:
    """Turn library errors into ``FILE:LINE:COL: message`` on stderr and exit 2."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except InputError as exc:
            echo_findings(exc.findings)
            if not exc.findings:
                click.echo(str(exc), err=True)
            sys.exit(EXIT_USAGE)
        except PolicycheckError as exc:
            fail(str(exc))

    return wrapper


def use_color(requested: bool | None) -> bool:
    if requested is not None:
        return requested
    if os.environ.get("NO_COLOR"):
        return False
    return sys.stdout.isatty()


def parse_output(ctx: click.Context, param: click.Parameter, values: Sequence[str]) -> tuple[tuple[str, str], ...]:
    parsed = []
    for value in values:
        fmt, sep, path = value.partition("=")
        if not sep or not path:
            raise click.BadParameter(f"{value!r}: expected FORMAT=PATH, e.g. json=report.json")
        if fmt not in OUTPUT_FORMATS:
            raise click.BadParameter(f"{fmt!r} is not a format; choose one of {', '.join(OUTPUT_FORMATS)}")
        parsed.append((fmt, path))
    return tuple(parsed)


def check_tablefmt(ctx: click.Context, param: click.Parameter, value: str) -> str:
    """An unknown tabulate format is a usage error, not a silent fallback to 'simple'."""
    from tabulate import tabulate_formats  # here, not at import: --help stays fast

    if value not in tabulate_formats:
        raise click.BadParameter(f"{value!r} is not a tabulate format; choose one of {', '.join(tabulate_formats)}")
    return value


def evaluation_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """The options shared by check, units and explain (SPEC 1)."""
    decorators = [
        click.option("-a", "--actuals", "actuals", multiple=True, required=True,
                     type=click.Path(dir_okay=False), help="Actuals CSV file (repeatable)."),
        click.option("--year", type=click.IntRange(1900, 2200),
                     help="Assessment year. Default: per plan, the latest year with any observation."),
        click.option("--method", type=click.Choice(["linear", "cagr"]),
                     help="Progress method: linear schedule (序时进度, default) or growth-rate ratio."),
        click.option("--on-track", type=click.FloatRange(0, None), help="Progress ratio for on_track (default 0.95)."),
        click.option("--at-risk", type=click.FloatRange(0, None), help="Progress ratio for at_risk (default 0.6)."),
        click.option("--fail-on", type=click.Choice(FAIL_ON_LEVELS), default="off-track", show_default=True,
                     help="Exit 1 when any result is at or above this level."),
        click.option("--strict", is_flag=True, help="Aspirational (力争) targets can fail the run too."),
        click.option("--lang", type=click.Choice(LANGS), default="zh", show_default=True,
                     help="Language of labels (machine values are never translated)."),
        click.option("-f", "--format", "fmt", type=click.Choice(REPORT_FORMATS),
                     help=f"What goes to stdout. {FORMAT_HELP}."),
        click.option("--tablefmt", default="simple", show_default=True, callback=check_tablefmt,
                     help="tabulate format for -f text (e.g. github, grid, plain)."),
        click.option("-o", "--output", "outputs", multiple=True, callback=parse_output, metavar="FORMAT=PATH",
                     help="Also write a report file from the same run (repeatable)."),
        click.option("--encoding", default="auto", show_default=True,
                     help="CSV encoding: auto (BOM, UTF-8, then GB18030), utf-8, gb18030, ..."),
        click.option("--allow-unknown", is_flag=True, help="Unknown target ids in CSV become warnings."),
        click.option("--color/--no-color", default=None, help="Colour the terminal output (honours NO_COLOR)."),
        click.option("-q", "--quiet", is_flag=True, help="Print only the one-line summary; -o files are still written."),
        click.option("-v", "--verbose", count=True,
                     help="Say on stderr what was read and which assessment year each plan got."),
    ]
    for decorator in reversed(decorators):
        func = decorator(func)
    return func


@click.group(context_settings=CONTEXT_SETTINGS)
@click.version_option(__version__, "-V", "--version", prog_name="policycheck")
def main() -> None:
    """Check development-plan targets (规划目标) against actual statistics.

    Plans are YAML files, actuals are CSV files; see the docs/ folder of the
    project for both formats. Exit codes: 0 fine, 1 failing results or
    findings, 2 usage error or unusable input.
    """


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("-f", "--format", "fmt", type=click.Choice(("auto",) + VALIDATE_FORMATS), default="auto",
              show_default=True, help="auto: github under GITHUB_ACTIONS=true, otherwise text.")
@click.option("--strict", is_flag=True, help="Warnings count as errors.")
@click.option("--encoding", default="auto", show_default=True, help="CSV encoding (see check).")
@click.option("--allow-unknown", is_flag=True, help="Unknown target ids in CSV become warnings.")
@click.option("-o", "--output", "outputs", multiple=True, metavar="FORMAT=PATH",
              help="Also write the findings to a file in text, json, sarif or github (repeatable).")
@click.option("-q", "--quiet", is_flag=True, help="Print nothing on success.")
@handle_errors
def validate(paths: tuple[str, ...], fmt: str, strict: bool, encoding: str, allow_unknown: bool,
             outputs: tuple[str, ...], quiet: bool) -> None:
    """Validate plans (*.yaml, *.yml) and actuals (*.csv); folders are searched.

    Exit 0 when there is no error-level finding (warnings allowed unless
    --strict), 1 when there is one, 2 for a usage error, a missing path or a
    folder with no plan or CSV file in it.
    """
    from policycheck.plans.validate import expand, nothing_found, validate_found

    for path in paths:
        if not os.path.exists(path):
            fail(f"{path}: no such file or folder")
    found = expand(paths)
    if found.empty:  # almost surely a wrong path in a CI job: fail like a missing one
        fail("\n".join(nothing_found(folder) for folder in found.empty))
    extra = _parse_validate_outputs(outputs)
    refuse_overwriting_inputs([path for _, path in extra], found.plans + found.csvs)
    validation = validate_found(found, strict=strict, encoding=encoding, allow_unknown=allow_unknown)
    if fmt == "auto":
        fmt = "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"
    _emit_validation(validation, fmt, extra, quiet=quiet)
    failing = [f for f in validation.findings if f.is_error or (strict and f.level == "warning")]
    sys.exit(EXIT_FAIL if failing else EXIT_OK)


def _parse_validate_outputs(outputs: Sequence[str]) -> list[tuple[str, str]]:
    parsed = []
    for value in outputs:
        fmt, sep, path = value.partition("=")
        if not sep or not path or fmt not in VALIDATE_FORMATS:
            fail(f"-o {value}: expected FORMAT=PATH with FORMAT one of {', '.join(VALIDATE_FORMATS)}")
        parsed.append((fmt, path))
    return parsed


def _emit_validation(validation: Validation, fmt: str, extra: Sequence[tuple[str, str]], *, quiet: bool) -> None:
    from policycheck.cli.output import atomic_write_all
    from policycheck.reporters import render_findings

    options = RenderOptions()
    rendered = {f: render_findings(validation, f, options) for f in {fmt, *(f for f, _ in extra)}}
    atomic_write_all([(path, rendered[out_fmt]) for out_fmt, path in extra])
    if not (quiet and not validation.findings):
        click.echo(rendered[fmt], nl=False)


@main.command()
@click.argument("plans", nargs=-1, required=True, type=click.Path(dir_okay=False))
@evaluation_options
@bulletin_options
@handle_errors
def check(plans: tuple[str, ...], **kwargs: Any) -> None:
    """Evaluate every target of PLANS against the actuals: the main job."""
    from policycheck.cli.run import run_report

    sys.exit(run_report(_run_options(plans, kwargs), view="results"))


@main.command()
@click.argument("plans", nargs=-1, required=True, type=click.Path(dir_okay=False))
@evaluation_options
@bulletin_options
@handle_errors
def units(plans: tuple[str, ...], **kwargs: Any) -> None:
    """The per-unit view: which responsible unit (责任单位) owns which shortfall."""
    from policycheck.cli.run import run_report

    sys.exit(run_report(_run_options(plans, kwargs), view="units"))


@main.command()
@click.argument("plan", type=click.Path(dir_okay=False))
@click.argument("target")
@evaluation_options
@handle_errors
def explain(plan: str, target: str, **kwargs: Any) -> None:
    """One TARGET of PLAN year by year, with a chart in the terminal."""
    from policycheck.cli.run import run_explain

    sys.exit(run_explain(_run_options((plan,), kwargs), target))


@main.command()
@click.argument("plans", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option("--years", metavar="A-B", help="Years to ask for (default: baseline year to period end).")
@click.option("--wide", is_flag=True, help="One column per year instead of one row per year.")
@click.option("-o", "--output", "output", type=click.Path(dir_okay=False), help="Write to FILE (atomically).")
@click.option("--lang", type=click.Choice(LANGS), default="zh", show_default=True,
              help="Language of the header row.")
@notes_template_options
@handle_errors
def template(plans: tuple[str, ...], years: str | None, wide: bool, output: str | None, lang: str,
             notes_template: bool = False, **run: Any) -> None:
    """Write a CSV to fill in: one row per target (and unit) and year.

    With --notes and -a: the explanations file to fill in, one row per failing target of the run.
    """
    from policycheck.cli.output import atomic_write
    from policycheck.plans.build import load_plan
    from policycheck.actuals.template import build_template, parse_years

    if notes_template:
        sys.exit(run_notes_template(plans, output=output, lang=lang, years=years, wide=wide, **run))
    if run.get("actuals"):
        fail("template: -a is for --notes (the explanations file of a run); without --notes the CSV "
             "to fill in needs only the plans")
    if output:
        refuse_overwriting_inputs([output], plans)
    loaded = [load_plan(path) for path in plans]
    text = build_template(loaded, years=parse_years(years) if years else None, wide=wide, lang=lang)
    if output:
        atomic_write(output, text, encoding="utf-8-sig")
    else:
        click.echo(text, nl=False)


@main.command()
@click.argument("name", type=click.Choice(["plan", "report"]), default="plan")
def schema(name: str) -> None:
    """Print the JSON Schema of a plan file or of the JSON report."""
    from policycheck.schemas import schema_text

    click.echo(schema_text(name), nl=False)


def _run_options(plans: tuple[str, ...], kwargs: dict[str, Any]) -> RunOptions:
    kwargs = dict(kwargs)
    prepare_run_kwargs(kwargs)
    inputs = plans + tuple(kwargs["actuals"]) + kwargs["notes"] + ((kwargs["compare"],) if kwargs.get("compare") else ())
    refuse_overwriting_inputs([path for _, path in kwargs.get("outputs", ())], inputs)
    kwargs["color"] = use_color(kwargs.get("color"))
    return RunOptions(plans=plans, **kwargs)
