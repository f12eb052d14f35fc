"""The result lines of the JSON report written straight from a run's result table.

:mod:`policycheck.reporters.json_text` encodes a result by building it (45
fields, a reason sentence), turning it into a dict and running the C encoder
over it: about 40 µs a result, as long again as the check itself at national
scale.  Here the results of one target are written as a block
(docs/performance.md#json-from-the-columns): everything the same for all of
them — the target's fields, every column of the block that holds one object —
is encoded once into a template of the line, and each result fills in only
what varies, column by column, by C-level ``map``, ``zip`` and ``str.join``.

Every value is encoded as the C encoder encodes it inside a result (floats by
``float.__repr__``, text by ``encode_basestring``, a non-finite number as
null, as :func:`policycheck.reporters.json_text._finite_or_null` writes it);
a column this module does not know how to split goes value by value through
that same encoder, so the lines are the ones :func:`report_json_pieces` writes
from built Results, byte for byte (tests/reporters/test_json_columns.py).
"""
from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from functools import cache
from itertools import chain, repeat
from json.encoder import encode_basestring
from operator import attrgetter, is_
from typing import Any

from policycheck.evaluation.outcomecolumns import FIELDS, Reasons, _Same
from policycheck.evaluation.reasons import Reason
from policycheck.evaluation.resulttable import ResultTable, TargetFields, unit_responsible
from policycheck.findings import Finding
from policycheck.model import Result
from policycheck.observations import Series
from policycheck.reporters.json_reasons import column_reasons, reason_columns
from policycheck.reporters.json_values import float_texts, wire

#: A part of a line: a ``%`` template (its literal ``%`` doubled) and one column of values for each ``%s``.
Piece = tuple[str, list[Sequence[Any]]]
#: What a ``%`` of a template is: a literal ``%`` (doubled) or a slot
_TOKEN = re.compile("%%|%s")
Encode = Callable[[Any], str]


@dataclasses.dataclass(frozen=True, slots=True)
class Style:
    """How json_text writes one value (``encode``) and which dataclass fields it leaves out when None or false."""

    encode: Encode
    only_when_set: frozenset[str]
    #: the texts of the float columns of the block being written, by their bytes: a gap and a margin,
    #: an actual and its last observed value, are one column written twice, and float.__repr__ of
    #: a computed number (about 1 µs) is most of the cost of a line
    floats: dict[bytes, list[str]] = dataclasses.field(default_factory=dict)
    #: the text of each short float met so far in the report (policycheck.reporters.json_values): the observed
    #: values, an actual and a baseline are the input's values, which repeat across the whole file
    reprs: dict[float, str] = dataclasses.field(default_factory=dict)
    #: whether the result lines are made as wire text (:func:`policycheck.reporters.json_values.wire`)
    wire: bool = False


#: Results written as one piece of text: a few MB, whatever the size of a target.
_SLICE = 2048
_RESULT_FIELDS: tuple[str, ...] = tuple(f.name for f in dataclasses.fields(Result))
_TARGET_FIELDS = frozenset(f.name for f in dataclasses.fields(TargetFields)) - {"requirement", "responsible"}
_OUTCOME_INDEX = {name: k for k, name in enumerate(FIELDS)}
#: Result fields neither a target nor an outcome holds (--notes, --compare): their defaults
_DEFAULTS = {f.name: f.default for f in dataclasses.fields(Result) if f.default is not dataclasses.MISSING}
#: the texts of True, False and None, looked up only in columns of exactly those (1 == True)
_BOOLS = {True: "true", False: "false", None: "null"}


class Same(list[Any]):
    """A column known to hold one object throughout (a block's shared column, a target's field)."""

    __slots__ = ()


def result_lines(table: ResultTable, style: Style) -> Iterator[str] | None:
    """The ``results`` lines of :func:`policycheck.reporters.json_text.report_json_pieces` (indented, a comma after
    each but the last) in pieces of many lines; None when the table's Results are already built."""
    runs = table.target_blocks()
    if runs is None:
        return None
    return _lines(runs, len(table), style)


def _lines(runs: Iterator[Any], total: int, style: Style) -> Iterator[str]:
    written = 0
    for block, bases, units, years, failing in runs:
        for a in range(0, block.size, _SLICE):
            b = min(a + _SLICE, block.size)
            columns = [_slice(column, a, b) for column in block.columns]
            line = _line(columns, bases[a:b], units[a:b], years[a:b], failing[a:b], style)
            written += b - a
            text = _lines_text(line, b - a, style.wire)
            yield text if written < total else text[:-2] + "\n"  # no comma after the last result


def _slice(column: Any, a: int, b: int) -> Sequence[Any]:
    """Values a..b of a block's column: a typed array or tuple sliced, a shared object repeated."""
    if isinstance(column, _Same):
        return Same([column.value] * (b - a))
    if type(column) is Reasons and column.arguments is not None:
        return _ReasonRows(column, a, b)  # their arguments read a column at a time, no reason made
    values: Sequence[Any] = column[a:b]  # a Derived column makes them here (docs/performance.md#the-batch-path)
    return values


class _ReasonRows(Sequence[Reason]):
    """Reasons a..b of a batch block's reason column, read by :func:`_reason_pieces` column by column."""

    __slots__ = ("column", "a", "b")

    def __init__(self, column: Reasons, a: int, b: int) -> None:
        self.column, self.a, self.b = column, a, b

    def __len__(self) -> int:
        return self.b - self.a

    def __getitem__(self, index: Any) -> Any:
        return self.column[self.a:self.b][index]


def record_text(item: Any, style: Style) -> str:
    """One item of a report list (a unit and its shortfalls) as json writes it, a tuple of records in it
    written field by field (:func:`piece`) instead of one dict per record."""
    names = _plain_record(type(item), style)
    if names is None:
        return style.encode(item)
    style.floats.clear()
    parts = []
    for name in names:
        value = getattr(item, name)
        if type(value) is tuple and len(value) > 1:
            text = "[" + ", ".join(texts_of(piece(value, style), len(value))) + "]"
        else:
            text = style.encode(value)
        parts.append(encode_basestring(name) + ": " + text)
    return "{" + ", ".join(parts) + "}"


def _plain_record(kind: type, style: Style) -> tuple[str, ...] | None:
    """The fields of ``kind`` when json writes it as the dict of all of them (a dataclass with none left
    out when unset); None when it does not."""
    return _record_fields(kind, style.only_when_set)


@cache  # asked for each unit and its shortfalls (2,845 units at national scale)
def _record_fields(kind: type, only_when_set: frozenset[str]) -> tuple[str, ...] | None:
    if not dataclasses.is_dataclass(kind) or issubclass(kind, (Finding, Sequence, Mapping)):
        return None
    names = tuple(f.name for f in dataclasses.fields(kind))
    return names if names and not only_when_set.intersection(names) else None


def _lines_text(line: Piece, count: int, as_wire: bool) -> str:
    """``count`` lines of the report's ``results``, each indented and followed by a comma; as wire text
    when ``as_wire`` (each literal part once, a column only when some text in it is not ASCII).

    One ``str.join`` over the literal parts of the line and its columns, interleaved by
    ``zip``: no string per line, no ``%`` parsing per line (which cost more than the join)."""
    template, cols = line
    parts = _literals("    " + template + ",\n")
    if as_wire:
        parts = list(map(wire, parts))
        cols = [col if "".join(col).isascii() else list(map(wire, col)) for col in cols]
    if not cols:
        return parts[0] * count
    streams: list[Iterable[str]] = [repeat(parts[0])]
    for col, literal in zip(cols, parts[1:], strict=True):
        streams += (col, repeat(literal))
    return "".join(chain.from_iterable(zip(*streams)))  # noqa: B905  (the repeats are endless)


def _literals(template: str) -> list[str]:
    """The literal text between the slots of a ``%`` template, a doubled ``%`` made one."""
    parts: list[str] = []
    current: list[str] = []
    position = 0
    for match in _TOKEN.finditer(template):
        current.append(template[position:match.start()])
        if match.group() == "%%":
            current.append("%")
        else:
            parts.append("".join(current))
            current = []
        position = match.end()
    current.append(template[position:])
    parts.append("".join(current))
    return parts


def _line(columns: list[Sequence[Any]], bases: Sequence[TargetFields], units: Sequence[str | None],
          years: Sequence[int], failing: bytearray, style: Style) -> Piece:
    """The JSON text of the results of one run of a target's results: a template and its columns."""
    n = len(units)
    base = bases[0]
    same_base = all(map(is_, bases, repeat(base)))
    encode = style.encode
    style.floats.clear()
    reason = _reason_pieces(columns[_OUTCOME_INDEX["reason"]], style)
    parts: list[str] = []
    cols: list[Sequence[Any]] = []
    unit_texts: Sequence[str] | None = None
    for name in _RESULT_FIELDS:
        key = ", " + encode(name) + ": "
        if name in reason:
            text, more = reason[name]
            parts.append(_literal(key) + text)
            cols += more
            continue
        if name == "responsible" and same_base and unit_texts is not None:
            # (lead, unit) for each unit: the unit's text, already made, after the lead's
            lead = "" if base.lead is None else _literal(encode(base.lead)) + ", "
            if base.lead not in units:
                parts.append(_literal(key) + "[" + lead + "%s]")
                cols.append(unit_texts)
                continue
        values = _field_values(name, columns, bases, base, same_base, units, years, failing)
        if name not in style.only_when_set:
            unset = 0
        elif type(values) is Same:
            unset = n if values[0] is None or values[0] is False else 0
        else:
            unset = sum(map(is_, values, repeat(None))) + sum(map(is_, values, repeat(False)))
        if unset:
            if unset == n:
                continue  # left out of every line
            parts.append("%s")  # present in some lines only
            texts = _texts(values, encode)
            cols.append(["" if v is None or v is False else key + t for v, t in zip(values, texts, strict=True)])
            continue
        text, more = piece(values, style)
        parts.append(_literal(key) + text)
        cols += more
        if name == "unit" and text == "%s" and set(map(type, units)) == {str}:
            unit_texts = more[0]
    return "{" + "".join(parts)[2:] + "}", cols  # "plan", first, is always there: no comma before it


def _field_values(name: str, columns: list[Sequence[Any]], bases: Sequence[TargetFields], base: TargetFields,
                  same_base: bool, units: Sequence[str | None], years: Sequence[int],
                  failing: bytearray) -> Sequence[Any]:
    """The values of Result field ``name`` for each result, as :func:`build_result` sets them."""
    n = len(units)
    if name in _TARGET_FIELDS:
        return Same([getattr(base, name)] * n) if same_base else list(map(attrgetter(name), bases))
    if name == "unit":
        return units
    if name == "year":
        return years
    if name == "failing":
        return list(map(bool, failing))
    if name == "responsible":
        if all(map(is_, units, repeat(None))) and same_base:
            return Same([base.responsible] * n)
        return [b.responsible if u is None else unit_responsible(b.lead, u) for b, u in zip(bases, units, strict=True)]
    if name == "requirement":
        own = columns[_OUTCOME_INDEX["requirement"]]
        if all(map(is_, own, repeat(None))) and same_base:
            return Same([base.requirement] * n)
        return [b.requirement if r is None else r for b, r in zip(bases, own, strict=True)]
    k = _OUTCOME_INDEX.get(name)
    return Same([_DEFAULTS[name]] * n) if k is None else columns[k]


def _literal(text: str) -> str:
    return text.replace("%", "%%")


def piece(values: Sequence[Any], style: Style) -> Piece:
    """How ``values`` (one per result) are written: one literal when all are the very same object,
    a column per number or text, tuples, dicts and records split into columns of their parts."""
    encode = style.encode
    first = values[0]
    if type(values) is Same or all(map(is_, values, repeat(first))):
        return _literal(encode(first)), []
    kinds = set(map(type, values))
    kind = next(iter(kinds)) if len(kinds) == 1 else None
    if kind is float:
        return "%s", [float_texts(values, style.encode, style.floats, style.reprs)]
    if kind is int:
        return "%s", [list(map(int.__repr__, values))]
    if kind is str:
        return "%s", [list(map(encode_basestring, values))]
    if kind is bool or kinds == {bool, type(None)}:  # whether a projection meets the target, or None
        return "%s", [list(map(_BOOLS.__getitem__, values))]
    if kind is tuple or kind is list:
        if len(set(map(len, values))) == 1:
            return _joined("[", [piece(part, style) for part in zip(*values, strict=True)], "]")
    elif kind is dict:
        keys = tuple(first)
        if all(map(keys.__eq__, map(tuple, values))):
            if all(type(key) is str for key in keys):
                parts = zip(*map(dict.values, values), strict=True)
                return _keyed(keys, [piece(part, style) for part in parts])
        else:  # the arguments of two reason codes: each set of keys split on its own
            return "%s", [_grouped(values, list(map(tuple, values)), style)]
    elif kind is not None:
        split = _record(kind, values, style) or _observed(kind, values, style)
        if split is not None:
            return split
    return "%s", [_texts(values, encode)]


def _texts(values: Sequence[Any], encode: Encode) -> list[str]:
    return list(map(encode, values))


def texts_of(made: Piece, count: int) -> list[str]:
    """The ``count`` texts a piece stands for."""
    text, cols = made
    if not cols:
        return [text % ()] * count
    return list(map(text.__mod__, zip(*cols, strict=True)))


def _grouped(values: Sequence[Any], keys: Sequence[Any], style: Style) -> list[str]:
    """The texts of ``values``, those of one key split into columns together."""
    groups: dict[Any, list[int]] = {}
    for i, key in enumerate(keys):
        groups.setdefault(key, []).append(i)
    if len(groups) == 1:
        return _texts(values, style.encode)
    texts: list[str] = [""] * len(values)
    for rows in groups.values():
        part = [values[i] for i in rows]
        for i, text in zip(rows, texts_of(piece(part, style), len(rows)), strict=True):
            texts[i] = text
    return texts


def _joined(start: str, pieces: list[Piece], end: str) -> Piece:
    cols: list[Sequence[Any]] = []
    for _, more in pieces:
        cols += more
    return start + ", ".join(text for text, _ in pieces) + end, cols


def _keyed(keys: Sequence[str], pieces: list[Piece]) -> Piece:
    labelled = [(_literal(encode_basestring(key)) + ": " + text, more)
                for key, (text, more) in zip(keys, pieces, strict=True)]
    return _joined("{", labelled, "}")


def _record(kind: type, values: Sequence[Any], style: Style) -> Piece | None:
    """A dataclass the JSON report writes as a dict of all its fields (a baseline, a history entry), by field."""
    names = _plain_record(kind, style)
    if names is None:
        return None
    return _keyed(names, [piece(list(map(attrgetter(name), values)), style) for name in names])


def _observed(kind: type, values: Sequence[Any], style: Style) -> Piece | None:
    """Observed pairs shared with their series: when every series is plain (final numbers in the same
    consecutive years, :meth:`policycheck.observations.Series.plain`), one column of values per year."""
    if not issubclass(kind, Sequence) or not isinstance(getattr(values[0], "series", None), Series):
        return None
    series = [value.series for value in values]
    kind = type(series[0])
    # a store answers for the series of one target at once (Series.plain_each)
    runs = kind.plain_each(series) if set(map(type, series)) == {kind} else [s.plain() for s in series]
    if None in runs:
        return None
    first, count = runs[0][0], len(runs[0][1])
    if any(run[0] != first or len(run[1]) != count for run in runs):
        return None
    per_year = [piece(part, style) for part in zip(*[run[1] for run in runs], strict=True)]
    return _joined("[", [(f"[{first + k}, {text}]", more) for k, (text, more) in enumerate(per_year)], "]")


def _reason_pieces(reasons: Sequence[Reason], style: Style) -> dict[str, Piece]:
    """The ``reason``, ``reason_code`` and ``reason_args`` of each result, as :meth:`Reason.result_fields`
    gives them."""
    if type(reasons) is _ReasonRows:
        column, a, b = reasons.column, reasons.a, reasons.b
        sentences, arguments = column_reasons(column, a, b, style.encode)
        return {"reason": ("%s", [sentences]), "reason_code": piece(column.codes[a:b], style),
                "reason_args": ("%s", [arguments])}
    first = reasons[0]
    if all(map(is_, reasons, repeat(first))):
        one = first.result_fields()
        return {name: (_literal(style.encode(one[name])), []) for name in ("reason", "reason_code", "reason_args")}
    if set(map(type, reasons)) != {Reason}:  # a reason of its own making: its fields as it gives them
        fields = [r.result_fields() for r in reasons]
        return {name: piece([f[name] for f in fields], style)
                for name in ("reason", "reason_code", "reason_args")}
    sentences, arguments = reason_columns(reasons, style.encode)
    return {"reason": ("%s", [sentences]), "reason_code": piece([r.code for r in reasons], style),
            "reason_args": ("%s", [arguments])}
