"""``policycheck validate`` through the command line: exit codes and exact output."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from policycheck.cli.commands import main
from tests.helpers.paths import FIXTURES

CASES = FIXTURES / "plan_cases"
DUPLICATE = CASES / "negative" / "pc101-duplicate-key" / "plan.yaml"
NO_QUOTE = CASES / "negative" / "pc309-no-quote" / "plan.yaml"
CLEAN = CASES / "positive" / "spec-example" / "plan.yaml"


@pytest.fixture(autouse=True)
def _no_github(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)


def _run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["validate", "--lang", "en", *args], catch_exceptions=False)
    return result.exit_code, result.stdout


def test_clean_plan_exits_0() -> None:
    code, out = _run(str(CLEAN))
    assert code == 0
    assert out == "policycheck: 1 file checked, no problems found\n"


def test_error_finding_exits_1_with_parsable_line() -> None:
    code, out = _run(str(DUPLICATE))
    assert code == 1
    assert out == (f"{DUPLICATE}:13:5: error [PC101] duplicate key 'unit' (first at line 11); "
                   f"remove one of them\n")


def test_warning_only_exits_0_and_1_with_strict() -> None:
    code, out = _run(str(NO_QUOTE))
    assert code == 0
    assert out.startswith(f"{NO_QUOTE}:9:5: warning [PC309] target 't1' has no quote")
    assert _run("--strict", str(NO_QUOTE))[0] == 1


def test_missing_path_exits_2(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["validate", "--lang", "en", str(tmp_path / "absent.yaml")])
    assert (result.exit_code, result.output) == (2, f"{tmp_path / 'absent.yaml'}: no such file or folder\n")
    result = CliRunner().invoke(main, ["validate", str(tmp_path / "absent.yaml")])
    assert (result.exit_code, result.output) == (2, f"{tmp_path / 'absent.yaml'}：文件或文件夹不存在\n")


def test_json_format_lists_findings() -> None:
    code, out = _run("-f", "json", str(DUPLICATE))
    assert code == 1
    data = json.loads(out)
    found = [f for f in _walk_findings(data)]
    assert [(f["rule"], f["line"], f["column"]) for f in found] == [("PC101", 13, 5)]


def _walk_findings(data: object) -> list[dict[str, object]]:
    """Findings wherever the JSON report keeps them (a top-level list or a 'findings' key)."""
    if isinstance(data, dict):
        return list(data.get("findings", []))  # type: ignore[arg-type]
    return list(data)  # type: ignore[arg-type]


def test_every_negative_case_through_the_cli() -> None:
    folder = CASES / "negative"
    expected = []
    for case in sorted(p for p in folder.iterdir() if p.is_dir()):
        data = json.loads((case / "expected.json").read_text(encoding="utf-8"))
        for item in data if isinstance(data, list) else [data]:
            expected.append(f"{case / 'plan.yaml'}:{item['line']}:{item['column']}: ")
    # Named on the command line: a folder search skips YAML without a top-level policycheck key (the
    # empty file, the list document), a file named is always checked.  One run per case: the cases
    # share plan ids, and plans validated together must not (PC320).
    out = ""
    for case in sorted(p for p in folder.iterdir() if p.is_dir()):
        code, text = _run(str(case / "plan.yaml"))
        assert code == (1 if ": error [" in text else 0), case
        out += text
    assert [line[: len(prefix)] for line, prefix in zip(out.splitlines(), expected, strict=False)] == expected
    assert len(out.splitlines()) == len(expected)


def test_github_format_annotates_the_exact_node() -> None:
    code, out = _run("-f", "github", str(DUPLICATE))
    assert code == 1
    assert out == (f"::error file={DUPLICATE},line=13,col=5,title=PC101::duplicate key 'unit' "
                   f"(first at line 11); remove one of them\n")


def test_a_folder_with_no_plan_or_csv_exits_2_naming_it(tmp_path: Path) -> None:
    empty, ci = tmp_path / "empty", tmp_path / "ci"
    empty.mkdir()
    ci.mkdir()
    (ci / "gitlab-ci.yml").write_text("policycheck:\n  script: [policycheck validate plans/]\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["validate", str(empty), str(CLEAN), str(ci), "-f", "json", "--lang", "en"])
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        f"{empty}: no plan (*.yaml, *.yml with a top-level 'policycheck:' key) or CSV file found\n"
        f"{ci}: no plan (*.yaml, *.yml with a top-level 'policycheck:' key) or CSV file found\n")
    result = CliRunner().invoke(main, ["validate", str(empty), str(CLEAN), str(ci), "-f", "json"])
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        f"{empty}：没有找到规划（带顶层 'policycheck:' 键的 *.yaml、*.yml）或 CSV 文件\n"
        f"{ci}：没有找到规划（带顶层 'policycheck:' 键的 *.yaml、*.yml）或 CSV 文件\n")


def test_a_folder_with_one_plan_is_not_empty(tmp_path: Path) -> None:
    (tmp_path / "plan.yaml").write_text(CLEAN.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "empty").mkdir()  # an empty sub-folder of a searched folder is fine
    code, out = _run(str(tmp_path))
    assert (code, out) == (0, "policycheck: 1 file checked, no problems found\n")


def test_the_help_names_every_kind_of_file_validate_reads() -> None:
    """The patterns of ``validate --help`` are exactly the suffixes validation.py accepts, so a new
    workbook kind cannot be read but left out of the help (as *.xlsm once was)."""
    from policycheck.validation import CSV_SUFFIXES, PLAN_SUFFIXES

    text = CliRunner().invoke(main, ["validate", "--help"], terminal_width=200).stdout
    first = text.split("\n\n")[1]
    assert first.strip().startswith("Validate plans (")
    shown = re.findall(r"\*(\.[a-z]+)", first)
    assert shown == list(PLAN_SUFFIXES + CSV_SUFFIXES)
