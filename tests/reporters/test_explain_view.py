"""The ``explain`` view: header, year table and terminal chart."""
from __future__ import annotations

from dataclasses import dataclass, replace

from policycheck.model import Result
from policycheck.reporters import RenderOptions
from policycheck.reporters.explain_view import chart_lines, render_explanation
from tests.helpers.report_demo import RESULTS


@dataclass(frozen=True)
class _Plan:
    id: str
    title: str


@dataclass(frozen=True)
class _Target:
    id: str
    name: str
    name_en: str | None = None
    years: tuple[int, int] | None = None


@dataclass(frozen=True)
class _Explanation:
    """The fields of policycheck.evaluation.explain.Explanation that the view reads."""

    plan: _Plan
    target: _Target
    year: int
    results: tuple[Result, ...]
    by_year: tuple[Result, ...]
    failing: bool
    as_of: str | None = None
    by_month: tuple[Result, ...] = ()


def _explanation() -> _Explanation:
    now = RESULTS[2]
    rows = [(2021, 2.4, 2.32, "on_track"), (2022, 2.9, 2.64, "on_track"), (2023, 3.3, 3.36, "off_track"),
            (2024, None, 3.68, "no_data")]
    by_year = tuple(replace(now, year=y, actual=a, expected=e, gap=None if a is None else round(a - e, 2),
                            margin=None if a is None else round(a - e, 2), status=s) for y, a, e, s in rows)
    return _Explanation(_Plan("demo", "示范规划"), _Target("patents", "每万人口高价值发明专利拥有量", "Patents"),
                        2023, (now,), by_year, True)


def test_explanation_en_exact() -> None:
    text = render_explanation(_explanation(), RenderOptions(lang="en", width=60))
    assert text == (
        "示范规划 [demo]\n"
        "patents: Patents (Year 2023)\n"
        "Requirement: ≥3.6 (by 2025)\n"
        "off track: behind the linear schedule: 0.06 below the expected 3.36\n"
        "\n"
        "Year  Actual  Expected    Gap  Status\n"
        "2021     2.4      2.32  +0.08  on track\n"
        "2022     2.9      2.64  +0.26  on track\n"
        "2023     3.3      3.36  -0.06  off track\n"
        "2024       —      3.68      —  no data\n"
        "\n"
        "2021 Actual     █████████████████████ 2.4\n"
        "     Expected   ▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒ 2.32\n"
        "2022 Actual     █████████████████████████ 2.9\n"
        "     Expected   ▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒ 2.64\n"
        "2023 Actual     █████████████████████████████ 3.3\n"
        "     Expected   ▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒ 3.36\n"
        "2024 Actual      —\n"
        "     Expected   ▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒ 3.68\n"
    )


def test_explanation_zh_labels_and_scoped_units() -> None:
    area = replace(RESULTS[7], reason_code="on_schedule",
                   reason_args={"method": "linear", "actual": "0.8", "expected": "0.76"})
    scoped = replace(_explanation(), results=(area,), by_year=(RESULTS[7],))
    text = render_explanation(scoped, RenderOptions(lang="zh", width=60))
    assert "[dongcheng] 符合序时进度：实际值0.8，序时目标值0.76（按序时进度衡量）\n" in text
    english = render_explanation(scoped, RenderOptions(lang="en", width=60))
    assert "[dongcheng] on track: on the linear schedule\n" in english
    assert "年份  单位       实际值  序时目标值   差距  状态" in text
    assert "2023 [dongcheng] 实际值" in text


def test_chart_scales_to_the_largest_value_and_skips_non_numbers() -> None:
    rows = (replace(RESULTS[0], actual=10.0, expected=5.0), replace(RESULTS[0], year=2024, actual=True, expected=None))
    lines = [line.plain for line in chart_lines(rows, "en", width=40)]
    assert lines[0].count("█") == 2 * lines[1].count("▒")
    assert "█" not in lines[2] and lines[2].endswith(" yes")
    assert chart_lines((replace(RESULTS[0], actual=None, expected=None),), "en", width=40) == []


def test_linhai_explain_in_chinese_marks_later_years_pending() -> None:
    from policycheck.actuals.load import load_actuals
    from policycheck.evaluation.explain import explain_target
    from policycheck.plans.build import load_plan
    from tests.helpers.paths import EXAMPLES_DIR, PLANS_DIR

    plan = load_plan(str(PLANS_DIR / "linhai-315-2023-2027.yaml"))
    data = load_actuals([str(EXAMPLES_DIR / "linhai.csv")], plans=[plan])
    text = render_explanation(explain_target(plan, "rd-intensity", data), RenderOptions(lang="zh", width=80))
    lines = text.split("\n")
    assert lines[2] == "要求：≥3.6（2027年）"
    assert lines[3] == "符合序时进度：实际值3.38，序时目标值3.37（按序时进度衡量）"
    assert lines[5:12] == [
        "年份  实际值  序时目标值   差距  状态",
        "2022    3.02        3.02      0  符合序时进度",
        "2023    3.15        3.14  +0.01  符合序时进度",
        "2024    3.28        3.25  +0.03  符合序时进度",
        "2025    3.38        3.37  +0.01  符合序时进度",
        "2026       —        3.48      —  未到期",
        "2027       —         3.6      —  未到期",
    ]
    assert "2026 实际值      —" in text
