"""The index of ``units --split DIR``: one row per responsible unit and the file written for it.

The same table in the format of the unit files (docs/reports.md#units---split), with
links where the format has them: a person opens ``index.html`` or
``index.xlsx`` and clicks through to each unit's file.
"""
from __future__ import annotations

import html
import io
import json
from collections.abc import Sequence
from urllib.parse import quote

from policycheck.records import record
from policycheck.reporters.common import Column, headers, one_line
from policycheck.reporters.labels import LANGS, label

#: One row per unit: its id and name, its counts and the file written for it.
INDEX_COLUMNS: tuple[Column, ...] = (
    Column("unit_id", code=True), Column("unit_name"), Column("led", numeric=True),
    Column("supported", numeric=True), Column("shortfalls", numeric=True), Column("file", code=True))


@record(frozen=True)
class IndexRow:
    unit: str
    name: str
    led: int
    supported: int
    shortfalls: int
    file: str


def render_index(rows: Sequence[IndexRow], fmt: str, lang: str) -> str | bytes:
    """The index in ``fmt`` (xlsx, csv, markdown, html or json)."""
    lang = lang if lang in LANGS else "zh"
    names, title = headers(INDEX_COLUMNS, lang), label("unit_index", lang)
    if fmt == "xlsx":
        return _xlsx(rows, names)
    if fmt == "csv":
        from policycheck.reporters.csv_report import write_rows
        from policycheck.textsafe import defuse_commands

        # A quoted cell may hold a line break: no line of the file may pass for a CI command (docs/security.md).
        return defuse_commands(write_rows(names, ([r.unit, r.name, r.led, r.supported, r.shortfalls, r.file]
                                                  for r in rows)))
    if fmt == "markdown":
        from policycheck.reporters.markdown import escape

        rule = "|" + "|".join("---:" if column.numeric else "---" for column in INDEX_COLUMNS) + "|"
        lines = [f"# {title}", "", "| " + " | ".join(names) + " |", rule]
        lines += [f"| {escape(r.unit)} | {escape(r.name)} | {r.led} | {r.supported} | {r.shortfalls} | "
                  f"[{escape(r.file)}]({quote(r.file)}) |" for r in rows]
        return "\n".join(lines) + "\n"
    if fmt == "html":
        return _html(rows, names, title, lang)
    if fmt == "json":
        data = [{"unit": r.unit, "name": r.name, "led": r.led, "supported": r.supported,
                 "shortfalls": r.shortfalls, "file": r.file} for r in rows]
        return json.dumps({"units": data}, ensure_ascii=False, indent=2) + "\n"
    raise ValueError(f"no index for format {fmt!r}")


def _html(rows: Sequence[IndexRow], headers: Sequence[str], title: str, lang: str) -> str:
    def esc(text: str) -> str:
        return html.escape(one_line(text))

    head = "".join(f"<th>{esc(h)}</th>" for h in headers)
    body = "".join(
        f"<tr><td>{esc(r.unit)}</td><td>{esc(r.name)}</td><td>{r.led}</td><td>{r.supported}</td>"
        f"<td>{r.shortfalls}</td><td><a href=\"{html.escape(quote(r.file))}\">{esc(r.file)}</a></td></tr>"
        for r in rows)
    return (f"<!DOCTYPE html>\n<html lang=\"{'zh-CN' if lang == 'zh' else 'en'}\"><head><meta charset=\"utf-8\">"
            f"<title>{esc(title)}</title><style>body{{font-family:sans-serif}}table{{border-collapse:collapse}}"
            f"td,th{{border:1px solid #d0d7de;padding:4px 8px}}</style></head>"
            f"<body><h1>{esc(title)}</h1><table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
            f"</body></html>\n")


def _xlsx(rows: Sequence[IndexRow], headers: Sequence[str]) -> bytes:
    import xlsxwriter

    from policycheck.textwidth import display_width

    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_formulas": False,
                                        "strings_to_urls": False})
    sheet = book.add_worksheet("index")
    bold = book.add_format({"bold": True, "bg_color": "#F6F8FA", "border": 1})
    link = book.add_format({"font_color": "#0B3D91", "underline": 1})
    widths = [display_width(h) + 2 for h in headers]
    for col, header in enumerate(headers):
        sheet.write_string(0, col, header, bold)
    for index, row in enumerate(rows, start=1):
        for col, value in enumerate((row.unit, row.name)):
            sheet.write_string(index, col, value)
        for col, number in enumerate((row.led, row.supported, row.shortfalls), start=2):
            sheet.write_number(index, col, number)
        sheet.write_url(index, 5, f"external:{row.file}", link, row.file)
        for col, text in ((0, row.unit), (1, row.name), (5, row.file)):
            widths[col] = max(widths[col], min(60, display_width(text) + 2))
    for col, width in enumerate(widths):
        sheet.set_column(col, col, width)
    sheet.freeze_panes(1, 0)
    sheet.autofilter(0, 0, max(len(rows), 1), len(headers) - 1)
    book.close()
    return buffer.getvalue()
