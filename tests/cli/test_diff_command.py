"""``policycheck diff OLD.json NEW.json``: what changed between two Taicang reports; exit 1 when worse."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from policycheck.cli.commands import main
from tests.helpers.paths import EXAMPLES_DIR, PLANS_DIR

TAICANG = str(PLANS_DIR / "taicang-sti-2018-2020.yaml")
ACTUALS = str(EXAMPLES_DIR / "taicang.csv")
WORSE_2018_2019 = ["hitech-output-share", "town-carrier-area", "hnte-new-annual", "leading-talent",
                   "service-platform-coverage"]


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, str]:
    work = tmp_path_factory.mktemp("diff")
    old, new = work / "2018.json", work / "2019.json"
    run("check", TAICANG, "-a", ACTUALS, "--year", "2018", "-q", "-o", f"json={old}")
    run("check", TAICANG, "-a", ACTUALS, "-q", "-o", f"json={new}")
    return str(old), str(new)


def test_diff_exits_1_when_a_target_got_worse(reports: tuple[str, str]) -> None:
    old, new = reports
    result = run("diff", old, new, "-f", "json")
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert [c["target"] for c in data["status_changes"] if c["worse"]] == WORSE_2018_2019
    assert [c["target"] for c in data["status_changes"] if c["better"]] == ["frontier-industries-new",
                                                                             "flexible-talent"]
    hnte = next(c for c in data["status_changes"] if c["target"] == "hnte-new-annual")
    assert hnte == {"plan": "taicang-sti-2018-2020", "target": "hnte-new-annual", "unit": None,
                    "name": "每年新增高新技术企业",
                    "old": {"year": 2018, "status": "met", "actual": 66.0, "failing": False},
                    "new": {"year": 2019, "status": "missed", "actual": 58.0, "failing": True},
                    "trend": "new_shortfall", "worse": True, "better": False}
    assert data["summary"] == {"status_changes": 11, "worse": 5, "better": 2, "actual_changes": 25,
                               "superseded": 0, "findings": 0}
    patents = next(c for c in data["actual_changes"] if c["target"] == "invention-patents-per-10k")
    assert patents["difference"] == pytest.approx(9.3)


def test_the_reverse_direction_and_no_change_exit_0(reports: tuple[str, str]) -> None:
    old, new = reports
    back = run("diff", new, old, "-q")
    # Back from 2019 to 2018: hnte-new-annual is better, but rd-intensity stays behind and the
    # 2018 off-track sei-output-share was no data in 2019: that is worse.
    assert back.exit_code == 1
    same = run("diff", new, new)
    assert same.exit_code == 0
    assert same.stdout.splitlines()[2:] == ["没有变化", "",
                                            "policycheck diff: 状态变化 0 项（变差 0，变好 0）；实际值变化 0 项；"
                                            "新增被替代的数据 0 行；新增提示 0 条"]


def test_text_and_markdown(reports: tuple[str, str]) -> None:
    old, new = reports
    text = run("diff", old, new).stdout
    lines = text.splitlines()
    assert lines[0] == f"两次核查的变化: {old} (2018) → {new} (2019)"
    row = next(line for line in lines if line.startswith("hnte-new-annual "))
    assert row.split()[-6:] == ["2018", "已达成", "2019", "未达成", "新增滞后", "变差"]
    assert lines[-1] == ("policycheck diff: 状态变化 11 项（变差 5，变好 2）；实际值变化 25 项；"
                         "新增被替代的数据 0 行；新增提示 0 条")
    markdown = run("diff", old, new, "-f", "markdown", "--lang", "en").stdout
    assert markdown.startswith("# policycheck diff\n")
    assert "| hnte-new-annual | 每年新增高新技术企业 | 2018 met | 2019 missed | newly behind | worse |" in markdown


def test_new_superseded_rows_and_findings(tmp_path: Path, reports: tuple[str, str]) -> None:
    old, _ = reports
    revised = tmp_path / "revised.csv"
    text = Path(ACTUALS).read_text(encoding="utf-8")
    # A preliminary 2018 figure superseded by the final one, and an exact duplicate row (PC405).
    extra = ("taicang-sti-2018-2020,rd-intensity,2018,2.70,preliminary,示例数据 (illustrative),,%,\n"
             "taicang-sti-2018-2020,hnte-total,2018,418,final,示例数据 (illustrative),,家,\n")
    revised.write_text(text + extra, encoding="utf-8")
    new = tmp_path / "new.json"
    run("check", TAICANG, "-a", str(revised), "--year", "2018", "-q", "-o", f"json={new}")
    data = json.loads(run("diff", old, str(new), "-f", "json").stdout)
    assert data["status_changes"] == [] and data["actual_changes"] == []
    assert [(r["target"], r["year"], r["status"], r["value"], r["replaced_by"]) for r in data["superseded"]] == [
        ("rd-intensity", 2018, "preliminary", 2.7, "final")]
    assert [(f["rule"], f["line"]) for f in data["findings"]] == [("PC405", 94)]


def test_output_files_and_bad_input(reports: tuple[str, str], tmp_path: Path) -> None:
    old, new = reports
    out = tmp_path / "diff.md"
    result = run("diff", old, new, "-q", "-o", f"markdown={out}")
    assert result.exit_code == 1
    assert result.stdout.startswith("policycheck diff: 状态变化 11 项")
    assert out.read_text(encoding="utf-8").startswith("# policycheck diff\n")
    bad = tmp_path / "bad.json"
    bad.write_text('{"plans": [], "results": 3}', encoding="utf-8")
    broken = run("diff", old, str(bad), "--lang", "en")
    assert broken.exit_code == 2
    assert broken.stderr == (f"{bad}: results: missing or not a list; expected a report written by "
                             "policycheck check -f json\n")
    assert run("diff", old, new, "-o", f"html={tmp_path / 'x.html'}").exit_code == 2
    assert run("diff", old, new, "-o", f"json={old}").exit_code == 2  # an input is never overwritten


def test_lang_from_the_configuration_file_and_a_broken_file_stops_it(
        reports: tuple[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    old, new = reports
    monkeypatch.chdir(tmp_path)
    (tmp_path / "policycheck.toml").write_text('[diff]\nlang = "en"\n', encoding="utf-8")
    english = run("diff", old, new, "-q")
    assert english.stdout == ("policycheck diff: 11 status changes (5 worse, 2 better); 25 changed actuals; "
                              "0 newly superseded rows; 0 new findings\n")
    assert run("diff", old, new, "-q", "--lang", "zh").stdout.startswith("policycheck diff: 状态变化")
    (tmp_path / "policycheck.toml").write_text('[diff]\nlang = "fr"\n', encoding="utf-8")
    broken = run("diff", old, new)
    assert broken.exit_code == 2
    assert "[PC500]" in broken.stderr
