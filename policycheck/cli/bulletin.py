"""The year-end 通报 options of ``check`` and ``units``: explanations, history, and their exit code.

``--notes FILE`` (and explanations files recognised among ``-a`` by their
columns), ``--require-explanations``, ``--compare LAST.json`` and ``--years
A-B`` (docs/reports.md#explanations, docs/reports.md#history-and-trends).
:func:`prepare_run_kwargs` sorts the command line out before anything is read;
:func:`add_bulletin` adds trends and explanations to an evaluated report;
:func:`exit_code` is the exit code of the run.  ``template --notes`` is
:func:`run_notes_template`.
"""
from __future__ import annotations

import sys
from dataclasses import replace
from typing import TYPE_CHECKING, Any, Callable, NoReturn, Sequence, TypeVar

import click

from policycheck.errors import InputError, PolicycheckError
from policycheck.findings import Finding, format_parsable, has_errors

if TYPE_CHECKING:
    from policycheck.cli.commands import RunOptions
    from policycheck.evaluation.history import ResultKey
    from policycheck.explanations.resolve import NoteKey
    from policycheck.model import Actuals, Explanation, Plan, Report, YearStatus

F = TypeVar("F", bound=Callable[..., Any])
_EXIT_OK, _EXIT_FAIL = 0, 1


def bulletin_options(func: F) -> F:
    """The options of ``check`` and ``units`` for the year-end 通报."""
    decorators = [
        click.option("--notes", "notes", multiple=True, type=click.Path(dir_okay=False),
                     help="Explanations file (CSV or YAML): 原因/措施/责任人 per target and year (repeatable). "
                          "A CSV among -a with a 原因 or 措施 column is one too."),
        click.option("--require-explanations", is_flag=True,
                     help="Exit 1 when a failing target has no explanation (and 0 once each has one)."),
        click.option("--compare", metavar="LAST.json", type=click.Path(dir_okay=False),
                     help="A previous JSON report: add each target's status then and its trend."),
        click.option("--years", "years", metavar="A-B",
                     help="Evaluate every year from A to B; report B with each target's status per year and trend."),
    ]
    for decorator in reversed(decorators):
        func = decorator(func)
    return func


def prepare_run_kwargs(kwargs: dict[str, Any]) -> None:
    """Sort out the command line in place, before any file is read.

    Explanations files among ``-a`` move to ``notes``; ``--years A-B`` becomes
    the assessment year B; options that cannot go together are usage errors.
    """
    from policycheck.actuals.template import parse_years
    from policycheck.explanations.read import is_notes_file

    actuals = tuple(kwargs.get("actuals", ()))
    found = tuple(path for path in actuals if is_notes_file(path))
    kwargs["actuals"] = tuple(path for path in actuals if path not in found)
    kwargs["notes"] = tuple(kwargs.get("notes", ())) + found
    if found and not kwargs["actuals"]:
        _usage(f"{', '.join(found)}: an explanations file (it has a 原因 or 措施 column), not actuals; "
               "give the statistics with -a too")
    years_text = kwargs.get("years")
    if years_text:
        if kwargs.get("year") is not None:
            _usage("--year and --years cannot be used together: --years A-B assesses year B")
        if kwargs.get("compare"):
            _usage("--compare and --years cannot be used together: each gives the earlier statuses")
        try:
            first, last = parse_years(years_text)
        except PolicycheckError as exc:
            _usage(str(exc))
        kwargs["years"] = (first, last)
        kwargs["year"] = last
    else:
        kwargs["years"] = None


def _usage(message: str) -> NoReturn:
    click.echo(message, err=True)
    sys.exit(2)


def add_bulletin(report: "Report", plans: Sequence["Plan"], actuals: "Actuals", options: "RunOptions") -> "Report":
    """``report`` with trends (--compare, --years) and explanations (--notes) added."""
    if options.years is not None:
        report = _with_years(report, plans, actuals, options)
    elif options.compare:
        report = _with_previous(report, options)
    if options.notes or options.require_explanations:
        notes = load_notes(options.notes, plans, options)
        from policycheck.explanations.attach import missing_explanations, with_explanations

        report = with_explanations(report, notes)
        if options.require_explanations:
            missing = missing_explanations(report, notes)
            for finding in missing:  # errors of the run: on stderr even with -q, as validate's are
                print(format_parsable(finding), file=sys.stderr)
            report = replace(report, findings=tuple(sorted([*report.findings, *missing], key=Finding.sort_key)))
    return report


def exit_code(report: "Report", options: "RunOptions") -> int:
    """0 or 1.  With --require-explanations: 1 when a failing target lacks an explanation."""
    if getattr(options, "require_explanations", False):
        return _EXIT_FAIL if any(f.rule == "PC506" for f in report.findings) else _EXIT_OK
    return _EXIT_FAIL if report.summary.failing else _EXIT_OK


def load_notes(paths: Sequence[str], plans: Sequence["Plan"], options: "RunOptions") -> dict["NoteKey", "Explanation"]:
    """Every explanations file of the run; InputError (exit 2) when any has an error."""
    from policycheck.explanations.read import read_notes_file
    from policycheck.explanations.resolve import resolve_rows

    rows = []
    findings: list[Finding] = []
    for path in paths:
        read = read_notes_file(path, encoding=options.encoding)
        rows.extend(read.rows)
        findings.extend(read.findings)
    resolved = resolve_rows(rows, plans, allow_unknown=options.allow_unknown)
    findings.extend(resolved.findings)
    if has_errors(findings):
        raise InputError(findings)
    if not options.quiet:
        for finding in findings:
            print(format_parsable(finding), file=sys.stderr)
    return resolved.notes


def _with_years(report: "Report", plans: Sequence["Plan"], actuals: "Actuals", options: "RunOptions") -> "Report":
    from policycheck.evaluation.engine import evaluate
    from policycheck.evaluation.history import with_trends, year_statuses

    assert options.years is not None
    first, last = options.years
    earlier = []
    for year in range(first, last):
        past = evaluate(plans, actuals, year=year, method=options.method, on_track=options.on_track,
                        at_risk=options.at_risk, fail_on=options.fail_on, strict=options.strict)
        earlier.append(year_statuses(past))
    return with_trends(report, earlier)


def _with_previous(report: "Report", options: "RunOptions") -> "Report":
    from policycheck.actuals.previous import read_report
    from policycheck.evaluation.history import with_trends

    assert options.compare is not None
    past = read_report(options.compare)
    earlier: dict["ResultKey", "YearStatus"] = {}
    from policycheck.model import YearStatus

    for item in past.results:
        earlier[(item.plan, item.target, item.unit)] = YearStatus(item.year, item.status, item.actual)
    if not options.quiet:
        for info in report.plans:
            if info.id not in past.years:
                print(f"{options.compare}: warning: the previous report has no results of plan {info.id}; "
                      "its targets have nothing to compare with", file=sys.stderr)
    return with_trends(report, [earlier])


def run_notes_template(plans: tuple[str, ...], *, output: str | None, lang: str, years: str | None, wide: bool,
                       **kwargs: Any) -> int:
    """``template --notes``: evaluate like ``check`` and write the explanations file to fill in."""
    from policycheck.cli.commands import RunOptions, refuse_overwriting_inputs
    from policycheck.cli.output import atomic_write
    from policycheck.cli.run import build_report
    from policycheck.explanations.template import notes_template

    if years or wide:
        _usage("template --notes takes --year (the assessment year), not --years or --wide")
    if not kwargs.get("actuals"):
        _usage("template --notes needs the statistics: -a FILE (the run whose failing targets to explain)")
    run = dict(kwargs)
    prepare_run_kwargs(run)
    if output:
        refuse_overwriting_inputs([output], plans + tuple(kwargs["actuals"]) + tuple(run["notes"]))
    options = RunOptions(plans=plans, lang=lang, quiet=True, **run)
    report = build_report(options)
    text = notes_template(report, lang)
    if output:
        atomic_write(output, text, encoding="utf-8-sig")
    else:
        click.echo(text, nl=False)
    return _EXIT_OK


def notes_template_options(func: F) -> F:
    """The options ``template --notes`` adds: the run whose failing targets get a row."""
    from policycheck.model import FAIL_ON

    decorators = [
        click.option("--notes", "notes_template", is_flag=True,
                     help="Write the explanations file to fill in (原因/措施) for the failing targets of a run."),
        click.option("-a", "--actuals", "actuals", multiple=True, type=click.Path(dir_okay=False),
                     help="With --notes: the actuals CSV files of the run (repeatable)."),
        click.option("--year", type=click.IntRange(1900, 2200), help="With --notes: the assessment year."),
        click.option("--method", type=click.Choice(["linear", "cagr"]), help="With --notes: as for check."),
        click.option("--on-track", type=click.FloatRange(0, None), help="With --notes: as for check."),
        click.option("--at-risk", type=click.FloatRange(0, None), help="With --notes: as for check."),
        click.option("--fail-on", type=click.Choice(tuple(FAIL_ON)), default="off-track", show_default=True,
                     help="With --notes: which results need an explanation (those failing the run)."),
        click.option("--strict", is_flag=True, help="With --notes: aspirational targets can fail too."),
        click.option("--encoding", default="auto", show_default=True, help="With --notes: CSV encoding."),
        click.option("--allow-unknown", is_flag=True, help="With --notes: unknown target ids become warnings."),
    ]
    for decorator in reversed(decorators):
        func = decorator(func)
    return func


__all__ = ["add_bulletin", "bulletin_options", "exit_code", "load_notes",
           "notes_template_options", "prepare_run_kwargs", "run_notes_template"]
