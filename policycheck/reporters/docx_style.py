"""Page, styles and fonts of the Word 通报 (docs/reports.md#docx): A4, GB/T 9704 margins, named Chinese fonts.

Every Chinese font is named for East Asian text (``w:eastAsia``) and declared
in the document's font table with a fallback (``w:altName``) and the GB2312
charset, so Word and WPS on any machine, and LibreOffice, find one; theme
fonts are removed so that the named fonts apply.  python-docx is imported
inside the functions: only runs that write a Word document load it.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from docx.document import Document

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


def setup(document: Document, lang: str) -> None:
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


def _table_text_style(document: Document, lang: str) -> None:
    from docx.enum.style import WD_STYLE_TYPE
    from docx.enum.text import WD_LINE_SPACING
    from docx.shared import Pt

    style = document.styles.add_style("Table Text", WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = document.styles["Normal"]
    _style(style, TABLE_FONT[0], 10.5 if lang == "zh" else 9, lang=lang, indent=False)
    layout = style.paragraph_format
    layout.line_spacing_rule = WD_LINE_SPACING.SINGLE
    layout.first_line_indent = Pt(0)


def _font_table(document: Document) -> None:
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


def shade(cell: Any) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), "E7E6E6")
    cell._tc.get_or_add_tcPr().append(shading)


def repeat_header(row: Any) -> None:
    """The header row repeats at the top of every page the table runs onto."""
    _row_flag(row, "w:tblHeader")


def cant_split(row: Any) -> None:
    """The row stays whole on one page rather than breaking across two."""
    _row_flag(row, "w:cantSplit")


def _row_flag(row: Any, tag: str) -> None:
    """Switch on a true/false row property (``<w:trPr><tag w:val="true"/>``)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    flag = OxmlElement(tag)
    flag.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(flag)


