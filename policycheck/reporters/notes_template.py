"""``policycheck template --notes``: the explanations file to fill in for one run.

Exactly the failing results of the run get a row (the same rule as the exit
code: ``--fail-on`` and ``--strict`` decide), with the key columns the reader
needs (plan, target, unit, year), the name, status and figures as a reminder
for whoever fills it in, and cause (原因), measures (措施), person (责任人)
and source (来源) cells, empty unless the run already had an explanation for
the result (so a file filled in part-way can be written again).  Every header is one the reader accepts
(:mod:`policycheck.actuals.notes_columns`), so the filled-in file reads back
with ``--notes`` unchanged.
"""
from __future__ import annotations

import csv
import io
from collections.abc import Mapping

from policycheck.bulletin_model import Explanation
from policycheck.model import Report
from policycheck.reporters.common import actual_number, expected_number, result_gap, result_name
from policycheck.reporters.csv_report import neutralise
from policycheck.reporters.labels import status_label

COLUMNS: tuple[str, ...] = ("plan", "target", "unit", "year", "name", "status", "actual", "expected", "gap",
                            "cause", "measures", "person", "source")
HEADERS: Mapping[str, Mapping[str, str]] = {
    "en": {name: name for name in COLUMNS},
    "zh": {"plan": "规划", "target": "指标", "unit": "单位名称", "year": "年份", "name": "指标名称",
           "status": "状态", "actual": "实际值", "expected": "序时目标值", "gap": "差距", "cause": "原因",
           "measures": "措施", "person": "责任人", "source": "来源"},
}


def notes_template(report: Report, lang: str = "zh") -> str:
    """CSV text (CRLF line ends, no BOM): one row per failing result of ``report``."""
    labels = HEADERS.get(lang, HEADERS["zh"])
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([labels[name] for name in COLUMNS])
    for result in report.results:
        if not result.failing:
            continue
        writer.writerow([result.plan, result.target, result.unit or "", result.year,
                         neutralise(result_name(result, lang)),
                         status_label(result.status, lang), _number(actual_number(result, lang)),
                         _number(expected_number(result)), _number(result_gap(result)),
                         *_explanation_cells(result.explanation)])
    return buffer.getvalue()


def _explanation_cells(explanation: Explanation | None) -> list[str]:
    """What the run's explanations file already says (a file filled in part-way keeps its text)."""
    if explanation is None:
        return ["", "", "", ""]
    return [neutralise(text or "") for text in (explanation.cause, explanation.measures, explanation.person,
                                                 explanation.source)]


def _number(text: str) -> str:
    """An empty cell rather than the ``—`` of human tables: the sheet is for filling in."""
    return "" if text == "—" else text
