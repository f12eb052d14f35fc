"""The forms of a 主要指标 table, evaluated: numbers worked out by hand (docs/evaluation.md).

Direction and attainment, one meaning of 左右, 属性, changes from the base year,
rank improvement, grades, stated verdicts, approximate actuals, reasons that
count only years with data, growth against another series, small counts.
"""
from __future__ import annotations

import pytest

from policycheck.changes import Change
from policycheck.model import Baseline, Reference
from policycheck.observations import Observation
from tests.helpers.evaluation_inputs import one, plan, target


def _stated(word: str) -> Observation:
    return Observation(None, "final", "a.csv", 7, 3, source="科技日报 2025-08-25", stated=word)


def _approx(value: float) -> Observation:
    return Observation(value, "final", "a.csv", 8, 3, approximate=True)


# -------------------------------------------------------------- 1. direction


def test_direction_defaults_from_the_comparator_and_wins_for_approx() -> None:
    assert target(comparator=">=").sign == 1
    assert target(comparator="<").sign == -1
    assert target(kind="rank", comparator=None).sign == -1
    assert target(comparator="approx").sign == 0
    assert target(comparator="approx", direction="down").sign == -1


def test_lower_is_better_attainment_stays_meaningful() -> None:
    limit = target(comparator="<=", milestones=((2027, 5.0),))
    below = one(limit, {2022: 8.0, 2027: 0.6})
    assert (below.status, below.attainment) == ("met", pytest.approx(1.88))  # was 833.3 %
    above = one(limit, {2022: 8.0, 2027: 6.0})
    assert (above.status, above.attainment) == ("missed", pytest.approx(5 / 6))


def test_approx_with_a_direction_is_measured_like_its_direction() -> None:
    t = target(comparator="approx", direction="up", milestones=((2027, 30.0),), baseline=Baseline(2022, 20.0))
    r = one(t, {2027: 40.9})
    assert (r.status, r.attainment, r.direction) == ("met", pytest.approx(40.9 / 30), "up")  # not 73.3 %


# -------------------------------------------------------------- 2. one meaning of 左右


def _approx_target(**kw: object) -> object:
    return target(comparator="approx", milestones=((2027, 30.0),), baseline=Baseline(2022, 20.0), **kw)


@pytest.mark.parametrize(("direction", "year", "actual", "status", "code"), [
    # Before the target year the nominal value must be reached to count as met.
    (None, 2024, 30.5, "met", "final_met_early"),  # reached 30 and within 5 %
    ("up", 2024, 50.0, "met", "final_met_early"),
    ("up", 2024, 29.0, "on_track", "on_schedule"),  # within 5 % of 30, but not 30: E(2024) = 24
    ("up", 2024, 23.0, "at_risk", "behind_below"),  # rho = 3 / 4
    ("up", 2024, 21.0, "off_track", "behind_below"),  # rho = 1 / 4
    ("up", 2024, 19.0, "regressing", "regressing"),
    # Two-sided past its band counts as its mirror image: 50 is as far from 30 as 10, but it
    # overshot, it did not go back: rho is floored at 0, never 不进反退.
    (None, 2024, 50.0, "off_track", "beyond_band"),
    (None, 2024, 31.6, "on_track", "beyond_band"),  # counts as 28.4: rho = 8.4 / 4
    # At the target year the tolerance applies, on one side only with a direction.
    (None, 2027, 50.2, "missed", "final_missed"),
    ("up", 2027, 50.2, "met", "final_met"),
    ("up", 2027, 40.9, "met", "final_met"),
    ("up", 2027, 28.5, "met", "final_met"),
    ("up", 2027, 28.4, "missed", "final_missed"),
    (None, 2027, 31.5, "met", "final_met"),
    (None, 2027, 28.4, "missed", "final_missed"),
])
def test_approx_has_one_meaning_in_every_year(direction: str | None, year: int, actual: float, status: str,
                                              code: str) -> None:
    r = one(_approx_target(direction=direction), {year: actual})
    assert (r.status, r.reason_code) == (status, code)


def test_an_overshot_two_sided_approx_is_off_track_not_regressing() -> None:
    r = one(_approx_target(), {2023: 50.0})
    assert (r.status, r.progress_ratio, r.progress, r.attainment, r.margin) == (
        "off_track", 0.0, pytest.approx(3.0), pytest.approx(0.6), -20.0)
    assert r.reason == "actual 50 overshot 30左右 (±1.5): 20 past the nominal value, as far from it as 10"
    assert r.reason_args == {"actual": "50", "target": "30", "band": "1.5", "over": "20", "counted": "10"}
    # Just past the band the near-side value still decides: 31.6 counts as 28.4, rho = 8.4 / 2.
    near = one(_approx_target(), {2023: 31.6})
    assert (near.status, near.progress_ratio) == ("on_track", pytest.approx(8.4 / 2))


def test_approx_pending_and_no_data() -> None:
    t = target(comparator="approx", milestones=((2027, 30.0),))
    assert one(t, {2024: 25.0}).status == "pending"  # no baseline to measure progress from
    assert one(t, {2022: 20.0, 2023: 25.0}, year=2024).status == "no_data"


def test_nominal_value_before_the_target_year_is_on_schedule_not_met() -> None:
    t = target(comparator="approx", milestones=((2027, 4.5),))
    early = one(t, {2022: 4.0, 2024: 4.4})
    assert (early.status, early.reason) == ("on_track", "on the linear schedule: actual 4.4, expected 4.2")
    assert one(t, {2022: 4.0, 2024: 4.5}).status == "met"


@pytest.mark.parametrize(("actual", "status"), [(2.1, "met"), (3.1, "met"), (3.2, "missed")])
def test_a_ceiling_about_three_percent(actual: float, status: str) -> None:
    cpi = target(kind="annual", comparator="approx", direction="down", value=3.0, years=(2025, 2025))
    assert one(cpi, {2025: actual}).status == status


@pytest.mark.parametrize(("actual", "status"), [(5.5, "met"), (6.5, "met"), (5.4, "missed"), (6.6, "missed")])
def test_an_absolute_tolerance_is_in_the_targets_unit(actual: float, status: str) -> None:
    growth = target(kind="annual", comparator="approx", value=6.0, tolerance_absolute=0.5, years=(2025, 2025))
    assert one(growth, {2025: actual}).status == status


# -------------------------------------------------------------- 3. 属性


@pytest.mark.parametrize(("attribute", "commitment", "strict", "failing"), [
    ("binding", "binding", False, True),
    (None, "binding", False, True),
    ("expected", "binding", False, False),
    ("expected", "binding", True, True),
    ("binding", "aspirational", False, False),
])
def test_expected_targets_fail_only_with_strict(attribute: str | None, commitment: str, strict: bool,
                                                failing: bool) -> None:
    t = target(milestones=((2025, 10.0),), attribute=attribute, commitment=commitment)
    r = one(t, {2022: 1.0, 2025: 5.0}, strict=strict)
    assert (r.status, r.attribute, r.failing) == ("missed", attribute, failing)


def test_an_expected_target_behind_schedule_is_reported_the_same_way() -> None:
    t = target(milestones=((2027, 10.0),), attribute="expected")
    r = one(t, {2022: 0.0, 2025: 2.0})
    assert (r.status, r.failing) == ("off_track", False)
    assert one(t, {2022: 0.0, 2025: 2.0}, strict=True).failing is True


# -------------------------------------------------------------- 4. change from the base year


def _energy(**kw: object) -> object:
    return target(id="energy", comparator="<=", unit="吨标准煤/万元",
                  milestones=((2025, Change(-13.5, "percent")),), **kw)


def _table_plan(*targets: object) -> object:
    return plan(*targets, start=2021, end=2025, baseline_year=2020)  # type: ignore[arg-type]


@pytest.mark.parametrize(("actual", "status"), [
    (0.46, "on_track"),  # rho = 0.04 / 0.041669 = 0.96
    (0.47, "at_risk"),  # 0.72
    (0.49, "off_track"),  # 0.24
    (0.51, "regressing"),
])
def test_a_percent_fall_compounds_on_the_schedule(actual: float, status: str) -> None:
    t = _energy()
    r = one(t, {2020: 0.5, 2023: actual}, p=_table_plan(t))
    # 下降13.5% over 5 years: E(2023) = 0.5 × 0.865^(3/5)
    assert r.expected == pytest.approx(0.5 * 0.865 ** 0.6)
    assert r.status == status
    assert r.path[:4] == ((2020, 0.5), (2021, pytest.approx(0.5 * 0.865 ** 0.2)),
                          (2022, pytest.approx(0.5 * 0.865 ** 0.4)), (2023, pytest.approx(0.5 * 0.865 ** 0.6)))


@pytest.mark.parametrize(("actual", "status", "made"), [(0.43, "met", -14.0), (0.44, "missed", -12.0)])
def test_a_percent_fall_at_the_target_year(actual: float, status: str, made: float) -> None:
    t = _energy()
    r = one(t, {2020: 0.5, 2025: actual}, p=_table_plan(t))
    assert (r.status, r.target_value) == (status, pytest.approx(0.4325))
    assert r.change == {"by": -13.5, "in": "percent", "since": 2020, "actual": pytest.approx(made)}


def test_a_change_without_a_base_year_value_is_pending() -> None:
    t = _energy()
    r = one(t, {2023: 0.45}, p=_table_plan(t))
    assert (r.status, r.reason_code) == ("pending", "no_baseline_change")


def test_since_names_the_base_year() -> None:
    t = target(id="energy", comparator="<=", unit="吨标准煤/万元",
               milestones=((2025, Change(-18.0, "percent", since=2019)),))
    r = one(t, {2019: 1.0, 2020: 5.0, 2025: 0.82}, p=_table_plan(t))
    assert (r.baseline, r.target_value, r.status) == (Baseline(2019, 1.0), pytest.approx(0.82), "met")


@pytest.mark.parametrize(("year", "actual", "status"), [
    (2023, 62.9, "on_track"),  # E(2023) = 63: rho = 2.9 / 3
    (2025, 65.1, "met"), (2025, 64.9, "missed"),
])
def test_points_add_on_a_straight_line(year: int, actual: float, status: str) -> None:
    t = target(id="urban", milestones=((2025, Change(5.0, "points")),))
    r = one(t, {2020: 60.0, year: actual}, p=_table_plan(t))
    assert (r.status, r.target_value) == (status, 65.0)


def test_doubling_is_a_hundred_percent() -> None:
    t = target(id="double", unit="亿元", milestones=((2025, Change(100.0, "percent")),))
    assert one(t, {2020: 40.0, 2025: 80.0}, p=_table_plan(t)).target_value == 80.0


# -------------------------------------------------------------- 6. rank improvement and grades


def _rank(**kw: object) -> object:
    return target(id="rank", kind="rank", comparator=None, unit="位", milestones=((2025, Change(3.0, "places")),),
                  **kw)


@pytest.mark.parametrize(("year", "actual", "status"), [
    (2023, 7.0, "on_track"),  # E(2023) = 8 - 1.8 = 6.2, a whole place toward the baseline: 7
    (2023, 8.0, "off_track"),
    (2023, 9.0, "regressing"),
    (2023, 5.0, "met"),
    (2025, 5.0, "met"), (2025, 6.0, "missed"),
])
def test_rank_improvement_against_the_base_years_rank(year: int, actual: float, status: str) -> None:
    t = _rank()
    r = one(t, {2020: 8.0, year: actual}, p=_table_plan(t))
    assert (r.status, r.target_value) == (status, 5.0)
    assert r.change is not None and r.change["actual"] == 8.0 - actual  # places risen


def test_rank_improvement_stepping_is_due_only_at_its_year() -> None:
    t = _rank(path="step")
    assert one(t, {2020: 8.0, 2023: 8.0}, p=_table_plan(t)).status == "on_track"


def _grade(*milestones: tuple[int, object]) -> object:
    return target(id="air", kind="category", comparator=None, unit=None, categories=("三级", "二级", "一级"),
                  milestones=milestones)


@pytest.mark.parametrize(("base", "year", "actual", "status", "attainment"), [
    # attainment: grades gained since the base year over grades required (docs/evaluation.md#categories)
    (0.0, 2023, 1.0, "on_track", 0.5), (0.0, 2023, 0.0, "on_track", 0.0), (1.0, 2023, 0.0, "regressing", 0.0),
    (0.0, 2023, 2.0, "met", 1.0), (0.0, 2025, 2.0, "met", 1.0), (0.0, 2025, 1.0, "missed", 0.5),
    (1.0, 2025, 1.0, "missed", 0.0),
])
def test_grades_step(base: float, year: int, actual: float, status: str, attainment: float) -> None:
    t = _grade((2025, 2.0))
    r = one(t, {2020: base, year: actual}, p=_table_plan(t))
    assert r.status == status
    assert (r.category, r.target_category) == (("三级", "二级", "一级")[int(actual)], "一级")
    assert (r.expected, r.gap, r.attainment) == (None, None, attainment)
    assert r.expected_category == ("三级", "二级", "一级")[int(base) if year < 2025 else 2]


def test_a_grade_without_a_baseline_is_reached_or_not() -> None:
    t = _grade((2025, 2.0))
    assert (one(t, {2025: 2.0}).attainment, one(t, {2025: 1.0}).attainment) == (1.0, 0.0)


def test_grade_reasons_name_the_grades_not_their_positions() -> None:
    t = _grade((2023, Change(1.0, "grades")), (2025, 2.0))
    r = one(t, {2020: 0.0, 2023: 1.0}, p=_table_plan(t))
    assert (r.reason, r.expected_category, r.attainment) == (
        "milestone ≥二级 for 2023 reached: actual 二级", "二级", 0.5)
    g = _grade((2025, 2.0))
    fell = one(g, {2020: 1.0, 2023: 0.0}, p=_table_plan(g))
    assert fell.reason_args == {"baseline": "二级", "baseline_year": "2020", "actual": "三级"}


@pytest.mark.parametrize(("actual", "status"), [(1.0, "met"), (0.0, "missed")])
def test_one_grade_up_by_a_milestone_year(actual: float, status: str) -> None:
    t = _grade((2023, Change(1.0, "grades")), (2025, 2.0))
    r = one(t, {2020: 0.0, 2023: actual}, p=_table_plan(t))
    assert (r.status, r.reason_code) == (status, "milestone_met" if status == "met" else "milestone_missed")


# -------------------------------------------------------------- 7, 8. stated verdicts, approximate actuals


@pytest.mark.parametrize(("word", "status", "failing"), [("提前全面完成", "met", False), ("未完成", "missed", True)])
def test_a_stated_verdict_is_the_status_without_a_number(word: str, status: str, failing: bool) -> None:
    t = target(milestones=((2027, 10.0),))
    r = one(t, {2022: 1.0, 2024: _stated(word)})
    assert (r.status, r.stated, r.actual, r.attainment, r.gap, r.failing) == (status, word, None, None, None,
                                                                             failing)
    assert r.reason == f"stated as {word} for 2024 by 科技日报 2025-08-25: no figure, the source's own verdict"
    plain = one(t, {2022: 1.0, 2024: Observation(None, "final", "a.csv", 7, 3, stated=word)})
    assert plain.reason == f"stated as {word} for 2024: no figure, the source's own verdict"
    assert (r.target_value, r.expected, r.source) == (10.0, pytest.approx(4.6), "科技日报 2025-08-25")


def test_a_stated_verdict_counts_in_the_history_of_an_annual_target() -> None:
    t = target(kind="annual", value=60.0, years=(2023, 2025))
    r = one(t, {2023: 61.0, 2024: _stated("已完成"), 2025: 55.0})
    assert [(h.year, h.status) for h in r.history or ()] == [(2023, "met"), (2024, "met"), (2025, "missed")]
    assert (r.status, r.years_met) == ("missed", 2)


def test_a_stated_year_leaves_a_sum_without_a_number() -> None:
    t = target(kind="cumulative", unit="项", milestones=((2027, 100.0),))
    assert one(t, {2023: 20.0, 2024: _stated("已完成"), 2025: 20.0}).status == "no_data"


def test_an_approximate_actual_is_flagged_and_judged_as_its_number() -> None:
    t = target(milestones=((2027, 4.5),))
    r = one(t, {2022: 4.0, 2025: _approx(4.4)})
    assert (r.status, r.actual, r.approximate) == ("on_track", 4.4, True)
    assert one(t, {2022: 4.0, 2025: 4.4}).approximate is False


def test_a_cumulative_sum_is_approximate_when_a_year_is() -> None:
    t = target(kind="cumulative", unit="项", milestones=((2027, 100.0),))
    r = one(t, {2023: 20.0, 2024: _approx(20.0), 2025: 20.0})
    assert (r.actual, r.approximate) == (60.0, True)


# -------------------------------------------------------------- 10. years with data


def test_reasons_count_only_years_with_data() -> None:
    t = target(kind="annual", value=10.0, years=(2021, 2025))
    r = one(t, {2023: 11.0, 2024: 12.0, 2025: 13.0}, p=plan(t, start=2021, end=2025, baseline_year=2020))
    assert (r.status, r.years_met, r.years_due) == ("met", 3, 5)
    assert r.reason == ("2025 requirement ≥10 met: actual 13 (3 of 3 years with data met; "
                        "no data for 2021–2022)")
    missed = one(t, {2021: 9.0, 2023: 11.0, 2025: 9.0}, p=plan(t, start=2021, end=2025, baseline_year=2020))
    assert missed.reason == ("2025 requirement ≥10 not met: actual 9 (1 of 3 years with data met; "
                             "no data for 2022, 2024)")
    complete = target(kind="annual", value=10.0, years=(2023, 2025))
    full = one(complete, {2023: 11.0, 2024: 12.0, 2025: 13.0})
    assert full.reason == "2025 requirement ≥10 met: actual 13 (3 of 3 due years met)"


# -------------------------------------------------------------- 11. growth against another series


@pytest.mark.parametrize(("income", "tolerance", "status"), [
    (6.6, None, "met"), (4.8, None, "met"), (4.7, None, "missed"), (4.6, 0.5, "met"),
])
def test_in_step_with_the_economy(income: float, tolerance: float | None, status: str) -> None:
    t = target(id="income", kind="growth", comparator="approx", direction="up", reference="gdp", actuals="rate",
               years=(2025, 2025), tolerance_absolute=tolerance)
    p = plan(t, references={"gdp": Reference("gdp", "地区生产总值增速", "%")})
    r = one(t, {2025: income}, p=p, extra={("gdp", None): {2025: 5.0}})
    assert (r.status, r.target_value) == (status, 5.0)


def test_in_step_without_data_for_the_reference() -> None:
    t = target(id="income", kind="growth", comparator="approx", direction="up", reference="gdp", actuals="rate",
               years=(2025, 2025))
    p = plan(t, references={"gdp": Reference("gdp", "地区生产总值增速", "%")})
    assert one(t, {2025: 6.6}, p=p).status == "no_data"


# -------------------------------------------------------------- 12. small counts


def _labs(**kw: object) -> object:
    return target(id="labs", name="全国重点实验室", unit="家", milestones=((2027, 2.0),), **kw)


@pytest.mark.parametrize(("year", "actual", "status", "expected"), [
    (2023, 0.0, "on_track", 0.0),  # a straight line asks for 0.4 of a laboratory: none is due
    (2024, 0.0, "on_track", 0.0),
    (2025, 0.0, "off_track", 1.0),  # 1.2 laboratories, rounded down
    (2025, 1.0, "on_track", 1.0),
    (2026, 1.0, "on_track", 1.0),  # 1.6, rounded down: the second laboratory is due in 2027
    (2027, 1.0, "missed", 2.0),
    (2027, 2.0, "met", 2.0),
])
def test_small_counts_are_scheduled_in_whole_things(year: int, actual: float, status: str,
                                                    expected: float) -> None:
    r = one(_labs(), {2022: 0.0, year: actual})
    assert (r.expected, r.status) == (expected, status)


def test_a_straight_line_or_a_step_when_the_plan_says_so() -> None:
    linear = one(_labs(path="linear"), {2022: 0.0, 2023: 0.0})
    assert (linear.expected, linear.status) == (pytest.approx(0.4), "off_track")
    step = one(_labs(path="step"), {2022: 0.0, 2026: 0.0})
    assert (step.expected, step.status) == (0.0, "on_track")


def test_a_rate_per_head_is_not_a_count() -> None:
    per_head = target(name="每万人口高价值发明专利拥有量", unit="件", milestones=((2027, 16.0),))
    assert one(per_head, {2022: 11.0, 2023: 12.0}).expected == pytest.approx(12.0)
    fraction = target(unit="件", milestones=((2027, 16.0),))
    assert one(fraction, {2022: 11.5, 2023: 12.0}).expected == pytest.approx(12.4)


def test_explain_reads_the_years_ahead_on_the_same_schedule() -> None:
    from policycheck.evaluation.explain import explain_target
    from tests.helpers.evaluation_inputs import actuals

    labs = _labs()
    explanation = explain_target(plan(labs), "labs", actuals({("labs", None): {2022: 0.0, 2024: 0.0}}))
    assert [(r.year, r.expected, r.status) for r in explanation.by_year] == [
        (2022, 0.0, "on_track"), (2023, 0.0, "no_data"), (2024, 0.0, "on_track"),
        (2025, 1.0, "pending"), (2026, 1.0, "pending"), (2027, 2.0, "pending")]


@pytest.mark.parametrize(("change", "zh", "en"), [
    (Change(-13.5, "percent", 2020), "比2020年下降13.5%", "-13.5% from 2020"),
    (Change(100.0, "percent"), "比基期增长100%", "+100% from baseline"),
    (Change(5.0, "points", 2020), "比2020年提高5个百分点", "+5 points from 2020"),
    (Change(3.0, "places", 2020), "位次比2020年提升3位", "3 places up from 2020"),
    (Change(0.0, "places", 2020), "位次不低于2020年", "no lower rank than in 2020"),
    (Change(1.0, "grades"), "比基期提升1个等级", "1 grades up from baseline"),
])
def test_a_change_is_stated_as_the_document_words_it(change: Change, zh: str, en: str) -> None:
    from policycheck.evaluation.requirement import localise_requirement, requirement_text

    t = target(milestones=((2025, change),))
    assert (requirement_text(t), localise_requirement(requirement_text(t), "en")) == (zh, en)


@pytest.mark.parametrize(("unit", "zh", "en"), [
    ("岁", "比2020年提高1岁", "+1 岁 from 2020"),
    ("%", "比2020年提高1个百分点", "+1 points from 2020"),
])
def test_a_change_in_points_speaks_the_targets_unit(unit: str, zh: str, en: str) -> None:
    """人均预期寿命〔1〕 is one year more, not a percentage point (plans/china-14th-fyp-2021-2025.yaml)."""
    from policycheck.evaluation.requirement import localise_requirement, requirement_text

    t = target(unit=unit, milestones=((2025, Change(1.0, "points", 2020)),))
    assert (requirement_text(t), localise_requirement(requirement_text(t), "en")) == (zh, en)
    fall = target(unit=unit, milestones=((2025, Change(-0.5, "points", 2020)),))
    assert requirement_text(fall).startswith("比2020年降低0.5")


def test_the_requirement_states_the_new_forms() -> None:
    from policycheck.evaluation.requirement import requirement_text

    assert requirement_text(target(comparator="approx", milestones=((2025, 65.0),)), tolerance=0.05) == "≈65 (±5%)"
    assert requirement_text(target(comparator="approx", direction="down", value=3.0, kind="annual"),
                            tolerance=0.05) == "≲3 (±5%)"
    assert requirement_text(target(comparator="approx", value=6.0, kind="annual", tolerance_absolute=0.5)) == \
        "≈6 (±0.5)"
    grade = _grade((2025, 2.0))
    assert requirement_text(grade) == "≥一级"
    t = _energy()
    assert one(t, {2020: 0.5, 2025: 0.43}, p=_table_plan(t)).requirement == "比2020年下降13.5%"
