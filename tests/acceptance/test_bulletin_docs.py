"""The 通报 samples of docs/reports.md are the tool's real output.

``<!-- bulletin-sample: ARGS -->`` blocks are the whole stdout of
``policycheck ARGS`` run from the repository root; ``<!-- bulletin-excerpt: ARGS -->``
blocks are a part of it, line for line.  An argument ``taicang-YYYY.json`` is the
JSON report of the Taicang check of year YYYY, made for the test as the docs say.
"""
from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
from click.testing import CliRunner

from policycheck.cli.commands import main
from tests.helpers.paths import ROOT

DOC = ROOT / "docs" / "reports.md"
BLOCK = re.compile(r"<!-- bulletin-(?P<kind>sample|excerpt): (?P<args>[^>]*) -->\n```\w*\n(?P<body>.*?)```\n", re.S)
REPORT = re.compile(r"taicang-(\d{4})\.json")


def _blocks() -> list[tuple[str, str, str]]:
    return [(m["kind"], m["args"], m["body"]) for m in BLOCK.finditer(DOC.read_text(encoding="utf-8"))]


def test_the_bulletin_samples_are_there() -> None:
    assert [(kind, args.split()[0]) for kind, args, _ in _blocks()] == [
        ("excerpt", "check"), ("sample", "template"), ("excerpt", "check"), ("excerpt", "diff")]


def _argument(arg: str, work: Path) -> str:
    match = REPORT.fullmatch(arg)
    if match is None:
        return arg
    path = work / arg
    CliRunner().invoke(main, ["check", "plans/taicang-sti-2018-2020.yaml", "-a", "examples/taicang.csv",
                              "--year", match[1], "-q", "-o", f"json={path}"])
    return str(path)


@pytest.mark.parametrize(("kind", "args", "body"), _blocks(), ids=[f"{k}: {a}" for k, a, _ in _blocks()])
def test_block_is_what_policycheck_prints(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, kind: str, args: str,
                                          body: str) -> None:
    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(main, [_argument(arg, tmp_path) for arg in shlex.split(args)])
    assert result.exit_code in (0, 1), result.output
    if kind == "sample":
        assert result.stdout == body
    else:
        assert body in result.stdout


# --------------------------------------------------------------------------
# docs/walkthrough.md, step 9: every command, including those that write files
# (into a temporary folder) and those whose stderr is shown (``2>&1``).

WALKTHROUGH = ROOT / "docs" / "walkthrough.md"
CONSOLE = re.compile(r"```console\n(.*?)```", re.S)


def _step_9() -> list[tuple[str, str]]:
    text = WALKTHROUGH.read_text(encoding="utf-8")
    step = text.split("## 9. 年终通报", 1)[1].split("\n## ", 1)[0]
    found = []
    for block in CONSOLE.findall(step):
        lines = block.rstrip("\n").split("\n")
        for index, line in enumerate(lines):
            if line.startswith("$ policycheck "):
                output = []
                for following in lines[index + 1:]:
                    if following.startswith("$"):
                        break
                    output.append(following)
                found.append((line[2:], "\n".join(output)))
    return found


def test_step_9_has_its_commands() -> None:
    assert [command.split()[1] for command, _ in _step_9()] == [
        "template", "check", "check", "check", "check", "check", "diff"]


def test_step_9_is_what_policycheck_prints(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(ROOT)
    for command, expected in _step_9():
        both = command.endswith(" 2>&1")
        words = shlex.split(command.removesuffix(" 2>&1").replace("/tmp/", f"{tmp_path}/"))
        result = CliRunner().invoke(main, words[1:])
        # The findings go to stderr while the run reads its inputs, before the report is printed.
        shown = result.stderr + result.stdout if both else result.stdout
        assert shown.rstrip("\n") == expected, command
    assert (tmp_path / "临海市2025年度通报.docx").is_file()
