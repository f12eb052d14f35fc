"""policycheck.toml, or [tool.policycheck] in pyproject.toml: defaults for every run; flags win;
validate checks the file, the other commands refuse a broken one."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from policycheck.cli.commands import main
from policycheck.cli.config import load_config
from tests.helpers.county import county_plan

#: rd-intensity 3.1 in 2025 against 3.6 in 2027 from no baseline: no_data is the result for the others.
ACTUALS = "target,year,value\nrd-intensity,2022,2.0\nrd-intensity,2025,2.3\n"


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working folder with the county plan and a CSV file, and no GITHUB_ACTIONS."""
    county_plan(tmp_path)
    (tmp_path / "a.csv").write_text(ACTUALS, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    return tmp_path


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def _check(*extra: str) -> tuple[int, str, str]:
    return _run("check", "county.yaml", "-a", "a.csv", *extra)


def test_without_a_file_the_defaults_are_the_flags_defaults(folder: Path) -> None:
    assert load_config(str(folder)).path is None
    assert _check()[0] == 1  # off_track fails by default


def test_fail_on_from_policycheck_toml_and_a_flag_over_it(folder: Path) -> None:
    (folder / "policycheck.toml").write_text('fail-on = "never"\n', encoding="utf-8")
    assert _check()[0] == 0
    assert _check("--fail-on", "off-track")[0] == 1


def test_pyproject_tool_table_is_read_and_policycheck_toml_wins(folder: Path) -> None:
    (folder / "pyproject.toml").write_text('[project]\nname = "x"\n\n[tool.policycheck]\nfail-on = "never"\n'
                                           'lang = "en"\n', encoding="utf-8")
    code, out, _err = _check("-f", "text")
    assert code == 0 and "results" in out.splitlines()[-1]  # English summary line
    (folder / "policycheck.toml").write_text('lang = "zh"\n', encoding="utf-8")
    code, out, _err = _check("-f", "text")
    assert code == 1 and "项结果" in out.splitlines()[-1]


def test_thresholds_method_and_strict(folder: Path) -> None:
    """on-track 0 makes any progress on track; strict true and --no-strict."""
    (folder / "policycheck.toml").write_text("on-track = 0\nat-risk = 0\nmethod = \"linear\"\n", encoding="utf-8")
    assert _check()[0] == 0
    (folder / "policycheck.toml").write_text("[validate]\nstrict = true\n", encoding="utf-8")
    plan = county_plan(folder, "    quote: 2025年建成科创园区\n", "", name="noquote.yaml")
    assert _run("validate", str(plan))[0] == 1  # a warning fails under strict
    assert _run("validate", "--no-strict", str(plan))[0] == 0


def test_outputs_are_written_and_o_replaces_them(folder: Path) -> None:
    (folder / "policycheck.toml").write_text('[outputs]\njson = "out/report.json"\n', encoding="utf-8")
    (folder / "out").mkdir()
    _check("-q")
    assert json.loads((folder / "out" / "report.json").read_text(encoding="utf-8"))["tool"]["name"] == "policycheck"
    (folder / "out" / "report.json").unlink()
    _check("-q", "-o", "csv=out/report.csv")
    assert sorted(p.name for p in (folder / "out").iterdir()) == ["report.csv"]


def test_a_command_table_wins_over_the_top(folder: Path) -> None:
    (folder / "policycheck.toml").write_text('fail-on = "never"\n\n[units]\nfail-on = "off-track"\n',
                                             encoding="utf-8")
    assert _check()[0] == 0
    assert _run("units", "county.yaml", "-a", "a.csv")[0] == 1


@pytest.mark.parametrize(("text", "line", "column", "english", "chinese"), [
    ('lang = "en"\nfail_on_level = "never"\n', 2, 1,
     "unknown key 'fail_on_level' in policycheck.toml; did you mean 'fail-on'?",
     "policycheck.toml 中有未知的键 'fail_on_level'；是否应为 'fail-on'？"),
    ('[check]\nlang = "en"\nwide = true\n', 3, 1,
     "unknown key 'wide' in check; known keys: lang, fail-on, method, on-track, at-risk, strict, format, tablefmt, "
     "outputs, encoding, allow-unknown, color",
     "check 中有未知的键 'wide'；可用的键：lang, fail-on, method, on-track, at-risk, strict, format, tablefmt, "
     "outputs, encoding, allow-unknown, color"),
    ('on-track = "95%"\n', 1, 1, "on-track is '95%'; expected a finite number, at least 0 (such as 0.95)",
     "on-track 为 '95%'；应为 不小于 0 的有限数字（如 0.95）"),
    # TOML reads inf and nan as floats: a threshold of either would judge nothing as on track
    ('at-risk = inf\n', 1, 1, "at-risk is inf; expected a finite number, at least 0 (such as 0.95)",
     "at-risk 为 inf；应为 不小于 0 的有限数字（如 0.95）"),
    ('[check]\non-track = nan\n', 2, 1, "on-track is nan; expected a finite number, at least 0 (such as 0.95)",
     "on-track 为 nan；应为 不小于 0 的有限数字（如 0.95）"),
    ('lang = "fr"\n', 1, 1, "lang is 'fr'; expected one of 'zh', 'en'", "lang 为 'fr'；应为 'zh'、'en' 之一"),
    ('fail-on = \n', 1, 11, "cannot read the TOML: Invalid value (at line 1, column 11)",
     "无法读取 TOML：Invalid value (at line 1, column 11)"),
])
def test_validate_reports_problems_at_their_line(folder: Path, text: str, line: int, column: int, english: str,
                                                 chinese: str) -> None:
    (folder / "policycheck.toml").write_text(text, encoding="utf-8")
    code, out, _err = _run("validate", "--lang", "en", "county.yaml")
    assert (code, out) == (1, f"policycheck.toml:{line}:{column}: error [PC500] {english}\n")
    assert _run("validate", "--lang", "zh", "county.yaml")[1] == (
        f"policycheck.toml:{line}:{column}: error [PC500] {chinese}\n")


@pytest.mark.parametrize(("text", "line"), [
    ("on-track = 0.5\nat-risk = 0.6\n", 2),
    ("at-risk = 0.6\n\n[check]\non-track = 0.5\n", 1),
    ("on-track = 0.5\n\n[explain]\nat-risk = 0.6\n", 4),
])
def test_thresholds_the_wrong_way_round_are_a_finding_at_the_at_risk_key(folder: Path, text: str, line: int) -> None:
    """Both thresholds set by the file: it is the file that is wrong, at the line of at-risk."""
    (folder / "policycheck.toml").write_text(text, encoding="utf-8")
    english = (f"policycheck.toml:{line}:1: error [PC500] at-risk 0.6 is above on-track 0.5, so no result could be "
               "at_risk; on-track must be at least at-risk, e.g. the defaults 0.95 and 0.6\n")
    chinese = (f"policycheck.toml:{line}:1: error [PC500] at-risk 0.6 高于 on-track 0.5，没有结果能判为略有滞后；"
               "on-track 应不小于 at-risk，如默认的 0.95 和 0.6\n")
    assert _run("validate", "--lang", "en", "county.yaml") == (1, english, "")
    assert _run("validate", "county.yaml") == (1, chinese, "")
    command = "explain" if "[explain]" in text else "check"
    extra = ("rd-intensity",) if command == "explain" else ()
    assert _run(command, "county.yaml", *extra, "-a", "a.csv") == (2, "", chinese)
    assert _run(command, "county.yaml", *extra, "-a", "a.csv", "--lang", "en") == (2, "", english)


def test_one_threshold_from_the_file_is_weighed_against_the_plans_other(folder: Path) -> None:
    """at-risk alone in the file is fine there; above the plan's on_track it is refused for that plan."""
    (folder / "policycheck.toml").write_text("at-risk = 0.97\n", encoding="utf-8")
    assert _run("validate", "county.yaml")[0] == 0
    assert _check() == (2, "", "county.yaml：at_risk（略有滞后）阈值 0.97 高于 on_track（符合序时进度）阈值 0.95"
                               "（来自 --at-risk、--on-track、policycheck.toml 或规划的 assessment），"
                               "没有结果能判为略有滞后；on_track 应不小于 at_risk，如默认的 0.95 和 0.6\n")
    assert _check("--lang", "en") == (2, "", "county.yaml: the at_risk threshold 0.97 is above the on_track "
                                             "threshold 0.95 (from --at-risk, --on-track, policycheck.toml or the "
                                             "plan's assessment), so no result could be at_risk; on_track must be "
                                             "at least at_risk, e.g. the defaults 0.95 and 0.6\n")
    assert _check("--on-track", "0.99")[0] == 1  # the flag sets the other threshold: fine again


def test_the_other_commands_refuse_a_broken_file(folder: Path) -> None:
    (folder / "policycheck.toml").write_text('fail_on_level = "never"\n', encoding="utf-8")
    for args in (["check", "county.yaml", "-a", "a.csv"], ["units", "county.yaml", "-a", "a.csv"],
                 ["explain", "county.yaml", "rd-intensity", "-a", "a.csv"], ["template", "county.yaml"]):
        code, out, err = _run(*args, "--lang", "en")
        assert (code, out) == (2, ""), args
        assert err == ("policycheck.toml:1:1: error [PC500] unknown key 'fail_on_level' in policycheck.toml; "
                       "did you mean 'fail-on'?\n")


def test_a_good_file_is_counted_among_the_files_validate_checked(folder: Path) -> None:
    (folder / "policycheck.toml").write_text('lang = "en"\n', encoding="utf-8")
    assert _run("validate", "county.yaml") == (0, "policycheck: 2 files checked, no problems found\n", "")


def test_pyproject_keys_are_located_in_their_table(folder: Path) -> None:
    (folder / "pyproject.toml").write_text('[project]\nname = "x"\n\n[tool.policycheck]\nlang = "en"\n\n'
                                           '[tool.policycheck.validate]\nformat = "markdown"\n', encoding="utf-8")
    assert _run("validate", "county.yaml")[1] == (
        "pyproject.toml:8:1: error [PC500] format is 'markdown'; expected one of 'auto', 'text', 'json', 'sarif', "
        "'github'\n")


def test_template_never_overwrites_whatever_the_file_says(folder: Path) -> None:
    (folder / "policycheck.toml").write_text('lang = "en"\n', encoding="utf-8")
    (folder / "filled.csv").write_bytes(b"keep me")
    code, _out, err = _run("template", "county.yaml", "-o", "filled.csv")
    assert code == 2 and err.startswith("filled.csv: the file exists")
    assert (folder / "filled.csv").read_bytes() == b"keep me"


def _setups() -> dict[str, dict[str, bytes | None]]:
    """Folders by what they hold: file name -> content (None: a folder of that name)."""
    table = b'[project]\nname = "x"\n\n[tool.policycheck]\nfail-on = "never"\n'
    return {
        "nothing": {},
        "policycheck.toml": {"policycheck.toml": b'fail-on = "never"\n'},
        "empty policycheck.toml": {"policycheck.toml": b""},
        "policycheck.toml folder": {"policycheck.toml": None},
        "pyproject with the table": {"pyproject.toml": table},
        "pyproject naming it in a comment": {"pyproject.toml": b"# see tool.policycheck\n"},
        "pyproject without it": {"pyproject.toml": b'[project]\nname = "x"\n[tool.ruff]\nline-length = 1\n'},
        "pyproject folder": {"pyproject.toml": None},
        "pyproject too large": {"pyproject.toml": b"#" * (1024 * 1024 + 1)},
        "pyproject not UTF-8 with the table": {"pyproject.toml": b"\xff\xfe" + table},
        "both": {"policycheck.toml": b'lang = "en"\n', "pyproject.toml": table},
        "other files": {"plan.yaml": b"policycheck: 1\n", "pyproject.cfg": table},
    }


@pytest.mark.parametrize("name", sorted(_setups()))
def test_the_quick_look_for_a_configuration_never_misses_one(tmp_path: Path, name: str) -> None:
    """policycheck.cli.configfile says "no" only where the reader finds no configuration, so
    skipping the reader there changes nothing (docs/performance.md#start-up)."""
    from policycheck.cli.config import find_config
    from policycheck.cli.configfile import may_have_config

    for file, content in _setups()[name].items():
        if content is None:
            (tmp_path / file).mkdir()
        else:
            (tmp_path / file).write_bytes(content)
    found = find_config(str(tmp_path))
    assert found is None or may_have_config(str(tmp_path))
    assert may_have_config(str(tmp_path)) == (name not in ("nothing", "pyproject without it", "pyproject folder",
                                                          "other files"))


def test_a_link_to_a_missing_policycheck_toml_is_still_read_and_reported(folder: Path) -> None:
    (folder / "policycheck.toml").symlink_to(folder / "nowhere.toml")
    code, _out, err = _check()
    assert code == 2 and "policycheck.toml" in err and "PC500" in err
