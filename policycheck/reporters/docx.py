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
              (only the units ``units --unit`` names, when it names any)
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
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from policycheck.reporters import RenderOptions
from policycheck.reporters.bulletin_labels import blabel
from policycheck.reporters.common import one_line

if TYPE_CHECKING:
    from docx.document import Document

    from policycheck.model import Report

#: Fixed zip entry date (the earliest a zip can hold), so the same report gives the same bytes.
ZIP_DATE = (1980, 1, 1, 0, 0, 0)


def render(report: Report, options: RenderOptions) -> bytes:
    """The 通报 as the bytes of a .docx file."""
    import docx  # lazy: python-docx (and lxml) only for runs that write a Word document

    from policycheck.reporters.docx_style import setup
    from policycheck.reporters.docx_writer import Writer

    lang = options.lang
    document = docx.Document()
    setup(document, lang)
    Writer(document, report, lang, options.units).write()
    _set_properties(document, report, lang)
    buffer = io.BytesIO()
    document.save(buffer)
    return _deterministic_zip(buffer.getvalue())



# --------------------------------------------------------------------------
# Package: properties and bytes


def _set_properties(document: Document, report: Report, lang: str) -> None:
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
    return datetime.fromtimestamp(int(epoch), UTC).replace(tzinfo=None)


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


__all__ = ["render"]
