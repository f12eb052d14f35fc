"""What a run says on stderr besides findings speaks its --lang (docs/configuration.md#language):
explain's unknown target and the warning of --compare for a plan the previous report lacks.
The -v lines and the --year warning are tested in tests/cli/test_usage.py."""
from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from policycheck.cli.commands import main
from tests.hardening.hardening2_kit import LINHAI, LINHAI_CSV, TAICANG, TAICANG_CSV


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def test_an_unknown_target_of_explain_is_told_in_either_language() -> None:
    assert _run("explain", str(LINHAI), "rd-intensty", "-a", str(LINHAI_CSV)) == (
        2, "", f"{LINHAI}：规划 linhai-315-2023-2027 中没有指标 'rd-intensty'；是不是 'rd-intensity'？\n")
    assert _run("explain", str(LINHAI), "rd-intensty", "-a", str(LINHAI_CSV), "--lang", "en") == (
        2, "", f"{LINHAI}: no target 'rd-intensty' in plan linhai-315-2023-2027; did you mean 'rd-intensity'?\n")


def test_an_unknown_target_far_from_any_lists_the_targets_in_either_language() -> None:
    targets = ("rd-intensity, hnte-total, rd-institution-rate, tech-progress-contribution, "
               "invention-patents-per-10k, sei-output-share, hitech-output-share, kechuang-highland, "
               "town-focus-industries, high-end-equipment-output, new-materials-output, biomedicine-output, "
               "frontier-industries-new, institutes-total, flexible-talent, new-carriers, town-carrier-area, "
               "national-hitech-zone, national-university-park, backbone-private-firms, ... (30 targets)")
    code, out, err = _run("explain", str(TAICANG), "zzzz", "-a", str(TAICANG_CSV))
    assert (code, out, err) == (2, "", f"{TAICANG}：规划 taicang-sti-2018-2020 中没有指标 'zzzz'；指标有：{targets}\n")
    code, out, err = _run("explain", str(TAICANG), "zzzz", "-a", str(TAICANG_CSV), "--lang", "en")
    assert (code, out, err) == (
        2, "", f"{TAICANG}: no target 'zzzz' in plan taicang-sti-2018-2020; targets are: {targets}\n")


def test_a_previous_report_without_the_plan_is_warned_about_in_either_language(tmp_path: Path) -> None:
    last = tmp_path / "last.json"
    assert _run("check", str(TAICANG), "-a", str(TAICANG_CSV), "-q", "-o", f"json={last}")[0] == 1
    code, _, err = _run("check", str(LINHAI), "-a", str(LINHAI_CSV), "--compare", str(last), "-f", "json")
    assert (code, err) == (
        1, f"{last}: warning: 上次的报告没有规划 linhai-315-2023-2027 的结果；其指标无从比较\n")
    code, _, err = _run("check", str(LINHAI), "-a", str(LINHAI_CSV), "--compare", str(last), "-f", "json",
                        "--lang", "en")
    assert (code, err) == (1, f"{last}: warning: the previous report has no results of plan linhai-315-2023-2027; "
                              "its targets have nothing to compare with\n")
