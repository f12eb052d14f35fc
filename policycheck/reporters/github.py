"""The ``github`` format: GitHub Actions workflow commands (annotations).

``::error file=F,line=L,col=C,title=T::message`` for failing results and
error findings, ``::warning`` for non-failing shortfalls (at_risk, or an
aspirational target that is behind) and warning findings (errors under
``validate --strict``, which fails on them).  Results that are fine produce
nothing: annotations are for what needs attention.  Escaping is
exactly that of ``@actions/core`` (``escapeData`` / ``escapeProperty``), so a
name with ``%``, ``:``, ``,`` or a newline cannot break the command; before
escaping, every field goes through :func:`policycheck.textsafe.without_controls`,
so an ESC or a bidi override in a plan name, a CSV cell or a file name never
reaches the log, and a line break only ever as ``%0A`` (docs/security.md).
"""
from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from policycheck.findings import Validation, location_text, sorted_findings, split_sheet
from policycheck.model import SHORTFALL_STATUSES
from policycheck.reporters import RenderOptions
from policycheck.reporters.common import approximate_note, display_status, result_label, result_reason
from policycheck.reporters.labels import status_label
from policycheck.textsafe import without_controls

if TYPE_CHECKING:
    from policycheck.findings import Finding
    from policycheck.model import Report, Result


def escape_data(text: str) -> str:
    """``escapeData`` of @actions/core: the message part of a command."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """``escapeProperty`` of @actions/core: the ``key=value`` part of a command."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(level: str, message: str, *, file: str, line: int, col: int, title: str) -> str:
    """One workflow command; line and column are left out when unknown (0)."""
    props = [f"file={escape_property(without_controls(file))}"]
    if line > 0:
        props.append(f"line={line}")
        if col > 0:
            props.append(f"col={col}")
    props.append(f"title={escape_property(without_controls(title))}")
    return f"::{level} {','.join(props)}::{escape_data(without_controls(message))}"


def finding_commands(findings: Iterable[Finding], *, strict: bool = False, lang: str = "en") -> list[str]:
    """One command per finding, the message in ``lang``; ``strict`` (validate --strict) makes warnings errors.

    A finding in a workbook annotates the workbook file; its sheet and cell
    (``表1!D6``) go in the title, as a workbook has no lines to point at.
    """
    lines = []
    for f in sorted_findings(findings):
        level = "error" if strict else f.level
        book, sheet = split_sheet(f.file)
        if sheet is None:
            lines.append(command(level, f.text(lang), file=f.file, line=f.line, col=f.editor_column,
                                 title=f.rule))
        else:
            cell = location_text(f.file, f.line, f.column)[len(book) + 1:]
            lines.append(command(level, f.text(lang), file=book, line=0, col=0, title=f"{f.rule} {cell}"))
    return lines


def result_command(result: Result, lang: str) -> str | None:
    """The annotation of one result, or None when it needs no attention."""
    if result.failing:
        level = "error"
    elif result.status in SHORTFALL_STATUSES:
        level = "warning"
    else:
        return None
    title = f"{result_label(result)}: {status_label(display_status(result), lang)}"
    message = f"{result.name}: {result_reason(result, lang)}{approximate_note(result, lang)}"
    loc = result.location
    return command(level, message, file=loc.file, line=loc.line, col=loc.column, title=title)


def render(report: Report, options: RenderOptions) -> str:
    """Findings first (they explain odd data), then the results that need attention."""
    lines = finding_commands(report.findings, lang=options.lang)
    for result in report.results:
        line = result_command(result, options.lang)
        if line is not None:
            lines.append(line)
    return "".join(line + "\n" for line in lines)


def render_findings(validation: Validation, options: RenderOptions) -> str:
    """``validate`` findings as annotations; nothing at all when there are none."""
    lines = finding_commands(validation.findings, strict=validation.strict, lang=options.lang)
    return "".join(line + "\n" for line in lines)
