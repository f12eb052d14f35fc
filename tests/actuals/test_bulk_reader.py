"""The bulk reader (docs/performance.md#reading) gives exactly what the row reader gives.

Every example and generated national data are read with the bulk reader on
and off and compared: findings, every observation, Series.plain, and the JSON
report byte for byte.  A file the bulk reader does not take goes to the row
reader whole: each kind of row that sends it there is put in row 70,000 of a
generated file, and its finding must come at that row's FILE:LINE:COL.
"""
from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from policycheck.actuals import load
from policycheck.actuals.bulkcsv import read_bulk
from policycheck.actuals.dense import DenseSeries
from policycheck.actuals.load import read_actuals
from policycheck.actuals.store import SeriesView
from policycheck.errors import PolicycheckError
from policycheck.plans.build import load_plan
from policycheck.reporters import render
from policycheck.service import check
from tests.actuals.test_fast_reader import EXAMPLES
from tests.helpers.paths import EXAMPLES_DIR, PLANS_DIR, ROOT

sys.path.insert(0, str(ROOT / "bench"))
from generate import generate  # noqa: E402  (bench/generate.py: the national data, at a small scale)


@pytest.fixture
def readers(monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    """read(paths, plans, bulk) and report(paths, plans, bulk, **options), bulk reader on or off."""

    def read(paths: list[str], plan_files: list[str], bulk: bool,
             whole: bool = True) -> tuple[list[str], dict[Any, Any], dict[Any, Any]]:
        monkeypatch.setattr(load, "BULK", bulk)
        actuals = read_actuals(paths, plans=[load_plan(p) for p in plan_files], reader="exact")
        # whole: every Observation (file, line, column...); else the (year, value) pairs, for speed
        observations = {key: dict(series) if whole else series.observed() for key, series in actuals.series.items()}
        plain = {key: actuals.get(*key).plain() for key in actuals.series}
        readers.dense = any(isinstance(series, DenseSeries) for series in actuals.series.values())
        return [repr(f) for f in actuals.findings], observations, plain

    def report(paths: list[str], plan_files: list[str], bulk: bool, **options: Any) -> str:
        monkeypatch.setattr(load, "BULK", bulk)
        try:
            return render(check(plan_files, paths, reader="exact", **options), "json")
        except PolicycheckError as exc:  # an input with errors: the same findings
            return f"{type(exc).__name__}: {exc}"

    class Readers:
        dense = False  # whether the last read with the bulk reader on stored any series in bulk

        def same(self, paths: list[str], plan_files: list[str], *, whole: bool = True, json: bool = True,
                 **options: Any) -> list[str]:
            """Assert both give the same (every observation and the JSON report unless ``whole`` or
            ``json`` is False); the findings."""
            rows, bulk = read(paths, plan_files, False, whole), read(paths, plan_files, True, whole)
            assert bulk[0] == rows[0]
            assert bulk[1] == rows[1]
            assert bulk[2] == rows[2]
            if whole and json:
                assert report(paths, plan_files, True, **options) == report(paths, plan_files, False, **options)
            monkeypatch.setattr(load, "BULK", True)
            return bulk[0]

    readers = Readers()
    yield readers


def _bulk_takes(csv_path: Path, plan_path: Path, encoding: str = "utf-8") -> bool:
    return read_bulk(str(csv_path), csv_path.read_bytes(), encoding, {}, plans=[load_plan(str(plan_path))],
                     allow_unknown=False)


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_both_readers_agree_on_each_example(readers: Any, name: str) -> None:
    readers.same([str(EXAMPLES_DIR / name)], [str(PLANS_DIR / p) for p in EXAMPLES[name]])


def test_the_bulk_reader_takes_plain_examples() -> None:
    taken = {name for name in EXAMPLES
             if _bulk_takes(EXAMPLES_DIR / name, PLANS_DIR / EXAMPLES[name][0],
                            "gb18030" if "gb18030" in name else "utf-8")}
    assert taken == {"china-14th-fyp.csv"}  # the others hold missing values, 约, magnitudes...


def test_national_data_is_read_in_bulk(readers: Any, tmp_path: Path) -> None:
    plan, actuals, rows = generate(tmp_path, 0.02)  # 57 counties, 50 targets, 8 years
    assert rows == 22_800 and _bulk_takes(actuals, plan)
    assert readers.same([str(actuals)], [str(plan)], year=2023) == []
    data = read_actuals([str(actuals)], plans=[load_plan(str(plan))], reader="exact")
    series = data.get("bench-national-57", "t02", "c0003")
    assert isinstance(series, DenseSeries)
    assert series.plain() == (2018, [series.value(year) for year in range(2018, 2026)])
    assert (series[2019].file, series[2019].line, series[2019].column) == (str(actuals), 2 + 8 * 57 + 8 * 2 + 1, 4)


# -- each kind of row the bulk reader leaves to the row reader, in row 70,000 ----------------

_ROW = 70_000
_LINE = _ROW + 1  # the header is line 1


@pytest.fixture(scope="module")
def national(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    """A plan and the lines of its generated actuals: 178 counties, 71,200 rows."""
    plan, actuals, rows = generate(tmp_path_factory.mktemp("national"), 178 / 2844)
    assert rows == 71_200
    return plan, actuals.read_text(encoding="utf-8").splitlines(keepends=True)


def _edited(tmp_path: Path, lines: list[str], line: int, text: str) -> Path:
    path = tmp_path / "actuals.csv"
    path.write_text("".join(lines[:line - 1]) + text + "".join(lines[line:]), encoding="utf-8")
    return path


#: (what row 70,000 becomes, the (rule, line, column) of its finding; None: none)
TRIGGERS = {
    "infinity": ("t50,c0028,2025,inf,final\n", ("PC402", _LINE, 4)),
    "nan": ("t50,c0028,2025,nan,final\n", ("PC402", _LINE, 4)),
    "beyond the bound": ("t50,c0028,2025,-2e300,final\n", ("PC402", _LINE, 4)),
    "overflow": ("t50,c0028,2025,1e999,final\n", ("PC402", _LINE, 4)),
    "underscore": ("t50,c0028,2025,1_500,final\n", ("PC402", _LINE, 4)),
    "a word": ("t50,c0028,2025,abc,final\n", ("PC402", _LINE, 4)),
    "a bad status": ("t50,c0028,2025,61.5,guess\n", ("PC402", _LINE, 5)),
    "a bad year": ("t50,c0028,25,61.5,final\n", ("PC408", _LINE, 3)),
    "an unknown unit": ("t50,c9999,2025,61.5,final\n", ("PC406", _LINE, 2)),
    "an unknown target": ("t99,c0028,2025,61.5,final\n", ("PC403", _LINE, 1)),
    "a short row": ("t50,c0028,2025,61.5\n", ("PC401", _LINE, 5)),
    "a long row": ("t50,c0028,2025,61.5,final,7\n", ("PC402", _LINE, 6)),
    "a duplicate year": ("t50,c0028,2024,61.5,final\n", ("PC404", _LINE, 4)),  # 2024 is the row above
    "spaces": ("t50,c0028,2025, 61.5 ,final\n", None),
    "full-width digits": ("t50,c0028,2025,６１.5,final\n", None),
    "approximate": ("t50,c0028,2025,约61.5,final\n", None),
    "a missing value": ("t50,c0028,2025,,final\n", None),
    "a magnitude": ("t50,c0028,2025,1.5万,final\n", ("PC402", _LINE, 4)),
    "a percent sign": ("t50,c0028,2025,61.5%,final\n", ("PC409", _LINE, 4)),  # t50 is measured in 个
    "a per mille sign": ("t50,c0028,2025,61.5‰,final\n", ("PC409", _LINE, 4)),
    "months without their basis": ("t50,c0028,2025-03,61.5,final\n", ("PC408", _LINE, 3)),
    "months": ("t50,c0028,2025年1-3月,61.5,final\n", None),
    "a blank line": ("\n", None),
    "a preliminary figure": ("t50,c0028,2025,61.5,preliminary\n", None),
    "a quoted cell": ('t50,c0028,2025,"61.5",final\n', None),
    "a unit by name": ("t50,县级单位0028,2025,61.5,final\n", None),
    "a year written otherwise": ("t50,c0028,2025年,61.5,final\n", None),
}
#: The bulk reader takes these rows: the row reader reads them without a finding, too.
_TAKEN = ("a quoted cell", "a unit by name", "a preliminary figure", "a year written otherwise")


@pytest.mark.parametrize("case", sorted(TRIGGERS))
def test_each_trigger_gives_the_row_readers_finding_at_its_place(readers: Any, national: tuple[Path, list[str]],
                                                                 tmp_path: Path, case: str) -> None:
    plan, lines = national
    assert lines[_LINE - 1].startswith("t50,c0028,2025,")  # row 70,000: target 50, county 28, 2025
    text, expected = TRIGGERS[case]
    path = _edited(tmp_path, lines, _LINE, text)
    # Every observation and the JSON report are compared on the examples and the national data
    # above; here the findings and each series' (year, value) pairs, for speed.
    findings = readers.same([str(path)], [str(plan)], whole=False)
    takes = readers.dense
    if expected is None:
        # no finding: a cell the row reader reads (or a blank line it skips); the bulk reader
        # takes the quoted cell, the preliminary figure and the unit named by its name
        assert findings == [], case
        assert takes is (case in _TAKEN), case
        return
    assert not takes
    rule, line, column = expected
    assert any(f"Finding(rule='{rule}'" in f and f"file='{path}', line={line}, column={column}," in f
               for f in findings), findings


def test_a_cell_over_two_lines_moves_the_lines_after_it(readers: Any, tmp_path: Path) -> None:
    plan = PLANS_DIR / "taicang-sti-2018-2020.yaml"
    path = tmp_path / "actuals.csv"
    path.write_text("target,unit,year,value,status,note\n"
                    'rd-intensity,,2018,3.55,final,"第一行\n第二行"\n'
                    "rd-intensity,,2019,3.62,final,\n"
                    "hitech-output-share,,2018,abc,final,\n", encoding="utf-8")
    assert not _bulk_takes(path, plan)
    findings = readers.same([str(path)], [str(plan)], year=2019)
    assert any("rule='PC402'" in f and "line=5, column=4," in f for f in findings), findings


def test_rows_in_any_order_with_gaps(readers: Any, tmp_path: Path) -> None:
    plan = PLANS_DIR / "taicang-sti-2018-2020.yaml"
    path = tmp_path / "actuals.csv"
    path.write_text("target,year,value,status,source,note\n"
                    "rd-intensity,2020,3.7,final,统计公报,\n"
                    "hitech-output-share,2018,48.1,preliminary,,\n"
                    "rd-intensity,2018,3.55,final,, 初步 \n"
                    "hitech-output-share,2020,50.2,final,,\n", encoding="utf-8")
    assert _bulk_takes(path, plan)
    assert readers.same([str(path)], [str(plan)], year=2020) == []
    data = read_actuals([str(path)], plans=[load_plan(str(plan))], reader="exact")
    rd = data.get("taicang-sti-2018-2020", "rd-intensity")
    assert isinstance(rd, DenseSeries)
    assert [(y, rd[y].line, rd[y].source, rd[y].note) for y in rd] == [(2018, 4, None, "初步"),
                                                                       (2020, 2, "统计公报", None)]
    assert rd.plain() is None and rd.latest_present_year() == 2020 and len(rd) == 2 and 2019 not in rd


def test_a_later_file_joins_a_series_read_in_bulk(readers: Any, tmp_path: Path) -> None:
    plan = PLANS_DIR / "taicang-sti-2018-2020.yaml"
    first, second = tmp_path / "a.csv", tmp_path / "b.csv"
    first.write_text("target,year,value\nrd-intensity,2018,3.55\nrd-intensity,2019,3.62\n", encoding="utf-8")
    second.write_text("target,year,value\nrd-intensity,2019,3.7\nrd-intensity,2020,3.8\n", encoding="utf-8")
    paths = [str(first), str(second)]
    findings = readers.same(paths, [str(plan)], year=2020)
    assert [f for f in findings if "PC404" in f] == [
        f for f in findings if f"file='{second}', line=2, column=3," in f and "PC404" in f]
    data = read_actuals(paths, plans=[load_plan(str(plan))], reader="exact")
    rd = data.get("taicang-sti-2018-2020", "rd-intensity")
    assert isinstance(rd, SeriesView)  # the bulk series became rows when the second file joined it
    assert [(y, rd[y].file, rd[y].line) for y in rd] == [(2018, str(first), 2), (2019, str(first), 3),
                                                         (2020, str(second), 3)]


# -- files the bulk reader takes although their rows leave slot order at row 70,000 ------------

def _rows_moved(lines: list[str], case: str) -> list[str]:
    edited = list(lines)
    if case == "two rows swapped":  # 2024 and 2025 of county 28 (target 50) change places
        edited[_LINE - 2], edited[_LINE - 1] = edited[_LINE - 1], edited[_LINE - 2]
    elif case == "a year left out":  # county 28 has no 2025
        del edited[_LINE - 1]
    elif case == "the last row left out":  # the last county of the last target has no 2025
        del edited[-1]
    return edited


@pytest.mark.parametrize("case", ["two rows swapped", "a year left out", "the last row left out"])
def test_rows_out_of_slot_order_are_read_in_bulk(readers: Any, national: tuple[Path, list[str]], tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch, case: str) -> None:
    plan, lines = national
    path = tmp_path / "actuals.csv"
    path.write_text("".join(_rows_moved(lines, case)), encoding="utf-8")
    assert readers.same([str(path)], [str(plan)], whole=False) == []
    assert readers.dense
    data = read_actuals([str(path)], plans=[load_plan(str(plan))], reader="exact")
    key = ("bench-national-178", "t50", "c0028")
    county = data.series[key]
    last = data.series[("bench-national-178", "t50", "c0178")]
    assert isinstance(county, DenseSeries) and isinstance(last, DenseSeries)
    lines_by_year = {year: county[year].line for year in county}
    if case == "two rows swapped":
        assert (lines_by_year[2024], lines_by_year[2025]) == (_LINE, _LINE - 1)
        assert county.plain() is not None and county.plain()[0] == 2018  # type: ignore[index]
    elif case == "a year left out":
        assert 2025 not in county and lines_by_year[2024] == _LINE - 1 and county.latest_present_year() == 2024
        assert county.plain() == (2018, [county.value(year) for year in range(2018, 2025)])
        assert data.series[("bench-national-178", "t50", "c0029")][2018].line == _LINE
    else:
        assert list(last) == list(range(2018, 2025)) and last[2024].line == len(lines) - 1
    monkeypatch.setattr(load, "BULK", False)  # the row reader gives the same lines
    rows = read_actuals([str(path)], plans=[load_plan(str(plan))], reader="exact")
    assert {year: obs.line for year, obs in rows.series[key].items()} == lines_by_year


# -- how the bytes are laid out: line ends, a BOM, quotes, another encoding -------------------

def _laid_out(text: str, case: str) -> bytes:
    if case == "CRLF":
        return text.replace("\n", "\r\n").encode("utf-8")
    if case == "no final line end":
        return text.rstrip("\n").encode("utf-8")
    if case == "a BOM":
        return b"\xef\xbb\xbf" + text.encode("utf-8")
    if case == "quoted cells":  # every 997th row's unit quoted: chunks with and without quotes
        lines = text.splitlines(keepends=True)
        return "".join(line.replace(",c", ',"c', 1).replace(",20", '",20', 1) if n % 997 == 5 else line
                       for n, line in enumerate(lines)).encode("utf-8")
    if case == "GB18030, units by name":  # read through csv.reader: only UTF-8 is split in C
        return text.replace(",c", ",县级单位").encode("gb18030")
    if case == "a line ended by CR alone":
        lines = text.splitlines(keepends=True)
        lines[15_000] = lines[15_000].replace("\n", "\r")
        return "".join(lines).encode("utf-8")
    raise AssertionError(case)


@pytest.mark.parametrize(("case", "takes"), [("CRLF", True), ("no final line end", True), ("a BOM", True),
                                             ("quoted cells", True), ("GB18030, units by name", True),
                                             ("a line ended by CR alone", False)])
def test_line_ends_quotes_and_encodings(readers: Any, tmp_path: Path, case: str, takes: bool) -> None:
    plan, actuals, _rows = generate(tmp_path, 0.02)  # 22,800 rows: about twenty chunks
    path = tmp_path / "laid-out.csv"
    path.write_bytes(_laid_out(actuals.read_text(encoding="utf-8"), case))
    assert readers.same([str(path)], [str(plan)], json=False) == []
    assert readers.dense is takes


def _in_slot_order(series: list[int], years: list[int], span: int, first: int) -> bool:
    return series == [row // span for row in range(len(series))] and \
        years == [first + row % span for row in range(len(years))]


@pytest.mark.parametrize("seed", range(40))
def test_slot_order_is_recognised_exactly(seed: int) -> None:
    """The chunk-by-chunk check of _Order agrees with the plain definition of slot order."""
    import random

    from policycheck.actuals.slotorder import Order as _Order

    rng = random.Random(seed)
    span, units = rng.randint(1, 9), rng.randint(1, 60)
    series = [row // span for row in range(span * units)]
    years = [2018 + row % span for row in range(span * units)]
    if seed % 4:  # one change somewhere: a year, a series, or a row left out
        row = rng.randrange(len(series))
        change = seed % 4
        if change == 1:
            years[row] += rng.choice((-1, 1))
        elif change == 2:
            series[row] += rng.choice((-1, 1))
        else:
            del series[row], years[row]
    order, position = _Order(), 0
    while position < len(series):
        end = min(position + rng.randint(1, 3 * span + 5), len(series))
        accepted = order.take(series[position:end], years[position:end])
        if order.span:  # known once a chunk holds the start of the second series
            # taken exactly when every row so far is in slot order
            assert accepted is _in_slot_order(series[:end], years[:end], order.span, order.first_year)
        else:
            assert not accepted
        if not accepted:
            break
        position = end
    assert order.taken() == (series[:order.rows], years[:order.rows])
    if seed % 4 == 0 and span > 1 and units > 1 and 3 * span + 5 < span * units:
        assert order.rows == len(series) or order.span == 0  # nothing changed: all taken


@pytest.mark.parametrize("case", ["infinity", "beyond the bound", "overflow", "a word", "spaces", "full-width digits",
                                  "a missing value", "a preliminary figure"])
def test_numbers_are_checked_as_well_when_too_many_to_keep(readers: Any, national: tuple[Path, list[str]],
                                                           tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                           case: str) -> None:
    """With no room for value texts (a file of mostly distinct numbers) every cell is parsed and
    checked against the bound: the same findings as with the texts kept."""
    from policycheck.actuals import bulkcsv

    monkeypatch.setattr(bulkcsv, "NUMBER_TEXTS", 0)
    plan, lines = national
    text, expected = TRIGGERS[case]
    path = _edited(tmp_path, lines, _LINE, text)
    findings = readers.same([str(path)], [str(plan)], whole=False)
    assert readers.dense is (case in _TAKEN)
    if expected is None:
        assert findings == []
    else:
        rule, line, column = expected
        assert any(f"Finding(rule='{rule}'" in f and f"file='{path}', line={line}, column={column}," in f
                   for f in findings), findings


def test_a_value_text_met_again_is_the_same_number(tmp_path: Path) -> None:
    """Value cells met before take their float() from the first: each value as float() reads it."""
    plan = PLANS_DIR / "taicang-sti-2018-2020.yaml"
    path = tmp_path / "actuals.csv"
    path.write_text("target,year,value\n" + "".join(
        f"rd-intensity,{2018 + k},{text}\n" for k, text in enumerate(["3.10", "-0", "3.10", "0", "1e2", "3.1"])),
        encoding="utf-8")
    assert _bulk_takes(path, plan)
    series = read_actuals([str(path)], plans=[load_plan(str(plan))], reader="exact").get(
        "taicang-sti-2018-2020", "rd-intensity")
    assert isinstance(series, DenseSeries)
    got = [series.value(year) for year in range(2018, 2024)]
    assert [repr(value) for value in got] == ["3.1", "-0.0", "3.1", "0.0", "100.0", "3.1"]


def _cells_numbered() -> tuple[dict[str, int], Any]:
    """Unit cells numbered as they first come, as the bulk reader numbers new series."""
    numbers: dict[str, int] = {}

    def name(cells: list[str]) -> list[int]:
        for cell in cells:
            numbers.setdefault(cell, len(numbers))
        return [numbers[cell] for cell in cells]

    return numbers, name


@pytest.mark.parametrize("seed", range(60))
def test_slot_order_is_recognised_from_cells_exactly(seed: int) -> None:
    """Order.take_cells takes a chunk only where Order.take would take the series and years its
    cells are looked up to, and takes nothing otherwise: a year written otherwise, a unit cell
    that changes within a series, a unit named by another cell, a row left out."""
    import random

    from policycheck.actuals.slotorder import Order

    rng = random.Random(seed)
    span, units = rng.randint(1, 9), rng.randint(2, 60)
    rows = span * units
    year_cells = [str(2018 + row % span) for row in range(rows)]
    unit_cells = [f"c{row // span:04d}" for row in range(rows)]
    change = seed % 5
    if change:
        row = rng.randrange(span, rows)  # after the first chunk's first series, which teaches the years
        if change == 1:
            year_cells[row] = year_cells[row] + "年"  # the same year, written otherwise
        elif change == 2:
            unit_cells[row] = f"c{rng.randrange(units):04d}"
        elif change == 3:
            unit_cells[row] = "县级单位" + unit_cells[row][1:]  # another cell for the same unit
        else:
            del year_cells[row], unit_cells[row]
    numbers, name = _cells_numbered()
    year_of = {text: int(text.rstrip("年")) for text in set(year_cells)}
    by_cells, by_rows = Order(), Order()
    position, first, by_cell_chunks, chunks = 0, True, 0, 0
    while position < len(year_cells):
        chunks += 1
        end = min(position + rng.randint(span + 1, 3 * span + 5), len(year_cells))
        chunk_years, chunk_units = year_cells[position:end], unit_cells[position:end]
        rows_before = by_cells.rows
        if not first and by_cells.take_cells(chunk_years, chunk_units, name):
            assert by_rows.take(name(chunk_units), [year_of[text] for text in chunk_years])
            by_cell_chunks += 1
        else:
            assert by_cells.rows == rows_before  # nothing taken
            series = name(chunk_units)
            taken = by_cells.take(series, [year_of[text] for text in chunk_years])
            assert by_rows.take(series, [year_of[text] for text in chunk_years]) is taken
            if not taken:
                break
            if first:
                by_cells.learn(chunk_years)
                assert by_cells.year_cells == [str(2018 + k) for k in range(span)]
        assert by_cells.rows == by_rows.rows
        first = False
        position = end
    # every series numbered as its unit cell first comes, whichever check looked at the chunk
    assert numbers == {cell: k for k, cell in enumerate(dict.fromkeys(unit_cells[:max(position, end)]))}
    if change == 0:
        assert by_cells.rows == rows  # nothing changed: all taken, all but the first chunk from cells
        assert by_cell_chunks == chunks - 1


@pytest.mark.parametrize(("codes", "latest"), [
    ([b"\x00\x00\x00", b"\x00\x00\x00"], 2020),  # each series to the block's last year
    ([b"\x00\x00\x00", b"\x00\x00\x80"], 2020),  # the one looked at first ends earlier; another does not
    ([b"\x00\x00\x80", b"\x00\x80\x80"], 2019),  # none reaches the block's last year
    ([b"\x80\x80\x80", b"\x00\x80\x80"], 2018),
    ([b"\x80\x80\x80", b"\x80\x80\x80"], None),
])
def test_the_latest_year_of_series_read_in_bulk(codes: list[bytes], latest: int | None) -> None:
    """DenseSeries.latest_of asks one series a block, and each series of a block where that one
    ends before the block's last year: the latest of every series' latest_present_year."""
    from array import array

    from policycheck.actuals.dense import DenseBlock
    from policycheck.observations import Series

    block = DenseBlock("a.csv", 3, 2018, 3, array("d", [1.0] * 6), bytearray(b"".join(codes)), None, 2, {})
    other = DenseBlock("b.csv", 3, 2010, 2, array("d", [1.0] * 2), bytearray(b"\x00\x80"), None, 2, {})
    views = [DenseSeries(block, 0), DenseSeries(block, 3)]
    assert [view.latest_present_year() for view in views] == [
        next((2018 + k for k in (2, 1, 0) if code[k] != 0x80), None) for code in codes]
    assert DenseSeries.latest_of(views) == Series.latest_of(views) == latest
    assert DenseSeries.latest_of([DenseSeries(other, 0), *views]) == (2010 if latest is None else latest)
