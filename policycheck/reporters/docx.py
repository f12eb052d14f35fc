"""The ``docx`` format: the year-end 通报 as a Word document (python-docx), ready to send.

Written only as a file (``-o docx=通报.docx``): it is bytes, not text.  The
document follows the layout of a Chinese government notice (GB/T 9704): A4,
the title in 方正小标宋简体 (fallback 宋体), level-one headings 一、 in 黑体,
level-two headings （一） in 楷体_GB2312 (fallback 楷体), body text in
仿宋_GB2312 (fallback 仿宋) at 16 pt with exact 28 pt lines, tables in 宋体;
Latin text in Times New Roman.  Every font is named for East Asian text too
(``w:eastAsia``), and the font table names a fallback (``w:altName``) for each
Chinese font, so Word and WPS on any machine, and LibreOffice, find one.

Contents, per docs/reports.md#docx:

一、总体情况   the summary sentences (:mod:`policycheck.reporters.sentences`,
              the same text as the HTML report)
二、指标完成情况 every target: 要求, 实际, 序时目标, 差距, 完成序时进度, 状态
              (and the status per earlier year and the trend with --compare/--years);
              the header row repeats on every page
三、滞后指标情况 per failing or explained target: its figures, reason, trend,
              原因分析, 下步措施, 责任单位, 责任人
四、各责任单位情况 per responsible unit with shortfalls: a table of them
五、数据修订情况 rows superseded by a stronger data status, if any
六、数据来源     the plan files, the source cells of the figures and of the explanations

``--lang en`` writes the same document in English.  The output is
deterministic: the zip entries carry a fixed date, and the document's created
and modified dates are ``SOURCE_DATE_EPOCH`` when set, otherwise left out.
"""
from __future__ import annotations

import io
import os
import zipfile
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any, Sequence

from policycheck.reporters import RenderOptions
from policycheck.reporters.bulletin_cells import trend_cells, trend_headers, trend_sentence, trend_years
from policycheck.reporters.bulletin_labels import blabel
from policycheck.reporters.common import (
    EMPTY,
    fmt_gap,
    fmt_number,
    fmt_percent,
    one_line,
    result_name,
    result_reason,
    status_text,
    superseded_headers,
    superseded_rows,
    unit_name,
)
from policycheck.reporters.labels import label, status_label
from policycheck.reporters.sentences import plan_sentences

if TYPE_CHECKING:
    from docx.document import Document
    from docx.table import Table

    from policycheck.model import Report, Result

#: (font, fallback named in the font table); Latin text is always Times New Roman.
TITLE_FONT = ("方正小标宋简体", "宋体")
HEADING1_FONT = ("黑体", "SimHei")
HEADING2_FONT = ("楷体_GB2312", "楷体")
BODY_FONT = ("仿宋_GB2312", "仿宋")
TABLE_FONT = ("宋体", "SimSun")
LATIN_FONT = "Times New Roman"
#: A4 and the margins of GB/T 9704 (top 37 mm, bottom 35 mm, left 28 mm, right 26 mm).
PAGE_MM = (210, 297)
MARGINS_MM = (37, 35, 28, 26)
TEXT_WIDTH_MM = PAGE_MM[0] - MARGINS_MM[2] - MARGINS_MM[3]
#: The indicator table's landscape pages: 25 mm on every side.
LANDSCAPE_MARGIN_MM = 25
LANDSCAPE_TEXT_WIDTH_MM = PAGE_MM[1] - 2 * LANDSCAPE_MARGIN_MM
#: Fixed zip entry date (the earliest a zip can hold), so the same report gives the same bytes.
ZIP_DATE = (1980, 1, 1, 0, 0, 0)
_COMPARATORS = {">=": "≥", ">": ">", "<=": "≤", "<": "<", "==": "=", "approx": "≈", "between": ""}
_CN_DIGITS = "零一二三四五六七八九"


def render(report: "Report", options: RenderOptions) -> bytes:
    """The 通报 as the bytes of a .docx file."""
    import docx  # lazy: python-docx (and lxml) only for runs that write a Word document

    lang = options.lang
    document = docx.Document()
    _setup(document, lang)
    _Writer(document, report, lang).write()
    _set_properties(document, report, lang)
    buffer = io.BytesIO()
    document.save(buffer)
    return _deterministic_zip(buffer.getvalue())


# --------------------------------------------------------------------------
# Numbers and texts


def cn_number(n: int) -> str:
    """1 -> 一, 10 -> 十, 12 -> 十二, 20 -> 二十, 35 -> 三十五 (1..99)."""
    if n < 10:
        return _CN_DIGITS[n]
    tens, ones = divmod(n, 10)
    head = "" if tens == 1 else _CN_DIGITS[tens]
    return f"{head}十{_CN_DIGITS[ones] if ones else ''}"


def chapter(n: int, text: str, lang: str) -> str:
    return f"{cn_number(n)}、{text}" if lang == "zh" else f"{n}. {text}"


def section(chapter_no: int, n: int, text: str, lang: str) -> str:
    return f"（{cn_number(n)}）{text}" if lang == "zh" else f"{chapter_no}.{n} {text}"


def with_measure(value: float | bool | tuple[float, float] | None, measure: str | None, lang: str) -> str:
    """``3.2%``, ``60家`` (Chinese sets no space before a unit), ``60 家`` in English, ``1–2 个``."""
    if isinstance(value, tuple):
        text = f"{fmt_number(value[0], lang)}–{fmt_number(value[1], lang)}"
    else:
        text = fmt_number(value, lang)
    if text == EMPTY or not measure or isinstance(value, bool):
        return text
    return f"{text}{measure}" if lang == "zh" or measure in ("%", "‰") else f"{text} {measure}"


def requirement_text(result: "Result", lang: str) -> str:
    """``≥3.2%（2020年）``, ``每年≥60家``, ``2020年完成``: what the plan asks of a target."""
    if result.kind == "milestone":
        return blabel("done_by", lang, year=result.target_year) if result.target_year else blabel("done", lang)
    value = result.target_value
    if value is None or isinstance(value, bool):
        return EMPTY
    sign = _COMPARATORS.get(result.comparator or "", "")
    text = f"{sign}{with_measure(value, result.measure, lang)}"
    if result.kind == "annual":
        return f"{blabel('every_year', lang)}{text}"
    if result.kind == "growth":
        return f"{blabel('every_year', lang)}{blabel('growth_rate', lang)}{text}"
    prefix = blabel("average_rate", lang) if result.kind == "cagr" else ""
    year = blabel("by_year", lang, year=result.target_year) if result.target_year else ""
    return f"{prefix}{text}{year}"


def progress_text(result: "Result") -> str:
    """完成序时进度: the progress ratio; for annual, growth and cagr targets this year's attainment."""
    if result.progress_ratio is not None:
        return fmt_percent(result.progress_ratio)
    if result.kind in ("annual", "growth", "cagr"):
        return fmt_percent(result.attainment)
    return EMPTY


def needs_section(result: "Result") -> bool:
    """A target gets its own section when it fails the run or has an explanation."""
    return result.failing or result.explanation is not None


# --------------------------------------------------------------------------
# The document


class _Writer:
    def __init__(self, document: "Document", report: "Report", lang: str) -> None:
        self.doc = document
        self.report = report
        self.lang = lang
        self.units = {u.id: unit_name(u, lang) for u in report.units}
        self.by_plan = [(info, [r for r in report.results if r.plan == info.id]) for info in report.plans]

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
              numeric: frozenset[int] = frozenset()) -> "Table":
        from docx.enum.table import WD_TABLE_ALIGNMENT
        from docx.enum.text import WD_ALIGN_PARAGRAPH
        from docx.shared import Mm

        table = self.doc.add_table(rows=1, cols=len(headers))
        table.style = self.doc.styles["Table Grid"]
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        table.autofit = False
        for cell, header in zip(table.rows[0].cells, headers):
            cell.text = one_line(header)
            cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
            for run in cell.paragraphs[0].runs:
                run.bold = True
            _shade(cell)
        _repeat_header(table.rows[0])
        for values in rows:
            row = table.add_row()
            _cant_split(row)
            for index, (cell, value) in enumerate(zip(row.cells, values)):
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
            keys = ("number", "name", "requirement", "actual", "expected", "gap", "progress_ratio", "status")
            headers = [blabel(k, self.lang) if k != "name" else label("name", self.lang) for k in keys]
            rows = [[str(i), result_name(r, self.lang) + (f" [{self.units.get(r.unit, r.unit)}]" if r.unit else ""),
                     requirement_text(r, self.lang), fmt_number(r.actual, self.lang),
                     fmt_number(r.expected, self.lang), fmt_gap(r.gap), progress_text(r), status_text(r, self.lang)]
                    for i, r in enumerate(results, start=1)]
            extra = trend_headers(results, self.lang)
            years = trend_years(results)
            if extra:
                headers += extra
                rows = [row + trend_cells(r, years, self.lang) for row, r in zip(rows, results)]
            wanted = [10.0, 0.0, 40.0, 16.0, 19.0, 16.0, 21.0, 30.0] + ([30.0] * len(years) + [22.0] if extra else [])
            widths = _fit(wanted, LANDSCAPE_TEXT_WIDTH_MM, name_column=1)
            self.table(headers, rows, widths, numeric=frozenset({3, 4, 5, 6}))
        _new_section(self.doc, landscape=False)

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

    def _figures(self, result: "Result") -> str:
        """``2019年实际39.5，序时目标42.67，差距-3.17，要求≥45%（2020年）。落后于序时进度：…``"""
        reason = result_reason(result, self.lang)
        actual = fmt_number(result.actual, self.lang)
        if self.lang == "zh":
            parts = [f"{result.year}年实际{actual}", f"序时目标{fmt_number(result.expected, self.lang)}",
                     f"差距{fmt_gap(result.gap)}", f"要求{requirement_text(result, self.lang)}"]
            return "，".join(parts) + f"。{reason}。"
        parts = [f"actual {actual} in {result.year}", f"expected {fmt_number(result.expected, self.lang)}",
                 f"gap {fmt_gap(result.gap)}", f"requirement {requirement_text(result, self.lang)}"]
        return ", ".join(parts).capitalize() + f". {reason}."

    def _responsible(self, result: "Result") -> str:
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
        units = [u for u in self.report.units if u.shortfalls]
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
                             status_label(shortfall.status, self.lang), fmt_gap(shortfall.gap),
                             self._explained(result)])
            self.table(headers, rows, _fit([0, 18, 22, 16, 22], TEXT_WIDTH_MM, name_column=0),
                       numeric=frozenset({3}))

    def _explained(self, result: "Result | None") -> str:
        if result is None:
            return EMPTY
        if result.explanation is not None:
            return blabel("explained", self.lang)
        return blabel("unexplained", self.lang) if result.failing else EMPTY

    def _superseded(self, number: int) -> None:
        self.heading(chapter(number, blabel("superseded_section", self.lang), self.lang), 1)
        self.table(superseded_headers(self.lang), superseded_rows(self.report, self.lang),
                   _fit([0, 30, 18, 12, 16, 14, 18], TEXT_WIDTH_MM, name_column=0), numeric=frozenset({3, 5}))

    def _sources(self, number: int) -> None:
        self.heading(chapter(number, blabel("sources_section", self.lang), self.lang), 1)
        colon = "：" if self.lang == "zh" else ": "
        for info in self.report.plans:
            self.paragraph(f"{blabel('plan_file', self.lang)}{colon}{info.file}（《{info.title}》）"
                           if self.lang == "zh" else f"{blabel('plan_file', self.lang)}{colon}{info.file} ({info.title})")
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


def _new_section(document: "Document", *, landscape: bool) -> None:
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


# --------------------------------------------------------------------------
# Page, styles and fonts


def _setup(document: "Document", lang: str) -> None:
    from docx.shared import Mm

    for part in document.sections:
        part.page_width, part.page_height = Mm(PAGE_MM[0]), Mm(PAGE_MM[1])
        part.top_margin, part.bottom_margin = Mm(MARGINS_MM[0]), Mm(MARGINS_MM[1])
        part.left_margin, part.right_margin = Mm(MARGINS_MM[2]), Mm(MARGINS_MM[3])
    zh = lang == "zh"
    styles = document.styles
    _style(styles["Normal"], BODY_FONT[0], 16 if zh else 12, lang=lang)
    body = styles["Normal"].paragraph_format
    if zh:
        from docx.enum.text import WD_LINE_SPACING
        from docx.shared import Pt

        body.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        body.line_spacing = Pt(28)
        body.first_line_indent = Pt(32)  # two characters
    body.space_before = body.space_after = 0
    _style(styles["Title"], TITLE_FONT[0], 22 if zh else 18, lang=lang, centre=True, indent=False)
    _style(styles["Subtitle"], BODY_FONT[0], 14 if zh else 11, lang=lang, centre=True, indent=False)
    _style(styles["Heading 1"], HEADING1_FONT[0], 16 if zh else 14, lang=lang, bold=not zh)
    _style(styles["Heading 2"], HEADING2_FONT[0], 16 if zh else 12, lang=lang, bold=not zh)
    _table_text_style(document, lang)
    _font_table(document)


def _style(style: Any, east_asia: str, size: float, *, lang: str, bold: bool = False, centre: bool = False,
           indent: bool = True) -> None:
    """Fonts (Latin and East Asian, no theme fonts), size, colour and paragraph layout of a style."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt, RGBColor

    font = style.font
    font.name = LATIN_FONT
    font.size = Pt(size)
    font.bold = bold
    font.italic = False
    font.color.rgb = RGBColor(0, 0, 0)
    rpr = style.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        if fonts.get(qn(theme)) is not None:
            del fonts.attrib[qn(theme)]
    fonts.set(qn("w:eastAsia"), east_asia)
    fonts.set(qn("w:cs"), LATIN_FONT)
    fonts.set(qn("w:hint"), "eastAsia")
    language = rpr.find(qn("w:lang"))
    if language is None:
        language = OxmlElement("w:lang")
        rpr.append(language)
    language.set(qn("w:val"), "zh-CN" if lang == "zh" else "en-US")
    language.set(qn("w:eastAsia"), "zh-CN")
    ppr = style.element.get_or_add_pPr()
    for border in ppr.findall(qn("w:pBdr")):  # the template's Title has a rule under it
        ppr.remove(border)
    layout = style.paragraph_format
    if centre:
        layout.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if not indent:
        layout.first_line_indent = Pt(0)
    if style.name.startswith("Heading"):
        layout.space_before, layout.space_after = Pt(6), Pt(0)
        layout.first_line_indent = Pt(32) if lang == "zh" else Pt(0)


def _table_text_style(document: "Document", lang: str) -> None:
    from docx.enum.style import WD_STYLE_TYPE
    from docx.enum.text import WD_LINE_SPACING
    from docx.shared import Pt

    style = document.styles.add_style("Table Text", WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = document.styles["Normal"]
    _style(style, TABLE_FONT[0], 10.5 if lang == "zh" else 9, lang=lang, indent=False)
    layout = style.paragraph_format
    layout.line_spacing_rule = WD_LINE_SPACING.SINGLE
    layout.first_line_indent = Pt(0)


def _font_table(document: "Document") -> None:
    """Declare each Chinese font with its fallback (``w:altName``) and the GB2312 charset."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    part = document.part.part_related_by(RT.FONT_TABLE)
    fonts = "".join(
        f'<w:font w:name="{name}"><w:altName w:val="{fallback}"/><w:charset w:val="86"/>'
        f'<w:family w:val="{family}"/><w:pitch w:val="variable"/></w:font>'
        for (name, fallback), family in ((TITLE_FONT, "roman"), (HEADING1_FONT, "modern"),
                                         (HEADING2_FONT, "modern"), (BODY_FONT, "modern"),
                                         (TABLE_FONT, "roman")))
    latin = f'<w:font w:name="{LATIN_FONT}"><w:charset w:val="00"/><w:family w:val="roman"/></w:font>'
    xml = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
           '<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
           f"{latin}{fonts}</w:fonts>")
    part._blob = xml.encode("utf-8")


def _shade(cell: Any) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), "E7E6E6")
    cell._tc.get_or_add_tcPr().append(shading)


def _repeat_header(row: Any) -> None:
    """The header row repeats at the top of every page the table runs onto."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(header)


def _cant_split(row: Any) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    flag = OxmlElement("w:cantSplit")
    flag.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(flag)


# --------------------------------------------------------------------------
# Package: properties and bytes


def _set_properties(document: "Document", report: "Report", lang: str) -> None:
    """Title and author; dates from SOURCE_DATE_EPOCH or none; no thumbnail of the template."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    properties = document.core_properties
    plans = report.plans
    title = plans[0].title if len(plans) == 1 else blabel("bulletin_title_plain", lang)
    properties.title = one_line(title)
    properties.author = properties.last_modified_by = "policycheck"
    properties.comments = ""
    properties.subject = blabel("bulletin_title_plain", lang)
    properties.language = "zh-CN" if lang == "zh" else "en-US"
    moment = _source_date()
    element = properties._element
    for name in ("created", "modified"):
        if moment is not None:
            setattr(properties, name, moment)
        else:
            for child in element.findall(f"{{http://purl.org/dc/terms/}}{name}"):
                element.remove(child)
    package = document.part.package
    for rid, rel in list(package.rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            package.rels.pop(rid)
    for rel in package.rels.values():
        if rel.reltype == RT.EXTENDED_PROPERTIES:
            rel.target_part._blob = (
                b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
                b"<Application>policycheck</Application></Properties>")


def _source_date() -> datetime | None:
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not epoch.isdigit():
        return None
    return datetime.fromtimestamp(int(epoch), timezone.utc).replace(tzinfo=None)


def _deterministic_zip(data: bytes) -> bytes:
    """The same package with a fixed date on every entry (python-docx stamps the current time)."""
    output = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(output, "w") as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=ZIP_DATE)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            target.writestr(entry, source.read(info.filename))
    return output.getvalue()


__all__ = ["render", "requirement_text", "progress_text", "cn_number", "needs_section"]
