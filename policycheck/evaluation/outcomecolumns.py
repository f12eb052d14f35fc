"""The outcomes of a run, stored column by column per target (docs/performance.md).

An :class:`Outcome` has 47 fields, most of them the same for every unit of a
target (its method, its target value, None for what its kind does not compute):
2,844 national units of one target share one ``None`` or ``"linear"`` object,
and their floats differ.  So the outcomes of one target are kept as one
:class:`_Block`: a field every outcome holds the very same object in is kept once,
a field of floats only as a typed array (8 bytes a value, not a float object of 24
and a pointer of 8), any other as a tuple.  An outcome is rebuilt, equal to the
one stored, when a Result is built of it.  A block of the batch path
(docs/performance.md#the-batch-path) is given column by column, and some of its
columns are :class:`Derived`: a sequence whose values (a unit's baseline, path,
observed pairs, reason) are made when read.  Whoever reads ``columns`` reads a
:class:`_Same` by its ``value`` and any other column by index or in order.
"""
from __future__ import annotations

from array import array
from bisect import bisect_right
from collections.abc import Callable, Iterator, Sequence
from dataclasses import fields
from itertools import repeat
from operator import attrgetter, is_
from struct import pack
from typing import Any, overload

from policycheck.evaluation.outcome import Outcome

FIELDS: tuple[str, ...] = tuple(f.name for f in fields(Outcome))
_REASON = FIELDS.index("reason")
_VALUES = attrgetter(*FIELDS)


class _Same:
    """A column whose every value is one object."""

    __slots__ = ("value",)

    def __init__(self, value: Any) -> None:
        self.value = value


class Derived(Sequence[Any]):
    """A column whose values are made when read, from the block's other columns or the series
    (the batch path's baselines, paths and reasons: docs/performance.md#the-batch-path)."""

    __slots__ = ("size", "make")

    def __init__(self, size: int, make: Callable[[int], Any]) -> None:
        self.size, self.make = size, make

    def __len__(self) -> int:
        return self.size

    @overload
    def __getitem__(self, index: int) -> Any: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[Any, ...]: ...

    def __getitem__(self, index: int | slice) -> Any:
        if isinstance(index, slice):
            return tuple(map(self.make, range(self.size)[index]))
        if index < 0:
            index += self.size
        if not 0 <= index < self.size:
            raise IndexError("column index out of range")
        return self.make(index)

    def __iter__(self) -> Iterator[Any]:
        return map(self.make, range(self.size))


class Reasons(Derived):
    """The reasons of a block, made when read; their codes kept, for the summary line and the
    out-of-range check, which read nothing else of a reason.

    ``arguments(code, rows)``: the arguments of the reasons of ``rows`` (all of code ``code``),
    each a column of the texts ``make(j).args`` holds, in its order; None where they are not all
    made from columns.  The JSON report reads them so (docs/performance.md#json-from-the-columns)."""

    __slots__ = ("codes", "arguments")

    def __init__(self, size: int, codes: tuple[str, ...], make: Callable[[int], Any],
                 arguments: Callable[[str, Sequence[int]], dict[str, list[str]] | None] | None = None) -> None:
        super().__init__(size, make)
        self.codes = codes
        self.arguments = arguments


Column = _Same | array | tuple | Derived  # type: ignore[type-arg]  # values of any field type


def _column(values: Sequence[Any], floats: bool | None = None) -> Column:
    """The column of ``values``; ``floats``: whether every value is a float, when the caller knows it
    (the batch path's formulas: docs/performance.md#the-batch-path), so their types are not scanned."""
    first = values[0]
    # The same object throughout, by identity: 1, 1.0 and True, or 0.0 and -0.0, are equal but
    # must stay apart, and comparing a series view for equality would read it whole.
    if all(map(is_, values, repeat(first))):
        return _Same(first)
    if floats if floats is not None else set(map(type, values)) == {float}:
        return float_array(values)  # it gives back floats equal to these, bit for bit
    return tuple(values)  # the very tuple when given one


def float_array(values: Sequence[float]) -> array[float]:
    """``array("d", values)``, made of the values' bytes: array("d", values) parses each value as
    an argument, twice the time (docs/performance.md#the-batch-path)."""
    return array("d", pack(f"{len(values)}d", *values))


class _Block:
    """The outcomes of one target's units (or any run of outcomes), column by column."""

    __slots__ = ("columns", "size", "_template", "_varying")

    def __init__(self, outcomes: Sequence[Outcome]) -> None:
        self._set(tuple(_column(values) for values in zip(*map(_VALUES, outcomes), strict=True)), len(outcomes))

    @classmethod
    def of_columns(cls, columns: Sequence[Column], size: int) -> _Block:
        """A block of ``size`` outcomes given column by column, in the order of FIELDS."""
        if len(columns) != len(FIELDS) or any(not isinstance(c, _Same) and len(c) != size for c in columns):
            raise ValueError("a block needs one column of its size per outcome field")
        block = cls.__new__(cls)
        block._set(tuple(columns), size)
        return block

    def _set(self, columns: tuple[Column, ...], size: int) -> None:
        self.size = size
        self.columns = columns
        # An outcome is the shared values with the varying ones put in: a national level
        # target varies in about 15 of its fields.
        self._template: list[Any] = [c.value if isinstance(c, _Same) else None for c in self.columns]
        self._varying = tuple((k, c) for k, c in enumerate(self.columns) if not isinstance(c, _Same))

    def codes(self) -> Iterator[str]:
        """The reason code of each outcome, without making a reason where they are made when read."""
        column = self.columns[_REASON]
        if isinstance(column, Reasons):
            return iter(column.codes)
        return (reason.code for reason in self.values(_REASON))

    def value(self, field: int, j: int) -> Any:
        column = self.columns[field]
        return column.value if isinstance(column, _Same) else column[j]

    def outcome(self, j: int) -> Outcome:
        values = self._template.copy()
        for k, column in self._varying:
            values[k] = column[j]
        return Outcome(*values)

    def sequence(self, field: int) -> Sequence[Any]:
        """One field of every outcome as a sequence: the column itself, or the shared value repeated."""
        column = self.columns[field]
        return [column.value] * self.size if isinstance(column, _Same) else column

    def values(self, field: int) -> Iterator[Any]:
        column = self.columns[field]
        if isinstance(column, _Same):
            return iter([column.value] * self.size)
        return iter(column)


class OutcomeColumns:
    """Every outcome of a run in order: appended one by one, sealed into a block per target."""

    __slots__ = ("_blocks", "_starts", "_pending", "_count")

    def __init__(self) -> None:
        self._blocks: list[_Block] = []
        self._starts: list[int] = []
        self._pending: list[Outcome] = []
        self._count = 0

    def append(self, out: Outcome, *, new_block: bool) -> None:
        """Add an outcome; ``new_block``: it starts another target (the earlier ones are sealed)."""
        if new_block:
            self.seal()
        self._pending.append(out)
        self._count += 1

    def append_block(self, block: _Block) -> None:
        """Add a whole target's outcomes at once (the batch path: docs/performance.md#the-batch-path)."""
        self.seal()
        if block.size:
            self._starts.append(self._count)
            self._blocks.append(block)
            self._count += block.size

    def seal(self) -> None:
        if self._pending:
            self._starts.append(self._count - len(self._pending))
            self._blocks.append(_Block(self._pending))
            self._pending = []

    def __len__(self) -> int:
        return self._count

    def _find(self, i: int) -> tuple[_Block, int]:
        self.seal()
        if not 0 <= i < self._count:
            raise IndexError("outcome index out of range")
        k = bisect_right(self._starts, i) - 1
        return self._blocks[k], i - self._starts[k]

    def outcome(self, i: int) -> Outcome:
        block, j = self._find(i)
        return block.outcome(j)

    def value(self, i: int, field: int) -> Any:
        block, j = self._find(i)
        return block.value(field, j)

    def values(self, field: int) -> Iterator[Any]:
        """One field of every outcome, in order."""
        self.seal()
        for block in self._blocks:
            yield from block.values(field)

    def blocks(self) -> Iterator[tuple[int, _Block]]:
        """Each block with the index of its first outcome."""
        self.seal()
        return zip(self._starts, self._blocks, strict=True)

    def each(self) -> Iterator[Outcome]:
        """Every outcome, rebuilt, in order; the store unchanged."""
        self.seal()
        for block in self._blocks:
            for j in range(block.size):
                yield block.outcome(j)

    def drain(self) -> Iterator[Outcome]:
        """Every outcome, rebuilt, in order, emptying the store: each block let go once its outcomes
        are given."""
        self.seal()
        blocks, self._blocks, self._starts, self._count = self._blocks, [], [], 0
        blocks.reverse()
        while blocks:
            block = blocks.pop()
            for j in range(block.size):
                yield block.outcome(j)
