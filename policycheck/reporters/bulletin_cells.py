"""Explanations and trends as every format shows them: cells, lines, sentences, CSV columns.

A report only has them when the run was given ``--notes``, ``--compare`` or
``--years``; every function here gives nothing for a report without them, so
the formats of a plain run stay exactly as they were.  Human text goes
through :func:`policycheck.reporters.common.one_line` like every other cell.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any

from policycheck.reporters.bulletin_labels import blabel, trend_text
from policycheck.reporters.common import EMPTY, Column, fmt_number, one_line, result_label, result_name, status_text
from policycheck.reporters.labels import status_label

if TYPE_CHECKING:
    from policycheck.model import Report, Result

#: CSV columns, in this order, when some result has an explanation / a trend.
EXPLANATION_COLUMNS: tuple[str, ...] = ("explanation.cause", "explanation.measures", "explanation.person",
                                        "explanation.source")
TREND_COLUMNS: tuple[str, ...] = ("trend.label", "trend.years")


def has_trends(results: Iterable[Result]) -> bool:
    return any(r.trend is not None for r in results)


def has_explanations(results: Iterable[Result]) -> bool:
    return any(r.explanation is not None for r in results)


# --------------------------------------------------------------------------
# Trends: one column per earlier year, then the label


def trend_years(results: Sequence[Result]) -> tuple[int, ...]:
    """The earlier years any result of a table has a status for, in order."""
    years = {entry.year for r in results if r.trend is not None for entry in r.trend.years[:-1]}
    return tuple(sorted(years))


def trend_headers(results: Sequence[Result], lang: str) -> list[str]:
    """``2018年``, ..., ``趋势``; nothing when no result has a trend.

    A previous report of the same year (a re-run after revised figures) is
    headed ``上次`` / ``previous``, since its year would read like this one.
    """
    if not has_trends(results):
        return []
    current = {r.year for r in results}
    headers = [blabel("previous", lang) if year in current else blabel("year_status", lang, year=year)
               for year in trend_years(results)]
    return headers + [blabel("trend", lang)]


def trend_cells(result: Result, years: Sequence[int], lang: str) -> list[str]:
    """The status in each of ``years`` (``—`` when the result has none), then the trend label."""
    if result.trend is None:
        return [EMPTY] * (len(years) + 1)
    by_year = {entry.year: entry.status for entry in result.trend.years[:-1]}
    cells = [status_label(by_year[year], lang) if year in by_year else EMPTY for year in years]
    return cells + [trend_text(result.trend.label, lang)]


def trend_columns(results: Sequence[Result], lang: str) -> tuple[Column, ...]:
    """The columns :func:`trend_headers` names (their headers already in ``lang``)."""
    return tuple(Column("trend", fixed=header) for header in trend_headers(results, lang))


def add_trend_columns(results: Sequence[Result], columns: Sequence[Column], rows: list[list[str]],
                      lang: str) -> tuple[tuple[Column, ...], list[list[str]]]:
    """A results table with the trend columns appended (unchanged without trends)."""
    extra = trend_columns(results, lang)
    if not extra:
        return tuple(columns), rows
    years = trend_years(results)
    return (*columns, *extra), [row + trend_cells(r, years, lang) for r, row in zip(results, rows, strict=True)]


def trend_sentence(result: Result, lang: str) -> str:
    """``持续滞后（2018 明显滞后 → 2019 明显滞后）``: the label and the statuses it compares."""
    if result.trend is None:
        return ""
    steps = " → ".join(f"{e.year} {status_label(e.status, lang)}" for e in result.trend.years)
    label = trend_text(result.trend.label, lang)
    return f"{label}（{steps}）" if lang == "zh" else f"{label} ({steps})"


# --------------------------------------------------------------------------
# Explanations: a block after the results, one entry per failing or explained result


def explanation_entries(report: Report) -> list[Result]:
    """The results the explanations block lists, in report order: every one that
    has an explanation and every failing one (those still without are shown as
    such).  Empty when no result has an explanation."""
    if not has_explanations(report.results):
        return []
    return [r for r in report.results if r.explanation is not None or r.failing]


def entry_heading(result: Result, lang: str, several_plans: bool = False) -> str:
    """``rd-institution-rate 规上工业企业研发机构建有率（明显滞后）``."""
    label = f"{result.plan}/{result_label(result)}" if several_plans else result_label(result)
    status = status_text(result, lang)
    tail = f"（{status}）" if lang == "zh" else f" ({status})"
    return f"{label} {result_name(result, lang)}{tail}"


def explanation_pairs(result: Result, lang: str) -> list[tuple[str, str]]:
    """(label, text) for cause, measures, person and source, those given; one pair
    saying there is none yet when the result has no explanation."""
    explanation = result.explanation
    if explanation is None:
        return [("", blabel("no_explanation", lang))]
    pairs = [(blabel(key, lang), one_line(text)) for key, text in (
        ("cause", explanation.cause), ("measures", explanation.measures),
        ("person", explanation.person), ("source", explanation.source)) if text]
    return pairs


def explanation_sentence(result: Result, lang: str) -> str:
    """``原因：…；措施：…；责任人：…`` on one line (JUnit, SARIF, GitHub messages)."""
    if result.explanation is None:
        return ""
    colon, sep = ("：", "；") if lang == "zh" else (": ", "; ")
    # A cause written as a sentence ends in 。; before the next part's ； that would read twice.
    return sep.join(f"{name}{colon}{text.rstrip('。；;')}" for name, text in explanation_pairs(result, lang))


def explanation_block_lines(report: Report, lang: str) -> list[str]:
    """The explanations block of the plain-text formats: a heading line per entry,
    then its indented lines."""
    several = len(report.plans) > 1
    colon = "：" if lang == "zh" else ": "
    lines: list[str] = []
    for result in explanation_entries(report):
        lines.append(entry_heading(result, lang, several))
        pairs = explanation_pairs(result, lang)
        lines.extend(f"  {name}{colon}{text}" if name else f"  {text}" for name, text in pairs)
    return lines


def extra_message(result: Result, lang: str) -> str:
    """What annotations add to a result's message: the explanation and the trend."""
    parts = [part for part in (explanation_sentence(result, lang), _trend_part(result, lang)) if part]
    return " | ".join(parts)


def trend_line(result: Result, lang: str) -> str:
    """``趋势：持续滞后（2018 明显滞后 → 2019 明显滞后）``; "" without a trend."""
    return _trend_part(result, lang)


def _trend_part(result: Result, lang: str) -> str:
    sentence = trend_sentence(result, lang)
    if not sentence:
        return ""
    return f"{blabel('trend', lang)}{'：' if lang == 'zh' else ': '}{sentence}"


# --------------------------------------------------------------------------
# CSV


def csv_extra_columns(report: Report) -> list[str]:
    columns: list[str] = []
    if has_explanations(report.results):
        columns.extend(EXPLANATION_COLUMNS)
    if has_trends(report.results):
        columns.extend(TREND_COLUMNS)
    return columns


def csv_extra_values(result: Result, columns: Sequence[str]) -> list[Any]:
    """The cells of :func:`csv_extra_columns` for one result (machine values, full precision)."""
    values: list[Any] = []
    explanation, trend = result.explanation, result.trend
    for column in columns:
        group, _, name = column.partition(".")
        if group == "explanation":
            values.append(getattr(explanation, name) if explanation is not None else None)
        elif name == "label":
            values.append(trend.label if trend is not None else None)
        else:
            values.append(None if trend is None else ";".join(
                f"{e.year}:{_plain(e.actual)}:{e.status}" for e in trend.years))
    return values


#: The explanation's fields as columns of a sheet for people (the xlsx report), in this order.
_NOTE_FIELDS = ("cause", "measures", "person", "source")


def people_columns(results: Sequence[Result], lang: str) -> tuple[list[str], Callable[[Result], list[str]]]:
    """The columns the xlsx report adds and the cells of one result for them: a status per
    earlier year and 趋势 (with trends), then 原因, 措施, 责任人, 来源 (with explanations);
    no columns for a plain run.  What the results have is looked at once, not per row."""
    trends, explained = has_trends(results), has_explanations(results)
    years = trend_years(results) if trends else ()
    # 说明来源: the sheet already has a 来源 column, the source of the figure.
    notes = [blabel("note_source" if name == "source" else name, lang) for name in _NOTE_FIELDS]
    headers = trend_headers(results, lang) + (notes if explained else [])

    def cells(result: Result) -> list[str]:
        row = trend_cells(result, years, lang) if trends else []
        if explained:
            note = result.explanation
            row += [one_line(getattr(note, name) or "") if note is not None else "" for name in _NOTE_FIELDS]
        return row
    return headers, cells


def sheet_extra_values(result: Result, columns: Sequence[str], lang: str) -> list[Any]:
    """:func:`csv_extra_values` for the CSV sheet for people: the trend in words (新增滞后) and each
    year as ``2018: 66 已达成``, as the other human formats write them."""
    values = csv_extra_values(result, columns)
    trend = result.trend
    for index, column in enumerate(columns):
        if column == "trend.label" and trend is not None and trend.label is not None:
            values[index] = trend_text(trend.label, lang)
        elif column == "trend.years" and trend is not None:
            values[index] = ("；" if lang == "zh" else "; ").join(
                f"{e.year}: {fmt_number(e.actual, lang)} {status_label(e.status, lang)}" for e in trend.years)
    return values


def sheet_extra_header(column: str, lang: str) -> str:
    """The header of a :func:`csv_extra_columns` column in the sheet for people (原因, 趋势...)."""
    name = column.partition(".")[2]
    if column.startswith("trend."):
        return blabel("trend" if name == "label" else "trend_years", lang)
    # 说明来源: the sheet already has a 来源 column, the source of the figure.
    return blabel("note_source" if name == "source" else name, lang)


def _plain(value: float | bool | None) -> str:
    """A value inside compact CSV text: as JSON writes it (empty for null)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)
