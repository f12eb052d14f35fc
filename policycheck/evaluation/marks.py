"""What a result says beyond its numbers: a stated verdict, an approximate actual, a change
from the base year, grade names, and a magnitude conversion that looks wrong.

Applied to the outcome of every kind after the kind's own rules have run
(docs/evaluation.md#stated-verdicts):

- a CSV cell that states a verdict (已完成, 提前完成, 未完成) for the assessment
  year makes the result met or missed as stated, with no number;
- an approximate cell (约4.4, 4.4左右) flags the result ``approximate``;
- a change milestone (比2020年下降13.5%, 位次提升3位) reports the change made so far;
- a category target names its grades;
- a value converted between magnitudes whose attainment is outside 1 %..1,000 %
  is a PC414 warning naming both magnitudes (15507.87亿 read as if the target's
  万亿元 were 万 would be an attainment of 9,692,418,750 %);
- so is a converted value of an earlier year the result reads (the baseline, the
  year before a growth, a year of the path) that is outside 1 %..1,000 % of the
  assessed year's value: 150万 typed for a baseline of 150亿 is 0.015 亿元, and
  every number measured from it would be wrong without a word;
- a result judged after its final year T on the figure of a later year, while
  the series has no figure for T, is a PC417 warning at that figure's cell
  (docs/evaluation.md#after-the-final-year).
"""
from __future__ import annotations

import math

from policycheck.changes import Change
from policycheck.evaluation.context import Case, baseline_year
from policycheck.evaluation.outcome import Outcome
from policycheck.evaluation.reasons import because
from policycheck.findings import WARNING, Finding
from policycheck.kinds import kind_spec
from policycheck.messages import msg
from policycheck.numtext import percent_text
from policycheck.observations import Observation
from policycheck.verdicts import stated_verdict

#: Attainment outside this range after a magnitude conversion is PC414 (docs/actuals.md#magnitudes).
PLAUSIBLE = (0.01, 10.0)


def apply_marks(case: Case, out: Outcome) -> list[Finding]:
    """Add the marks to ``out``; the PC414 findings of conversions that look wrong."""
    target = case.target
    obs = case.series.marks(case.year)
    if obs is not None and obs.stated is not None and target.kind != "milestone":
        _stated(case, obs, out)
    elif _approximate(case):
        out.approximate = True
    _change(case, out)
    if target.categories:
        out.category = grade_name(target.categories, out.actual)
        out.target_category = grade_name(target.categories, out.target_value)
    findings = _earlier_slips(case)
    late = _after_end(case, out)
    if late is not None:
        findings.append(late)
    if obs is not None and obs.converted is not None:
        finding = _implausible(case, obs, out.attainment)
        if finding is not None:
            findings.append(finding)
    return findings


def _stated(case: Case, obs: Observation, out: Outcome) -> None:
    """Met or missed as stated: no number, no schedule arithmetic, the word kept."""
    word = obs.stated or ""
    met = bool(stated_verdict(word))
    out.actual = out.gap = out.attainment = out.progress = out.progress_ratio = None
    out.required_annual = out.trend_annual = out.projected = out.projected_met = out.level = None
    out.last_year = out.last_value = None
    out.stated, out.data_status = word, obs.status
    code = "stated_met" if met else "stated_missed"
    if obs.source:  # the verdict is only as good as who states it: say who
        reason = because(f"{code}_source", word=word, year=case.year, source=obs.source)
    else:
        reason = because(code, word=word, year=case.year)
    out.judge("met" if met else "missed", reason)


def _approximate(case: Case) -> bool:
    """The actual rests on an approximate figure: the value at Y, or any year of a running sum."""
    first = case.year
    if case.target.kind == "cumulative" and case.target.actuals != "running_total":
        first = case.since
    return any((obs := case.series.marks(year)) is not None and obs.approximate
               for year in range(first, case.year + 1))


def _change(case: Case, out: Outcome) -> None:
    """The change from the base year a change milestone asks for, and the change made so far."""
    if not case.milestones or not isinstance(case.milestones[-1][1], Change):
        return
    change = case.milestones[-1][1]
    baseline, actual = out.baseline, out.actual
    made = None
    if baseline is not None and isinstance(actual, float):
        made = _made(change, baseline.value, actual)
        if made is not None and not math.isfinite(made):  # statistics near the float limit
            made = None
    out.change = {"by": change.by, "in": change.unit,
                  "since": baseline.year if baseline is not None else change.since, "actual": made}


def _made(change: Change, b: float, a: float) -> float | None:
    """The change from b to a in the change's own terms (percent, points, places, grades)."""
    if change.unit == "percent":
        return None if b == 0 else (a / b - 1.0) * 100.0
    if change.unit == "places":
        return b - a  # a rank rises as its number falls
    return a - b


def grade_name(categories: tuple[str, ...], value: object) -> str | None:
    """The grade a position stands for; None for no value or a position outside the list."""
    if not isinstance(value, float) or value != int(value) or not 0 <= value < len(categories):
        return None
    return categories[int(value)]


def _implausible(case: Case, obs: Observation, attainment: float | None) -> Finding | None:
    """PC414 when a converted value gives an attainment no plan would set."""
    if attainment is None or PLAUSIBLE[0] <= attainment <= PLAUSIBLE[1] or obs.converted is None:
        return None
    written, measure = obs.converted
    value = f"{obs.value:.6g}" if isinstance(obs.value, float) else "none"
    return Finding.of(
        "PC414", WARNING, obs.file, obs.line, obs.column,
        msg("PC414.implausible", target=case.target.id, year=case.year, written=written, measure=measure,
            value=value, attainment=percent_text(attainment), low=PLAUSIBLE[0], high=PLAUSIBLE[1]))


def _earlier_slips(case: Case) -> list[Finding]:
    """PC414 for each converted value of a year before the assessed one, from the base year on, that is
    outside 1 %..1,000 % of the assessed year's value: the attainment check sees only the assessed cell,
    and a baseline 10⁴ times too small makes the progress, the trend and the path wrong
    (docs/actuals.md#magnitudes).  A value written with the right magnitude in another word (1500000万
    for 150亿) is within the range and no finding."""
    series = case.series
    if not series.marked():
        return []
    reference = series.value(case.year)
    if not isinstance(reference, float) or reference == 0.0 or not math.isfinite(reference):
        return []
    first = min(baseline_year(case), case.year - 1)
    found: list[Finding] = []
    for year in series:
        if not first <= year < case.year:
            continue
        obs = series.marks(year)
        if obs is None or obs.converted is None or not isinstance(obs.value, float):
            continue
        if PLAUSIBLE[0] <= abs(obs.value / reference) <= PLAUSIBLE[1]:
            continue
        written, measure = obs.converted
        found.append(Finding.of(
            "PC414", WARNING, obs.file, obs.line, obs.column,
            msg("PC414.earlier", target=case.target.id, year=year, written=written, measure=measure,
                value=f"{obs.value:.6g}", reference_year=case.year, reference=f"{reference:.6g}",
                low=PLAUSIBLE[0], high=PLAUSIBLE[1])))
    return found


def _after_end(case: Case, out: Outcome) -> Finding | None:
    """PC417 when a result is met or missed at Y > T on the figure of Y while year T has none
    (docs/evaluation.md#after-the-final-year): the verdict is computed as rule 2 says, but a
    reader of 到2025年达3.6% must learn that no 2025 figure was seen.  Annual targets judge each
    year on its own and milestone targets on the year achieved, so only a final-year target warns."""
    if not case.milestones or out.status not in ("met", "missed") or out.data_year is not None:
        return None
    if kind_spec(case.target.kind).yearly or case.target.kind == "milestone":
        return None
    final = case.milestones[-1][0]
    series = case.series
    if case.year <= final or series.value(final) is not None or series.stated(final) is not None:
        return None
    obs = series.get(case.year)
    if obs is None:
        return None
    value = obs.stated or (f"{obs.value:.6g}" if isinstance(obs.value, float) else str(obs.value))
    target = f"{case.target.id} ({case.unit})" if case.unit else case.target.id
    return Finding.of("PC417", WARNING, obs.file, obs.line, obs.column,
                      msg("PC417.after-end", target=target, final=final, year=case.year, value=value))
