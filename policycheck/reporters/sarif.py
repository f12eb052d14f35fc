"""The ``sarif`` format: SARIF 2.1.0 for code-scanning views.

One run, one rule per finding rule id present (``PC403``) and one per status
present among reported results (``status/off_track``).  Only what needs
attention is reported: findings, and results that are shortfalls or failing;
results that are fine are not "problems" and would only bury the real ones.
Levels: ``error`` for failing results and error findings, ``warning`` for
at_risk results and warning findings (``error`` under ``validate --strict``),
``note`` for other shortfalls that do not fail the run (aspirational targets).
Results point at the plan line of the target; findings at their file cell.
``partialFingerprints`` hash what the problem is (plan, target, unit, status;
file, rule, message), never line numbers, so moving a target in its file does
not make code scanning think it is a new alert.
"""
from __future__ import annotations

import hashlib
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from policycheck.findings import RULES, Validation, sorted_findings, split_sheet
from policycheck.model import SHORTFALL_STATUSES
from policycheck.reporters import RenderOptions
from policycheck.reporters.bulletin_cells import extra_message
from policycheck.reporters.common import approximate_note, result_reason
from policycheck.reporters.json_report import dumps
from policycheck.reporters.json_text import report_to_plain
from policycheck.reporters.labels import status_label
from policycheck.reporters.statuses import STATUS_LOOKS
from policycheck.version import __version__

if TYPE_CHECKING:
    from policycheck.findings import Finding
    from policycheck.model import Report, Result

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://pypi.org/project/policycheck/"

def render(report: Report, options: RenderOptions) -> str:
    """Findings and results needing attention of one ``check`` run as SARIF."""
    results = [r for r in report.results if r.failing or r.status in SHORTFALL_STATUSES]
    return _document(sorted_findings(report.findings), results, strict=False, lang=options.lang)


def render_findings(validation: Validation, options: RenderOptions) -> str:
    """The findings of ``validate`` as SARIF."""
    findings = sorted_findings(validation.findings)
    return _document(findings, [], strict=validation.strict, lang=options.lang)


def _document(findings: list[Finding], results: list[Result], *, strict: bool, lang: str) -> str:
    rule_ids = sorted({f.rule for f in findings})
    rule_ids += [f"status/{s}" for s in STATUS_LOOKS if any(r.status == s for r in results)]
    index = {rule_id: i for i, rule_id in enumerate(rule_ids)}
    sarif_results = [_finding_result(f, index, strict, lang) for f in findings]
    sarif_results += [_result_result(r, index, lang) for r in results]
    driver = {
        "name": "policycheck",
        "version": __version__,
        "informationUri": INFORMATION_URI,
        "rules": [_rule(rule_id) for rule_id in rule_ids],
    }
    run = {"tool": {"driver": driver}, "columnKind": "unicodeCodePoints", "results": sarif_results}
    return dumps({"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]})


def _rule(rule_id: str) -> dict[str, Any]:
    if rule_id.startswith("status/"):
        status = rule_id.removeprefix("status/")
        short = f"{status_label(status, 'en')} ({status_label(status, 'zh')})"
        full = f"{STATUS_LOOKS[status].meaning}."
        help_text = ("Run `policycheck explain PLAN TARGET` to see the target year by year, "
                     "the expected value on the linear schedule and the pace now needed.")
    else:
        short = RULES.get(rule_id, rule_id)
        full = f"{rule_id}: {short}."
        help_text = "Fix the input file at the reported line and column, then run `policycheck validate` again."
    return {
        "id": rule_id,
        "name": _rule_name(rule_id),
        "shortDescription": {"text": short},
        "fullDescription": {"text": full},
        "help": {"text": help_text},
    }


def _rule_name(rule_id: str) -> str:
    """SARIF rule names are identifiers: ``status/off_track`` -> ``StatusOffTrack``."""
    words = rule_id.replace("/", "_").split("_")
    return "".join(w[:1].upper() + w[1:] for w in words)


def file_uri(file: str) -> str:
    """A URI reference for a path: relative paths stay relative (code scanning
    resolves them against the checkout), absolute ones become ``file://`` URIs,
    and spaces or Chinese characters are percent-encoded."""
    path = PurePath(file)
    if path.is_absolute():
        return Path(file).as_uri()
    return quote(path.as_posix(), safe="/")


def _location(file: str, line: int, column: int) -> dict[str, Any]:
    """A physical location; a cell of a workbook (``BOOK#SHEET``) is the workbook's
    URI with the sheet as its fragment, and the cell's row and column as the region."""
    book, sheet = split_sheet(file)
    artifact: dict[str, Any] = {"uri": file_uri(book)}
    if sheet is not None:
        artifact["uri"] += "#" + quote(sheet, safe="")
        artifact["properties"] = {"sheet": sheet}
    physical: dict[str, Any] = {"artifactLocation": artifact}
    if line > 0:
        region = {"startLine": line}
        if column > 0:
            region["startColumn"] = column
        physical["region"] = region
    return {"physicalLocation": physical}


def _fingerprint(*parts: object) -> dict[str, str]:
    text = "\x1f".join("" if p is None else str(p) for p in parts)
    return {"policycheck/v1": hashlib.sha256(text.encode("utf-8")).hexdigest()}


def _finding_result(finding: Finding, index: dict[str, int], strict: bool, lang: str) -> dict[str, Any]:
    level = "error" if finding.is_error or strict else "warning"
    return {
        "ruleId": finding.rule,
        "ruleIndex": index[finding.rule],
        "level": level,
        "message": {"text": finding.text(lang)},
        "locations": [_location(finding.file, finding.line, finding.editor_column)],
        "partialFingerprints": _fingerprint(finding.file, finding.rule, finding.message),
    }


def _result_level(result: Result) -> str:
    if result.failing:
        return "error"
    # An expected (预期性) target that falls short does not fail the run but is a warning,
    # as it is in the GitHub format: it is a target of the plan's own indicator table.
    if result.attribute == "expected" and result.status in SHORTFALL_STATUSES:
        return "warning"
    return "warning" if result.status == "at_risk" else "note"


def _result_result(result: Result, index: dict[str, int], lang: str) -> dict[str, Any]:
    rule_id = f"status/{result.status}"
    name = result.name_en if lang == "en" and result.name_en else result.name
    loc = result.location
    return {
        "ruleId": rule_id,
        "ruleIndex": index[rule_id],
        "level": _result_level(result),
        "message": {"text": _message(f"{name}: {result_reason(result, lang)}{approximate_note(result, lang)}",
                                     result, lang)},
        "locations": [_location(loc.file, loc.line, loc.column)],
        "partialFingerprints": _fingerprint(result.plan, result.target, result.unit, result.status),
        "properties": _properties(result),
    }


def _message(text: str, result: Result, lang: str) -> str:
    """The result's message, with its explanation and trend when the run has them."""
    extra = extra_message(result, lang)
    return f"{text} | {extra}" if extra else text


def _properties(result: Result) -> dict[str, Any]:
    """Machine values for dashboards; full precision like the JSON report."""
    keys = ("plan", "target", "unit", "year", "status", "failing", "commitment",
            "actual", "expected", "gap", "attainment")
    properties = {key: _plain(getattr(result, key)) for key in keys}
    # As in the JSON report, the optional marks only when set: 属性, a stated verdict, an approximate actual;
    # and with --notes, --compare, --years the explanation and the trend (docs/reports.md#json).
    properties.update({key: getattr(result, key) for key in ("attribute", "stated", "approximate")
                       if getattr(result, key)})
    if result.explanation is not None:
        properties["explanation"] = report_to_plain(result.explanation)
    if result.trend is not None:
        properties["trend"] = report_to_plain(result.trend)
    return properties


def _plain(value: Any) -> Any:
    return list(value) if isinstance(value, tuple) else value
