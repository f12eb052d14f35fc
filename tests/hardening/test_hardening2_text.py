"""Plan text, CSV cells and file names never bring an escape sequence, a bidi override or a
CI workflow command to a terminal or a CI log (docs/security.md#8-text-to-terminals-and-ci-logs).

The forged annotation ``x\\n::error file=README.md,line=1::FORGED`` goes into
every field a plan has (title, names, unit names, groups, references) and into
file names; every command in every format is run, and no line of stdout or
stderr may start with ``::`` unless it is an annotation of ``-f github``.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from policycheck.reporters import STDOUT_FORMATS
from policycheck.reporters.github import command
from policycheck.textsafe import clean_block, defuse_commands, one_line, spreadsheet_text
from tests.hardening.hardening2_kit import TAICANG, TAICANG_CSV, assert_clean, invoke, run

FORGED = "x\n::error file=README.md,line=1::FORGED"
#: An OSC 8 link, a colour, a bell and a right-to-left override, as YAML escapes.
NASTY = r"\e]8;;http://evil.example\e\\click\e]8;;\e\\ \e[31mred\a \u202Eevil\u202C \n::warning::W \r##[error]E"


def _hostile_plan(folder: Path, name: str = "plan.yaml") -> Path:
    forged = FORGED.replace("\n", r"\n")
    text = f"""policycheck: 1
plan: {{id: hostile, title: "标题{forged}{NASTY}", period: {{start: 2021, end: 2025}}, baseline_year: 2020}}
units:
  kjj: {{name: "科技局{forged}{NASTY}", name_en: "{forged}", group: g}}
  town: {{name: "镇{forged}", group: "g"}}
references:
  avg: {{name: "平均{forged}{NASTY}", unit: "%"}}
targets:
  - id: share
    name: "=HYPERLINK(\\"http://evil\\"){forged}{NASTY}"
    name_en: "{forged}"
    unit: "@SUM(A1){forged}"
    kind: level
    milestones: {{2025: 10}}
    responsible: [kjj, town]
    scope: {{group: g}}
    quote: "{forged}"
    note: "{forged}"
  - id: annual
    name: "一二三四五六七八九十一二三四五六七八九十 ::error::WRAPPED 一二三四五六七八九十"
    unit: "%"
    kind: annual
    reference: avg
    comparator: ">="
    responsible: [kjj]
    quote: q
"""
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def _hostile_csv(folder: Path, name: str = "data.csv") -> Path:
    rows = ["target,unit,year,value,source,note",
            'share,kjj,2020,1,"src\n::error::CELL","note\x1b]8;;http://e\x1b\\x"',
            "share,kjj,2023,2,,", "share,town,2020,1,,", "share,town,2023,9,,",
            "avg,,2023,5,,", "annual,,2023,4,,"]
    path = folder / name
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("hostile")
    return _hostile_plan(folder), _hostile_csv(folder)


@pytest.mark.parametrize("fmt", STDOUT_FORMATS)
@pytest.mark.parametrize("view", ["check", "units"])
def test_no_format_lets_plan_or_csv_text_start_a_command(hostile: tuple[Path, Path], fmt: str, view: str) -> None:
    plan, data = hostile
    code, stdout, stderr = invoke([view, plan, "-a", data, "-f", fmt, "--color"], env={"COLUMNS": "60"})
    assert code in (0, 1), stderr
    assert "FORGED" in stdout or fmt in ("sarif", "github", "junit") or view == "units"
    coloured = stdout.replace("\x1b[", "") if fmt == "table" else stdout  # --color: our own sequences
    assert_clean(coloured, stderr, github=fmt == "github", machine=fmt in ("json", "sarif"))


@pytest.mark.parametrize("fmt", ["table", "text", "json", "github"])
def test_explain_and_template_are_clean(hostile: tuple[Path, Path], fmt: str) -> None:
    plan, data = hostile
    code, stdout, stderr = invoke(["explain", plan, "share", "-a", data, "-f", fmt], env={"COLUMNS": "50"})
    assert code in (0, 1)
    assert_clean(stdout, stderr, github=fmt == "github", machine=fmt == "json")
    code, stdout, stderr = invoke(["template", plan])
    assert code == 0
    assert_clean(stdout, stderr)


def test_a_wrapped_name_never_starts_a_line_with_a_command(hostile: tuple[Path, Path]) -> None:
    """rich wraps a long name inside its column: a continuation line may begin with the
    ``::`` inside the name, after the blank cells of the columns before it."""
    plan, data = hostile
    _, stdout, _ = invoke(["units", plan, "-a", data, "-f", "table"], env={"COLUMNS": "60"})
    continued = [line.lstrip() for line in stdout.splitlines() if line.startswith(" ")]
    assert "：:error" in continued  # the name column wrapped right before "::error"
    assert not [line for line in stdout.splitlines() if line.lstrip().startswith("::")]


def test_template_neutralises_formulas_and_line_breaks(hostile: tuple[Path, Path]) -> None:
    plan, _ = hostile
    _, stdout, _ = invoke(["template", plan, "--lang", "en"])
    first = stdout.splitlines()[1]
    assert first.startswith('hostile,share,"\'=HYPERLINK(""http://evil"")x ::error file=README.md,line=1::FORGED')
    assert ',"\'@SUM(A1)x ::error file=README.md,line=1::FORGED",' in first
    assert "\x1b" not in stdout and "\u202e" not in stdout


def test_validate_and_github_escape_forged_ids_and_file_names(tmp_path: Path) -> None:
    folder = tmp_path / "x\n::error file=README.md,line=1::FORGED \x1b[31m"
    folder.mkdir()
    plan = folder / "plan.yaml"
    plan.write_text(TAICANG.read_text(encoding="utf-8").replace(
        "id: rd-intensity", 'id: "rd-intensity\\n::error file=README.md,line=1::ID"'), encoding="utf-8")
    data = folder / "a.csv"
    data.write_bytes(TAICANG_CSV.read_bytes())
    for fmt in ("text", "github", "json", "sarif"):
        code, stdout, stderr = invoke(["validate", plan, data, "-f", fmt])
        assert code == 1
        assert_clean(stdout, stderr, github=fmt == "github", machine=fmt in ("json", "sarif"))
    for args in (["check", plan, "-a", data], ["units", plan, "-a", data], ["template", plan],
                 ["explain", plan, "rd-intensity", "-a", data]):
        code, stdout, stderr = invoke(args)
        assert (code, stdout) == (2, "")
        assert len(stderr.splitlines()) >= 1
        assert_clean(stdout, stderr)


def test_click_messages_quoting_a_path_are_cleaned_too(tmp_path: Path) -> None:
    folder = tmp_path / "plans\n::error::CLICK.yaml"
    folder.mkdir()
    code, stdout, stderr = invoke(["check", folder, "-a", TAICANG_CSV])
    assert (code, stdout) == (2, "")
    assert "CLICK" in stderr
    assert_clean(stderr)


def test_a_real_process_in_a_github_runner_prints_only_its_own_annotations(hostile: tuple[Path, Path]) -> None:
    plan, data = hostile
    done = run(["check", plan, "-a", data, "-f", "github", "-v"], env={"GITHUB_ACTIONS": "true"})
    assert done.returncode in (0, 1)
    assert_clean(done.stdout.decode(), done.stderr.decode(), github=True)
    assert done.stdout.decode().startswith("::")


def test_the_sanitiser() -> None:
    assert one_line("a\nb\tc\r\u2028d\x1b[31m\u202ee\x07") == "a b c  d[31me"
    assert defuse_commands("ok\n  ::error::x\n\u3000##[group]y\n# ::fine") == (
        "ok\n  ：:error::x\n\u3000＃#[group]y\n# ::fine")
    assert clean_block("a\x1b\n::b\u202e\n") == "a\n：:b\n"
    assert spreadsheet_text("=1+1") == "'=1+1" and spreadsheet_text("-3") == "'-3"
    assert spreadsheet_text("\x1b=x\n") == "'=x\n"


def test_github_escapes_by_the_workflow_command_rules() -> None:
    line = command("error", "100% done\nnext\x1b[31m\u202e", file="a,b:c.yaml", line=3, col=0,
                   title="T:1,\x1b")
    assert line == "::error file=a%2Cb%3Ac.yaml,line=3,title=T%3A1%2C::100%25 done%0Anext[31m"
