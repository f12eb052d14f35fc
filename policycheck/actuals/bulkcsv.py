"""The bulk reader of long-form CSV files, standard library only (docs/performance.md#reading).

The rows come as columns, a chunk at a time, split in C
(:mod:`policycheck.actuals.csvsplit`); what the row reader of
:mod:`policycheck.actuals.rowreader` does row by row in Python is done here
chunk by chunk with C-level builtins (``map``, ``min``, slices, dicts), and
only once per distinct cell text in Python: each year text, status text
and plan/target/unit combination is read by the same code the row reader uses
(:func:`policycheck.actuals.cells.parse_year`, ``parse_status``,
:meth:`policycheck.actuals.resolve.Resolver.find`).  The rows become one
:class:`policycheck.actuals.dense.DenseBlock`.

The bulk path takes a file only when every row is of the plain kind, one the
row reader stores without a finding and without its general path:

* the header on line 1, long form with a year column (no period column, no
  wide years), no finding about the header;
* every row as wide as the header and on one line (no blank line, no cell
  that spans lines);
* every year cell a year, every status cell a status;
* every value cell plain ASCII decimal (``12``, ``-3.5``, ``1e3``: digits, sign,
  point and exponent only) within :data:`policycheck.numtext.MAX_MAGNITUDE`;
* every plan/target/unit combination resolved without a finding to a target
  read as a plain number in its own measure, whose series no earlier file began;
* no two rows for the same series and year.

Anything else (one odd row is enough) hands the whole file to the row reader,
with nothing stored, so the findings, the observations and every report are
the row reader's: ``tests/actuals/test_bulk_reader.py`` compares both.
"""
from __future__ import annotations

import csv
from array import array
from collections.abc import Iterable, Sequence
from functools import partial
from itertools import count, repeat
from typing import TYPE_CHECKING

from policycheck.actuals.cells import CellError, parse_status, parse_year
from policycheck.actuals.csvsplit import Columns, Unsplit, chunks
from policycheck.actuals.csvsplit import header as first_line
from policycheck.actuals.dense import ABSENT, DenseBlock, DenseSeries, StoredSeries
from policycheck.actuals.header import Layout, read_header, recognised_columns
from policycheck.actuals.resolve import PARSE_NUMBER, Problem, Resolver
from policycheck.actuals.slotorder import Order
from policycheck.actuals.store import STATUS_CODES
from policycheck.numtext import MAX_MAGNITUDE

if TYPE_CHECKING:
    from policycheck.model import Plan
    from policycheck.observations import SeriesKey

#: At most this many slots per row (and a little more for small files): a file whose series
#: have few of their years is read by the row reader, not spread over a mostly empty block.
SPARSE = 4
#: The characters of a plain number.  float() of a cell made of these alone reads exactly the
#: numbers the row reader's float() takes (no inf, nan, 1_500, spaces or full-width digits).
_NUMBER_CHARS = b"0123456789+-.eE\n"
#: At most this many distinct value cells are kept with their float() (about 6 MiB).
NUMBER_TEXTS = 65_536
_FIRST_LINE = 2  # the line of the first row: the header is line 1
_DIGITS = 300  # MAX_MAGNITUDE is 1e300


class Fallback(Exception):
    """A row the bulk path cannot classify exactly: the row reader takes the whole file."""


def read_bulk(path: str, data: bytes, encoding: str, views: dict[SeriesKey, StoredSeries], *,
              plans: Sequence[Plan], allow_unknown: bool) -> bool:
    """Store the rows of the CSV file ``path`` (``data`` decoded as ``encoding``) in bulk;
    False, with nothing stored, when any row is not of the plain kind (module docstring)."""
    if not plans:
        return False  # without plans every value takes the general parser (numbers or yes/no)
    try:
        # The arrays are made as long as the file has lines, once: growing them would copy them.
        found = _Bulk(path, plans, views, allow_unknown, data.count(b"\n")).read(data, encoding)
    except (Fallback, Unsplit, CellError, UnicodeError, csv.Error):
        return False
    views.update(found)
    return True


class _Bulk:
    """One file read chunk by chunk into per-row arrays, then into a :class:`DenseBlock`."""

    def __init__(self, path: str, plans: Sequence[Plan], views: dict[SeriesKey, StoredSeries],
                 allow_unknown: bool, lines: int) -> None:
        self.path = path
        self.views = views
        # The resolver files nothing: Resolver.find only names the series.
        self.resolver = Resolver(plans, {}, None, allow_unknown=allow_unknown)  # type: ignore[arg-type]
        #: plan/target/measure cells -> unit cell -> series index
        self.units_of: dict[tuple[str, ...], dict[str, int]] = {}
        self.target_columns: list[int] = []  # the plan, target and measure columns there are
        self.target_slots = (-1, -1, -1)  # where plan, target and measure sit in those; -1: absent
        self.unit_column = -1
        self.keys: list[SeriesKey] = []  # by series index: in order of first appearance
        #: (plan id, target id) -> unit id -> series index
        self.series_of: dict[tuple[str, str], dict[str | None, int]] = {}
        self.year_of: dict[str, int] = {}
        self.status_of: dict[str, int] = {"": 0}
        self.number_of: dict[str, float] = {}  # value cell -> its float(), at most NUMBER_TEXTS
        # While the rows come in slot order, ``order`` checks each chunk and no series or year is kept
        # per row; after the first row out of order, ``series`` and ``years`` keep both for every row
        # (lists of the ints the look-up dicts hold: a pointer a row), made slots at the end.
        self.order: Order | None = Order()
        self.series: list[int] = []
        self.years: list[int] = []
        self.count = 0  # rows read
        self.values = array("d", [0.0]) * lines
        self.codes = bytearray(lines)
        self.extras: dict[int, tuple[str | None, str | None]] = {}  # by row
        self.layout = Layout()

    def read(self, data: bytes, encoding: str) -> dict[SeriesKey, DenseSeries]:
        header = first_line(data, encoding)
        if not recognised_columns(header):
            raise Fallback
        self.layout = lay = read_header(header, self.path, 1)
        if (lay.findings or lay.wide or lay.col("period") >= 0 or min(lay.col("target"), lay.col("year"),
                                                                      lay.col("value")) < 0):
            raise Fallback
        self.unit_column = lay.col("unit")
        self.target_columns = [i for i in (lay.col("plan"), lay.col("target"), lay.col("measure")) if i >= 0]
        present = [lay.col(name) >= 0 for name in ("plan", "target", "measure")]
        self.target_slots = tuple(sum(present[:k]) if present[k] else -1 for k in range(3))  # type: ignore[assignment]
        for cols in chunks(data, encoding, lay.width):
            self._chunk(cols)
        if not self.count:
            raise Fallback  # a header alone: nothing to gain
        del self.values[self.count:], self.codes[self.count:]
        return self._block()

    def _chunk(self, cols: Columns) -> None:
        """One chunk's columns: values, years, statuses and series, each column in one go."""
        lay = self.layout
        cells = cols[lay.col("value")]
        try:
            values = self._numbers(cells)
        except ValueError:
            raise Fallback from None  # "", "1-2", "e": the row reader's parser says what is wrong
        status = lay.col("status")
        codes = _codes(cols[status], self.status_of) if status >= 0 else bytes(len(cells))
        if not self._in_order(cols):
            years = _each(cols[lay.col("year")], self.year_of, parse_year)
            series = self._series(cols)
            if self.order is None or not self.order.take(series, years):
                if self.order is not None:  # the first rows out of slot order: keep each row's from now on
                    self.series, self.years = self.order.taken()
                    self.order = None
                self.series += series
                self.years += years
            elif self.order is not None:
                self.order.learn(cols[lay.col("year")])
        self._extras(cols, self.count)
        first = self.count
        self.count += len(cells)
        self.values[first:self.count] = values
        self.codes[first:self.count] = codes

    def _numbers(self, cells: Sequence[str]) -> array[float]:
        """float() of each value cell, a cell text met before not parsed again (the 1.1 M values of
        a national file are 7,243 texts); Fallback for a cell not plain (_plain) or a number beyond
        MAX_MAGNITUDE (or inf): PC402 from the row reader.  Only plain texts within the bound are
        kept, so a chunk of texts met before needs no other look.  A file of mostly distinct
        numbers has each cell looked at and parsed."""
        known = self.number_of
        try:
            return array("d", map(known.__getitem__, cells))
        except KeyError:
            pass
        fresh = set(cells).difference(known)
        if len(known) + len(fresh) <= NUMBER_TEXTS:
            _plain(fresh)
            parsed = dict(zip(fresh, map(float, fresh), strict=True))
            if min(parsed.values()) < -MAX_MAGNITUDE or max(parsed.values()) > MAX_MAGNITUDE:
                raise Fallback
            known.update(parsed)  # each text kept is within the bound
            return array("d", map(known.__getitem__, cells))
        text = _plain(cells)
        values = array("d", map(float, cells))
        # Without an exponent a number beyond the bound takes over 300 digits, so most chunks
        # need no look at each value.
        if (("e" in text or "E" in text or max(map(len, cells)) > _DIGITS)
                and (min(values) < -MAX_MAGNITUDE or max(values) > MAX_MAGNITUDE)):
            raise Fallback
        return values

    def _in_order(self, cols: Columns) -> bool:
        """Whether a chunk of one plan/target/measure continues the slot order, told from its year
        and unit cells without looking each up (Order.take_cells); then it is taken."""
        order = self.order
        if order is None or not order.year_cells or self.unit_column < 0:
            return False
        target_part = [cols[i] for i in self.target_columns]
        if not all(column.count(column[0]) == len(column) for column in target_part):
            return False
        part = tuple(column[0] for column in target_part)
        return order.take_cells(cols[self.layout.col("year")], cols[self.unit_column], partial(self._of_target, part))

    def _series(self, cols: Columns) -> list[int]:
        """The series index of each row of a chunk."""
        target_part = [cols[i] for i in self.target_columns]
        units = cols[self.unit_column] if self.unit_column >= 0 else ("",) * len(cols[0])
        if all(column.count(column[0]) == len(column) for column in target_part):
            # One target in the whole chunk (a file sorted by target): the unit cell says the series.
            return self._of_target(tuple(column[0] for column in target_part), units)
        # Runs of rows of one target each, in file order (so series are numbered as they first appear).
        parts = list(zip(*target_part, strict=True))
        series: list[int] = []
        start = 0
        for end in range(1, len(parts) + 1):
            if end == len(parts) or parts[end] != parts[start]:
                series += self._of_target(parts[start], units[start:end])
                start = end
        return series

    def _of_target(self, part: tuple[str, ...], units: Sequence[str]) -> list[int]:
        """The series index of rows whose plan/target/measure cells are ``part``."""
        known = self.units_of.get(part)
        if known is not None:
            try:
                return list(map(known.__getitem__, units))
            except KeyError:
                pass
        self._resolve(part, [cell for cell in dict.fromkeys(units) if known is None or cell not in known])
        return list(map(self.units_of[part].__getitem__, units))

    def _resolve(self, part: tuple[str, ...], units: list[str]) -> None:
        """The series of unit cells not seen before with the plan/target/measure cells ``part``."""
        lay = self.layout
        plan_cell, target_cell, measure_cell = (part[self.target_slots[k]] if self.target_slots[k] >= 0 else ""
                                                for k in range(3))
        columns = (lay.col("plan"), lay.col("target"), lay.col("unit"), lay.col("measure"))
        cols = (columns[0] + 1, columns[1] + 1, columns[2] + 1, columns[3] + 1)
        resolver = self.resolver
        resolved = resolver.target(plan_cell, target_cell, measure_cell, 0, cols)
        if isinstance(resolved, Problem) or resolved.parse != PARSE_NUMBER or resolved.scale:
            raise Fallback  # unknown target; yes/no, grades or another magnitude: the row reader reads it
        uids: list[str | None] | None = resolver.unit_ids(resolved, units)  # type: ignore[assignment]
        if uids is None:  # a blank, unknown or out-of-scope unit cell: each looked at alone
            uids = []
            for cell in units:
                found = resolver.find(plan_cell, target_cell, cell, measure_cell, 0, cols)
                if isinstance(found, Problem):
                    raise Fallback
                uids.append(found[0][2])
        if resolver.problems:
            raise Fallback  # a warning to give
        plan_id, target_id = resolved.plan.id, resolved.target_id
        if self.views and not self.views.keys().isdisjoint(zip(repeat(plan_id), repeat(target_id), uids)):
            raise Fallback  # a series an earlier file began: its duplicates are settled row by row
        # Series are numbered by unit id within each plan and target: two cells (a unit's id and its
        # name, or two spellings of a target) that name one series share its number.
        known, first = self.series_of.setdefault((plan_id, target_id), {}), len(self.keys)
        fresh = dict(zip(uids, count(first)))
        indexes: Iterable[int]
        if len(fresh) == len(uids) and known.keys().isdisjoint(fresh.keys()):
            known.update(fresh)
            self.keys += zip(repeat(plan_id), repeat(target_id), uids)
            indexes = range(first, first + len(uids))
        else:
            indexes = []
            for uid in uids:
                if uid not in known:
                    known[uid] = len(self.keys)
                    self.keys.append((plan_id, target_id, uid))
                indexes.append(known[uid])
        self.units_of.setdefault(part, {}).update(zip(units, indexes, strict=True))

    def _extras(self, cols: Columns, base: int) -> None:
        """source and note cells, stripped (empty is None), by row, for the rows that have either."""
        lay = self.layout
        given = [(i, cols[i]) for i in (lay.col("source"), lay.col("note")) if i >= 0]
        if not any("".join(cells).strip() for _i, cells in given):
            return  # the usual case: every such cell blank
        blank = ("",) * len(cols[0])
        source = cols[lay.col("source")] if lay.col("source") >= 0 else blank
        note = cols[lay.col("note")] if lay.col("note") >= 0 else blank
        for row, (source_cell, note_cell) in enumerate(zip(source, note, strict=True)):
            found = (source_cell.strip() or None, note_cell.strip() or None)
            if found != (None, None):
                self.extras[base + row] = found

    def _block(self) -> dict[SeriesKey, DenseSeries]:
        """The per-row arrays as one block of series x years slots; each series a view into it."""
        count, series_count, order = self.count, len(self.keys), self.order
        if order is not None and order.span * series_count == count:
            # Rows in slot order, every slot filled once (a national file sorted by series and year).
            first_year, span = order.first_year, order.span
        else:
            if order is not None:  # the last series has fewer years than the others
                self.series, self.years = order.taken()
                order = None
            first_year = min(self.year_of.values())
            span = max(self.year_of.values()) - first_year + 1
        size = series_count * span
        if size > SPARSE * count + 1024:
            raise Fallback
        if order is not None and size == count:
            block = DenseBlock(self.path, self.layout.col("value") + 1, first_year, span, self.values, self.codes,
                               None, _FIRST_LINE, self.extras)
        else:
            block = self._scattered(first_year, span, size)
        # The keys are numbered 0, 1, 2... in order: series i starts at slot i * span.
        return dict(zip(self.keys, block.series_views(self.keys), strict=True))

    def _scattered(self, first_year: int, span: int, size: int) -> DenseBlock:
        """Rows in any order: each into its slot; a slot filled twice is a duplicate (the row reader settles it)."""
        values, codes, lines = array("d", bytes(8 * size)), bytearray([ABSENT]) * size, array("i", bytes(4 * size))
        row_values, row_codes = self.values, self.codes
        slots = array("i")
        for row, (index, year) in enumerate(zip(self.series, self.years, strict=True)):
            slot = index * span + year - first_year
            if codes[slot] != ABSENT:
                raise Fallback
            codes[slot] = row_codes[row]
            values[slot] = row_values[row]
            lines[slot] = _FIRST_LINE + row
            slots.append(slot)
        extras = {slots[row]: found for row, found in self.extras.items()}
        return DenseBlock(self.path, self.layout.col("value") + 1, first_year, span, values, codes, lines,
                          _FIRST_LINE, extras)


def _plain(cells: Iterable[str]) -> str:
    """The cells joined; Fallback unless each holds nothing but ASCII digits, sign, point and exponent."""
    text = "\n".join(cells)
    if not text.isascii() or text.encode("ascii").translate(None, _NUMBER_CHARS):
        raise Fallback  # a missing marker, 约4.4, 1,500, a magnitude word, full-width digits...
    return text


def _status_code(cell: str) -> int:
    return STATUS_CODES[parse_status(cell)]


def _codes(cells: Sequence[str], known: dict[str, int]) -> bytes:
    """The status code of every cell: usually one status for a whole chunk."""
    if cells.count(cells[0]) == len(cells):
        return bytes(_each(cells[:1], known, _status_code)) * len(cells)
    return bytes(_each(cells, known, _status_code))


def _each(cells: Sequence[str], known: dict[str, int], parse: object) -> list[int]:
    """``known[cell]`` for every cell; a text not seen before is parsed once (CellError: fall back)."""
    try:
        return list(map(known.__getitem__, cells))
    except KeyError:
        for cell in set(cells).difference(known):
            known[cell] = parse(cell)  # type: ignore[operator]
        return list(map(known.__getitem__, cells))
