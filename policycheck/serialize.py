"""The JSON report of SPEC 5.1: model objects -> JSON text.

Field order follows the dataclasses, which follow SPEC 5.1, so the same
inputs give byte-identical JSON.  Numbers keep full precision: rounding is for
human formats.

The layout is indented at the top level, with one compact line per result,
unit, finding and superseded row: a national report has 142,200 results, and
Python's indenting encoder is pure Python and about ten times slower than the
C encoder used for each line.  One line per result also suits grep and diff.
"""
from __future__ import annotations

import dataclasses
import json
from functools import lru_cache
from typing import Any, Callable, Mapping

from policycheck.findings import Finding
from policycheck.model import Report

#: Report fields written one item per line.
_LIST_FIELDS = frozenset({"plans", "results", "units", "findings", "superseded"})


@lru_cache(maxsize=None)
def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(cls))


def json_default(obj: Any) -> Any:
    """What the JSON encoder calls for objects it does not know: one level at a
    time, the encoder (in C) recurses into what this returns."""
    if isinstance(obj, Finding):
        return obj.to_dict()
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {name: getattr(obj, name) for name in _field_names(type(obj))}
    if isinstance(obj, Mapping):
        return dict(obj)
    raise TypeError(f"cannot serialise {type(obj).__name__}")


def _encoder() -> Callable[[Any], str]:
    return json.JSONEncoder(ensure_ascii=False, check_circular=False, allow_nan=False,
                            separators=(", ", ": "), default=json_default).encode


def report_json(report: Report) -> str:
    """The JSON report as text, with a final newline."""
    encode = _encoder()
    names = _field_names(Report)
    lines = ["{"]
    for index, name in enumerate(names):
        comma = "," if index < len(names) - 1 else ""
        value = getattr(report, name)
        if name in _LIST_FIELDS and value:
            lines.append(f"  {encode(name)}: [")
            lines.append(",\n".join(f"    {encode(item)}" for item in value))
            lines.append(f"  ]{comma}")
        else:
            lines.append(f"  {encode(name)}: {encode(value)}{comma}")
    lines.append("}")
    return "\n".join(lines) + "\n"


def report_to_dict(report: Report) -> dict[str, Any]:
    """The JSON report as plain data: exactly what :func:`report_json` writes."""
    data: dict[str, Any] = json.loads(report_json(report))
    return data
