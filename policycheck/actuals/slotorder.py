"""Whether the rows of a file read in bulk come in slot order (docs/performance.md#the-bulk-path).

A national file lists each series' years in order, series after series: row
``r`` is series ``r // span``, year ``first_year + r % span``.  The bulk reader
(:mod:`policycheck.actuals.bulkcsv`) then keeps no series and year per row;
:class:`Order` checks each chunk against that pattern, from the series and
years of its rows or, cheaper, from the cells themselves.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence


class Order:
    """Whether the rows so far are in slot order: series 0, 1, 2... each with the same run of
    consecutive years.  Checked chunk by chunk against patterns, so such a file keeps no series
    and year per row."""

    def __init__(self) -> None:
        self.span = 0  # years per series; 0: not known before the first chunk
        self.first_year = 0
        self.rows = 0  # rows taken, all in slot order
        self.years: list[int] = []  # the years of a series, repeated over more than a chunk
        #: the year cells of the first series, as the file writes them; repeated like ``years``
        self.year_cells: list[str] = []
        self.year_texts: list[str] = []

    def take(self, series: list[int], years: list[int]) -> bool:
        """Whether the rows of a chunk continue the slot order (then they are taken)."""
        if not self.span:
            if series[0] != 0 or 1 not in series:
                return False  # a first series longer than a chunk: kept row by row
            self.span, self.first_year = series.index(1), years[0]
        span = self.span
        phase, base, count = self.rows % span, self.rows // span, len(series)
        if len(self.years) < phase + count:  # the pattern as long as the longest chunk and a series
            self.years = list(range(self.first_year, self.first_year + span)) * ((count + 2 * span) // span)
        if years != self.years[phase:phase + count]:
            return False
        # The first rows finish the series in progress; then each series takes ``span`` rows.
        first = (span - phase) % span
        heads = series[first::span]
        start = base + (phase > 0)
        if series[:first].count(base) != min(first, count) or heads != list(range(start, start + len(heads))):
            return False
        for offset in range(first + 1, first + span):
            rest = series[offset::span]
            if rest != heads[:len(rest)]:
                return False
        self.rows += count
        return True

    def learn(self, cells: Sequence[str]) -> None:
        """The year cells of a chunk just taken that began the file: the first ``span`` are the
        texts of the years first_year, first_year + 1, ... (:meth:`take` said so)."""
        if self.span and self.rows == len(cells) and not self.year_cells:
            self.year_cells = list(cells[:self.span])

    def take_cells(self, years: Sequence[str], units: Sequence[str], name: Callable[[list[str]], list[int]]) -> bool:
        """Whether the rows of a chunk of one plan/target/measure continue the slot order, told
        from their cells (then they are taken): each year cell must be the very text the first
        series gave for that year, and each row of a series the unit cell of its first row; only
        those first cells are named (``name``: unit cells -> series, numbering new ones as they
        come), and must be numbered one after another.  Any other chunk says False and takes
        nothing: :meth:`take` then decides from every row's series and year.  Equal cells name
        one series and year, so this says True only where :meth:`take` would; and ``name`` is
        given the distinct cells in the order the rows first show them, so a series is numbered
        as the general path numbers it."""
        span, count = self.span, len(years)
        if not self.year_cells or len(units) != count:
            return False
        phase, base = self.rows % span, self.rows // span
        if len(self.year_texts) < phase + count:
            self.year_texts = self.year_cells * ((count + 2 * span) // span)
        if list(years) != self.year_texts[phase:phase + count]:
            return False
        first = (span - phase) % span
        lead, heads = list(units[:first]), list(units[first::span])
        if lead.count(units[0]) != len(lead):
            return False  # the series in progress is of one unit cell
        for offset in range(first + 1, first + span):
            rest = list(units[offset::span])
            if rest != heads[:len(rest)]:
                return False
        numbers = name(lead[:1] + heads)
        start = base + (phase > 0)
        if numbers[:len(lead[:1])] != [base] * len(lead[:1]) or numbers[len(lead[:1]):] != list(
                range(start, start + len(heads))):
            return False
        self.rows += count
        return True

    def taken(self) -> tuple[list[int], list[int]]:
        """The series and year of each row taken so far, for the general path."""
        span, rows = self.span, self.rows
        if not rows:
            return [], []
        return [row // span for row in range(rows)], self.years[:span] * (rows // span) + self.years[:rows % span]
