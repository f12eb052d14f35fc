"""The opening sentences of the 通报, built from the counts, in Chinese and English."""
from __future__ import annotations

from dataclasses import replace

import pytest

from policycheck.actuals.load import load_actuals
from policycheck.evaluation.engine import evaluate
from policycheck.model import PlanInfo, Report
from policycheck.plans.build import load_plan
from policycheck.reporters import RenderOptions, render
from policycheck.reporters.sentences import plan_sentences, time_progress
from tests.helpers.paths import EXAMPLES_DIR, PLANS_DIR
from tests.helpers.report_demo import build_report


@pytest.fixture(scope="module")
def taicang() -> tuple[Report, Report]:
    plan = load_plan(str(PLANS_DIR / "taicang-sti-2018-2020.yaml"))
    actuals = load_actuals([str(EXAMPLES_DIR / "taicang.csv")], plans=[plan])
    return evaluate([plan], actuals), evaluate([plan], actuals, year=2018)


def test_taicang_2019_in_chinese(taicang: tuple[Report, Report]) -> None:
    report = taicang[0]
    assert plan_sentences(report.plans[0], list(report.results), "zh") == [
        "2019年，《太仓市科技创新三年行动计划（2018—2020年）》共30项指标，已完成9项（其中提前完成6项），"
        "符合序时进度7项，滞后10项，缺少数据1项，未到期3项。",
        "滞后的10项中，未达成2项，不进反退1项，明显滞后于序时进度3项，略有滞后于序时进度4项；其中力争目标5项。",
        "规划实施时间已过半（时间进度66.7%），可评估的26项指标中已完成或符合序时进度16项，占61.5%，"
        "实现了“时间过半、任务过半”。",
    ]


def test_taicang_2019_in_english(taicang: tuple[Report, Report]) -> None:
    report = taicang[0]
    assert plan_sentences(report.plans[0], list(report.results), "en") == [
        "In 2019, of the 30 targets of 太仓市科技创新三年行动计划（2018—2020年）: 9 met (6 ahead of time), "
        "7 on track, 10 behind schedule, 1 without data, 3 not yet due.",
        "Of the 10 behind: 2 missed, 1 regressing, 3 well behind schedule, 4 slightly behind; "
        "5 aspirational (力争).",
        "Past the middle of the plan period (time elapsed 66.7%), 16 of the 26 targets that can be judged "
        "(61.5%) are met or on track: half the time, half the work (时间过半、任务过半).",
    ]


def test_before_the_middle_there_is_no_midterm_sentence(taicang: tuple[Report, Report]) -> None:
    report = taicang[1]  # 2018: a third of the period
    sentences = plan_sentences(report.plans[0], list(report.results), "zh")
    assert time_progress(report.plans[0]) == pytest.approx(1 / 3)
    assert len(sentences) == 2
    assert sentences[0].startswith("2018年，《太仓市科技创新三年行动计划（2018—2020年）》共30项指标，已完成7项")


def test_not_half_the_work() -> None:
    report = build_report()
    info = replace(report.plans[0], year=2023)  # 2020 baseline, 2025 end: 60% of the time
    results = [r for r in report.results if r.plan == info.id]
    sentences = plan_sentences(info, results, "zh")
    assert sentences[2] == ("规划实施时间已过半（时间进度60%），可评估的6项指标中已完成或符合序时进度2项，占33.3%，"
                            "尚未实现“时间过半、任务过半”。")
    at_the_end = plan_sentences(replace(info, year=2025), results, "zh")
    assert not any("时间过半" in s for s in at_the_end)


def test_no_year_no_data() -> None:
    info = PlanInfo("p", "示范规划", "p.yaml", (2021, 2025), 2020, None)
    assert plan_sentences(info, [], "zh") == ["《示范规划》共0项指标，已完成0项，符合序时进度0项，滞后0项。"]


def test_the_html_report_opens_with_them() -> None:
    report = build_report()
    page = render(report, "html", RenderOptions(lang="zh"))
    first = plan_sentences(report.plans[0], [r for r in report.results if r.plan == report.plans[0].id], "zh")
    assert f'<p class="summary">{"".join(first)}</p>' in page
