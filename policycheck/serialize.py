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
import math
from json.encoder import c_make_encoder, encode_basestring  # type: ignore[attr-defined]
from functools import lru_cache
from operator import attrgetter
from typing import Any, Callable, Mapping

from policycheck.findings import Finding
from policycheck.model import Report, Result
from policycheck.actuals.store import ObservedPairs

#: Report fields written one item per line.
_LIST_FIELDS = frozenset({"plans", "results", "units", "findings", "superseded"})
#: Result fields only some runs fill (--notes, --compare, --years): written when set,
#: so a report of a plain run stays exactly what it was.
_OPTIONAL_RESULT_FIELDS = ("explanation", "trend")


@lru_cache(maxsize=None)
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
    if issubclass(cls, ObservedPairs):
        return lambda obj: obj.series.pairs()
    if issubclass(cls, Result):
        return _result_converter()
    if dataclasses.is_dataclass(cls):
        names = _field_names(cls)
        getters = attrgetter(*names)
        if len(names) == 1:
            return lambda obj: {names[0]: getters(obj)}
        return lambda obj: dict(zip(names, getters(obj)))
    if issubclass(cls, Mapping):
        return dict
    raise TypeError(f"cannot serialise {cls.__name__}")


def _result_converter() -> Callable[[Any], Any]:
    """A result as a dict, without its optional fields when they are None."""
    names = _field_names(Result)
    getters = attrgetter(*names)
    optional = _OPTIONAL_RESULT_FIELDS

    def convert(obj: Any) -> Any:
        data = dict(zip(names, getters(obj)))
        for name in optional:
            if data[name] is None:
                del data[name]
        return data

    return convert


def _encoder() -> Callable[[Any], str]:
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
    """The JSON report as text, with a final newline.

    The text is joined once from one flat list of pieces: a national report is
    230 MB of text (460 MB in memory, as its Chinese names make it a two-byte
    string), and every intermediate join or concatenation would copy all of it.
    """
    encode = _encoder()
    names = _field_names(Report)
    pieces = ["{\n"]
    for index, name in enumerate(names):
        comma = "," if index < len(names) - 1 else ""
        value = getattr(report, name)
        if name in _LIST_FIELDS and value:
            pieces.append(f"  {encode(name)}: [\n")
            for position, item in enumerate(value):
                pieces.append("    ")
                pieces.append(encode(item))
                pieces.append(",\n" if position < len(value) - 1 else "\n")
            pieces.append(f"  ]{comma}\n")
        else:
            pieces.append(f"  {encode(name)}: {encode(value)}{comma}\n")
    pieces.append("}\n")
    return "".join(pieces)


def report_to_dict(report: Report) -> dict[str, Any]:
    """The JSON report as plain data: exactly what :func:`report_json` writes."""
    data: dict[str, Any] = json.loads(report_json(report))
    return data


def report_to_plain(value: Any) -> Any:
    """Any part of a report (a result's explanation, its trend) as plain JSON data."""
    return json.loads(_encoder()(value))
