"""The year-end 通报 options of ``check`` and ``units``: explanations, history, and their exit code.

``--notes FILE`` (and explanations files recognised among ``-a`` by their
columns), ``--require-explanations``, ``--compare LAST.json`` and ``--years
A-B`` (docs/reports.md#explanations, docs/reports.md#history-and-trends).
:func:`bulletin_run_options` sorts the command line out before anything is read;
:func:`add_bulletin` adds trends and explanations to an evaluated report;
:func:`exit_code` is the exit code of the run.  ``template --notes`` is
:mod:`policycheck.cli.template_notes`.
"""
from __future__ import annotations

import functools
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

import click

from policycheck.cli.exitcodes import EXIT_FAIL, EXIT_OK
from policycheck.errors import PolicycheckError
from policycheck.findings import Finding, format_parsable
from policycheck.textsafe import one_line

if TYPE_CHECKING:
    from policycheck.cli.options import RunOptions
    from policycheck.model import Plan, Report
    from policycheck.observations import Actuals

F = TypeVar("F", bound=Callable[..., Any])


def bulletin_options(func: F) -> F:
    """The options of ``check`` and ``units`` for the year-end 通报."""
    decorators = [
        click.option("--notes", "notes", multiple=True, type=click.Path(dir_okay=False),
                     help="Explanations file (CSV, workbook or YAML; a sheet as BOOK#SHEET): 原因/措施/责任人 per "
                          "target and year (repeatable). A CSV or sheet among -a with a 原因 or 措施 column "
                          "is one too."),
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


def bulletin_run_options(values: dict[str, Any]) -> dict[str, Any]:
    """The 通报 fields of :class:`policycheck.cli.options.RunOptions`, taken out of click's values.

    Explanations files among ``-a`` leave ``values["actuals"]`` for ``notes``;
    ``--years A-B`` becomes the assessment year B (``values["year"]``); options
    that cannot go together are usage errors.  Works for every command with
    :func:`policycheck.cli.options.evaluation_options` (explain has no 通报
    options, but an explanations file among its ``-a`` is still not actuals).
    """
    from policycheck.actuals.notes_read import is_notes_file
    from policycheck.messages import msg

    lang = values.get("lang") or "zh"
    actuals = tuple(values.get("actuals", ()))
    found = tuple(path for path in actuals if is_notes_file(path))
    values["actuals"] = tuple(path for path in actuals if path not in found)
    if found and not values["actuals"]:
        raise PolicycheckError(msg("cli.notes-not-actuals", paths=", ".join(found)).get(lang))
    fields: dict[str, Any] = {
        "notes": tuple(values.pop("notes", None) or ()) + found,
        "require_explanations": bool(values.pop("require_explanations", False)),
        "compare": values.pop("compare", None),
        "years": None,
    }
    years_text = values.pop("years", None)
    if years_text:
        if values.get("year") is not None:
            raise PolicycheckError(msg("cli.year-and-years").get(lang))
        if values.get("period") is not None:
            raise PolicycheckError(msg("cli.period-and-years").get(lang))
        if fields["compare"]:
            raise PolicycheckError(msg("cli.compare-and-years").get(lang))
        from policycheck.actuals.template import parse_years

        first, last = parse_years(years_text)
        fields["years"] = (first, last)
        values["year"] = last
    return fields


def add_bulletin(report: Report, plans: Sequence[Plan], actuals: Actuals, options: RunOptions) -> Report:
    """``report`` with trends (--compare, --years) and explanations (--notes) added
    (:func:`policycheck.bulletin_service.with_bulletin`); the warnings of explanations
    files on stderr unless -q, the PC606 findings of --require-explanations always."""
    from policycheck.bulletin_service import with_bulletin

    previous = None
    if options.compare and options.years is None:
        from policycheck.messages import msg
        from policycheck.previous import read_report

        previous = read_report(options.compare, options.max_bytes)
        if not options.quiet:
            for info in report.plans:
                if info.id not in previous.years:
                    print(one_line(msg("cli.compare-no-plan", path=options.compare, plan=info.id).get(options.lang)),
                          file=sys.stderr)
    printed = None if options.quiet else functools.partial(_print, lang=options.lang)
    before = set(report.findings)
    report = with_bulletin(report, plans, actuals, options.evaluation, notes=options.notes, compare=previous,
                           years=options.years, require_explanations=options.require_explanations,
                           encoding=options.encoding, allow_unknown=options.allow_unknown,
                           max_bytes=options.max_bytes, on_warnings=printed)
    # errors of the run: on stderr even with -q, as validate's are
    _print([f for f in report.findings if f.rule == "PC606" and f not in before], options.lang)
    return report


def _print(findings: Sequence[Finding], lang: str) -> None:
    for finding in findings:
        print(one_line(format_parsable(finding, lang)), file=sys.stderr)


def exit_code(report: Report, options: RunOptions) -> int:
    """0 or 1.  With --require-explanations: 1 when a failing target lacks an explanation."""
    if options.require_explanations:
        return EXIT_FAIL if any(f.rule == "PC606" for f in report.findings) else EXIT_OK
    return EXIT_FAIL if report.summary.failing else EXIT_OK


__all__ = ["add_bulletin", "bulletin_options", "bulletin_run_options", "exit_code"]
