"""From file paths and options to a report: the one road the command line and the API share.

:func:`run_check` reads the plans (stage ``plans``), then the CSV files
against them (stage ``actuals``), refuses inputs with error findings, and
evaluates (stage ``evaluation``); the plans' warnings reach the report as
findings because they are passed to the evaluation, not slipped into the
actuals.  ``policycheck check`` and :func:`check` both call it, so the API's
report is the command line's report.  Nothing here prints: warnings go to an
``on_warnings`` callback, which the command line uses to show them on stderr
as each input is read.
"""
from __future__ import annotations

import os
from collections.abc import Sequence

from policycheck.errors import ActualsError, PlanError, PolicycheckError
from policycheck.evaluation.options import DEFAULT_OPTIONS, EvaluationOptions
from policycheck.findings import Finding, WarningSink, has_errors
from policycheck.inputs import DEFAULT_MAX_BYTES
from policycheck.messages import msg
from policycheck.model import FailOn, Method, Plan, Report, Target
from policycheck.observations import Actuals
from policycheck.records import record

#: Told the warnings of each input as it is read (the command line prints them).


@record(frozen=True)
class Inputs:
    """The plans and actuals of one run, with the plans' warnings (errors stop the run)."""

    plans: tuple[Plan, ...]
    actuals: Actuals
    plan_findings: tuple[Finding, ...]


@record(frozen=True)
class Checked:
    """One ``check``: what was read and the report made of it."""

    inputs: Inputs
    report: Report


def check(plans: Sequence[str], actuals: Sequence[str], *, year: int | None = None, method: Method | None = None,
          on_track: float | None = None, at_risk: float | None = None, fail_on: FailOn = "off-track",
          strict: bool = False, encoding: str = "auto", allow_unknown: bool = False,
          sheets: Sequence[str] = (), period: str | tuple[int, int] | None = None, reader: str = "auto",
          notes: Sequence[str] = (), require_explanations: bool = False, compare: str | None = None,
          years: str | tuple[int, int] | None = None) -> Report:
    """The report of ``policycheck check PLANS -a ACTUALS``, from the library (README.md#python-api).

    ``period`` (``"2025-09"``, ``"2025Q3"``, ``(2025, 9)``) is ``--period``: the
    assessment at the end of a month (docs/evaluation.md#in-year).  ``reader`` is ``--reader``
    (docs/actuals.md#fast-reader).  The year-end
    通报 options are those of the command line: ``notes`` (explanations files),
    ``require_explanations`` (a PC606 finding for each failing target without one),
    ``compare`` (a previous JSON report) and ``years`` (``"2018-2019"`` or
    ``(2018, 2019)``: every year evaluated, the last reported with its trend), as
    docs/reports.md#explanations describes.

    Raises :class:`policycheck.errors.PlanError` or :class:`policycheck.errors.ActualsError`
    (with every finding) when an input has an error, and
    :class:`policycheck.errors.PolicycheckError` for inputs that cannot go together.
    """
    from policycheck.evaluation.engine import as_of_point

    span = _years(years, year, period)
    options = EvaluationOptions(year=span[1] if span else year, method=method, on_track=on_track, at_risk=at_risk,
                                fail_on=fail_on, strict=strict, period=as_of_point(period))
    checked = run_check(plans, actuals, options, encoding=encoding, allow_unknown=allow_unknown, sheets=sheets,
                        reader=reader)
    if not (notes or require_explanations or compare or span):
        return checked.report
    from policycheck.bulletin_service import with_bulletin

    return with_bulletin(checked.report, checked.inputs.plans, checked.inputs.actuals, options, notes=notes,
                         compare=compare, years=span, require_explanations=require_explanations,
                         encoding=encoding, allow_unknown=allow_unknown)


def _years(years: str | tuple[int, int] | None, year: int | None,
           period: str | tuple[int, int] | None) -> tuple[int, int] | None:
    """``years`` as (first, last); it cannot go with ``year`` or ``period``, as on the command line."""
    if years is None:
        return None
    if year is not None or period is not None:
        raise PolicycheckError(msg("api.years-with-year"))
    if isinstance(years, str):
        from policycheck.actuals.template import parse_years

        return parse_years(years)
    first, last = years
    if first > last:
        raise PolicycheckError(msg("api.years-order", years=repr(years)))
    return first, last


def run_check(plans: Sequence[str], actuals: Sequence[str], options: EvaluationOptions = DEFAULT_OPTIONS, *,
              encoding: str = "auto", allow_unknown: bool = False, sheets: Sequence[str] = (),
              on_warnings: WarningSink | None = None, max_bytes: int = DEFAULT_MAX_BYTES,
              reader: str = "auto") -> Checked:
    """Read, check and evaluate: the inputs and the report."""
    from policycheck.evaluation.engine import evaluate_plans

    inputs = load_inputs(plans, actuals, encoding=encoding, allow_unknown=allow_unknown, sheets=sheets,
                         on_warnings=on_warnings, max_bytes=max_bytes, reader=reader)
    report = evaluate_plans(inputs.plans, inputs.actuals, options, plan_findings=inputs.plan_findings)
    return Checked(inputs, report)


def load_inputs(plans: Sequence[str], actuals: Sequence[str], *, encoding: str = "auto",
                allow_unknown: bool = False, sheets: Sequence[str] = (),
                on_warnings: WarningSink | None = None, max_bytes: int = DEFAULT_MAX_BYTES,
                reader: str = "auto") -> Inputs:
    """Every plan, then every CSV file and workbook against them (``sheets``: the sheets to read of
    workbooks named without one); an input with an error raises, listing every finding."""
    from policycheck.actuals.load import read_actuals
    from policycheck.plans.build import check_plan_files

    # Two plan files with one id are PC320, an error, as validate reports them.
    loaded, findings = check_plan_files(distinct_files(plans), max_bytes)
    if has_errors(findings):
        raise PlanError(findings)
    if on_warnings is not None:
        on_warnings(findings)
    data = read_actuals(distinct_files(actuals), plans=loaded, encoding=encoding, allow_unknown=allow_unknown,
                        sheets=sheets, max_bytes=max_bytes, reader=reader)
    if has_errors(data.findings):
        raise ActualsError(data.findings)
    if on_warnings is not None:
        on_warnings(data.findings)
    return Inputs(tuple(loaded), data, tuple(findings))


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


def find_target(plan: Plan, target_id: str) -> Target:
    """The plan's target of that id; :class:`PolicycheckError` naming the closest id otherwise."""
    target = plan.target(target_id)
    if target is not None:
        return target
    ids = [t.id for t in plan.targets]
    import difflib  # only to suggest a name; not imported on the common path
    close = difflib.get_close_matches(target_id, ids, n=1)
    shown = ", ".join(ids[:20]) + (f", ... ({len(ids):,} targets)" if len(ids) > 20 else "")
    hint = msg("cli.did-you-mean", name=repr(close[0])) if close else msg("cli.target-list", targets=shown)
    raise PolicycheckError(msg("cli.no-target", file=plan.file, target=repr(target_id), plan=plan.id, hint=hint))
