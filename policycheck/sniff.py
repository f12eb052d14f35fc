"""Is this file a spreadsheet workbook?  Decided from its first bytes.

Statisticians live in Excel: the file they hand over as CSV or as a plan is
often the workbook itself (``.xlsx``, or ``.xls`` from older offices).  Read
as text it gives NUL characters or "character U+0003 is not allowed"; named
for what it is, the finding can say what to do instead.  The test looks at
signatures, not at the name: a workbook renamed ``data.csv`` is still one.
"""
from __future__ import annotations

#: Every zip file (.xlsx, .xlsm and .ods are zip archives) starts with a local file header.
_ZIP = b"PK\x03\x04"
#: The OLE2 compound document header of .xls (and .doc and other Office 97-2003 files).
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
#: An .ods archive stores its media type first, uncompressed, right after the first header.
_ODS = b"mimetypeapplication/vnd.oasis.opendocument.spreadsheet"
#: Bytes of the first entries that mark an Office Open XML workbook.
_XLSX_NAMES = (b"[Content_Types].xml", b"xl/", b"_rels/")


def workbook_kind(head: bytes) -> str | None:
    """``"xlsx"``, ``"xls"``, ``"ods"`` or ``"zip"`` (another archive) for a workbook's first bytes, else None."""
    if head.startswith(_OLE2):
        return "xls"
    if not head.startswith(_ZIP):
        return None
    start = head[:4096]
    if _ODS in start:
        return "ods"
    if any(name in start for name in _XLSX_NAMES):
        return "xlsx"
    return "zip"
