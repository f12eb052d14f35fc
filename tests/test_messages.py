"""The message catalogue: every rule speaks Chinese and English, and every finding comes from it."""
from __future__ import annotations

import ast
import re
import string
from pathlib import Path

import pytest

from policycheck.actuals.load import read_actuals
from policycheck.findings import RULES, Finding
from policycheck.messages import MESSAGES, RULE_TITLES, Text, join, msg
from policycheck.plans.build import check_plan_file
from tests.helpers.paths import FIXTURES, PLANS_DIR, ROOT

CJK = re.compile("[\u4e00-\u9fff]")
#: Keys that are not a rule's: pieces several rules share, value words, the command line's own lines.
SHARED_PREFIXES = ("did-you-mean", "id-rule", "rows", "or-list", "value.", "type.", "form.", "why.", "where.",
                   "workbook.", "thousands-hint", "validate.", "cli.", "fill.", "period.", "limit.", "input.",
                   "output.", "stdout.", "env.", "api.")


def _fields(template: str) -> set[str]:
    return {name for _text, name, _spec, _conv in string.Formatter().parse(template) if name is not None}


@pytest.mark.parametrize("rule", sorted(RULE_TITLES))
def test_every_rule_has_a_title_and_messages_in_both_languages(rule: str) -> None:
    titles = RULE_TITLES[rule]
    assert titles["en"] and CJK.search(titles["zh"]), rule
    keys = [key for key in MESSAGES if key.startswith(f"{rule}.")]
    assert keys, f"{rule} has no message in policycheck/messages/"


@pytest.mark.parametrize("key", sorted(MESSAGES))
def test_every_message_has_both_languages_with_the_same_fields(key: str) -> None:
    entry = MESSAGES[key]
    assert set(entry) == {"en", "zh"}, key
    assert entry["en"].strip() and entry["zh"].strip(), key
    assert entry["en"] != entry["zh"], f"{key}: the Chinese is a copy of the English"
    assert _fields(entry["en"]) == _fields(entry["zh"]), key


def test_every_key_belongs_to_a_rule_or_is_a_shared_piece() -> None:
    strays = [key for key in MESSAGES
              if not (key.split(".")[0] in RULE_TITLES or key.startswith(SHARED_PREFIXES))]
    assert strays == []


def test_rules_is_the_english_of_the_titles() -> None:
    assert {rule: titles["en"] for rule, titles in RULE_TITLES.items()} == RULES


def test_msg_fills_each_language_with_its_own_words() -> None:
    text = msg("PC200.type", where="plan.period.start", expected=msg("type.integer"),
               actual=msg("value.text", value="'2023'"), hint=msg("PC200.remove-quotes"))
    assert text == Text("plan.period.start must be a whole number, not text '2023'; remove the quotes",
                        "plan.period.start 必须是整数，而不是文本 '2023'；去掉引号")
    assert str(text) == text.en
    assert join(["a", msg("type.number")]) == Text("a, a number", "a、数字")


def test_no_finding_is_made_from_a_sentence_outside_the_catalogue() -> None:
    """Every Finding in the package is made with Finding.of and a msg(...): a sentence written in a
    rule would have no Chinese."""
    offenders = []
    for path in (ROOT / "policycheck").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "Finding":
                offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert offenders == []


def _corpus(tmp_path: Path) -> list[Finding]:
    """Findings of every negative plan case and of CSV files with each kind of problem."""
    findings: list[Finding] = []
    for case in sorted((FIXTURES / "plan_cases" / "negative").iterdir()):
        findings.extend(check_plan_file(str(case / "plan.yaml")).findings)
    plan = check_plan_file(str(PLANS_DIR / "linhai-315-2023-2027.yaml")).plan
    assert plan is not None
    csvs = {
        "empty.csv": b"",
        "nul.csv": b"target,year,value\n\x00\n",
        "blank.csv": b"\n\n",
        "gbk.csv": "指标,年份,数值\n".encode("gb18030") + b"\xff\xff\n",
        "book.csv": b"PK\x03\x04[Content_Types].xml",
        "cells.csv": ("target,year,value,status,measure,comment\n"
                      "rd-intensity,2023,abc,,%,\n"
                      "rd-intensity,20x3,3,,%,\n"
                      "rd-intensity,2024,3,draft,%,\n"
                      "rd-intensity,2025,3.1,,个,\n"
                      "no-such,2024,1,,,\n"
                      "innovative-county,2024,maybe,,,\n"
                      "rd-intensity,2023,3.2,,%,\n"
                      "rd-intensity,2023,3.2,,%,\n"
                      "rd-intensity,2023,3.3,,%,\n"
                      "rd-intensity\n"
                      "rd-intensity,2022,1,500,x,y,z\n").encode(),
        "title.csv": "太仓市科技指标\n指标,年份,数值,单位名称\nrd-intensity,2023,3,东城\n".encode(),
        "quote.csv": b'target,year,value\nrd-intensity,2023,"3\n',
    }
    for name, data in csvs.items():
        path = tmp_path / name
        path.write_bytes(data)
        findings.extend(read_actuals([str(path)], plans=[plan]).findings)
    return findings


def test_every_finding_of_the_corpus_speaks_both_languages(tmp_path: Path) -> None:
    findings = _corpus(tmp_path)
    rules = {f.rule for f in findings}
    assert rules >= {"PC100", "PC101", "PC102", "PC200", "PC300", "PC301", "PC302", "PC303", "PC304", "PC305",
                     "PC306", "PC307", "PC308", "PC309", "PC310", "PC311", "PC312", "PC400", "PC401", "PC402",
                     "PC403", "PC404", "PC405", "PC407", "PC408", "PC409"}
    untranslated = [f"{f.rule} {f.message}" for f in findings if not CJK.search(f.text("zh"))]
    assert untranslated == []
    assert all(f.text("en") == f.message for f in findings)
