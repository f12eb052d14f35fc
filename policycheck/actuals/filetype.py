"""Which reader a file of actuals needs: a workbook's or the CSV reader (docs/actuals.md#workbooks).

Kept apart from :mod:`policycheck.actuals.workbook` so that telling the two
apart never imports the workbook reader or its spreadsheet library.
"""
from __future__ import annotations

import os
import stat

from policycheck.findings import WORKBOOK_SUFFIXES, split_sheet

#: The first bytes of a zip package (.xlsx, .xlsm, .ods) and of a compound file (.xls).
_MAGIC = (b"PK\x03\x04", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")


def is_workbook(path: str, data: bytes | None = None) -> bool:
    """A workbook by its name (``.xlsx``, ``.xlsm``, ``.xls``, ``.ods``, or ``BOOK#SHEET``)
    or by its first bytes (a zip package or a compound file), whatever its name says.

    ``data``: the bytes already read (docs/security.md: every input is read once).
    Without them only a regular file is opened to look: a FIFO or ``-`` read here
    would be empty for the reader after.
    """
    _book, sheet = split_sheet(path)
    if sheet is not None and not os.path.exists(path):
        return True
    if path.lower().endswith(WORKBOOK_SUFFIXES):
        return True
    if data is not None:
        return data[:8].startswith(_MAGIC)
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return False
        with open(path, "rb") as handle:
            head = handle.read(8)
    except OSError:
        return False  # the CSV reader says why it cannot be read
    return head.startswith(_MAGIC)
