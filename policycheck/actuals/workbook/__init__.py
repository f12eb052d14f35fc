"""Workbooks as actuals: .xlsx, .xlsm, .xls and .ods (docs/actuals.md#workbooks).

:mod:`~policycheck.actuals.workbook.scan` checks a file before any library
opens it (zip bombs, sheet sizes, passwords, files that are no workbook) and
finds what the library does not report (percent formats, error cells,
merges of .ods); :mod:`~policycheck.actuals.workbook.read` turns each sheet
into the rows the CSV reader resolves.  Nothing here is imported by a run
that reads only CSV files.
"""
