"""The ``table`` format at 80, 120 and 160 columns (docs/reports.md#table-and-text).

Every line fits the terminal; each result keeps its numbers, bar and status on one
line (a name may wrap inside its cell); nothing is cut but a shortened id.
"""
from __future__ import annotations

from typing import Any

import pytest
from rich.cells import cell_len

from policycheck.reporters import RenderOptions, render
from policycheck.reporters.labels import status_label
from policycheck.service import run_check
from tests.helpers.paths import EXAMPLES_DIR, PLANS_DIR
from tests.helpers.report_demo import build_report

EXAMPLES = {"taicang": ("taicang-sti-2018-2020.yaml", "taicang.csv"),
            "linhai": ("linhai-315-2023-2027.yaml", "linhai.csv"),
            "bengbu": ("bengbu-sti-2023-2025.yaml", "bengbu.csv")}


def _report(name: str) -> Any:
    if name == "fixture":
        return build_report()
    plan_file, csv_file = EXAMPLES[name]
    return run_check([str(PLANS_DIR / plan_file)], [str(EXAMPLES_DIR / csv_file)]).report


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("width", [80, 120, 160])
@pytest.mark.parametrize("name", ["fixture", "taicang", "linhai", "bengbu"])
def test_every_line_fits_and_every_row_keeps_its_status(name: str, width: int, lang: str) -> None:
    report = _report(name)
    text = render(report, "table", RenderOptions(lang=lang, width=width))
    lines = text.splitlines()
    assert max(cell_len(line) for line in lines if not line.startswith("policycheck:")) <= width
    bars = [line for line in lines if "█" in line or "░" in line]
    assert len(bars) == sum(r.attainment is not None for r in report.results)
    labels = {status_label(s, lang).split()[0] for s in ("missed", "regressing", "off_track", "at_risk", "no_data",
                                                          "no_baseline", "pending", "on_track", "met")}
    for line in bars:
        assert any(label in line for label in labels), line
    ellipses = [line for line in lines if "…" in line]
    assert all(line.split()[0].endswith("…") for line in ellipses), ellipses  # only a shortened id


def test_at_160_the_id_column_stays_and_names_do_not_wrap() -> None:
    lines = render(_report("taicang"), "table", RenderOptions(width=160)).splitlines()
    assert lines[1].startswith("指标代码")
    assert lines[3] == ("rd-intensity                   全社会研发投入占地区生产总值的比重       ≥3.2     2.95"
                        "           3   -0.05         87.5%  █████████░  92.2%  略有滞后")


def test_at_80_the_id_gives_way_and_names_wrap_in_their_cell() -> None:
    lines = render(_report("taicang"), "table", RenderOptions(width=80)).splitlines()
    assert lines[1:5] == [
        "                                  序时        完成序时",
        "指标名称        要求  实际值    目标值   差距     进度       达成率 状态",
        "─" * 80,
        "全社会研发投入  ≥3.2    2.95         3  -0.05    87.5% ████░  92.2% 略有滞后",
    ]
    assert lines[5:7] == ["占地区生产总值", "的比重"]
    assert "rd-intensity" not in "\n".join(lines)


def test_at_120_the_id_is_dropped_before_the_bar_shrinks() -> None:
    lines = render(_report("taicang"), "table", RenderOptions(width=120)).splitlines()
    assert lines[1].startswith("指标名称")
    assert "█████████░  92.2%" in lines[3]
