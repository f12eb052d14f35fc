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
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Callable, Mapping

if TYPE_CHECKING:
    from policycheck.findings import Finding
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
    "docx": ("policycheck.reporters.docx", "the year-end 通报 as a Word document (only -o docx=FILE)"),
}
#: Formats whose output is bytes: written with -o only (see :func:`render_file`).
BINARY_FORMATS: frozenset[str] = frozenset({"docx"})
#: The text formats: what -f can print and :func:`render` returns.
REPORT_FORMATS: tuple[str, ...] = tuple(name for name in REPORTER_BY_NAME if name not in BINARY_FORMATS)
#: What -o FORMAT=PATH can write: every format.
OUTPUT_FORMATS: tuple[str, ...] = tuple(REPORTER_BY_NAME)
VALIDATE_FORMATS: tuple[str, ...] = ("text", "json", "sarif", "github")


@dataclass(frozen=True)
class RenderOptions:
    """How to render: label language, tabulate format, colour, terminal width."""

    lang: str = "zh"
    tablefmt: str = "simple"
    color: bool = False
    width: int | None = None
    verbosity: int = 1
    view: str = "results"  # "results" (check) or "units" (units)


@dataclass(frozen=True)
class Validation:
    """What ``validate`` found: the files it read and every finding."""

    files: tuple[str, ...]
    findings: tuple["Finding", ...] = field(default_factory=tuple)
    strict: bool = False
    #: YAML files found in folders that are not plans (no top-level ``policycheck`` key)
    skipped: tuple[str, ...] = ()


def _module(fmt: str):  # type: ignore[no-untyped-def]
    try:
        module_name = REPORTER_BY_NAME[fmt][0]
    except KeyError:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(REPORT_FORMATS)}") from None
    return importlib.import_module(module_name)


def render(report: "Report", fmt: str, options: RenderOptions | None = None, **kwargs: object) -> str:
    """Render an evaluated report in one of the text formats of :data:`REPORT_FORMATS`."""
    if fmt in BINARY_FORMATS:
        raise ValueError(f"{fmt!r} is a binary format; use render_file")
    opts = options or RenderOptions(**kwargs)  # type: ignore[arg-type]
    renderer: Callable[["Report", RenderOptions], str] = _module(fmt).render
    return renderer(report, opts)


def render_file(report: "Report", fmt: str, options: RenderOptions | None = None) -> str | bytes:
    """What ``-o FORMAT=PATH`` writes: text, or bytes for :data:`BINARY_FORMATS` (``docx``)."""
    renderer: Callable[["Report", RenderOptions], str | bytes] = _module(fmt).render
    return renderer(report, options or RenderOptions())


def render_findings(validation: Validation, fmt: str, options: RenderOptions | None = None) -> str:
    """Render the findings of ``validate`` in one of :data:`VALIDATE_FORMATS`."""
    if fmt not in VALIDATE_FORMATS:
        raise ValueError(f"validate cannot write {fmt!r}; choose one of {', '.join(VALIDATE_FORMATS)}")
    renderer: Callable[[Validation, RenderOptions], str] = _module(fmt).render_findings
    return renderer(validation, options or RenderOptions())


def summary_line(report: "Report", lang: str = "zh") -> str:
    """The one-line summary printed by ``-q`` and at the end of human formats.

    ``policycheck: 30 results (missed 2, ...); 3 failing`` in English and
    ``policycheck: 共 30 项结果（未达成 2，…）；3 项不通过`` in Chinese, with
    full-width brackets and semicolon as Chinese text has them.  The
    ``policycheck: `` prefix is the same in both, so scripts can find the line.
    """
    from policycheck.reporters.labels import status_label
    from policycheck.model import STATUSES

    counts = report.summary.by_status
    parts = [f"{status_label(s, lang)} {counts[s]}" for s in STATUSES if counts.get(s)]
    total, failing = report.summary.results, report.summary.failing
    if lang == "zh":
        detail = f"（{'，'.join(parts)}）" if parts else ""
        return f"policycheck: 共 {total} 项结果{detail}；{failing} 项不通过"
    detail = f" ({', '.join(parts)})" if parts else ""
    return f"policycheck: {total} results{detail}; {failing} failing"
