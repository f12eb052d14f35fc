"""``validate`` output in text, json, github and sarif (render_findings)."""
from __future__ import annotations

import json

from policycheck.findings import Finding, Validation
from policycheck.reporters import RenderOptions, render_findings
from tests.helpers.paths import SCHEMAS_DIR

FINDINGS = (
    Finding("PC405", "warning", "data/a.csv", 7, 1, "exact duplicate: 100%, see row 6\nagain"),
    Finding("PC200", "error", "plans/b.yaml", 3, 5, "unknown key 'mileston'; did you mean 'milestones'?"),
    Finding("PC400", "error", "data/a.csv", 0, 0, "cannot decode"),
)
VALIDATION = Validation(files=("plans/b.yaml", "data/a.csv"), findings=FINDINGS)


def test_text_one_parsable_line_per_finding_sorted() -> None:
    assert render_findings(VALIDATION, "text") == (
        "data/a.csv: error [PC400] cannot decode\n"
        "data/a.csv:7:1: warning [PC405] exact duplicate: 100%, see row 6 again\n"
        "plans/b.yaml:3:5: error [PC200] unknown key 'mileston'; did you mean 'milestones'?\n"
    )


def test_text_says_so_when_all_is_well() -> None:
    assert render_findings(Validation(files=("a.yaml", "b.csv")), "text") == \
        "policycheck: 2 files checked, no problems found\n"
    assert render_findings(Validation(files=("a.yaml",)), "text") == \
        "policycheck: 1 file checked, no problems found\n"


def test_json_sorted_and_deterministic() -> None:
    text = render_findings(VALIDATION, "json")
    assert text == render_findings(VALIDATION, "json") and text.endswith("}\n")
    data = json.loads(text)
    assert data["files"] == ["data/a.csv", "plans/b.yaml"]
    assert [(f["rule"], f["line"], f["column"]) for f in data["findings"]] == [
        ("PC400", 0, 0), ("PC405", 7, 1), ("PC200", 3, 5)]
    assert data["findings"][1] == {"rule": "PC405", "level": "warning", "file": "data/a.csv", "line": 7,
                                   "column": 1, "message": "exact duplicate: 100%, see row 6\nagain"}


def test_github_commands_and_strict() -> None:
    assert render_findings(VALIDATION, "github") == (
        "::error file=data/a.csv,title=PC400::cannot decode\n"
        "::warning file=data/a.csv,line=7,col=1,title=PC405::exact duplicate: 100%25, see row 6%0Aagain\n"
        "::error file=plans/b.yaml,line=3,col=5,title=PC200::"
        "unknown key 'mileston'; did you mean 'milestones'?\n"
    )
    strict = Validation(files=VALIDATION.files, findings=FINDINGS, strict=True)
    assert render_findings(strict, "github").splitlines()[1].startswith("::error file=data/a.csv,line=7")
    assert render_findings(Validation(files=("a.yaml",)), "github") == ""


def test_sarif_valid_one_rule_per_rule_id() -> None:
    import jsonschema

    schema = json.loads((SCHEMAS_DIR / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    data = json.loads(render_findings(VALIDATION, "sarif", RenderOptions()))
    jsonschema.validate(data, schema)
    run = data["runs"][0]
    assert [rule["id"] for rule in run["tool"]["driver"]["rules"]] == ["PC200", "PC400", "PC405"]
    assert [(r["ruleId"], r["ruleIndex"], r["level"]) for r in run["results"]] == [
        ("PC400", 1, "error"), ("PC405", 2, "warning"), ("PC200", 0, "error")]
    assert "region" not in run["results"][0]["locations"][0]["physicalLocation"]
    assert run["results"][2]["locations"][0]["physicalLocation"]["region"] == {"startLine": 3, "startColumn": 5}


def test_sarif_uris_are_encoded() -> None:
    from policycheck.reporters.sarif import file_uri

    assert file_uri("规划/a b.yaml") == "%E8%A7%84%E5%88%92/a%20b.yaml"
    assert file_uri("/tmp/x.csv") == "file:///tmp/x.csv"
