"""The JSON report (docs/reports.md#json): model objects -> JSON text.

Field order follows the dataclasses, which follow docs/reports.md#json, so the same
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
import math
from collections.abc import Callable, Iterator, Mapping, Sequence
from functools import cache, partial
from json.encoder import c_make_encoder, encode_basestring  # type: ignore[attr-defined]  # not in typeshed
from operator import attrgetter
from typing import Any

from policycheck.findings import Finding
from policycheck.gcpause import gc_paused
from policycheck.model import Report

#: Result fields written (and CSV columns made) only when set: the marks of a result, what a
#: plan or a CSV cell says only now and then (docs/reports.md#json).
OPTIONAL_RESULT_FIELDS: tuple[str, ...] = (
    "direction", "attribute", "stated", "approximate", "change", "category", "target_category",
    "expected_category",
)
#: Report fields written one item per line.
_LIST_FIELDS = frozenset({"plans", "results", "units", "findings", "superseded"})
#: Fields written only when they hold a value (not None, not false): those of in-year
#: assessments, the marks of a result (OPTIONAL_RESULT_FIELDS: 属性, a stated verdict,
#: an approximate actual...; docs/reports.md#json) and a result's explanation (--notes)
#: and trend (--compare, --years), so that a report that uses none of them keeps its
#: form byte for byte.
ONLY_WHEN_SET = frozenset({"as_of", "actual_period", "basis", "elapsed", "schedule", "schedule_years",
                            "months", "period", "explanation", "trend", *OPTIONAL_RESULT_FIELDS})


@cache
def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(cls))


#: type -> how json_default turns it into JSON data, filled as types are met:
#: the encoder calls json_default once per result, path point, location...,
#: so the per-call cost is one dict look-up and no dataclass introspection.
_CONVERTERS: dict[type, Callable[[Any], Any]] = {}


def json_default(obj: Any) -> Any:
    """What the JSON encoder calls for objects it does not know: one level at a
    time, the encoder (in C) recurses into what this returns."""
    convert = _CONVERTERS.get(type(obj))
    if convert is None:
        convert = _CONVERTERS[type(obj)] = _converter(type(obj))
    return convert(obj)


def _converter(cls: type) -> Callable[[Any], Any]:
    if issubclass(cls, Finding):
        return Finding.to_dict
    if issubclass(cls, Sequence):  # observed pairs shared with the series they come from
        return tuple
    if dataclasses.is_dataclass(cls):
        names = _field_names(cls)
        getters = attrgetter(*names)
        optional = [name for name in names if name in ONLY_WHEN_SET]
        if optional:
            return lambda obj: _without_unset(dict(zip(names, getters(obj), strict=True)), optional)
        if len(names) == 1:
            return lambda obj: {names[0]: getters(obj)}
        return lambda obj: dict(zip(names, getters(obj), strict=True))
    if issubclass(cls, Mapping):
        return dict
    raise TypeError(f"cannot serialise {cls.__name__}")


def _without_unset(data: dict[str, Any], optional: list[str]) -> dict[str, Any]:
    for name in optional:
        if data[name] is None or data[name] is False:
            del data[name]
    return data


def encoder() -> Callable[[Any], str]:
    """One compact JSON text per call.

    ``JSONEncoder.encode`` builds a new C encoder on every call, a quarter of
    the cost of a result line; the C encoder is built once here and reused
    (same options, so the same text).  Without the C extension, the plain
    encoder does the same job more slowly.
    """
    encoder = json.JSONEncoder(ensure_ascii=False, check_circular=False, allow_nan=False,
                               separators=(", ", ": "), default=json_default)
    if c_make_encoder is None:
        return _finite_or_null(encoder.encode)
    chunks = c_make_encoder(None, json_default, encode_basestring, None, ": ", ", ",
                            False, False, False)

    def encode(value: Any) -> str:
        return "".join(chunks(value, 0))

    return _finite_or_null(encode)


def _finite_or_null(encode: Callable[[Any], str]) -> Callable[[Any], str]:
    """``encode``, writing null for a number that overflowed to infinity.

    JSON has no infinity.  Values of 1e300 can multiply past the largest float
    (a compound growth path from such a baseline); the report must still be
    written, and null is what the report has for "no such number".  Only the
    item that fails takes this slower path.
    """
    def finite(value: Any) -> str:
        try:
            return encode(value)
        except ValueError:
            plain = json.loads(json.dumps(value, default=json_default, allow_nan=True))
            return encode(_nulls_for_non_finite(plain))

    return finite


def _nulls_for_non_finite(value: Any) -> Any:
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, list):
        return [_nulls_for_non_finite(v) for v in value]
    if isinstance(value, dict):
        return {k: _nulls_for_non_finite(v) for k, v in value.items()}
    return value


def report_json(report: Report) -> str:
    """The JSON report as text, with a final newline (the pieces of :func:`report_json_pieces` joined)."""
    return "".join(report_json_pieces(report))


def report_json_pieces(report: Report) -> Iterator[str]:
    """The JSON report as pieces of text, produced a few MB at a time.

    A national report is 230 MB of text (460 MB in memory, as its Chinese names
    make it a two-byte string), which is never held whole.  The garbage collector
    is paused meanwhile: the lists and tuples made for each piece die young but
    would trigger collections that walk the run's millions of objects (a tenth of
    the national report's time).
    """
    with gc_paused():
        yield from _pieces(report, wire_text=False)


def report_json_bytes(report: Report) -> Iterator[bytes]:
    """The text of :func:`report_json_pieces` in UTF-8, as ``-o json`` writes it to the file as it comes.

    The pieces are made as *wire text*: each text's UTF-8 bytes as the code points of a
    one-byte string (:func:`policycheck.reporters.json_values.wire`), so that joining the
    parts of 2,048 lines copies bytes, not two-byte characters, and the piece's bytes are a
    copy of that string (Latin-1), not an encoding of every character
    (docs/performance.md#json-from-the-columns).
    """
    with gc_paused():
        for piece in _pieces(report, wire_text=True):
            yield piece.encode("latin-1")


def _same(text: str) -> str:
    return text


def _pieces(report: Report, *, wire_text: bool) -> Iterator[str]:
    from policycheck.evaluation.resulttable import ResultTable
    from policycheck.reporters.json_columns import Style, record_text, result_lines
    from policycheck.reporters.json_values import wire

    encode = encoder()
    style = Style(encode, ONLY_WHEN_SET, wire=wire_text)
    out = wire if wire_text else _same
    names = _field_names(Report)
    yield "{\n"
    for index, name in enumerate(names):
        comma = "," if index < len(names) - 1 else ""
        value = getattr(report, name)
        if name in _LIST_FIELDS and value:
            yield f"  {encode(name)}: [\n"
            if isinstance(value, ResultTable):
                # a run's results are written from its columns, no Result built
                # (docs/performance.md#json-from-the-columns)
                lines = result_lines(value, style)
                if lines is not None:
                    yield from lines
                    yield f"  ]{comma}\n"
                    continue
            last = len(value) - 1
            # the units' shortfalls (83,000 at national scale) are written field by field
            text = partial(record_text, style=style) if name == "units" else encode
            for position, item in enumerate(value):
                yield out(f"    {text(item)}{',' if position < last else ''}\n")
            yield f"  ]{comma}\n"
        else:
            yield out(f"  {encode(name)}: {encode(value)}{comma}\n")
    yield "}\n"


def report_to_dict(report: Report) -> dict[str, Any]:
    """The JSON report as plain data: exactly what :func:`report_json` writes."""
    data: dict[str, Any] = json.loads(report_json(report))
    return data


def report_to_plain(value: Any) -> Any:
    """Any part of a report (a result's explanation, its trend) as plain JSON data."""
    return json.loads(encoder()(value))
