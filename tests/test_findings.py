"""Huge cells and YAML values are quoted as an excerpt: start, …, end and length, never in full.

A 2 MB CSV cell used to be repeated in full in its finding, so one bad cell
made a 2 MB line on stderr (and in every report).  Short values read exactly
as before; the message tests elsewhere compare those byte for byte.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from policycheck.actuals.load import read_actuals
from policycheck.findings import Finding, excerpt, quoted
from policycheck.plans.build import check_plan_file, load_plan

#: 2 MiB of digits (2,097,152 characters), starting "1234567890".
BIG = ("1234567890" * 209_716)[:2_097_152]
BIG_TEXT = "x" + "y" * (2_097_152 - 2) + "z"
START = "'1234567890123456789012345678901234567890…"
LENGTH = "(2,097,152 characters)"

PLAN = """\
policycheck: 1
plan:
  id: case
  title: 案例
  period: {{start: 2023, end: 2027}}
units:
  kjj: {{name: 市科技局}}
targets:
  - id: t1
    name: 研发投入强度
    unit: "%"
    kind: {kind}
    milestones: {{2027: 3.6}}
    responsible: [{unit}]
    quote: 达到3.6%
"""


# --------------------------------------------------------------------------
# The helpers


def test_short_text_is_quoted_exactly_as_repr_and_as_plan_messages_quote() -> None:
    assert excerpt("3,6") == "'3,6'"
    assert excerpt("it's") == '"it\'s"'
    assert excerpt("x" * 80) == repr("x" * 80)
    assert quoted("levl") == "'levl'"
    assert excerpt("abc", quote=str) == "abc"


def test_long_text_keeps_its_start_and_end_and_says_how_long_it_is() -> None:
    assert excerpt("x" * 81) == f"'{'x' * 40}…{'x' * 20}' (81 characters)"
    assert excerpt(BIG) == f"{START}{BIG[-20:]}' {LENGTH}"
    assert excerpt(BIG, 10) == "'12345…12' (2,097,152 characters)"
    assert quoted(BIG_TEXT) == f"'{'x' + 'y' * 39}…{'y' * 19 + 'z'}' {LENGTH}"
    assert excerpt(BIG_TEXT, quote=str) == f"{'x' + 'y' * 39}…{'y' * 19 + 'z'} {LENGTH}"


# --------------------------------------------------------------------------
# CSV cells


def _csv_findings(tmp_path: Path, text: str) -> list[Finding]:
    path = tmp_path / "big.csv"
    path.write_text(text, encoding="utf-8")
    return list(read_actuals([str(path)]).findings)


def _plan_csv_findings(tmp_path: Path, text: str) -> list[Finding]:
    plan_path = tmp_path / "plan.yaml"
    plan_path.write_text(PLAN.format(kind="level", unit="kjj"), encoding="utf-8")
    csv_path = tmp_path / "big.csv"
    csv_path.write_text(text, encoding="utf-8")
    return list(read_actuals([str(csv_path)], plans=[load_plan(str(plan_path))]).findings)


@pytest.mark.parametrize(("csv", "rule", "column", "before", "after"), [
    (f"target,year,value\nt1,2024,{BIG}\n", "PC402", 3, "", " is not a finite number; expected"),
    (f"target,year,value\nt1,{BIG},1\n", "PC408", 2, "year ", " is not an integer between 1900 and 2200"),
    (f"target,year,value,status\nt1,2024,1,{BIG}\n", "PC402", 4, "unknown data status ", "; expected final"),
    (f"target,year,value\nt1,2024,1,{BIG}\n", "PC402", 4,
     "row has 4 fields but the header has 3: unexpected cell ", " (a comma inside a number"),
    (f"target,year,value,{BIG}\nt1,2024,1,2\n", "PC407", 4, "column ", " ignored: not a known column"),
])
def test_a_2_mb_cell_gives_a_short_message_naming_its_start_and_length(
        tmp_path: Path, csv: str, rule: str, column: int, before: str, after: str) -> None:
    findings = [f for f in _csv_findings(tmp_path, csv) if f.rule == rule]
    assert len(findings) == 1
    finding = findings[0]
    assert (finding.column, len(finding.message) < 300) == (column, True)
    assert finding.message.startswith(f"{before}{START}{BIG[-20:]}' {LENGTH}{after}")


@pytest.mark.parametrize(("csv", "rule", "column", "before"), [
    (f"target,year,value\n{BIG},2024,1\n", "PC403", 1, "unknown target "),
    (f"target,year,value,unit\nt1,2024,1,{BIG}\n", "PC406", 4, "unknown unit "),
    (f"target,year,value,measure\nt1,2024,1,{BIG}\n", "PC409", 4, "unit of measure "),
])
def test_a_2_mb_cell_checked_against_a_plan_gives_a_short_message(
        tmp_path: Path, csv: str, rule: str, column: int, before: str) -> None:
    findings = [f for f in _plan_csv_findings(tmp_path, csv) if f.rule == rule]
    assert [(f.line, f.column) for f in findings] == [(2, column)]
    assert len(findings[0].message) < 300
    assert findings[0].message.startswith(f"{before}{START}{BIG[-20:]}' {LENGTH}")


# --------------------------------------------------------------------------
# YAML values


def _plan_findings(tmp_path: Path, text: str) -> list[Finding]:
    path = tmp_path / "plan.yaml"
    path.write_text(text, encoding="utf-8")
    return check_plan_file(str(path)).findings


def test_a_huge_yaml_string_value_gives_a_short_schema_message(tmp_path: Path) -> None:
    findings = _plan_findings(tmp_path, PLAN.format(kind=BIG_TEXT, unit="kjj"))
    assert [(f.rule, f.line, f.column) for f in findings] == [("PC200", 12, 11)]
    message = findings[0].message
    assert len(message) < 300
    assert message == (f"targets[0].kind is text '{'x' + 'y' * 39}…{'y' * 19 + 'z'}' {LENGTH}; "
                       "expected one of level, annual, cumulative, growth, cagr, rank, milestone")


def test_a_huge_undefined_unit_id_gives_a_short_meaning_message(tmp_path: Path) -> None:
    unit = "u" * 1_000_000
    findings = _plan_findings(tmp_path, PLAN.format(kind="level", unit=unit))
    assert [(f.rule, f.line, f.column) for f in findings] == [("PC301", 14, 19)]
    assert len(findings[0].message) < 300
    assert findings[0].message == (
        f"unit '{'u' * 40}…{'u' * 20}' (1,000,000 characters) in responsible is not defined in units; "
        f"add it under units: {'u' * 40}…{'u' * 20} (1,000,000 characters): {{name: ...}}")


def test_a_huge_unknown_key_gives_a_short_message(tmp_path: Path) -> None:
    # An explicit key (``? key``): YAML limits plain keys to 1024 characters.
    text = PLAN.format(kind="level", unit="kjj").replace("    quote:", f"    ? {BIG_TEXT}\n    : 1\n    quote:")
    findings = _plan_findings(tmp_path, text)
    assert [(f.rule, f.line, f.column) for f in findings] == [("PC200", 15, 7)]
    # The 2 MB key is cut to 60 characters; the rest is the list of allowed keys.
    assert len(findings[0].message) < 400
    assert findings[0].message.startswith(f"unknown key '{'x' + 'y' * 39}…{'y' * 19 + 'z'}' {LENGTH} "
                                          "in targets[0]; allowed keys: id, name")
