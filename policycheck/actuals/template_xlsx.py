"""``policycheck template -o FILE.xlsx``: the template as a workbook to fill in.

See docs/actuals.md#policycheck-template-a-file-to-fill-in.

The same rows and header as the CSV template (:mod:`policycheck.actuals.template`),
plus what a workbook can hold: the header row is locked (the sheet is
protected without a password, every other cell stays editable, and sorting
and filtering still work), the status column and the value cells of milestone
targets offer drop-down lists of the words the reader accepts, a 填写说明
(how to fill in) column says what each row wants, and columns are wide enough
for their Chinese names.  The filled-in workbook reads back unchanged.
xlsxwriter is imported only here.
"""
from __future__ import annotations

import io
from collections.abc import Sequence

from policycheck.actuals.template import HEADERS, row_keys
from policycheck.model import Plan

#: The fill-in column's header; an alias of the ignored ``hint`` column, so it reads back quietly.
HINT = {"zh": "填写说明", "en": "hint"}
#: Drop-down words: accepted by the reader (policycheck.actuals.cells).
STATUS_WORDS = {"zh": ["正式", "快报", "预计"], "en": ["final", "preliminary", "estimate"]}
MILESTONE_WORDS = {"zh": ["已完成", "未完成"], "en": ["yes", "no"]}
_SHEET = {"zh": "填报", "en": "actuals"}


def build_xlsx_template(plans: Sequence[Plan], *, years: tuple[int, int] | None = None, wide: bool = False,
                        lang: str = "zh") -> bytes:
    """The template workbook for ``plans`` as bytes."""
    import xlsxwriter

    from policycheck.textwidth import display_width

    lang = lang if lang in HEADERS else "zh"
    labels = HEADERS[lang]
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_formulas": False,
                                        "strings_to_urls": False, "strings_to_numbers": False})
    sheet = book.add_worksheet(_SHEET[lang])
    header_style = book.add_format({"bold": True, "bg_color": "#F6F8FA", "border": 1, "locked": True})
    key_style = book.add_format({"locked": False, "bg_color": "#F6F8FA"})
    fill_style = book.add_format({"locked": False, "bg_color": "#FFF9DB"})
    hint_style = book.add_format({"locked": False, "font_color": "#57606a"})
    table = _Table(plans, years, wide, lang)
    header = [labels[c] for c in ("plan", "target", "name", "measure", "unit")]
    header += table.year_labels if wide else [labels["year"], labels["value"]]
    header += [labels["status"], HINT[lang]]
    widths = [display_width(h) + 2 for h in header]
    for col, text in enumerate(header):
        sheet.write_string(0, col, text, header_style)
    status_col = len(header) - 2
    for row, (keys, year_cells, hint, milestone) in enumerate(table.rows, start=1):
        cells = [*keys, *year_cells]
        for col, value in enumerate(cells):
            if isinstance(value, int):
                sheet.write_number(row, col, value, key_style)
            elif value is None:
                sheet.write_blank(row, col, None, fill_style)
            else:
                sheet.write_string(row, col, value, key_style)
            widths[col] = max(widths[col], min(40, display_width(str(value or "")) + 2))
        sheet.write_blank(row, status_col, None, fill_style)
        sheet.write_string(row, status_col + 1, hint, hint_style)
        widths[status_col + 1] = max(widths[status_col + 1], min(60, display_width(hint) + 2))
        if milestone:
            first = 5 if wide else 6
            last = status_col - 1
            sheet.data_validation(row, first, row, last, _list(MILESTONE_WORDS[lang], lang))
    last_row = max(len(table.rows), 1)
    sheet.data_validation(1, status_col, last_row, status_col, _list(STATUS_WORDS[lang], lang))
    for col, width in enumerate(widths):
        sheet.set_column(col, col, width)
    sheet.freeze_panes(1, 0)
    sheet.autofilter(0, 0, last_row, len(header) - 1)
    # The header is locked: protection without a password (a guard against slips, not a secret).
    sheet.protect("", {"autofilter": True, "sort": True, "format_columns": True, "format_rows": True,
                       "insert_rows": True, "delete_rows": True, "select_locked_cells": True,
                       "select_unlocked_cells": True})
    book.close()
    return buffer.getvalue()


def _list(words: list[str], lang: str) -> dict[str, object]:
    message = ("请从下拉列表中选择：" if lang == "zh" else "Choose one of: ") + " / ".join(words)
    return {"validate": "list", "source": words, "error_type": "stop",
            "error_title": "policycheck", "error_message": message, "input_message": message[:255]}


class _Table:
    """The template rows: key cells, the year (long) or one empty cell per year (wide), hint, kind."""

    def __init__(self, plans: Sequence[Plan], years: tuple[int, int] | None, wide: bool, lang: str) -> None:
        self.rows: list[tuple[list[str], list[int | None], str, bool]] = []
        self.year_labels: list[str] = []
        if wide:
            spans = [(p.baseline_year, p.period_end) for p in plans] or [(0, -1)]
            first, last = years or (min(s[0] for s in spans), max(s[1] for s in spans))
            suffix = "年" if lang == "zh" else ""
            self.year_labels = [f"{year}{suffix}" for year in range(first, last + 1)]
        for plan in plans:
            kinds = {t.id: t.kind for t in plan.targets}
            for key in row_keys(plan):
                milestone = kinds.get(key[1]) == "milestone"
                hint = _hint(key[3], key[4], plan, milestone, lang)
                if wide:
                    self.rows.append((list(key), [None] * len(self.year_labels), hint, milestone))
                    continue
                first, last = years or (plan.baseline_year, plan.period_end)
                for year in range(first, last + 1):
                    self.rows.append((list(key), [year, None], hint, milestone))


def _hint(measure: str, unit: str, plan: Plan, milestone: bool, lang: str) -> str:
    """What to write in the row's value cells."""
    who = plan.units[unit].name if unit in plan.units else unit
    if lang == "zh":
        text = "选择“已完成”或“未完成”" if milestone else f"填写实际值（{measure or '无计量单位'}），无数据填 -"
        return f"{text}；{who}的数值" if unit else text
    text = "choose yes or no" if milestone else f"the actual value in {measure or 'plain numbers'}; - for no data"
    return f"{text}; for {plan.units[unit].name_en or who if unit in plan.units else who}" if unit else text
