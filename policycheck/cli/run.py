"""One run of check/units/explain: load, evaluate, render, write, exit code.

The CLI copies its options into :class:`policycheck.cli.commands.RunOptions` and calls
these functions; they print to stdout/stderr and return the exit code.
"""
from __future__ import annotations

import os
import sys
from dataclasses import replace
from typing import TYPE_CHECKING, Sequence

from policycheck.errors import InputError, PolicycheckError
from policycheck.findings import Finding, format_parsable, has_errors

if TYPE_CHECKING:
    from policycheck.cli.commands import RunOptions
    from policycheck.model import Actuals, Plan, Report
    from policycheck.reporters import RenderOptions

#: The exit codes of every command (SPEC): fine, failing results or findings, usage error or unusable input.
EXIT_OK, EXIT_FAIL, EXIT_USAGE = 0, 1, 2


def load_inputs(options: "RunOptions") -> tuple[list["Plan"], "Actuals"]:
    """Load every plan and CSV; raise :class:`InputError` with all error findings."""
    from policycheck.actuals.load import read_actuals
    from policycheck.plans.build import check_plan_files

    plans, findings = check_plan_files(distinct_files(options.plans))
    if has_errors(findings):
        raise InputError(findings)
    _refuse_shared_plan_ids(plans)
    _echo_warnings(findings, options)
    actuals = read_actuals(distinct_files(options.actuals), plans=plans, encoding=options.encoding,
                           allow_unknown=options.allow_unknown)
    if has_errors(actuals.findings):
        raise InputError(actuals.findings)
    _echo_warnings(actuals.findings, options)
    # The report lists every finding of its inputs, so the plans' warnings
    # (PC302, PC304, PC306, PC309) reach SARIF, JUnit and the summaries too.
    actuals.findings.extend(findings)
    return plans, actuals


def distinct_files(paths: Sequence[str]) -> list[str]:
    """``paths`` with every file once, as validate lists them.

    A shell glob and a file named again (``plans/*.yaml plans/linhai.yaml``)
    must not load a plan twice (its target ids would be "in several plans") nor
    read a CSV twice (every row a duplicate of itself).  Paths to the same file
    (``a.csv``, ``./a.csv``, a symbolic link) count once; the first is kept.
    """
    kept: list[str] = []
    for path in paths:
        if not any(_same_file(path, earlier) for earlier in kept):
            kept.append(path)
    return kept


def _same_file(first: str, second: str) -> bool:
    try:
        return os.path.samefile(first, second)
    except OSError:  # a path that cannot be read is reported by its loader
        return os.path.normpath(first) == os.path.normpath(second)


def _refuse_shared_plan_ids(plans: Sequence["Plan"]) -> None:
    """Two plan files with one id: CSV rows could not say which plan they belong to."""
    first_file: dict[str, str] = {}
    for plan in plans:
        if plan.id in first_file:
            raise PolicycheckError(f"{plan.file}: plan id {plan.id!r} is also the id of {first_file[plan.id]}; "
                                   "plan ids must differ (a CSV plan column names plans by id)")
        first_file[plan.id] = plan.file


def _echo_warnings(findings: Sequence[Finding], options: "RunOptions") -> None:
    if options.quiet:
        return
    for finding in findings:
        print(format_parsable(finding), file=sys.stderr)


def build_report(options: "RunOptions") -> "Report":
    from policycheck.evaluation.engine import evaluate

    plans, actuals = load_inputs(options)
    _warn_about_year(plans, options)
    report = evaluate(plans, actuals, year=options.year, method=options.method,
                      on_track=options.on_track, at_risk=options.at_risk,
                      fail_on=options.fail_on, strict=options.strict)
    if options.verbose and not options.quiet:
        _say_what_was_read(plans, actuals, report, options)
    from policycheck.cli.bulletin import add_bulletin

    return add_bulletin(report, plans, actuals, options)


def _say_what_was_read(plans: Sequence["Plan"], actuals: "Actuals", report: "Report",
                       options: "RunOptions") -> None:
    """-v: the inputs and the assessment year of each plan, so a surprise is explained."""
    for plan in plans:
        print(f"{plan.file}: plan {plan.id}, {len(plan.targets)} targets, period "
              f"{plan.period_start}-{plan.period_end}, baseline year {plan.baseline_year}", file=sys.stderr)
    observations = sum(len(series) for series in actuals.series.values())
    print(f"{', '.join(actuals.files)}: {observations} observations in {len(actuals.series)} series, "
          f"{len(actuals.superseded)} superseded rows", file=sys.stderr)
    for info in report.plans:
        how = "--year" if options.year is not None else "the latest year with data"
        if info.year is None:
            how = "no data at all: the period end"
        print(f"{info.file}: assessed at {info.year if info.year is not None else info.period[1]} ({how})",
              file=sys.stderr)


def _warn_about_year(plans: Sequence["Plan"], options: "RunOptions") -> None:
    """A --year before a plan's baseline year is almost always a typo: say so."""
    if options.year is None or options.quiet:
        return
    for plan in plans:
        if options.year < plan.baseline_year:
            print(f"{plan.file}: warning: --year {options.year} is before the baseline year "
                  f"{plan.baseline_year} of plan {plan.id} ({plan.period_start}-{plan.period_end}); "
                  f"its results can only be no_data or pending", file=sys.stderr)


def run_report(options: "RunOptions", *, view: str) -> int:
    """check (view="results") and units (view="units")."""
    from policycheck.cli.bulletin import exit_code

    report = build_report(options)
    _emit_report(report, options, render_options(options, view))
    return exit_code(report, options)


def render_options(options: "RunOptions", view: str = "results") -> "RenderOptions":
    """What the reporters need from the command line (and the terminal)."""
    from policycheck.reporters import RenderOptions

    return RenderOptions(lang=options.lang, tablefmt=options.tablefmt, color=options.color,
                         width=terminal_width(), verbosity=1 + options.verbose, view=view)


def terminal_width() -> int | None:
    """The width tables are drawn at: ``COLUMNS`` when set (as for ``ls`` and
    rich), else the terminal's when stdout is one, else None (a fixed width)."""
    import shutil

    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        return int(columns)
    if not sys.stdout.isatty():
        return None
    return shutil.get_terminal_size().columns


def default_format() -> str:
    """The stdout format when -f is not given: rich tables on a terminal, plain text otherwise."""
    return "table" if sys.stdout.isatty() else "text"


def _emit_report(report: "Report", options: "RunOptions", render_opts: "RenderOptions") -> None:
    """Write the ``-o`` files, then stdout: the summary line (``-q``) or the chosen format."""
    from policycheck.reporters import render, summary_line

    _write_files(report, options, render_opts)
    if options.quiet:
        print(summary_line(report, options.lang))
    else:
        _write_stdout(render(report, options.fmt or default_format(), render_opts))


def _write_files(report: "Report", options: "RunOptions", render_opts: "RenderOptions") -> None:
    from policycheck.cli.output import atomic_write_all
    from policycheck.reporters import render_file

    # Render every file first, then write them all or none: a rendering error or
    # one unwritable path leaves every existing report as it was.
    atomic_write_all([(path, render_file(report, fmt, render_opts)) for fmt, path in options.outputs])


#: explain draws its year-by-year view for these formats; any other -f is the report of the target.
EXPLAIN_VIEW_FORMATS = ("table", "text")


def run_explain(options: "RunOptions", target_id: str) -> int:
    """explain: the year-by-year view; for ``-q``, ``-o`` and ``-f json|csv|...`` the
    report of this one target, so scripts and CI get the same formats as from check."""
    from policycheck.evaluation.explain import explain_target, target_report
    from policycheck.reporters.explain_view import render_explanation

    plans, actuals = load_inputs(options)
    plan = plans[0]
    if plan.target(target_id) is None:
        raise PolicycheckError(_unknown_target_message(plan, target_id))
    settings = {"year": options.year, "method": options.method, "on_track": options.on_track,
                "at_risk": options.at_risk, "fail_on": options.fail_on, "strict": options.strict}
    fmt = options.fmt or default_format()
    render_opts = render_options(options)
    from policycheck.cli.bulletin import add_bulletin

    if options.quiet or fmt not in EXPLAIN_VIEW_FORMATS:
        report = add_bulletin(target_report(plan, target_id, actuals, **settings), plans, actuals, options)
        _emit_report(report, options, render_opts)
        return EXIT_FAIL if report.summary.failing else EXIT_OK
    if options.outputs:
        report = add_bulletin(target_report(plan, target_id, actuals, **settings), plans, actuals, options)
        _write_files(report, options, render_opts)
    explanation = explain_target(plan, target_id, actuals, **settings)
    if fmt == "text":  # plain, like check's text format: no colour
        render_opts = replace(render_opts, color=False)
    _write_stdout(render_explanation(explanation, render_opts))
    return EXIT_FAIL if explanation.failing else EXIT_OK


def _unknown_target_message(plan: "Plan", target_id: str) -> str:
    import difflib

    ids = [t.id for t in plan.targets]
    close = difflib.get_close_matches(target_id, ids, n=1)
    hint = f"; did you mean {close[0]!r}?" if close else f"; targets are: {', '.join(ids)}"
    return f"{plan.file}: no target {target_id!r} in plan {plan.id}{hint}"


def _write_stdout(text: str) -> None:
    sys.stdout.write(text)
    if text and not text.endswith("\n"):
        sys.stdout.write("\n")
    sys.stdout.flush()
