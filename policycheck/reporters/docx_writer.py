"""The chapters of the Word 通报 (docs/reports.md#docx), written into a python-docx document.

总体情况 (the summary sentences of :mod:`policycheck.reporters.sentences`), 指标完成情况
(every target, on landscape pages), 滞后指标情况 (a section per failing or explained
target), 各责任单位情况 (a section per responsible unit with shortfalls), 数据修订情况
(superseded rows, when there are any) and 数据来源, then the page footer.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from policycheck.reporters.bulletin_cells import trend_cells, trend_headers, trend_sentence, trend_years
from policycheck.reporters.bulletin_labels import blabel
from policycheck.reporters.common import (
    EMPTY,
    SUPERSEDED_COLUMNS,
    actual_text,
    expected_cell,
    fmt_gap,
    headers,
    one_line,
    requirement_cell,
    result_gap,
    result_name,
    result_reason,
    results_by_plan,
    status_text,
    superseded_rows,
    unit_name,
    unit_names,
)
from policycheck.reporters.docx_style import (
    LANDSCAPE_MARGIN_MM,
    LANDSCAPE_TEXT_WIDTH_MM,
    MARGINS_MM,
    PAGE_MM,
    TEXT_WIDTH_MM,
    cant_split,
    repeat_header,
    shade,
)
from policycheck.reporters.docx_text import chapter, needs_section, progress_text, section
from policycheck.reporters.labels import label, status_label
from policycheck.reporters.sentences import plan_sentences

if TYPE_CHECKING:
    from docx.document import Document
    from docx.table import Table

    from policycheck.model import Report, Result


class Writer:
    def __init__(self, document: Document, report: Report, lang: str, selected: Sequence[str] = ()) -> None:
        self.doc = document
        self.report = report
        self.lang = lang
        #: units --unit: the ids of the units chapter 四 shows (empty: every unit with shortfalls)
        self.selected = frozenset(selected)
        self.units = unit_names(report, lang)
        self.by_plan = list(results_by_plan(report))

    def write(self) -> None:
        self._title()
        chapters = [self._overview, self._indicators, self._behind, self._units]
        if self.report.superseded:
            chapters.append(self._superseded)
        chapters.append(self._sources)
        for number, write_chapter in enumerate(chapters, start=1):
            write_chapter(number)
        self._footer()

    # -- pieces

    def heading(self, text: str, level: int) -> None:
        paragraph = self.doc.add_paragraph(one_line(text), style=f"Heading {level}")
        paragraph.paragraph_format.keep_with_next = True

    def paragraph(self, text: str, *, style: str | None = None) -> None:
        self.doc.add_paragraph(one_line(text), style=style)

    def labelled(self, name: str, text: str) -> None:
        """``原因分析：…`` with the label in bold, as a 通报 writes it."""
        paragraph = self.doc.add_paragraph()
        paragraph.add_run(f"{name}{'：' if self.lang == 'zh' else ': '}").bold = True
        paragraph.add_run(one_line(text))

    def table(self, headers: Sequence[str], rows: Sequence[Sequence[str]], widths_mm: Sequence[float],
              numeric: frozenset[int] = frozenset()) -> Table:
        from docx.enum.table import WD_TABLE_ALIGNMENT
        from docx.enum.text import WD_ALIGN_PARAGRAPH
        from docx.shared import Mm

        table = self.doc.add_table(rows=1, cols=len(headers))
        table.style = self.doc.styles["Table Grid"]
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        table.autofit = False
        for cell, header in zip(table.rows[0].cells, headers, strict=True):
            cell.text = one_line(header)
            cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
            for run in cell.paragraphs[0].runs:
                run.bold = True
            shade(cell)
        repeat_header(table.rows[0])
        for values in rows:
            row = table.add_row()
            cant_split(row)
            for index, (cell, value) in enumerate(zip(row.cells, values, strict=True)):
                cell.text = one_line(value)
                if index in numeric:
                    cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
        for index, width in enumerate(widths_mm):
            table.columns[index].width = Mm(width)
            for cell in table.columns[index].cells:
                cell.width = Mm(width)
        for row in table.rows:
            for cell in row.cells:
                for paragraph in cell.paragraphs:
                    paragraph.style = self.doc.styles["Table Text"]
        self.doc.add_paragraph()  # a table directly after a table would merge with it
        return table  # type: ignore[no-any-return]

    # -- title

    def _title(self) -> None:
        from docx.enum.text import WD_ALIGN_PARAGRAPH

        if len(self.report.plans) == 1:
            info = self.report.plans[0]
            lines = [info.title, blabel("bulletin_title", self.lang, year=info.year) if info.year is not None
                     else blabel("bulletin_title_plain", self.lang)]
        else:
            lines = [blabel("bulletin_title_plain", self.lang)]
        for line in lines:
            self.doc.add_paragraph(one_line(line), style="Title")
        for info in self.report.plans:
            year = EMPTY if info.year is None else str(info.year)
            text = blabel("period_line", self.lang, period=f"{info.period[0]}—{info.period[1]}", year=year,
                          method=blabel(f"method_{self.report.method}", self.lang))
            prefix = "" if len(self.report.plans) == 1 else f"{info.title}："
            paragraph = self.doc.add_paragraph(one_line(prefix + text), style="Subtitle")
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER

    # -- chapters

    def _overview(self, number: int) -> None:
        self.heading(chapter(number, blabel("overview", self.lang), self.lang), 1)
        for info, results in self.by_plan:
            for sentence in plan_sentences(info, results, self.lang):
                self.paragraph(sentence)

    def _indicators(self, number: int) -> None:
        """The table of every target, on landscape pages: nine or eleven columns need the width."""
        _new_section(self.doc, landscape=True)
        self.heading(chapter(number, blabel("indicator_table", self.lang), self.lang), 1)
        for index, (info, results) in enumerate(self.by_plan, start=1):
            if len(self.by_plan) > 1:
                self.heading(section(number, index, info.title, self.lang), 2)
            # 属性 (约束性/预期性) as a column where the plan gives it, as an indicator table has it;
            # the status cell then keeps only its other marks (力争, 据报), as in the other formats.
            attributed = any(r.attribute is not None for r in results)
            keys = ("number", "name", *(("attribute",) if attributed else ()), "requirement", "actual", "expected",
                    "gap", "progress_ratio", "status")
            headers = [blabel(k, self.lang) if k != "name" else label("name", self.lang) for k in keys]
            rows = [self._row(i, r, attributed) for i, r in enumerate(results, start=1)]
            extra = trend_headers(results, self.lang)
            years = trend_years(results)
            if extra:
                headers += extra
                rows = [row + trend_cells(r, years, self.lang) for row, r in zip(rows, results, strict=True)]
            wanted = [10.0, 0.0, *([16.0] if attributed else []), 40.0, 16.0, 19.0, 16.0, 21.0, 30.0]
            wanted += [30.0] * len(years) + [22.0] if extra else []
            widths = _fit(wanted, LANDSCAPE_TEXT_WIDTH_MM, name_column=1)
            first = 4 if attributed else 3
            self.table(headers, rows, widths, numeric=frozenset(range(first, first + 4)))
        _new_section(self.doc, landscape=False)

    def _row(self, index: int, r: Result, attributed: bool) -> list[str]:
        """One row of the indicator table: the requirement (docs/reports.md#the-requirement), the actual
        with its marks (约4.4, a stated word, a grade), the gap with one sign, the status with its marks."""
        name = result_name(r, self.lang) + (f" [{self.units.get(r.unit, r.unit)}]" if r.unit else "")
        attribute = [] if not attributed else [EMPTY if r.attribute is None else label(
            "binding" if r.attribute == "binding" else "expected_attribute", self.lang)]
        status = status_text(replace(r, attribute=None) if attributed else r, self.lang)
        return [str(index), name, *attribute, requirement_cell(r, self.lang), actual_text(r, self.lang),
                expected_cell(r, self.lang), result_gap(r), progress_text(r), status]

    def _behind(self, number: int) -> None:
        self.heading(chapter(number, blabel("behind_section", self.lang), self.lang), 1)
        entries = [r for _info, results in self.by_plan for r in results if needs_section(r)]
        if not entries:
            self.paragraph(blabel("no_behind", self.lang))
            return
        for index, result in enumerate(entries, start=1):
            self.heading(section(number, index, f"{result_name(result, self.lang)}（{status_text(result, self.lang)}）"
                                 if self.lang == "zh" else
                                 f"{result_name(result, self.lang)} ({status_text(result, self.lang)})",
                                 self.lang), 2)
            self.paragraph(self._figures(result))
            trend = trend_sentence(result, self.lang)
            if trend:
                self.labelled(blabel("trend", self.lang), trend)
            note = result.explanation
            missing = blabel("not_submitted", self.lang)
            self.labelled(blabel("cause_long", self.lang), note.cause if note and note.cause else missing)
            self.labelled(blabel("measures_long", self.lang), note.measures if note and note.measures else missing)
            units = self._responsible(result)
            if units:
                self.labelled(blabel("responsible_units", self.lang), units)
            if note and note.person:
                self.labelled(blabel("person", self.lang), note.person)
            if note and note.source:
                self.labelled(blabel("source", self.lang), note.source)

    def _figures(self, result: Result) -> str:
        """``2019年实际39.5，序时目标42.67，差距-3.17，要求≥45。落后于序时进度：…``"""
        reason = result_reason(result, self.lang)
        actual, expected = actual_text(result, self.lang), expected_cell(result, self.lang)
        requirement = requirement_cell(result, self.lang)
        if self.lang == "zh":
            parts = [f"{result.year}年实际{actual}", f"序时目标{expected}",
                     f"差距{result_gap(result)}", f"要求{requirement}"]
            return "，".join(parts) + f"。{reason}。"
        parts = [f"actual {actual} in {result.year}", f"expected {expected}",
                 f"gap {result_gap(result)}", f"requirement {requirement}"]
        return ", ".join(parts).capitalize() + f". {reason}."

    def _responsible(self, result: Result) -> str:
        if not result.responsible:
            return ""
        lead, *support = [self.units.get(u, u) for u in result.responsible]
        if self.lang == "zh":
            text = f"{lead}（{blabel('lead_mark', self.lang)}）"
            return text + (f"；{'、'.join(support)}（{blabel('support_mark', self.lang)}）" if support else "")
        text = f"{lead} ({blabel('lead_mark', self.lang)})"
        return text + (f"; {', '.join(support)} ({blabel('support_mark', self.lang)})" if support else "")

    def _units(self, number: int) -> None:
        self.heading(chapter(number, blabel("units_section", self.lang), self.lang), 1)
        by_key = {(r.plan, r.target, r.unit): r for r in self.report.results}
        units = [u for u in self.report.units if u.shortfalls and (not self.selected or u.id in self.selected)]
        if not units:
            self.paragraph(blabel("no_unit_shortfalls", self.lang))
            return
        for index, unit in enumerate(units, start=1):
            self.heading(section(number, index, unit_name(unit, self.lang), self.lang), 2)
            self.paragraph(blabel("unit_line", self.lang, led=unit.led, supported=unit.supported,
                                  shortfalls=len(unit.shortfalls)))
            headers = [label("name", self.lang), label("role", self.lang), blabel("status", self.lang),
                       blabel("gap", self.lang), blabel("explanation_state", self.lang)]
            rows = []
            for shortfall in unit.shortfalls:
                result = by_key.get((shortfall.plan, shortfall.target, shortfall.unit))
                name = result_name(result, self.lang) if result else shortfall.target
                rows.append([name, label(f"role_{shortfall.role}", self.lang),
                             status_label(shortfall.status, self.lang), fmt_gap(shortfall.gap, shortfall.status),
                             self._explained(result)])
            self.table(headers, rows, _fit([0, 18, 22, 16, 22], TEXT_WIDTH_MM, name_column=0),
                       numeric=frozenset({3}))

    def _explained(self, result: Result | None) -> str:
        if result is None:
            return EMPTY
        if result.explanation is not None:
            return blabel("explained", self.lang)
        return blabel("unexplained", self.lang) if result.failing else EMPTY

    def _superseded(self, number: int) -> None:
        self.heading(chapter(number, blabel("superseded_section", self.lang), self.lang), 1)
        self.table(headers(SUPERSEDED_COLUMNS, self.lang), superseded_rows(self.report, self.lang),
                   _fit([0, 30, 18, 12, 16, 14, 18], TEXT_WIDTH_MM, name_column=0), numeric=frozenset({3, 5}))

    def _sources(self, number: int) -> None:
        self.heading(chapter(number, blabel("sources_section", self.lang), self.lang), 1)
        colon = "：" if self.lang == "zh" else ": "
        for info in self.report.plans:
            title = f"（《{info.title}》）" if self.lang == "zh" else f" ({info.title})"
            self.paragraph(f"{blabel('plan_file', self.lang)}{colon}{info.file}{title}")
        for key, texts in (("figures_from", [r.source for r in self.report.results]),
                           ("explanations_from", [r.explanation.source or r.explanation.file
                                                  for r in self.report.results if r.explanation is not None])):
            for text, count in _counted(texts):
                self.paragraph(f"{blabel(key, self.lang)}{colon}{text}"
                               f"（{blabel('targets_count', self.lang, n=count)}）" if self.lang == "zh" else
                               f"{blabel(key, self.lang)}{colon}{text} ({blabel('targets_count', self.lang, n=count)})")
        files = sorted({row.file for row in self.report.superseded})
        for file in files:
            self.paragraph(f"{label('superseded', self.lang)}{colon}{file}")

    def _footer(self) -> None:
        """The page number, centred as ``— 1 —``, and the tool that wrote the document."""
        from docx.enum.text import WD_ALIGN_PARAGRAPH
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn

        footer = self.doc.sections[0].footer
        paragraph = footer.paragraphs[0]
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.add_run("— ")
        field = OxmlElement("w:fldSimple")
        field.set(qn("w:instr"), "PAGE")
        run = OxmlElement("w:r")
        text = OxmlElement("w:t")
        text.text = "1"
        run.append(text)
        field.append(run)
        paragraph._p.append(field)
        paragraph.add_run(" —")
        tool = f"{self.report.tool.get('name', 'policycheck')} {self.report.tool.get('version', '')}".strip()
        note = footer.add_paragraph(blabel("generated_by", self.lang, tool=tool))
        note.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        for run_ in note.runs:
            from docx.shared import Pt

            run_.font.size = Pt(9)


def _new_section(document: Document, *, landscape: bool) -> None:
    """A new page in A4 landscape (the indicator table) or portrait (everything else)."""
    from docx.enum.section import WD_ORIENT, WD_SECTION
    from docx.shared import Mm

    part = document.add_section(WD_SECTION.NEW_PAGE)
    if landscape:
        part.orientation = WD_ORIENT.LANDSCAPE
        part.page_width, part.page_height = Mm(PAGE_MM[1]), Mm(PAGE_MM[0])
        part.top_margin = part.bottom_margin = Mm(LANDSCAPE_MARGIN_MM)
        part.left_margin = part.right_margin = Mm(LANDSCAPE_MARGIN_MM)
    else:
        part.orientation = WD_ORIENT.PORTRAIT
        part.page_width, part.page_height = Mm(PAGE_MM[0]), Mm(PAGE_MM[1])
        part.top_margin, part.bottom_margin = Mm(MARGINS_MM[0]), Mm(MARGINS_MM[1])
        part.left_margin, part.right_margin = Mm(MARGINS_MM[2]), Mm(MARGINS_MM[3])


def _counted(texts: Sequence[str | None]) -> list[tuple[str, int]]:
    """Distinct non-empty texts in first-seen order, with how often each occurs."""
    counts: dict[str, int] = {}
    for text in texts:
        if text:
            counts[text] = counts.get(text, 0) + 1
    return list(counts.items())


def _fit(widths: Sequence[float], total: float, *, name_column: int) -> list[float]:
    """Column widths in mm: ``name_column`` (0 in ``widths``) takes what the others leave,
    at least 24 mm; when that is not left, every other column shrinks in proportion."""
    others = sum(w for i, w in enumerate(widths) if i != name_column)
    name = total - others
    scale = 1.0
    if name < 24:
        name = 24.0
        scale = (total - name) / others
    return [name if i == name_column else w * scale for i, w in enumerate(widths)]


