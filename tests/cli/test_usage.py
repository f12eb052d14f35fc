"""The command line as its users run it: explain's formats, terminal width, options.

Each test pins one behaviour a user ran into: ``explain -f json`` printing the
terminal chart, ``-q`` and ``-o`` ignored by explain, the table drawn 100
cells wide on any terminal, an unknown ``--tablefmt`` taken silently.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from policycheck.cli.commands import main
from tests.helpers.paths import EXAMPLES_DIR, FIXTURES, PLANS_DIR

LINHAI = str(PLANS_DIR / "linhai-315-2023-2027.yaml")
LINHAI_CSV = str(EXAMPLES_DIR / "linhai.csv")


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def test_explain_json_is_the_report_of_that_target() -> None:
    code, out, _ = _run("explain", LINHAI, "prov-key-labs", "-a", LINHAI_CSV, "-f", "json")
    data = json.loads(out)
    assert code == 0
    assert [(r["target"], r["year"], r["status"]) for r in data["results"]] == [("prov-key-labs", 2025, "on_track")]
    assert data["summary"] == {"results": 1, "by_status": {"on_track": 1}, "failing": 0}
    assert [(u["id"], u["led"], u["supported"]) for u in data["units"]] == [("kjj", 1, 0)]


def test_explain_quiet_prints_only_the_summary_line_and_exits_1_when_failing() -> None:
    code, out, _ = _run("explain", LINHAI, "rd-personnel-per-10k", "-a", LINHAI_CSV, "-q")
    assert code == 1
    assert out.count("\n") == 1 and out.startswith("policycheck: ")
    assert "明显滞后 1" in out


def test_explain_writes_output_files_and_still_draws_the_view(tmp_path: Path) -> None:
    report = tmp_path / "rd.json"
    code, out, _ = _run("explain", LINHAI, "rd-intensity", "-a", LINHAI_CSV, "-o", f"json={report}")
    assert code == 0
    assert "▒" in out  # the year-by-year chart is still on stdout
    assert [r["target"] for r in json.loads(report.read_text(encoding="utf-8"))["results"]] == ["rd-intensity"]


def test_explain_superseded_rows_are_those_of_the_target() -> None:
    code, out, _ = _run("explain", LINHAI, "rd-intensity", "-a", LINHAI_CSV, "-f", "json")
    assert code == 0
    assert [(s["target"], s["year"], s["status"]) for s in json.loads(out)["superseded"]] == [
        ("rd-intensity", 2025, "estimate")]
    code, out, _ = _run("explain", LINHAI, "prov-key-labs", "-a", LINHAI_CSV, "-f", "json")
    assert json.loads(out)["superseded"] == []


def test_table_fits_the_terminal_width(monkeypatch: pytest.MonkeyPatch) -> None:
    from policycheck.cli import options as run

    monkeypatch.delenv("COLUMNS", raising=False)
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    monkeypatch.setattr("shutil.get_terminal_size", lambda *a, **k: __import__("os").terminal_size((160, 40)))
    assert run.terminal_width() == 160
    monkeypatch.setattr(sys.stdout, "isatty", lambda: False)
    assert run.terminal_width() is None


@pytest.mark.parametrize(("columns", "expected"), [("150", 150), ("", None), ("wide", None), ("0", None)])
def test_columns_sets_the_table_width_even_into_a_pipe(monkeypatch: pytest.MonkeyPatch, columns: str,
                                                        expected: int | None) -> None:
    from policycheck.cli import options as run

    monkeypatch.setenv("COLUMNS", columns)
    monkeypatch.setattr(sys.stdout, "isatty", lambda: False)
    assert run.terminal_width() == expected


def test_unknown_tablefmt_is_a_usage_error_naming_the_choices() -> None:
    from tabulate import tabulate_formats

    choices = ", ".join(tabulate_formats)
    code, out, err = _run("check", LINHAI, "-a", LINHAI_CSV, "-f", "text", "--tablefmt", "gird", "--lang", "en")
    assert (code, out, err.splitlines()[-1]) == (
        2, "", f"Error: Invalid value for '--tablefmt': 'gird' is not a tabulate format; choose one of {choices}")
    code, out, err = _run("check", LINHAI, "-a", LINHAI_CSV, "-f", "text", "--tablefmt", "gird")
    assert (code, out, err.splitlines()[-1]) == (
        2, "", f"Error: Invalid value for '--tablefmt': 'gird' 不是 tabulate 格式；可选 {choices}")


def test_known_tablefmt_is_used() -> None:
    code, out, _ = _run("check", LINHAI, "-a", LINHAI_CSV, "-f", "text", "--tablefmt", "grid", "--fail-on", "never")
    assert code == 0
    assert out.splitlines()[2].startswith("+---")


def test_quiet_summary_reads_as_chinese_under_zh_and_english_under_en() -> None:
    taicang, csv = str(PLANS_DIR / "taicang-sti-2018-2020.yaml"), str(EXAMPLES_DIR / "taicang.csv")
    _, zh, _ = _run("check", taicang, "-a", csv, "-q")
    _, en, _ = _run("check", taicang, "-a", csv, "-q", "--lang", "en")
    assert zh == ("policycheck: 共 30 项结果（未达成 2，不进反退 1，明显滞后 3，略有滞后 4，缺少数据 1，"
                  "未到期 3，符合序时进度 7，已达成 9）；3 项不通过\n")
    assert en == ("policycheck: 30 results (missed 2, regressing 1, off track 3, at risk 4, no data 1, "
                  "pending 3, on track 7, met 9); 3 failing\n")


def test_explain_header_uses_full_width_brackets_in_chinese() -> None:
    _, zh, _ = _run("explain", LINHAI, "rd-intensity", "-a", LINHAI_CSV)
    _, en, _ = _run("explain", LINHAI, "rd-intensity", "-a", LINHAI_CSV, "--lang", "en")
    assert zh.splitlines()[1] == "rd-intensity: 全社会研究与试验发展经费占地区生产总值比重（年份 2025）"
    assert en.splitlines()[1] == "rd-intensity: R&D expenditure as a share of GDP (Year 2025)"


def test_year_before_the_baseline_is_warned_about() -> None:
    code, out, err = _run("check", LINHAI, "-a", LINHAI_CSV, "--year", "2019", "-f", "json", "--lang", "en")
    assert code == 0
    assert {r["status"] for r in json.loads(out)["results"]} == {"no_data", "pending"}
    assert err.splitlines()[-1] == (
        f"{LINHAI}: warning: --year 2019 is before the baseline year 2022 of plan linhai-315-2023-2027 "
        "(2023-2027); its results can only be no_data or pending")
    code, _, err = _run("check", LINHAI, "-a", LINHAI_CSV, "--year", "2019", "-f", "json")
    assert (code, err.splitlines()[-1]) == (0, f"{LINHAI}: warning: --year 2019 早于规划 linhai-315-2023-2027"
                                               "（2023-2027）的基期年份 2022；其结果只能是 no_data 或 pending")
    code, _, err = _run("check", LINHAI, "-a", LINHAI_CSV, "--year", "2022", "-q")
    assert "--year" not in err


@pytest.mark.parametrize(("options", "on_track", "at_risk"), [
    (("--at-risk", "2"), "0.95", "2"),
    (("--on-track", "0.5", "--at-risk", "0.6"), "0.5", "0.6"),
    (("--at-risk", "0.97"), "0.95", "0.97"),
])
def test_thresholds_the_wrong_way_round_are_a_usage_error_in_the_runs_language(
        options: tuple[str, ...], on_track: str, at_risk: str) -> None:
    code, out, err = _run("check", LINHAI, "-a", LINHAI_CSV, *options)
    assert (code, out) == (2, "")
    assert err == (f"{LINHAI}：at_risk（略有滞后）阈值 {at_risk} 高于 on_track（符合序时进度）阈值 {on_track}"
                   "（来自 --at-risk、--on-track、policycheck.toml 或规划的 assessment），没有结果能判为略有滞后；"
                   "on_track 应不小于 at_risk，如默认的 0.95 和 0.6\n")
    code, out, err = _run("check", LINHAI, "-a", LINHAI_CSV, *options, "--lang", "en")
    assert (code, out) == (2, "")
    assert err == (f"{LINHAI}: the at_risk threshold {at_risk} is above the on_track threshold {on_track} "
                   "(from --at-risk, --on-track, policycheck.toml or the plan's assessment), so no result could "
                   "be at_risk; on_track must be at least at_risk, e.g. the defaults 0.95 and 0.6\n")


def test_thresholds_that_are_equal_are_fine() -> None:
    code, out, err = _run("check", LINHAI, "-a", LINHAI_CSV, "--on-track", "0.6", "--at-risk", "0.6", "-q")
    assert (code, err) == (1, "")
    assert out.startswith("policycheck: ")


def test_a_plans_own_thresholds_the_wrong_way_round_are_located_in_its_assessment(tmp_path: Path) -> None:
    """The plan's assessment block is refused where it is written (PC200), before any evaluation,
    so validate finds it too (docs/validation.md#pc200-error-schema-violation)."""
    plan = str(FIXTURES / "plan_cases" / "negative" / "pc200-assessment-thresholds" / "plan.yaml")
    actuals = tmp_path / "a.csv"
    actuals.write_text("target,year,value\nt1,2024,3\n", encoding="utf-8")
    code, out, err = _run("check", plan, "-a", str(actuals))
    assert (code, out) == (2, "")
    assert err == (f"{plan}:8:12: error [PC200] assessment.at_risk 0.6 高于 on_track 0.5，没有结果能判为略有滞后；"
                   "on_track 应不小于 at_risk，如默认的 0.95 和 0.6\n")
    code, out, err = _run("check", plan, "-a", str(actuals), "--lang", "en")
    assert (code, out) == (2, "")
    assert err == (f"{plan}:8:12: error [PC200] assessment.at_risk 0.6 is above on_track 0.5, so no result could "
                   "be at_risk; on_track must be at least at_risk, e.g. the defaults 0.95 and 0.6\n")
    code, out, _ = _run("validate", plan, "--lang", "en")
    assert (code, out) == (1, err)


def test_verbose_says_what_was_read_and_which_year() -> None:
    code, _, err = _run("check", LINHAI, "-a", LINHAI_CSV, "-v", "-f", "json", "--lang", "en")
    assert code == 1
    assert err.splitlines() == [
        f"{LINHAI}: plan linhai-315-2023-2027, 56 targets, period 2023-2027, baseline year 2022",
        f"{LINHAI_CSV}: 228 observations in 57 series, 1 superseded rows",
        f"{LINHAI}: assessed at 2025 (the latest year with data)",
    ]
    code, _, err = _run("check", LINHAI, "-a", LINHAI_CSV, "-v", "-f", "json")
    assert code == 1
    assert err.splitlines() == [
        f"{LINHAI}：规划 linhai-315-2023-2027，56 项指标，规划期 2023-2027，基期年份 2022",
        f"{LINHAI_CSV}：228 个观测值，共 57 个序列，1 行被取代",
        f"{LINHAI}：评估年份为 2025（有数据的最近一年）",
    ]
    _, _, err = _run("check", LINHAI, "-a", LINHAI_CSV, "-v", "-f", "json", "--year", "2024")
    assert err.splitlines()[-1] == f"{LINHAI}：评估年份为 2024（--year）"
    _, _, quiet = _run("check", LINHAI, "-a", LINHAI_CSV, "-v", "-q")
    assert quiet == ""


def test_the_choices_of_the_options_are_the_models() -> None:
    from policycheck.cli.options import FAIL_ON_LEVELS, METHOD_NAMES
    from policycheck.evaluation.options import METHODS
    from policycheck.model import FAIL_ON

    assert tuple(FAIL_ON) == FAIL_ON_LEVELS
    assert METHOD_NAMES == METHODS


def test_the_reader_choices_are_the_readers() -> None:
    from policycheck.actuals.fastcsv import READERS as ACTUALS_READERS
    from policycheck.cli.options import READERS

    assert READERS == ACTUALS_READERS


def test_version_and_help_import_no_stage() -> None:
    """``--version`` and ``--help`` import the command line only: a fresh interpreter shows what that loads."""
    import subprocess

    code = "import json, sys; from policycheck.cli import main; print(json.dumps(sorted(sys.modules)))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    loaded = json.loads(done.stdout)
    assert "policycheck.cli.commands" in loaded
    assert not [m for m in loaded if m.startswith(("policycheck.plans", "policycheck.actuals",
                                                   "policycheck.evaluation", "policycheck.model"))], loaded
