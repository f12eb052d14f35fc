"""The quote check against a plan's source text (PC311) and unusable source files (PC312).

Most cases start from a copy of the real Taicang plan with its source text
(``plans/sources/``) and change one thing, so locations are those of a real
plan: the quote of ``rd-intensity`` is at line 46 column 12, the source
``file:`` at line 13 column 18.
"""
from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from policycheck.cli import main
from policycheck.findings import Finding
from policycheck.model import Source
from policycheck.plans.build import check_plan_file
from policycheck.plans.sources import Document, quote_problem
from policycheck.plans.yamlload import MAX_BYTES
from tests.helpers.paths import EXAMPLES_DIR, PLANS_DIR, ROOT

PLAN = PLANS_DIR / "taicang-sti-2018-2020.yaml"
SOURCE = PLANS_DIR / "sources" / "taicang-sti-2018-2020.txt"
WRITTEN = "sources/taicang-sti-2018-2020.txt"
CSV = EXAMPLES_DIR / "taicang.csv"
RD_QUOTE = "到2020年,全社会研发投入占地区生产总值的比重达3.2%"
ALTERED = RD_QUOTE.replace("3.2%", "3.3%")
RD_MESSAGE = (f"quote of target 'rd-intensity' is not in {WRITTEN}; closest passage: '{RD_QUOTE}'; "
              "copy the document's words, skipping words only with …")
FILE_LINE = (13, 18)


def _copy(tmp_path: Path, old: str = "", new: str = "") -> Path:
    """The Taicang plan in ``tmp_path/plans`` with its source text, ``old`` replaced by ``new`` once."""
    folder = tmp_path / "plans"
    (folder / "sources").mkdir(parents=True)
    shutil.copy(SOURCE, folder / "sources")
    text = PLAN.read_text(encoding="utf-8")
    if old:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    path = folder / PLAN.name
    path.write_text(text, encoding="utf-8")
    return path


def _with_file(tmp_path: Path, written: str) -> Path:
    """The copy naming ``written`` as its source file (quoted, so any text stays one YAML value)."""
    return _copy(tmp_path, f"file: {WRITTEN},", f"file: {json.dumps(written)},")


def _findings(path: Path, *rules: str) -> list[tuple[str, str, int, int, str]]:
    return [(f.rule, f.level, f.line, f.column, f.message)
            for f in check_plan_file(str(path)).findings if f.rule in rules]


# -- PC311: quotes -----------------------------------------------------------------


def test_the_real_plan_quotes_its_source_and_a_copy_with_it_is_clean(tmp_path: Path) -> None:
    assert check_plan_file(str(_copy(tmp_path))).findings == []


def test_altered_quote_is_pc311_at_the_quote_with_the_closest_passage(tmp_path: Path) -> None:
    path = _copy(tmp_path, f"quote: {RD_QUOTE}\n", f"quote: {ALTERED}\n")
    assert check_plan_file(str(path)).findings == [
        Finding("PC311", "warning", str(path), 46, 12, RD_MESSAGE)]


def test_a_piece_after_the_ellipsis_that_is_not_there_is_named(tmp_path: Path) -> None:
    path = _copy(tmp_path, "quote: 到2020年…高新技术企业达500家\n", "quote: 到2020年…高新技术企业达600家\n")
    assert _findings(path, "PC311") == [(
        "PC311", "warning", 58, 12,
        f"quote of target 'hnte-total' is not in {WRITTEN}: '高新技术企业达600家' is not found; "
        "closest passage: '高新技术企业达500家'; copy the document's words, skipping words only with …")]


def test_pieces_out_of_document_order_are_pc311(tmp_path: Path) -> None:
    path = _copy(tmp_path, "quote: 到2020年…高新技术企业达500家\n", "quote: 高新技术企业达500家…全社会研发投入\n")
    assert _findings(path, "PC311") == [(
        "PC311", "warning", 58, 12,
        f"quote of target 'hnte-total' is not in {WRITTEN}: '全社会研发投入' comes before '高新技术企业达500家' "
        "there; the pieces between … must follow the document's order")]


def test_a_quote_of_another_document_says_so(tmp_path: Path) -> None:
    path = _copy(tmp_path, f"quote: {RD_QUOTE}\n", "quote: 完全不同的句子\n")
    assert _findings(path, "PC311") == [(
        "PC311", "warning", 46, 12,
        f"quote of target 'rd-intensity' is not in {WRITTEN}, and nothing there resembles it; "
        f"is {WRITTEN} the document this plan encodes?")]


@pytest.mark.parametrize(("quote", "found"), [
    ("甲乙丙丁", True),
    ("甲乙 丙\n丁", True),            # whitespace is removed on both sides
    ("甲…丁", True),                 # … skips words
    ("甲…丙…丁", True),
    ("丁…甲", False),                # pieces in document order only
    ("甲...丁", False),              # three dots are text, not a skip
    ("ＡＢＣ（１）", True),           # NFKC: full-width letters, digits, brackets
    ("ABC(1)", True),
    ("ABC(2)", False),
])
def test_matching_rules(quote: str, found: bool) -> None:
    document = Document("甲乙\n丙　丁。\nABC (1)")
    assert (quote_problem(quote, document, "d.txt") is None) == found


def test_an_ellipsis_in_the_document_is_matched_by_the_same_ellipsis() -> None:
    """Split on … before NFKC (which makes it '...'), or a quote of '甲…乙' would need literal dots."""
    assert quote_problem("甲乙…丙", Document("甲乙……丙"), "d.txt") is None
    assert quote_problem("甲...丙", Document("甲...丙"), "d.txt") is None


def test_a_quote_of_ellipses_alone_has_no_words() -> None:
    assert quote_problem("… …", Document("甲乙"), "d.txt") == "has no words besides …; copy the document's words"


def test_the_hint_index_is_built_only_when_a_quote_fails() -> None:
    """Loading a plan whose quotes all match costs one normalisation and one find per piece."""
    document = Document(SOURCE.read_text(encoding="utf-8"))
    assert quote_problem(RD_QUOTE, document, WRITTEN) is None
    assert document._index is None and document._grams is None
    assert quote_problem(ALTERED, document, WRITTEN) is not None
    assert document._index is not None


def test_only_the_first_quotes_not_found_get_a_closest_passage(tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """The hint search is bounded per plan: a hostile plan with thousands of wrong quotes stays fast."""
    monkeypatch.setattr("policycheck.plans.sources.MAX_HINTS", 1)
    path = _copy(tmp_path, f"quote: {RD_QUOTE}\n", f"quote: {ALTERED}\n")
    path.write_text(path.read_text(encoding="utf-8").replace("高新技术企业达500家\n", "高新技术企业达600家\n"),
                    encoding="utf-8")
    assert [message for *_, message in _findings(path, "PC311")] == [
        RD_MESSAGE,
        f"quote of target 'hnte-total' is not in {WRITTEN}: '高新技术企业达600家' is not found; "
        "copy the document's words, skipping words only with …"]


def test_a_plain_text_source_is_a_title_and_quotes_are_not_checked(tmp_path: Path) -> None:
    old = ("source: {file: sources/taicang-sti-2018-2020.txt, "
           "title: 太仓市人民政府发布科技创新三年行动计划(2018—2020年), published: 2018-07-13}")
    path = _copy(tmp_path, old, "source: 003_4451db74ff7b3732.txt")
    path.write_text(path.read_text(encoding="utf-8").replace(RD_QUOTE, ALTERED), encoding="utf-8")
    loaded = check_plan_file(str(path))
    assert loaded.findings == []
    assert loaded.plan is not None and loaded.plan.source == Source(title="003_4451db74ff7b3732.txt")


def test_a_source_without_file_is_not_checked(tmp_path: Path) -> None:
    path = _copy(tmp_path, f"file: {WRITTEN}, ", "url: https://example.org/taicang, ")
    path.write_text(path.read_text(encoding="utf-8").replace(RD_QUOTE, ALTERED), encoding="utf-8")
    loaded = check_plan_file(str(path))
    assert loaded.findings == []
    assert loaded.plan is not None and loaded.plan.source == Source(
        title="太仓市人民政府发布科技创新三年行动计划(2018—2020年)", url="https://example.org/taicang",
        published="2018-07-13")


# -- PC312: the source file ------------------------------------------------------------


def test_missing_source_file_is_pc312_at_file(tmp_path: Path) -> None:
    path = _with_file(tmp_path, "sources/missing.txt")
    looked = os.path.join(str(path.parent), "sources", "missing.txt")
    assert _findings(path, "PC311", "PC312") == [(
        "PC312", "warning", *FILE_LINE,
        f"source file 'sources/missing.txt' is not found (looked for {looked}); put the document's text there, "
        "or remove file: to name the document without a copy")]


def test_non_utf8_source_is_pc312_with_the_first_bad_byte(tmp_path: Path) -> None:
    path = _copy(tmp_path)
    source = path.parent / WRITTEN
    source.write_bytes(SOURCE.read_text(encoding="utf-8").encode("gb18030"))
    assert _findings(path, "PC311", "PC312") == [(
        "PC312", "warning", *FILE_LINE,
        f"source file '{WRITTEN}' is not UTF-8 (byte 0xc9 at line 1, column 1); save it as UTF-8")]


def test_a_bad_byte_further_in_is_located_by_line_and_column(tmp_path: Path) -> None:
    path = _copy(tmp_path)
    (path.parent / WRITTEN).write_bytes("第一行\n第二行 ".encode() + b"\xff")
    assert _findings(path, "PC312")[0][4].startswith(
        f"source file '{WRITTEN}' is not UTF-8 (byte 0xff at line 2, column 5)")


def test_source_over_the_plan_size_limit_is_pc312_and_not_read(tmp_path: Path) -> None:
    path = _copy(tmp_path)
    with open(path.parent / WRITTEN, "wb") as handle:
        handle.truncate(MAX_BYTES + 1)
    assert _findings(path, "PC311", "PC312") == [(
        "PC312", "warning", *FILE_LINE,
        f"source file '{WRITTEN}' is 10.0 MiB; source texts are limited to 10 MiB, like plan files")]


@pytest.mark.parametrize(("written", "words"), [
    ("/etc/hostname", "is an absolute path; give it relative to the plan file's folder, e.g. sources/name.txt"),
    ("C:/plans/x.txt", "is an absolute path; give it relative to the plan file's folder, e.g. sources/name.txt"),
    ("../outside.txt", "leads outside the plan file's folder; keep the text in that folder or below it, "
                       "e.g. sources/name.txt"),
    ("sources/../../outside.txt", "leads outside the plan file's folder; keep the text in that folder or below "
                                  "it, e.g. sources/name.txt"),
    ("sources\\taicang.txt", "has a \\ in it; write / between folders, e.g. sources/name.txt"),
    ("sources", "is a folder; name the text file in it"),
])
def test_unusable_path_is_pc312(tmp_path: Path, written: str, words: str) -> None:
    path = _with_file(tmp_path, written)
    assert _findings(path, "PC311", "PC312") == [("PC312", "warning", *FILE_LINE, f"source file '{written}' {words}")]


@pytest.mark.parametrize("written", ["../secret.txt", "sources/link.txt"])
def test_a_file_outside_the_plan_folder_is_never_read(tmp_path: Path, written: str) -> None:
    """A plan from a pull request must not get ``validate`` to quote another file back in a hint."""
    secret = tmp_path / "secret.txt"
    secret.write_text(f"{RD_QUOTE.replace('3.2', '9.9')} SECRET-TOKEN", encoding="utf-8")
    path = _with_file(tmp_path, written)
    if written == "sources/link.txt":
        try:
            (path.parent / written).symlink_to(secret)
        except OSError:
            pytest.skip("symbolic links are not available here")
    findings = check_plan_file(str(path)).findings
    assert [(f.rule, f.line, f.column) for f in findings] == [("PC312", *FILE_LINE)]
    assert findings[0].message == (f"source file '{written}' leads outside the plan file's folder; "
                                   "keep the text in that folder or below it, e.g. sources/name.txt")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_named_pipe_is_pc312_and_never_opened(tmp_path: Path) -> None:
    """Opening a pipe with no writer would block the command for ever."""
    path = _with_file(tmp_path, "sources/pipe")
    os.mkfifo(path.parent / "sources" / "pipe")
    assert _findings(path, "PC312") == [(
        "PC312", "warning", *FILE_LINE,
        "source file 'sources/pipe' is not a regular file; save the document's text as a UTF-8 text file")]


def test_a_source_problem_does_not_stop_check(tmp_path: Path) -> None:
    """PC312 is a warning: ``check`` evaluates a plan copied without its sources, as with them."""
    path = _with_file(tmp_path, "sources/missing.txt")
    runner = CliRunner()
    copied = runner.invoke(main, ["check", str(path), "-a", str(CSV), "-f", "json"])
    original = runner.invoke(main, ["check", str(PLAN), "-a", str(CSV), "-f", "json"])
    assert copied.exit_code == original.exit_code == 1
    def results(stdout: str) -> list[dict[str, object]]:
        return [{k: v for k, v in r.items() if k != "location"} for r in json.loads(stdout)["results"]]

    assert results(copied.stdout) == results(original.stdout)
    assert copied.stderr.startswith(f"{path}:13:18: warning [PC312] source file 'sources/missing.txt' is not found")
    strict = runner.invoke(main, ["validate", "--strict", str(path)])
    assert strict.exit_code == 1


# -- the rules through every finding format -----------------------------------------------


def test_pc311_in_text_json_sarif_and_github(tmp_path: Path) -> None:
    path = _copy(tmp_path, f"quote: {RD_QUOTE}\n", f"quote: {ALTERED}\n")
    runner = CliRunner()

    def validate(fmt: str) -> str:
        result = runner.invoke(main, ["validate", "-f", fmt, str(path)], env={"GITHUB_ACTIONS": None})
        assert result.exit_code == 0, result.output
        return result.stdout

    assert validate("text") == f"{path}:46:12: warning [PC311] {RD_MESSAGE}\n"
    assert json.loads(validate("json"))["findings"] == [
        {"rule": "PC311", "level": "warning", "file": str(path), "line": 46, "column": 12, "message": RD_MESSAGE}]
    run = json.loads(validate("sarif"))["runs"][0]
    assert [(r["id"], r["shortDescription"]["text"]) for r in run["tool"]["driver"]["rules"]] == [
        ("PC311", "Quote not found in the plan's source document")]
    [result] = run["results"]
    region = result["locations"][0]["physicalLocation"]["region"]
    assert (result["ruleId"], result["level"], result["message"]["text"]) == ("PC311", "warning", RD_MESSAGE)
    assert (region["startLine"], region["startColumn"]) == (46, 12)
    assert validate("github") == (f"::warning file={path},line=46,col=12,title=PC311::"
                                  f"{RD_MESSAGE.replace('%', '%25')}\n")


def test_pc312_has_its_sarif_rule(tmp_path: Path) -> None:
    path = _with_file(tmp_path, "sources/missing.txt")
    result = CliRunner().invoke(main, ["validate", "-f", "sarif", str(path)])
    rules = json.loads(result.stdout)["runs"][0]["tool"]["driver"]["rules"]
    assert [(r["id"], r["shortDescription"]["text"]) for r in rules] == [
        ("PC312", "Source document file missing, outside the plan's folder, not UTF-8 or over 10 MiB")]


@pytest.mark.parametrize("command", [["check"], ["units"], ["explain", "rd-intensity"]])
def test_plan_loading_reports_pc311_on_stderr_for_every_command(tmp_path: Path, command: list[str]) -> None:
    path = _copy(tmp_path, f"quote: {RD_QUOTE}\n", f"quote: {ALTERED}\n")
    args = [command[0], str(path), *command[1:], "-a", str(CSV)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code in (0, 1), result.output
    assert f"{path}:46:12: warning [PC311] {RD_MESSAGE}\n" in result.stderr
    assert result.stdout


@pytest.mark.parametrize("page", ["docs/validation.md", "docs/plan-format.md"])
def test_the_documented_pc311_line_is_what_validate_prints(tmp_path: Path, page: str,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    documented = [line for line in (ROOT / page).read_text(encoding="utf-8").splitlines()
                  if "[PC311]" in line and line.startswith("plans/")]
    _copy(tmp_path, f"quote: {RD_QUOTE}\n", f"quote: {ALTERED}\n")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["validate", "-f", "text", f"plans/{PLAN.name}"], env={"GITHUB_ACTIONS": None})
    assert documented == result.stdout.splitlines()
