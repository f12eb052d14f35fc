"""Which kind of file a workbook is, by its first bytes, and its scan (docs/actuals.md#workbooks).

The name may say .xlsx while the bytes are an .xls, a password-protected
package or a CSV saved under the wrong name; the bytes decide, and a file
that is no workbook is refused with what it seems to be.
"""
from __future__ import annotations

import os

from policycheck.actuals.workbook.cfb import MAGIC, CompoundFile
from policycheck.actuals.workbook.limits import MAX_XLS_BYTES, BookScan, WorkbookRefused
from policycheck.actuals.workbook.ods import scan_ods
from policycheck.actuals.workbook.xls import scan_xls
from policycheck.actuals.workbook.xlsx import scan_xlsx
from policycheck.actuals.workbook.zipparts import Parts

_ZIP = b"PK\x03\x04"


def scan_workbook(path: str) -> BookScan:
    """Check and scan the workbook at ``path``; :class:`WorkbookRefused` says why it cannot be read."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(8)
            size = os.fstat(handle.fileno()).st_size
    except OSError as exc:
        raise WorkbookRefused(f"cannot read the file: {exc.strerror or exc}") from exc
    if not head:
        raise WorkbookRefused("the file is empty: expected a workbook")
    if head.startswith(_ZIP):
        parts = Parts(path)
        try:
            if "mimetype" in parts.infos or "content.xml" in parts.infos:
                return scan_ods(parts)
            return scan_xlsx(parts)
        finally:
            parts.close()
    if head.startswith(MAGIC):
        if size > MAX_XLS_BYTES:
            raise WorkbookRefused(f"the workbook has {size:,} bytes; at most {MAX_XLS_BYTES:,} are read from an "
                                  ".xls (save it as .xlsx or CSV)")
        with open(path, "rb") as handle:
            compound = CompoundFile(handle.read())
        names = {name.lower() for name in compound.names()}
        if "encryptedpackage" in names or "encryptioninfo" in names:
            raise WorkbookRefused("the workbook is password-protected; save a copy without a password "
                                  "(File > Info > Protect Workbook) and read that")
        return scan_xls(compound)
    raise WorkbookRefused(f"not a workbook: {_looks_like(head, path)}")


def _looks_like(head: bytes, path: str) -> str:
    """What a file that is no workbook seems to be, and what to do with it."""
    with open(path, "rb") as handle:
        sample = handle.read(4096)
    try:
        sample.decode("utf-8")
        text = True
    except UnicodeDecodeError as exc:
        text = exc.start > len(sample) - 4  # a character cut at the end of the sample
    if not text:
        try:
            sample.decode("gb18030")
            text = True
        except UnicodeDecodeError:
            text = False
    lowered = sample.lower()
    if text and (b"<html" in lowered or b"<table" in lowered):
        return ("it is an HTML page saved under a workbook name (some systems export tables so); "
                "open it in Excel or LibreOffice and save it as .xlsx")
    if text and b"urn:schemas-microsoft-com:office:spreadsheet" in lowered:
        return "it is an XML Spreadsheet 2003 file; open it in Excel or LibreOffice and save it as .xlsx"
    if text and (b"," in sample or b"\t" in sample):
        return "it is text with commas or tabs, a CSV file saved under a workbook name; rename it to .csv"
    if text:
        return "it is a text file; save the data from Excel as .xlsx or CSV"
    return "its bytes are neither a zip package (.xlsx, .xlsm, .ods) nor a compound file (.xls)"
