"""Turn model objects into plain JSON data (dicts, lists, numbers, strings).

Field order follows the dataclasses, which follow SPEC 5.1, so the JSON report
is deterministic.  Numbers keep full precision: rounding is for human formats.
"""
from __future__ import annotations

import dataclasses
from typing import Any, Mapping

from policycheck.findings import Finding
from policycheck.model import Report


def to_plain(obj: Any) -> Any:
    """Recursively convert dataclasses, tuples and mappings to JSON data."""
    if obj is None or isinstance(obj, (str, bool, int, float)):
        return obj
    if isinstance(obj, Finding):
        return obj.to_dict()
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: to_plain(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, Mapping):
        return {str(k): to_plain(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [to_plain(v) for v in obj]
    raise TypeError(f"cannot serialise {type(obj).__name__}")


def report_to_dict(report: Report) -> dict[str, Any]:
    """The JSON report of SPEC 5.1 as a dict."""
    data = to_plain(report)
    assert isinstance(data, dict)
    return data
