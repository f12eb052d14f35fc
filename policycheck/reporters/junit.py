"""The ``junit`` format: JUnit XML valid against the strict Ant schema.

One ``<testsuite>`` per plan inside ``<testsuites>`` (which the schema allows
no attributes on), one ``<testcase>`` per result: ``classname`` is the plan
id, ``name`` the target id, plus `` [unit]`` for a scoped result.  Failing
results (``result.failing``, so ``--fail-on`` and ``--strict`` decide) get
``<failure type="STATUS">`` with a readable text; no_data and pending results
that do not fail get ``<skipped/>``; everything else passes.

The schema requires a timestamp and a hostname.  The timestamp is the run
time in UTC, or ``SOURCE_DATE_EPOCH`` when set (reproducible builds); the
hostname is always ``localhost`` because the evaluation does not depend on
the machine, and that keeps the rest of the file deterministic.
"""
from __future__ import annotations

import os
import re
import xml.etree.ElementTree as ET
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from policycheck.errors import PolicycheckError
from policycheck.findings import format_parsable, sorted_findings
from policycheck.messages import msg
from policycheck.reporters import RenderOptions
from policycheck.reporters.bulletin_cells import explanation_sentence, extra_message, trend_line
from policycheck.reporters.common import (
    actual_text,
    display_status,
    expected_cell,
    fmt_percent,
    one_line,
    requirement_cell,
    result_attainment,
    result_gap,
    result_label,
    result_name,
    result_reason,
    results_by_plan,
)
from policycheck.reporters.labels import label, status_label

if TYPE_CHECKING:
    from policycheck.model import PlanInfo, Report, Result

HOSTNAME = "localhost"
_SKIPPED = frozenset({"no_data", "pending"})
#: Characters XML 1.0 cannot carry at all; removed rather than failing the run.
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def timestamp_now() -> str:
    """``SOURCE_DATE_EPOCH`` (UTC) when set, otherwise now, without zone.

    A value that is not a whole number of seconds between 1970 and the year
    9999 is an error (PolicycheckError: exit 2), as the reproducible-builds
    specification asks, rather than a silent "now" or a traceback.
    """
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not epoch:
        return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S")
    hint = msg("env.epoch-hint")
    if epoch.startswith("-") and epoch[1:].isascii() and epoch[1:].isdigit():
        raise PolicycheckError(msg("env.epoch-negative", value=epoch[:40], hint=hint))
    if not (epoch.isascii() and epoch.isdigit()):
        raise PolicycheckError(msg("env.epoch-not-number", value=repr(epoch[:40]), hint=hint))
    try:
        moment = datetime.fromtimestamp(int(epoch), UTC)
    except (OverflowError, ValueError, OSError):
        raise PolicycheckError(msg("env.epoch-beyond", value=epoch[:40], hint=hint)) from None
    return moment.strftime("%Y-%m-%dT%H:%M:%S")


def clean(text: str) -> str:
    return _XML_INVALID.sub("", text)


def render(report: Report, options: RenderOptions) -> str:
    root = build_tree(report, options, timestamp=timestamp_now())
    ET.indent(root, space="  ")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def build_tree(report: Report, options: RenderOptions, *, timestamp: str) -> ET.Element:
    """The ``<testsuites>`` element; ``timestamp`` is ``YYYY-MM-DDTHH:MM:SS``."""
    root = ET.Element("testsuites")
    for index, (info, results) in enumerate(results_by_plan(report)):
        root.append(_suite(index, info, results, report, options.lang, timestamp))
    return root


def _suite(index: int, info: PlanInfo, results: list[Result], report: Report, lang: str,
           timestamp: str) -> ET.Element:
    failures = sum(r.failing for r in results)
    skipped = sum(1 for r in results if not r.failing and r.status in _SKIPPED)
    suite = ET.Element("testsuite", {
        "name": clean(info.id), "timestamp": timestamp, "hostname": HOSTNAME,
        "tests": str(len(results)), "failures": str(failures), "errors": "0",
        "skipped": str(skipped), "time": "0", "package": clean(info.id), "id": str(index),
    })
    properties = ET.SubElement(suite, "properties")
    for name, value in _properties(info, report):
        ET.SubElement(properties, "property", {"name": name, "value": clean(value)})
    for result in results:
        suite.append(_case(result, lang))
    ET.SubElement(suite, "system-out").text = clean(_history_text(results, lang))
    ET.SubElement(suite, "system-err").text = clean(suite_findings(index, info, report))
    return suite


def suite_findings(index: int, info: PlanInfo, report: Report) -> str:
    """The findings a suite's ``<system-err>`` carries, one parsable line each: those
    of its plan file, and in the first suite those of the other files (the CSV), so
    a warning such as PC411 (a plan without any data) reaches CI test views too."""
    plan_files = {p.file for p in report.plans}
    mine = [f for f in sorted_findings(report.findings)
            if f.file == info.file or (index == 0 and f.file not in plan_files)]
    return "".join(one_line(format_parsable(f)) + "\n" for f in mine)


def _properties(info: PlanInfo, report: Report) -> list[tuple[str, str]]:
    year = "" if info.year is None else str(info.year)
    return [("title", one_line(info.title)), ("file", one_line(info.file)),
            ("period", f"{info.period[0]}-{info.period[1]}"),
            ("year", year), ("method", report.method), ("fail_on", report.fail_on)]


def _case(result: Result, lang: str) -> ET.Element:
    case = ET.Element("testcase", {"name": clean(result_label(result)), "classname": clean(result.plan),
                                   "time": "0"})
    if result.failing:
        failure = ET.SubElement(case, "failure", {"type": result.status, "message": clean(_headline(result, lang))})
        failure.text = clean(failure_text(result, lang))
    elif result.status in _SKIPPED:
        ET.SubElement(case, "skipped", {"message": clean(result_reason(result, lang))})
    return case


def _headline(result: Result, lang: str) -> str:
    return f"{status_label(display_status(result), lang)}: {result_reason(result, lang)}"


def failure_text(result: Result, lang: str) -> str:
    """What a CI test view shows for a failing result: name, numbers, reason, where."""
    loc = result.location
    numbers = ", ".join(f"{label(key, lang)} {text}" for key, text in (
        ("requirement", requirement_cell(result, lang)), ("actual", actual_text(result, lang)),
        ("expected", expected_cell(result, lang)), ("gap", result_gap(result)),
        ("progress_ratio", fmt_percent(result.progress_ratio)), ("attainment", result_attainment(result))))
    lines = [
        result_name(result, lang),
        f"{label('status', lang)}: {result.status} ({status_label(display_status(result), lang)}), "
        f"{label('year', lang)} {result.year}",
        numbers,
        result_reason(result, lang),
        one_line(f"{loc.file}:{loc.line}:{loc.column}"),
    ]
    # With --notes / --compare / --years: the explanation and the trend, one line each.
    lines += [text for text in (explanation_sentence(result, lang), trend_line(result, lang)) if text]
    return "\n".join(lines)


def _history_text(results: list[Result], lang: str) -> str:
    """The suite's system-out: every case's trend and explanation, when the run has them
    (a passing test case has no element of its own to carry them)."""
    lines = []
    for result in results:
        extra = extra_message(result, lang)
        if extra:
            lines.append(f"{result_label(result)}: {extra}")
    return "\n".join(lines)
