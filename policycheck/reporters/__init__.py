"""Stage 4, reporters: a :class:`policycheck.model.Report` in, text out (one module per format).

Every report module exposes ``render(report, options) -> str``; modules that
also serve ``validate`` expose ``render_findings(validation, options) -> str``.
They are imported lazily through :data:`REPORTER_BY_NAME`, whose tuples also
feed ``click.Choice`` and the help text, so a format is added in one place.
Rounding and labels (Chinese and English) are for people only: JSON, CSV and
SARIF keep full precision and machine values.
"""
from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Mapping
from types import ModuleType
from typing import TYPE_CHECKING, Any

from policycheck.records import record

if TYPE_CHECKING:
    from policycheck.findings import Validation
    from policycheck.model import Report

#: format name -> (module, one-line description for --help and docs)
REPORTER_BY_NAME: Mapping[str, tuple[str, str]] = {
    "table": ("policycheck.reporters.table", "rich terminal tables (default on a terminal)"),
    "text": ("policycheck.reporters.text", "plain tables through tabulate (default otherwise)"),
    "markdown": ("policycheck.reporters.markdown", "GitHub-flavoured Markdown, for $GITHUB_STEP_SUMMARY"),
    "json": ("policycheck.reporters.json_report", "the JSON report of schemas/report.schema.json"),
    "csv": ("policycheck.reporters.csv_report", "one row per result, UTF-8 with BOM for Excel"),
    "html": ("policycheck.reporters.html.page", "one self-contained HTML file with a chart per target"),
    "junit": ("policycheck.reporters.junit", "JUnit XML (strict Ant schema) for CI test views"),
    "sarif": ("policycheck.reporters.sarif", "SARIF 2.1.0 for code-scanning views"),
    "github": ("policycheck.reporters.github", "GitHub Actions workflow commands (annotations)"),
    "xlsx": ("policycheck.reporters.xlsx", "an Excel workbook: results, units, superseded rows, findings"),
    "docx": ("policycheck.reporters.docx", "the year-end 通报 as a Word document (docs/reports.md#docx)"),
}
REPORT_FORMATS: tuple[str, ...] = tuple(REPORTER_BY_NAME)
#: Formats rendered as bytes: written to files (-o, units --split), never to stdout.
BINARY_FORMATS: tuple[str, ...] = ("xlsx", "docx")
#: The formats -f can print.
STDOUT_FORMATS: tuple[str, ...] = tuple(f for f in REPORT_FORMATS if f not in BINARY_FORMATS)
VALIDATE_FORMATS: tuple[str, ...] = ("text", "json", "sarif", "github")
#: Formats whose every line is built by policycheck itself: JSON strings cannot hold a
#: line break, and ``github`` lines are its own annotations with escaped fields.  Every
#: other format may place plan or CSV text at the start of a line, so its output goes
#: through :func:`policycheck.textsafe.defuse_commands` (docs/security.md).
_OWN_LINES = frozenset({"json", "sarif", "github"})


@record(frozen=True)
class RenderOptions:
    """How to render: label language, tabulate format, colour, terminal width."""

    lang: str = "zh"
    tablefmt: str = "simple"
    color: bool = False
    width: int | None = None
    verbosity: int = 1
    view: str = "results"  # "results" (check) or "units" (units)
    #: csv: the sheet for people (headers, labels and reasons in ``lang``, numbers
    #: rounded) instead of the machine CSV of JSON field names; ``--lang`` given
    sheet: bool = False
    #: units --unit: the ids of the units to show (empty: every unit)
    units: tuple[str, ...] = ()


def _module(fmt: str) -> ModuleType:
    try:
        module_name = REPORTER_BY_NAME[fmt][0]
    except KeyError:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(REPORT_FORMATS)}") from None
    return importlib.import_module(module_name)


def render(report: Report, fmt: str, options: RenderOptions | None = None, **kwargs: Any) -> str:
    """Render an evaluated report in one of the text formats of :data:`REPORT_FORMATS`."""
    from policycheck.model import Report as ReportType

    if not isinstance(report, ReportType):
        raise TypeError(f"report must be a Report (from evaluate), not {type(report).__name__}")
    if fmt in BINARY_FORMATS:
        raise ValueError(f"{fmt} is a binary format: use render_bytes")
    opts = options or RenderOptions(**kwargs)
    renderer: Callable[[Report, RenderOptions], str] = _module(fmt).render
    return _safe(fmt, renderer(report, opts))


def render_file(report: Report, fmt: str, options: RenderOptions | None = None) -> str | bytes:
    """Render a report for a file: text for the text formats, bytes for :data:`BINARY_FORMATS`."""
    if fmt in BINARY_FORMATS:
        return render_bytes(report, fmt, options)
    return render(report, fmt, options)


def render_bytes(report: Report, fmt: str, options: RenderOptions | None = None) -> bytes:
    """Render a report in one of :data:`BINARY_FORMATS` (the xlsx workbook, the Word 通报)."""
    if fmt not in BINARY_FORMATS:
        raise ValueError(f"{fmt} is a text format: use render")
    renderer: Callable[[Report, RenderOptions], bytes] = _module(fmt).render
    return renderer(report, options or RenderOptions())


def render_pieces(report: Report, fmt: str, options: RenderOptions | None = None) -> Iterable[str] | Iterable[bytes]:
    """The text of :func:`render` in pieces, produced as they are written, where the format can.

    The JSON report comes a few MB at a time, already in UTF-8 (docs/performance.md#json-from-the-columns);
    other formats come as one piece of text.
    """
    opts = options or RenderOptions()
    module = _module(fmt)
    pieces: Callable[[Report, RenderOptions], Iterable[bytes]] | None = getattr(module, "render_pieces", None)
    if pieces is not None:
        return pieces(report, opts)
    renderer: Callable[[Report, RenderOptions], str] = module.render
    return (renderer(report, opts),)


def render_findings(validation: Validation, fmt: str, options: RenderOptions | None = None) -> str:
    """Render the findings of ``validate`` in one of :data:`VALIDATE_FORMATS`."""
    if fmt not in VALIDATE_FORMATS:
        raise ValueError(f"validate cannot write {fmt!r}; choose one of {', '.join(VALIDATE_FORMATS)}")
    renderer: Callable[[Validation, RenderOptions], str] = _module(fmt).render_findings
    return _safe(fmt, renderer(validation, options or RenderOptions()))


def _safe(fmt: str, text: str) -> str:
    """No line of a human or CI format can pass for a CI workflow command."""
    if fmt in _OWN_LINES:
        return text
    from policycheck.textsafe import defuse_commands

    return defuse_commands(text)


def summary_line(report: Report, lang: str = "zh") -> str:
    """The one-line summary printed by ``-q`` and at the end of human formats.

    ``policycheck: 30 results (missed 2, ...); 3 failing`` in English and
    ``policycheck: 共 30 项结果（未达成 2，…）；3 项不通过`` in Chinese, with
    full-width brackets and semicolon as Chinese text has them.  The
    ``policycheck: `` prefix is the same in both, so scripts can find the line.
    """
    from policycheck.reporters.common import display_counts
    from policycheck.reporters.labels import status_label

    # Display statuses: a result that cannot be scheduled for want of a baseline
    # counts as 缺少基期, not as 未到期 (docs/reports.md#rules-shared-by-all-formats).
    parts = [f"{status_label(s, lang)} {n}" for s, n in display_counts(report).items()]
    total, failing = report.summary.results, report.summary.failing
    half = midyear_clause(report, lang)
    if lang == "zh":
        detail = f"（{'，'.join(parts)}）" if parts else ""
        return f"policycheck: 共 {total} 项结果{detail}；{failing} 项不通过" + (f"；{half}" if half else "")
    detail = f" ({', '.join(parts)})" if parts else ""
    return f"policycheck: {total} results{detail}; {failing} failing" + (f"; {half}" if half else "")


#: Statuses that put a result behind schedule, and those that keep it on or ahead of it.
_BEHIND = frozenset({"missed", "regressing", "off_track", "at_risk"})
_DONE = frozenset({"on_track", "met"})


def midyear_clause(report: Report, lang: str = "zh") -> str:
    """时间过半、任务过半 for a report assessed at the end of June (docs/evaluation.md#in-year).

    It holds when every result judged at mid-year (not no_data or pending) is
    on or ahead of schedule, and at least one is; otherwise the clause counts
    the results behind.  Empty for any other report.
    """
    plans = {info.id for info in report.plans if info.as_of is not None and info.as_of.endswith("-06")}
    if not plans:
        return ""
    judged = [r for r in report.results if r.plan in plans and r.status in _BEHIND | _DONE]
    behind = sum(1 for r in judged if r.status in _BEHIND)
    if judged and not behind:
        return "时间过半、任务过半" if lang == "zh" else "half the time gone, half the task done"
    if lang == "zh":
        return f"时间过半，{behind} 项任务未过半" if judged else "时间过半，尚无可评判的结果"
    return f"half the time gone, {behind} behind schedule" if judged else "half the time gone, nothing to judge yet"
