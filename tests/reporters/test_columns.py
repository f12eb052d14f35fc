"""What every human format shows beside the numbers: the progress ratio, a bar that is
full only when met, ranges as ranges, reasons rounded like the tables, 缺少基期 apart
from 未到期, and a one-year requirement's verdict kept (docs/reports.md, docs/evaluation.md)."""
from __future__ import annotations

import csv
import io
import json
from typing import Any

import pytest
from click.testing import CliRunner

from policycheck.cli.commands import main
from policycheck.reporters.common import bar
from tests.helpers.paths import EXAMPLES_DIR, PLANS_DIR

TAICANG = [str(PLANS_DIR / "taicang-sti-2018-2020.yaml"), "-a", str(EXAMPLES_DIR / "taicang.csv")]
BENGBU = [str(PLANS_DIR / "bengbu-sti-2023-2025.yaml"), "-a", str(EXAMPLES_DIR / "bengbu.csv")]
LINYI = [str(PLANS_DIR / "linyi-sti-2021-2025.yaml"), "-a", str(EXAMPLES_DIR / "linyi.csv")]


def _out(*args: str) -> str:
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code in (0, 1), result.output
    return result.stdout


def _row(text: str, target: str) -> list[str]:
    return next(line.split() for line in text.splitlines() if line.startswith(target + " "))


def test_the_progress_ratio_that_decides_the_status_has_its_column() -> None:
    text = _out("check", *TAICANG, "-f", "text")
    assert "要求      实际值    序时目标值    差距    完成序时进度    达成率  状态" in text
    # 87.5 % of the scheduled progress: at risk; attainment alone (92.2 %) would not say so.
    assert _row(text, "rd-intensity")[2:] == ["≥3.2", "2.95", "3", "-0.05", "87.5%", "92.2%", "略有滞后"]
    # Further from the target than at the baseline: a negative ratio, hence 不进反退.
    assert _row(text, "hitech-output-share")[2:] == [">48", "44.8", "47.1", "-2.3", "-27.8%", "93.3%", "不进反退"]
    english = _out("check", *TAICANG, "-f", "text", "--lang", "en")
    assert "Progress ratio" in english


def test_a_bar_is_full_only_for_a_met_target() -> None:
    assert bar(1.0) == "██████████"
    assert bar(1.0, full=False) == "█████████░" and bar(0.967, full=False) == "█████████░"
    assert bar(0.5, full=False) == "█████░░░░░" and bar(None, full=False) == " " * 10


def test_ranges_read_as_ranges_in_tables_reasons_and_charts() -> None:
    text = _out("check", *TAICANG, "-f", "text")
    row = next(line for line in text.splitlines() if line.startswith("town-focus-industries [towns]"))
    assert row.split()[3:9] == ["1—2", "1", "0.67—1.33", "0", "100%", "100%"]
    bengbu = _out("check", *BENGBU, "-f", "text")
    assert _row(bengbu, "finance-matchmaking-events")[2:7] == ["3—5", "2", "3—5", "-1", "—"]
    data = json.loads(_out("check", *BENGBU, "-f", "json"))
    events = next(r for r in data["results"] if r["target"] == "finance-matchmaking-events")
    assert events["reason"] == "2024 requirement 3—5 not met: actual 2 (1 of 2 due years met)"
    assert "未达到2024年要求3—5：实际值2（已到期2年，达标1年）" in _out("check", *BENGBU, "-f", "html")
    html = _out("check", *TAICANG, "-f", "html")
    assert '<text class="label" x="481.5" y="37.9" dx="6" dy="-10.0" text-anchor="end">2020: 1—2 个</text>' in html
    assert "<div><dt>序时目标值</dt><dd>0.67—1.33 个</dd></div>" in html


def test_reasons_are_rounded_like_the_tables_in_every_format() -> None:
    reason = "落后于序时进度：比序时目标值42.67低3.17"
    for fmt in ("text", "markdown", "html", "junit", "github", "sarif"):
        out = _out("check", *TAICANG, "-f", fmt)
        assert "42.6667" not in out and "3.16667" not in out, fmt
    assert reason in _out("check", *TAICANG, "-f", "html")
    assert f'<failure type="off_track" message="明显滞后: {reason}">' in _out("check", *TAICANG, "-f", "junit")
    assert (f"::error file={TAICANG[0]},line=63,col=5,title=rd-institution-rate%3A 明显滞后::"
            f"规上工业企业研发机构建有率: {reason}") in _out("check", *TAICANG, "-f", "github").splitlines()
    growth = "年均增速13.14%25，要求15%25：为要求速度的0.88倍"  # % is %25 in a workflow command
    assert growth in _out("check", *BENGBU, "-f", "github")
    data = json.loads(_out("check", *BENGBU, "-f", "json"))
    cagr = next(r for r in data["results"] if r["target"] == "sei-output-cagr")
    assert cagr["reason"] == "average growth 13.14% against the required 15%: 0.88 of the required pace"
    assert cagr["reason_args"] == {"rate": "13.14", "required": "15", "ratio": "0.88"}


def test_no_baseline_has_its_own_label_in_every_format() -> None:
    target = "tech-service-agencies"
    assert _row(_out("check", *BENGBU, "-f", "text"), target)[-1] == "缺少基期"
    assert _row(_out("check", *BENGBU, "-f", "text", "--lang", "en"), target)[-2:] == ["no", "baseline"]
    summary = ("（未达成 3，不进反退 1，明显滞后 4，略有滞后 2，缺少数据 1，缺少基期 1，未到期 1，"
               "符合序时进度 13，已达成 5）")  # small counts in whole things: docs/evaluation.md#small-counts
    assert summary in _out("check", *BENGBU, "-q")
    assert "- ⚪ 缺少基期: **1**\n- ⚪ 未到期: **1**" in _out("check", *BENGBU, "-f", "markdown")
    html = _out("check", *BENGBU, "-f", "html")
    assert '<span class="badge st-no_baseline">缺少基期</span>' in html
    assert '<li class="badge st-no_baseline"><span class="count">1</span> 缺少基期</li>' in html
    assert '<skipped message="缺少基期值：无法衡量进度" />' in _out("check", *BENGBU, "-f", "junit")
    data = json.loads(_out("check", *BENGBU, "-f", "json"))
    result = next(r for r in data["results"] if r["target"] == target)
    assert (result["status"], result["reason_code"]) == ("pending", "no_baseline_progress")
    sheet = list(csv.DictReader(io.StringIO(_out("check", *BENGBU, "-f", "csv", "--lang", "zh").lstrip("\ufeff"))))
    row = next(r for r in sheet if r["指标代码"] == target)
    assert (row["状态"], row["状态代码"], row["原因代码"]) == ("缺少基期", "pending", "no_baseline_progress")


@pytest.mark.parametrize(("year", "status", "zh"), [
    ("2021", "met", "达到2021年要求≥6.6：实际值6.8（已到期1年，达标1年）"),
    ("2023", "met", "2021年要求≥6.6已完成：当年实际值6.8"),
    ("2025", "met", "2021年要求≥6.6已完成：当年实际值6.8"),
])
def test_a_one_year_requirement_keeps_its_verdict(year: str, status: str, zh: str) -> None:
    """2021年…市级科技支出预算安排6.6亿元: done in 2021, and still done, not 未到期, later."""
    data = json.loads(_out("check", *LINYI, "--year", year, "-f", "json"))
    budget: dict[str, Any] = next(r for r in data["results"] if r["target"] == "city-sti-budget-2021")
    assert (budget["year"], budget["status"], budget["actual"], budget["requirement"]) == (int(year), status, 6.8,
                                                                                          "≥6.6")
    assert (budget["source"], budget["note"]) == ("示例数据 (illustrative)", "决算数")
    assert zh in _out("check", *LINYI, "--year", year, "-f", "html")


def test_a_one_year_requirement_missed_stays_missed() -> None:
    linhai = [str(PLANS_DIR / "linhai-315-2023-2027.yaml"), "-a", str(EXAMPLES_DIR / "linhai.csv")]
    text = _out("check", *linhai, "-f", "text")
    row = _row(text, "new-prov-enterprise-tech-centers-2023")
    assert row[2:] == ["≥1", "0", "1", "-1", "—", "0%", "未达成"]
