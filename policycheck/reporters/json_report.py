"""The ``json`` format: the machine contract of docs/reports.md#json.

Full precision, field order from the dataclasses, ``ensure_ascii=False`` so
Chinese stays readable, one line per result (see :mod:`policycheck.reporters.json_text`)
and a final newline: the same inputs give byte-identical files.  The ``units`` command writes the same full report;
``units --unit`` keeps only the units it names in ``units``, in what ``-f json`` prints and what ``-o json`` writes
alike (docs/reports.md#the-unit-view).
"""
from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from policycheck.findings import Validation, sorted_findings
from policycheck.reporters import RenderOptions
from policycheck.reporters.json_text import report_json, report_json_bytes

if TYPE_CHECKING:
    from policycheck.model import Report


def dumps(data: Any) -> str:
    """The one JSON style of policycheck: UTF-8 text, indent 2, trailing newline."""
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def render(report: Report, options: RenderOptions) -> str:
    """The full report as JSON (the view does not change it; ``units --unit`` keeps the
    units it names)."""
    return report_json(_selected(report, options))


def render_pieces(report: Report, options: RenderOptions) -> Iterable[bytes]:
    """The same text as :func:`render` in UTF-8, in pieces, for writing a file as it is produced."""
    return report_json_bytes(_selected(report, options))


def _selected(report: Report, options: RenderOptions) -> Report:
    """The report with only the units ``units --unit`` names; the results stay as they are
    (still the run's columns, so ``-o json`` keeps writing them from the columns)."""
    if not options.units:
        return report
    from dataclasses import replace

    return replace(report, units=tuple(u for u in report.units if u.id in options.units))


def render_findings(validation: Validation, options: RenderOptions) -> str:
    """``validate`` as JSON: the files read (sorted) and every finding (sorted)."""
    data = {
        "files": sorted(validation.files),
        "findings": [f.to_dict() for f in sorted_findings(validation.findings)],
    }
    return dumps(data)
