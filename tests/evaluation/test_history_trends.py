"""Last year beside this year: --compare LAST.json and --years A-B on the Taicang plan, and the trend rule."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from policycheck.cli.commands import main
from policycheck.evaluation.history import is_better, is_worse, trend_label
from tests.helpers.paths import EXAMPLES_DIR, PLANS_DIR

TAICANG = str(PLANS_DIR / "taicang-sti-2018-2020.yaml")
ACTUALS = str(EXAMPLES_DIR / "taicang.csv")

#: Each Taicang target from 2018 to 2019: (status 2018, status 2019, trend).
TAICANG_TRENDS = {
    "rd-intensity": ("at_risk", "at_risk", "persistent_shortfall"),
    "hnte-total": ("on_track", "on_track", "unchanged"),
    "rd-institution-rate": ("off_track", "off_track", "persistent_shortfall"),
    "tech-progress-contribution": ("on_track", "on_track", "unchanged"),
    "invention-patents-per-10k": ("on_track", "met", "newly_met"),
    "sei-output-share": ("off_track", "no_data", None),
    "hitech-output-share": ("at_risk", "regressing", "persistent_shortfall"),
    "kechuang-highland": ("pending", "pending", None),
    "town-focus-industries": ("met", "met", "unchanged"),
    "high-end-equipment-output": ("at_risk", "at_risk", "persistent_shortfall"),
    "new-materials-output": ("on_track", "on_track", "unchanged"),
    "biomedicine-output": ("off_track", "off_track", "persistent_shortfall"),
    "frontier-industries-new": ("off_track", "met", "newly_met"),
    "institutes-total": ("on_track", "on_track", "unchanged"),
    "flexible-talent": ("at_risk", "on_track", "improved"),
    "new-carriers": ("at_risk", "at_risk", "persistent_shortfall"),
    "town-carrier-area": ("at_risk", "off_track", "persistent_shortfall"),
    "national-hitech-zone": ("pending", "pending", None),
    "national-university-park": ("pending", "pending", None),
    "backbone-private-firms": ("on_track", "met", "newly_met"),
    "private-tech-firms": ("on_track", "on_track", "unchanged"),
    "hnte-new-annual": ("met", "missed", "new_shortfall"),
    "provincial-rd-platforms": ("on_track", "on_track", "unchanged"),
    "transnational-transfer": ("met", "met", "unchanged"),
    "iur-projects": ("met", "met", "unchanged"),
    "leading-talent": ("met", "missed", "new_shortfall"),
    "service-platform-coverage": ("on_track", "at_risk", "new_shortfall"),
    "shuangchuang-platform": ("pending", "met", "newly_met"),
    "talent-service-centre": ("met", "met", "unchanged"),
    "tech-credit": ("met", "met", "unchanged"),
}


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


@pytest.fixture(scope="module")
def report_2018(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("history") / "taicang-2018.json"
    assert run("check", TAICANG, "-a", ACTUALS, "--year", "2018", "-q", "-o", f"json={path}").exit_code == 1
    return path


def _trends(report: dict[str, Any]) -> dict[str, tuple[str, str, str | None]]:
    found = {}
    for result in report["results"]:
        years = result["trend"]["years"]
        assert [y["year"] for y in years] == [2018, 2019]
        found[result["target"]] = (years[0]["status"], years[1]["status"], result["trend"]["label"])
    return found


def test_compare_with_the_2018_report_gives_each_target_its_trend(report_2018: Path) -> None:
    result = run("check", TAICANG, "-a", ACTUALS, "--compare", str(report_2018), "-f", "json")
    assert result.exit_code == 1
    assert _trends(json.loads(result.stdout)) == TAICANG_TRENDS


def test_years_gives_the_same_trends_in_one_run(report_2018: Path) -> None:
    years = json.loads(run("check", TAICANG, "-a", ACTUALS, "--years", "2018-2019", "-f", "json").stdout)
    compared = json.loads(run("check", TAICANG, "-a", ACTUALS, "--compare", str(report_2018), "-f", "json").stdout)
    assert years == compared
    three = json.loads(run("check", TAICANG, "-a", ACTUALS, "--years", "2017-2019", "-f", "json").stdout)
    hnte = next(r for r in three["results"] if r["target"] == "hnte-new-annual")
    assert hnte["trend"] == {"label": "new_shortfall", "years": [
        {"year": 2017, "status": "pending", "actual": 52.0}, {"year": 2018, "status": "met", "actual": 66.0},
        {"year": 2019, "status": "missed", "actual": 58.0}]}


def test_text_has_a_column_per_year_and_the_trend(report_2018: Path) -> None:
    text = run("check", TAICANG, "-a", ACTUALS, "--years", "2017-2019", "-f", "text").stdout
    lines = text.splitlines()
    assert lines[2].split()[-4:] == ["状态", "2017年", "2018年", "趋势"]
    hnte = next(line for line in lines if line.startswith("hnte-new-annual "))
    assert hnte.split()[-4:] == ["未达成", "未到期", "已达成", "新增滞后"]
    markdown = run("check", TAICANG, "-a", ACTUALS, "--compare", str(report_2018), "-f", "markdown").stdout
    assert "| 状态 | 2018年 | 趋势 |" in markdown
    assert "| 未达成 | 已达成 | 新增滞后 |" in markdown
    english = run("check", TAICANG, "-a", ACTUALS, "--compare", str(report_2018), "-f", "text",
                  "--lang", "en").stdout
    row = next(line for line in english.splitlines() if line.startswith("leading-talent "))
    cells = [cell.strip() for cell in row.split("  ") if cell.strip()]
    assert cells[-3:] == ["missed (aspirational)", "met", "newly behind"]


def test_csv_junit_sarif_github_and_html_carry_the_trend(report_2018: Path) -> None:
    args = ("check", TAICANG, "-a", ACTUALS, "--compare", str(report_2018))
    csv_text = run(*args, "-f", "csv").stdout
    header = csv_text.lstrip("\ufeff").splitlines()[0].split(",")
    assert header[-2:] == ["trend.label", "trend.years"]
    assert "new_shortfall,2018:66.0:met;2019:58.0:missed" in csv_text
    junit = run(*args, "-f", "junit").stdout
    assert "趋势：新增滞后（2018 已达成 → 2019 未达成）</failure>" in junit
    assert "<system-out>rd-intensity: 趋势：持续滞后（2018 略有滞后 → 2019 略有滞后）" in junit
    sarif = json.loads(run(*args, "-f", "sarif").stdout)
    first = sarif["runs"][0]["results"][0]
    assert first["properties"]["trend"]["label"] == "persistent_shortfall"
    assert first["message"]["text"].endswith("| 趋势：持续滞后（2018 略有滞后 → 2019 略有滞后）")
    github = run(*args, "-f", "github").stdout.splitlines()
    assert github[0].endswith("| 趋势：持续滞后（2018 略有滞后 → 2019 略有滞后）")
    html = run(*args, "-f", "html").stdout
    assert '<p class="trend">趋势: 新增滞后（2018 已达成 → 2019 未达成）</p>' in html
    assert "与2018年相比，新增滞后3项，持续滞后7项，转好1项，新达成4项，保持11项。" in html


def test_a_previous_report_of_the_same_year_is_headed_previous(tmp_path: Path) -> None:
    last = tmp_path / "last.json"
    run("check", TAICANG, "-a", ACTUALS, "-q", "-o", f"json={last}")
    lines = run("check", TAICANG, "-a", ACTUALS, "--compare", str(last), "-f", "text").stdout.splitlines()
    assert lines[2].split()[-3:] == ["状态", "上次", "趋势"]


@pytest.mark.parametrize(("args", "message"), [
    (("--years", "2018-2019", "--year", "2019"), "--year 与 --years 不能同时使用"),
    (("--years", "2019-2018", "--lang", "en"), "--years: '2019-2018' must be two years"),
    (("--years", "2019-2018"), "--years：'2019-2018' 应为 1900 到 2200 之间的两个年份，起始年不晚于结束年\n"),
    (("--years", "2018/19"), "--years：应为 起始年-结束年 的形式，如 2018-2020，而不是 '2018/19'\n"),
    (("--years", "2018/19", "--lang", "en"), "--years: expected FIRST-LAST such as 2018-2020, got '2018/19'\n"),
    (("--years", "2018-2019", "--compare", "x.json", "--lang", "en"),
     "--compare and --years cannot be used together"),
])
def test_usage_errors(args: tuple[str, ...], message: str) -> None:
    result = run("check", TAICANG, "-a", ACTUALS, *args)
    assert result.exit_code == 2
    assert message in result.stderr


@pytest.mark.parametrize(("text", "message"), [
    ("{", ":1:2: not JSON: Expecting property name enclosed in double quotes"),
    ("[]", ": the top level: is a list, not an object"),
    ('{"plans": [], "results": [{"plan": "p", "status": "met"}]}', ": results[0].target: missing"),
])
def test_a_bad_previous_report_is_exit_2_with_its_place(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "last.json"
    path.write_text(text, encoding="utf-8")
    result = run("check", TAICANG, "-a", ACTUALS, "--compare", str(path), "--lang", "en")
    assert result.exit_code == 2
    assert result.stderr.startswith(f"{path}{message}")
    assert "Traceback" not in result.output


def test_a_bad_result_line_is_found_in_policycheck_layout(report_2018: Path, tmp_path: Path) -> None:
    lines = report_2018.read_text(encoding="utf-8").split("\n")
    index = next(i for i, line in enumerate(lines) if '"target": "hnte-new-annual"' in line)
    lines[index] = lines[index].replace('"status": "met"', '"status": "late"')
    broken = tmp_path / "broken.json"
    broken.write_text("\n".join(lines), encoding="utf-8")
    result = run("check", TAICANG, "-a", ACTUALS, "--compare", str(broken), "--lang", "en")
    assert result.exit_code == 2
    assert result.stderr.startswith(f"{broken}:{index + 1}:5: results[21].status: 'late' is not a status")


@pytest.mark.parametrize(("previous", "current", "label", "worse", "better"), [
    ("on_track", "at_risk", "new_shortfall", True, False),
    ("pending", "missed", "new_shortfall", True, False),
    (None, "off_track", "new_shortfall", False, False),
    ("at_risk", "off_track", "persistent_shortfall", True, False),
    ("off_track", "at_risk", "persistent_shortfall", False, True),
    ("missed", "missed", "persistent_shortfall", False, False),
    ("off_track", "on_track", "improved", False, True),
    ("at_risk", "met", "newly_met", False, True),
    ("pending", "met", "newly_met", False, False),
    ("met", "met", "unchanged", False, False),
    ("met", "on_track", "unchanged", False, False),
    ("no_data", "on_track", None, False, False),
    ("at_risk", "no_data", None, False, False),
    ("met", "pending", None, False, False),
])
def test_the_trend_rule(previous: str | None, current: str, label: str | None, worse: bool, better: bool) -> None:
    assert trend_label(previous, current) == label
    if previous is not None:
        assert (is_worse(previous, current), is_better(previous, current)) == (worse, better)
