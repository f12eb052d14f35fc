"""Exact output of every report format for the fixed report of tests/helpers/report_demo.py.

Expected files live in tests/fixtures/reports/.  After a deliberate change of
a format, regenerate them with ``POLICYCHECK_REGENERATE=1 python -m pytest
tests/reporters/test_golden.py`` and review the diff before committing.
"""
from __future__ import annotations

import csv
import io
import json
import os

import pytest

from policycheck.reporters import REPORTER_BY_NAME, RenderOptions, render
from tests.helpers.paths import FIXTURES, SCHEMAS_DIR
from tests.helpers.report_demo import build_report

EXPECTED = FIXTURES / "reports"
REGENERATE = os.environ.get("POLICYCHECK_REGENERATE") == "1"
EPOCH = "1700000000"  # 2023-11-14T22:13:20 UTC
HUMAN = ("table", "text", "markdown")
MACHINE = {"json": "json", "csv": "csv", "junit": "xml", "sarif": "sarif.json", "github": "github.txt"}


def check_expected(name: str, actual: str) -> None:
    path = EXPECTED / name
    if REGENERATE:
        path.write_bytes(actual.encode("utf-8"))
    assert path.is_file(), f"{path} is missing: run with POLICYCHECK_REGENERATE=1 and review it"
    assert actual == path.read_bytes().decode("utf-8")


@pytest.fixture(autouse=True)
def fixed_time(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("fmt", HUMAN)
def test_human_formats_exact(fmt: str, lang: str) -> None:
    suffix = {"table": "table.txt", "text": "text.txt", "markdown": "md"}[fmt]
    check_expected(f"report.{lang}.{suffix}", render(build_report(), fmt, RenderOptions(lang=lang)))


@pytest.mark.parametrize("fmt", HUMAN + ("csv",))
def test_units_view_exact(fmt: str) -> None:
    suffix = {"table": "table.txt", "text": "text.txt", "markdown": "md", "csv": "csv"}[fmt]
    options = RenderOptions(lang="zh", view="units")
    check_expected(f"units.zh.{suffix}", render(build_report(), fmt, options))


@pytest.mark.parametrize("fmt", sorted(MACHINE))
def test_machine_formats_exact(fmt: str) -> None:
    check_expected(f"report.{MACHINE[fmt]}", render(build_report(), fmt, RenderOptions()))


def test_every_format_but_html_and_xlsx_has_an_expected_file() -> None:
    # html has its own fixture test; xlsx is a zip package, checked by its contents
    # in tests/reporters/test_workbook_write.py.
    covered = set(HUMAN) | set(MACHINE)
    assert set(REPORTER_BY_NAME) - covered == {"html", "xlsx", "docx"}  # docx: tests/reporters/test_docx_bulletin.py


@pytest.mark.parametrize("fmt", ["json", "csv", "markdown", "text", "table", "sarif", "github", "junit"])
def test_deterministic(fmt: str) -> None:
    assert render(build_report(), fmt) == render(build_report(), fmt)


def test_json_is_the_full_report_at_full_precision() -> None:
    data = json.loads(render(build_report(), "json"))
    patents = data["results"][2]
    assert patents["target"] == "patents"
    assert patents["gap"] == -0.06
    assert patents["attainment"] == 0.9166666666666666
    assert patents["location"] == {"file": "plans/demo.yaml", "line": 40, "column": 5}
    assert data["summary"] == {"results": 9, "by_status": {"met": 2, "at_risk": 1, "off_track": 1, "missed": 2,
                                                          "no_data": 1, "pending": 1, "on_track": 1}, "failing": 2}
    assert render(build_report(), "json", RenderOptions(view="units")) == render(build_report(), "json")


def test_text_aligns_cjk_through_wcwidth() -> None:
    import tabulate
    from wcwidth import wcswidth

    assert tabulate.WIDE_CHARS_MODE
    lines = render(build_report(), "text").splitlines()[2:12]  # header, rule, 8 rows
    # The status column starts at the same display cell on every line.
    starts = {wcswidth(line[:line.rindex("  ") + 2]) for line in lines if not line.startswith("---")}
    assert len(lines) == 10 and len(starts) == 1


def test_table_colours_only_on_request() -> None:
    plain = render(build_report(), "table", RenderOptions(color=False))
    coloured = render(build_report(), "table", RenderOptions(color=True))
    assert "\x1b[" not in plain
    assert "\x1b[1;31m未达成" in coloured  # missed: bold red
    assert "\x1b[33m略有滞后" in coloured  # at_risk: yellow


def test_table_keeps_rows_aligned_when_names_wrap() -> None:
    from rich.cells import cell_len

    text = render(build_report(), "table", RenderOptions(width=80))
    lines = text.splitlines()
    assert max(cell_len(line) for line in lines if not line.startswith("policycheck:")) == 80
    assert "…" not in text  # the name wraps; no other column is cut
    first = next(i for i, line in enumerate(lines) if line.startswith("每万人口高价值发明专"))
    assert lines[first].endswith("-0.06    83.3% ████░  91.7% 明显滞后")
    assert lines[first + 1] == "利拥有量"  # the wrapped rest of the name, in its own column


@pytest.mark.parametrize("width", [40, 60])
def test_table_widens_rather_than_cut_a_status_or_number(width: int) -> None:
    """Too narrow for the numbers, bar and status beside an 8-cell name even in the
    narrowest layout: the table is drawn 68 cells wide rather than cut 未达成 to 未…
    or a number to +16.…"""
    from rich.cells import cell_len

    text = render(build_report(), "table", RenderOptions(width=width))
    lines = text.splitlines()
    assert max(cell_len(line) for line in lines if not line.startswith("policycheck:")) == 68
    assert "…" not in text
    assert "未达成\n" in text and "（力争）" in text and "符合序时进度" in text and "+0.34" in text


def _csv_rows(text: str) -> list[list[str]]:
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:], newline="")))


def test_csv_neutralises_formulas_but_not_numbers() -> None:
    text = render(build_report(), "csv")
    rows = _csv_rows(text)
    header = rows[0]
    by_target = {row[header.index("target")]: row for row in rows[1:]}
    assert by_target["labs"][header.index("name")] == "'=HYPERLINK(\"http://x\")"
    assert by_target["zero"][header.index("name")] == "'+规上企业研发机构清零"
    assert by_target["patents"][header.index("gap")] == "-0.06"
    assert by_target["patents"][header.index("responsible")] == "kjj;jxj"
    assert by_target["hitech"][header.index("history")] == "2021:61.0:met;2022:60.0:met;2023:57.0:at_risk"
    assert "\r\n" in text and "path" not in header


def test_csv_neutralise_every_dangerous_start() -> None:
    from policycheck.reporters.csv_report import cell

    for text in ("=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"):
        assert cell(text) == "'" + text
    assert cell(-0.06) == -0.06 and cell("a=b") == "a=b" and cell(None) == "" and cell(True) == "true"


def test_github_escapes_like_the_actions_toolkit() -> None:
    from policycheck.reporters.github import command, escape_data, escape_property

    assert escape_data("100%\r\nx:y,z") == "100%25%0D%0Ax:y,z"
    assert escape_property("100%\r\nx:y,z") == "100%25%0D%0Ax%3Ay%2Cz"
    assert command("error", "a%b\nc", file="d:e,f.yaml", line=3, col=0, title="T:1") == \
        "::error file=d%3Ae%2Cf.yaml,line=3,title=T%3A1::a%25b%0Ac"


def test_github_annotates_only_what_needs_attention() -> None:
    lines = render(build_report(), "github", RenderOptions(lang="en")).splitlines()
    assert [line.split(" ", 1)[0] for line in lines] == ["::warning", "::warning", "::warning", "::error",
                                                         "::warning", "::error"]
    output = next(line for line in lines if "line=60,col=5,title=output" in line)
    assert output == ("::error file=plans/demo.yaml,line=60,col=5,title=output%3A missed::"
                      "产值|占比<50%25, 口径:新%0A\"口径\": the 2023 value 50 is not reached")


def test_sarif_validates_and_fingerprints_ignore_lines() -> None:
    from dataclasses import replace

    import jsonschema

    schema = json.loads((SCHEMAS_DIR / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    report = build_report()
    data = json.loads(render(report, "sarif"))
    jsonschema.validate(data, schema)
    run = data["runs"][0]
    assert [r["id"] for r in run["tool"]["driver"]["rules"]] == [
        "PC309", "PC405", "status/missed", "status/off_track", "status/at_risk"]
    levels = {(r["ruleId"], r["locations"][0]["physicalLocation"]["region"]["startLine"]): r["level"]
              for r in run["results"]}
    assert levels == {("PC309", 60): "warning", ("PC405", 7): "warning", ("status/at_risk", 30): "warning",
                      ("status/off_track", 40): "error", ("status/missed", 50): "note",
                      ("status/missed", 60): "error"}
    moved = replace(report, results=tuple(replace(r, location=replace(r.location, line=r.location.line + 3))
                                          for r in report.results))
    prints = [r["partialFingerprints"] for r in json.loads(render(moved, "sarif"))["runs"][0]["results"]]
    assert prints == [r["partialFingerprints"] for r in run["results"]]


def test_junit_validates_against_the_strict_schema() -> None:
    import xmlschema

    schema = xmlschema.XMLSchema(str(SCHEMAS_DIR / "JUnit.xsd"))
    text = render(build_report(), "junit")
    schema.validate(text)
    assert 'timestamp="2023-11-14T22:13:20"' in text
    assert '<failure type="off_track"' in text and '<failure type="missed"' in text
    assert text.count("<skipped ") == 2


def test_junit_strips_characters_xml_cannot_carry() -> None:
    from dataclasses import replace

    import xmlschema

    report = build_report()
    bad = replace(report, results=(replace(report.results[4], name="a\x01b\x1fc"),) + report.results[5:])
    text = render(bad, "junit")
    xmlschema.XMLSchema(str(SCHEMAS_DIR / "JUnit.xsd")).validate(text)
    assert "abc\n" in text


def test_junit_timestamp_defaults_to_now(monkeypatch: pytest.MonkeyPatch) -> None:
    import re

    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    text = render(build_report(), "junit")
    assert re.search(r'timestamp="\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d"', text)
