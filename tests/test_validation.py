"""run_validation: folder expansion, plans then CSV files, sorted findings."""
from __future__ import annotations

from pathlib import Path

from policycheck.validation import expand, expand_paths, nothing_found, run_validation

PLAN = """\
policycheck: 1
plan:
  id: demo
  title: 示例
  period: {start: 2023, end: 2025}
targets:
  - id: rd
    name: 研发投入强度
    unit: "%"
    kind: level
    milestones: {2025: 3.6}
    quote: 达到3.6%
"""


def _tree(tmp_path: Path) -> Path:
    (tmp_path / "plans" / "sub").mkdir(parents=True)
    (tmp_path / "plans" / ".hidden").mkdir()
    (tmp_path / "plans" / "b.yaml").write_text(PLAN, encoding="utf-8")
    (tmp_path / "plans" / "sub" / "a.yml").write_text(PLAN.replace("id: demo", "id: demo2"), encoding="utf-8")
    (tmp_path / "plans" / ".hidden" / "x.yaml").write_text("not: [valid", encoding="utf-8")
    (tmp_path / "plans" / "notes.txt").write_text("ignored", encoding="utf-8")
    (tmp_path / "plans" / "data.csv").write_text("target,year,value\nrd,2024,3.4\n", encoding="utf-8")
    return tmp_path / "plans"


def test_expand_paths_sorts_and_filters(tmp_path: Path) -> None:
    folder = _tree(tmp_path)
    plans, csvs = expand_paths([str(folder), str(folder / "b.yaml")])
    assert plans == [str(folder / "b.yaml"), str(folder / "sub" / "a.yml")]  # b.yaml listed once
    assert csvs == [str(folder / "data.csv")]


def test_clean_folder(tmp_path: Path) -> None:
    folder = _tree(tmp_path)
    (folder / "sub" / "a.yml").unlink()
    validation = run_validation([str(folder)])
    assert validation.findings == ()
    assert validation.files == (str(folder / "b.yaml"), str(folder / "data.csv"))
    assert validation.strict is False


def test_findings_sorted_by_file_line_column(tmp_path: Path) -> None:
    a = tmp_path / "a.yaml"
    b = tmp_path / "b.yaml"
    b.write_text(PLAN.replace("    quote: 达到3.6%\n", "").replace("kind: level", "kind: levle"), encoding="utf-8")
    a.write_text(PLAN.replace("    quote: 达到3.6%\n", "").replace("{2025: 3.6}", "{2025: 3.6, 2030: 4}"),
                 encoding="utf-8")
    validation = run_validation([str(b), str(a)], strict=True)
    assert [(f.file, f.line, f.column, f.rule) for f in validation.findings] == [
        (str(a), 7, 5, "PC309"), (str(a), 11, 29, "PC302"), (str(b), 10, 11, "PC200")]
    assert validation.files == (str(b), str(a))
    assert validation.strict is True


def test_csv_checked_against_plans_of_the_same_run(tmp_path: Path) -> None:
    (tmp_path / "plan.yaml").write_text(PLAN, encoding="utf-8")
    csv = tmp_path / "data.csv"
    csv.write_text("target,year,value\nrd,2024,3.4\nrdd,2024,1\n", encoding="utf-8")
    validation = run_validation([str(tmp_path)])
    assert [(f.file, f.line, f.rule, f.level) for f in validation.findings] == [(str(csv), 3, "PC403", "error")]
    relaxed = run_validation([str(tmp_path)], allow_unknown=True)
    assert [(f.rule, f.level) for f in relaxed.findings] == [("PC403", "warning")]


def test_csv_alone_gets_structural_checks(tmp_path: Path) -> None:
    csv = tmp_path / "data.csv"
    csv.write_text("target,value\nrd,3.4\n", encoding="utf-8")
    validation = run_validation([str(csv)])
    assert [(f.rule, f.file) for f in validation.findings] == [("PC401", str(csv))]


def test_broken_files_are_findings(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_bytes(b"\x00\x01binary")
    validation = run_validation([str(bad)])
    assert [(f.rule, f.line, f.column) for f in validation.findings] == [("PC100", 1, 1)]


def test_a_folder_without_plans_or_csv_files_is_listed_as_empty(tmp_path: Path) -> None:
    folder = _tree(tmp_path)
    (tmp_path / "empty").mkdir()
    ci = tmp_path / "ci"
    ci.mkdir()
    (ci / "github-actions.yml").write_text("on: push\njobs: {}\n", encoding="utf-8")
    (ci / "notes.txt").write_text("not a plan", encoding="utf-8")
    found = expand([str(tmp_path / "empty"), str(folder), str(ci), str(folder)])
    # Only YAML that is not a plan: as empty as no file at all.  A folder named
    # twice is not empty the second time, although its files are listed once.
    assert found.empty == [str(tmp_path / "empty"), str(ci)]
    assert found.skipped == [str(ci / "github-actions.yml")]
    assert found.plans == [str(folder / "b.yaml"), str(folder / "sub" / "a.yml")]


def test_files_named_on_the_command_line_never_make_a_folder_empty(tmp_path: Path) -> None:
    folder = _tree(tmp_path)
    assert expand([str(folder / "b.yaml"), str(folder / "notes.txt")]).empty == []


def test_nothing_found_message() -> None:
    assert (nothing_found("plans/").en, nothing_found("plans/").zh) == (
        "plans/: no plan (*.yaml, *.yml with a top-level 'policycheck:' key) or CSV file found",
        "plans/：没有找到规划（带顶层 'policycheck:' 键的 *.yaml、*.yml）或 CSV 文件")
