"""``units --split DIR``: one report file per responsible unit, and an index (docs/reports.md#units---split).

Each unit's file is the report of the targets it leads, supports or carries
a quota of (its scope), in any file format; files are named by the unit's
name, made safe for Windows and macOS file systems, and written together
with ``index.<ext>`` all or nothing, like ``-o``.
"""
from __future__ import annotations

import os
import unicodedata
from dataclasses import replace
from typing import TYPE_CHECKING

from policycheck.errors import PolicycheckError
from policycheck.messages import msg

if TYPE_CHECKING:
    from collections.abc import Sequence

    from policycheck.model import Report, UnitSummary
    from policycheck.reporters import RenderOptions

#: The formats a split can be written in, and their file name extensions.
SPLIT_FORMATS = {"xlsx": ".xlsx", "csv": ".csv", "markdown": ".md", "html": ".html", "json": ".json"}
INDEX_NAME = "index"
#: Characters no Windows file name may hold (macOS forbids ``/`` and ``:``, Linux ``/``).
_FORBIDDEN = set('<>:"/\\|?*') | {chr(c) for c in range(32)} | {"\x7f"}
#: Names Windows reserves for devices, with any extension.
_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(10)), *(f"LPT{i}" for i in range(10))}
#: Characters kept of a name: 60 Chinese characters are 180 bytes in UTF-8, under the 255 of most file systems.
MAX_NAME = 60


def parse_split(value: str) -> tuple[str, str]:
    """``DIR`` (xlsx files) or ``FORMAT=DIR`` -> (format, folder)."""
    fmt, sep, folder = value.partition("=")
    if sep and fmt in SPLIT_FORMATS:
        if not folder:
            raise PolicycheckError(msg("output.split-form", value=value))
        return fmt, folder
    return "xlsx", value


def safe_name(name: str) -> str:
    """A file name stem from a unit's name that Windows, macOS and Linux all accept.

    NFC (macOS stores names decomposed; this keeps one spelling), forbidden
    characters as ``_``, no trailing dots or spaces, no device names, at most
    :data:`MAX_NAME` characters; an empty result is ``_``.
    """
    text = unicodedata.normalize("NFC", name)
    text = "".join("_" if ch in _FORBIDDEN else ch for ch in text).strip()
    text = text[:MAX_NAME].rstrip(". ")
    if text.split(".")[0].upper() in _RESERVED:
        text = "_" + text
    return text or "_"


def file_names(units: Sequence[UnitSummary], lang: str, extension: str) -> dict[str, str]:
    """Unit id -> file name; names that clash (also by case, as on Windows and macOS) get the unit id."""
    names: dict[str, str] = {}
    taken = {INDEX_NAME + extension}
    for unit in units:
        shown = unit.name_en if lang == "en" and unit.name_en else unit.name
        candidate = safe_name(shown) + extension
        if candidate.casefold() in {t.casefold() for t in taken}:
            candidate = safe_name(f"{shown}-{unit.id}") + extension
        index = 2
        while candidate.casefold() in {t.casefold() for t in taken}:
            candidate = safe_name(f"{shown}-{unit.id}-{index}") + extension
            index += 1
        taken.add(candidate)
        names[unit.id] = candidate
    return names


def unit_report(report: Report, unit: UnitSummary) -> Report:
    """The report restricted to one unit: the results it leads, supports or carries a quota of."""
    from policycheck.evaluation.engine import summarize

    results = tuple(r for r in report.results
                    if r.lead == unit.id or unit.id in r.responsible or r.unit == unit.id)
    keys = {(r.plan, r.target, r.unit) for r in results}
    superseded = tuple(s for s in report.superseded if (s.plan, s.target, s.unit) in keys)
    plans = {r.plan for r in results}
    return replace(report, plans=tuple(p for p in report.plans if p.id in plans), results=results,
                   units=(unit,), summary=summarize(results), findings=(), superseded=superseded)


def split_units(report: Report, selected: Sequence[str]) -> list[UnitSummary]:
    """The units that get a file: those ``units --unit`` names, or every unit."""
    return [u for u in report.units if not selected or u.id in selected]


def split_files(report: Report, fmt: str, folder: str, options: RenderOptions) -> list[tuple[str, str | bytes]]:
    """(path, content) of every unit's file and the index, rendered before anything is written."""
    from policycheck.reporters import render_file
    from policycheck.reporters.unit_index import IndexRow, render_index
    from policycheck.reporters.units import shortfall_count

    extension = SPLIT_FORMATS[fmt]
    units = split_units(report, options.units)
    names = file_names(report.units, options.lang, extension)  # the same names with or without --unit
    # Each file lists the unit's targets, not only its shortfalls, and its own unit: no --unit selection in it.
    per_unit = replace(options, view="results", units=())
    files: list[tuple[str, str | bytes]] = []
    rows = []
    for unit in units:
        name = names[unit.id]
        files.append((os.path.join(folder, name), render_file(unit_report(report, unit), fmt, per_unit)))
        shown = unit.name_en if options.lang == "en" and unit.name_en else unit.name
        rows.append(IndexRow(unit.id, shown, unit.led, unit.supported, shortfall_count(unit), name))
    files.append((os.path.join(folder, INDEX_NAME + extension), render_index(rows, fmt, options.lang)))
    return files
