"""Which kind of file a workbook is, by its first bytes, and its scan (docs/actuals.md#workbooks).

The name may say .xlsx while the bytes are an .xls, a password-protected
package or a CSV saved under the wrong name; the bytes decide, and a file
that is no workbook is refused with what it seems to be.
"""
from __future__ import annotations

import io

from policycheck.actuals.workbook.cfb import MAGIC, CompoundFile
from policycheck.actuals.workbook.limits import MAX_XLS_BYTES, BookScan, WorkbookRefused
from policycheck.actuals.workbook.ods import scan_ods
from policycheck.actuals.workbook.xls import scan_xls
from policycheck.actuals.workbook.xlsx import scan_xlsx
from policycheck.actuals.workbook.zipparts import Parts
from policycheck.messages import Text, msg

_ZIP = b"PK\x03\x04"


def scan_workbook(path: str, data: bytes) -> BookScan:
    """Check and scan the workbook ``path`` whose bytes are ``data`` (read once, bounded, by
    :mod:`policycheck.inputs`); :class:`WorkbookRefused` says why it cannot be read."""
    head, size = data[:8], len(data)
    if not head:
        raise WorkbookRefused(msg("PC400.book-empty"))
    if head.startswith(_ZIP):
        parts = Parts(io.BytesIO(data))
        try:
            if "mimetype" in parts.infos or "content.xml" in parts.infos:
                return scan_ods(parts)
            return scan_xlsx(parts)
        finally:
            parts.close()
    if head.startswith(MAGIC):
        if size > MAX_XLS_BYTES:
            raise WorkbookRefused(msg("PC400.book-xls-size", size=size, limit=MAX_XLS_BYTES))
        compound = CompoundFile(data)
        names = {name.lower() for name in compound.names()}
        if "encryptedpackage" in names or "encryptioninfo" in names:
            raise WorkbookRefused(msg("PC400.book-password"))
        return scan_xls(compound)
    raise WorkbookRefused(msg("PC400.book-not", what=_looks_like(data[:4096])))


def _looks_like(sample: bytes) -> Text:
    """What a file that is no workbook seems to be (by its first bytes), and what to do with it."""
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
        return msg("PC400.looks-html")
    if text and b"urn:schemas-microsoft-com:office:spreadsheet" in lowered:
        return msg("PC400.looks-xml2003")
    if text and (b"," in sample or b"\t" in sample):
        return msg("PC400.looks-csv")
    if text:
        return msg("PC400.looks-text")
    return msg("PC400.looks-other")
