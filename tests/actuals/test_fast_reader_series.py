"""The Arrow reader's series (policycheck/actuals/fastseries.py) are the exact reader's.

Each target is resolved once and its unit cells together; any cell that does not
resolve plainly sends the whole file to the exact reader.  Each such cell is put
in row 20,000 of generated national data, and the findings (rule, message,
FILE:LINE:COL) must be the exact reader's, every observation the same, and the
series numbered in the same order (order of first appearance).
"""
from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from policycheck.actuals import load
from tests.helpers.national import fast_takes, national_data, read_all

pytest.importorskip("pyarrow")

_ROW = 20_000
_LINE = _ROW + 1  # the header is line 1


@pytest.fixture(autouse=True)
def _row_reader(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The exact reader here is the row reader (the bulk reader is compared with it in test_bulk_reader.py)."""
    monkeypatch.setattr(load, "BULK", False)
    yield


@pytest.fixture(scope="module")
def national(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    """A plan and the lines of its generated actuals: 57 counties, 50 targets, 8 years."""
    plan, actuals = national_data(tmp_path_factory.mktemp("national"))
    return plan, actuals.read_text(encoding="utf-8").splitlines(keepends=True)


#: what row 20,000 (target 44, county 49, 2025) becomes; the (rule, line, column) of its finding, or
#: None for none; whether the fast reader takes the file
CASES = {
    "a unit outside the target's scope": ("t44,kjb,2025,91.96,final\n", ("PC407", _LINE, 2), False),
    "an unknown unit": ("t44,c9999,2025,91.96,final\n", ("PC406", _LINE, 2), False),
    "an unknown target": ("t99,c0049,2025,91.96,final\n", ("PC403", _LINE, 1), False),
    "a blank target cell": (",c0049,2025,91.96,final\n", ("PC403", _LINE, 1), False),
    # the target's own series: a series of its own, beside the units'
    "a blank unit cell": ("t44,,2025,91.96,final\n", None, True),
    # two cells name one series: it keeps the number its first cell gave it
    "a unit by its name": ("t44,县级单位0049,2025,91.96,final\n", None, True),
    "a target by its name": ("基准指标44,c0049,2025,91.96,final\n", None, True),
    "a target by its name, spaced": ("基准 指标４４,c0049,2025,91.96,final\n", None, True),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_each_cell_gives_the_exact_readers_findings_at_its_place(national: tuple[Path, list[str]], tmp_path: Path,
                                                                 case: str) -> None:
    plan, lines = national
    assert lines[_LINE - 1] == "t44,c0049,2025,91.96,final\n"
    text, expected, takes = CASES[case]
    path = tmp_path / "actuals.csv"
    path.write_text("".join(lines[:_LINE - 1]) + text + "".join(lines[_LINE:]), encoding="utf-8")
    assert fast_takes(path, plan) is takes, case
    fast, exact = read_all(path, plan, "fast"), read_all(path, plan, "exact")
    assert fast == exact
    findings = exact[0]
    if expected is None:
        assert findings == []
        return
    rule, line, column = expected
    assert [f for f in findings if f"file='{path}', line={line}, column={column}," in f and f"rule='{rule}'" in f]


def test_a_blank_unit_cell_is_the_targets_own_series(national: tuple[Path, list[str]], tmp_path: Path) -> None:
    plan, lines = national
    path = tmp_path / "actuals.csv"
    path.write_text("".join(lines[:_LINE - 1]) + "t44,,2025,91.96,final\n" + "".join(lines[_LINE:]), encoding="utf-8")
    _findings, keys, observations = read_all(path, plan, "fast")
    assert len(keys) == 2_851
    own = observations["bench-national-57", "t44", None]
    assert [(year, o.value, o.line, o.column) for year, o in own.items()] == [(2025, 91.96, _LINE, 4)]
    assert 2025 not in observations["bench-national-57", "t44", "c0049"]
    # numbered where its row first comes: after county 49's, before county 50's
    assert keys[keys.index(("bench-national-57", "t44", "c0049")) + 1] == ("bench-national-57", "t44", None)


def test_rows_of_targets_interleaved_keep_the_order_of_first_appearance(national: tuple[Path, list[str]],
                                                                         tmp_path: Path) -> None:
    """Rows sorted by unit, then target: the combinations of each target are gathered and resolved
    together, and the series still numbered as their rows first come."""
    plan, lines = national
    rows = sorted(lines[1:], key=lambda line: (line.split(",")[1], line.split(",")[0]))
    path = tmp_path / "actuals.csv"
    path.write_text(lines[0] + "".join(rows), encoding="utf-8")
    assert fast_takes(path, plan)
    fast, exact = read_all(path, plan, "fast"), read_all(path, plan, "exact")
    assert fast == exact
    assert fast[1][:3] == [("bench-national-57", "t01", "c0001"), ("bench-national-57", "t02", "c0001"),
                           ("bench-national-57", "t03", "c0001")]
    unit, line = fast[2]["bench-national-57", "t02", "c0002"][2018], 1 + 8 * 50 + 8 + 1
    assert (unit.line, unit.column) == (line, 4)


def _with_column(lines: list[str], name: str, cell: Callable[[int, str], str]) -> str:
    """The file with a column ``name`` added at the end, ``cell(row, line)`` in each row (row 1: the first)."""
    return "".join([lines[0].rstrip("\n") + f",{name}\n"] +
                   [line.rstrip("\n") + "," + cell(row, line) + "\n" for row, line in enumerate(lines[1:], 1)])


def _compare(path: Path, plan: Path | list[Path], takes: bool, allow_unknown: bool = False) -> list[str]:
    """Both readers' findings, series order and observations the same; the fast path taken or not; the findings."""
    assert fast_takes(path, plan, allow_unknown) is takes
    fast, exact = read_all(path, plan, "fast", allow_unknown), read_all(path, plan, "exact", allow_unknown)
    assert fast == exact
    return exact[0]


def test_a_measure_column_half_blank_names_one_target_twice(national: tuple[Path, list[str]],
                                                           tmp_path: Path) -> None:
    """个 on every other row, blank on the others: two target codes for each target, and each series
    named by two combinations (one with each), numbered by the first."""
    plan, lines = national
    path = tmp_path / "actuals.csv"
    path.write_text(_with_column(lines, "measure", lambda row, line: "个" if row % 2 else ""),
                    encoding="utf-8")
    assert _compare(path, plan, True) == []
    _findings, keys, observations = read_all(path, plan, "fast")
    assert len(keys) == 2_850
    assert observations["bench-national-57", "t44", "c0049"][2025].value == 91.96


def test_a_measure_in_another_magnitude_goes_to_the_exact_reader(national: tuple[Path, list[str]],
                                                                tmp_path: Path) -> None:
    plan, lines = national
    path = tmp_path / "actuals.csv"
    path.write_text(_with_column(lines, "measure", lambda row, line: "万个" if row == _ROW else
                                 "个" if row % 2 else ""), encoding="utf-8")
    assert _compare(path, plan, False) == []
    _findings, _keys, observations = read_all(path, plan, "exact")
    assert observations["bench-national-57", "t44", "c0049"][2025].value == 919_600


def test_a_plan_column_with_some_blank_cells(national: tuple[Path, list[str]], tmp_path: Path) -> None:
    plan, lines = national
    path = tmp_path / "actuals.csv"
    path.write_text(_with_column(lines, "plan", lambda row, line: "bench-national-57" if row % 2 else ""),
                    encoding="utf-8")
    assert _compare(path, plan, True) == []
    assert len(read_all(path, plan, "fast")[1]) == 2_850


def test_a_target_in_two_plans_without_a_plan_column(national: tuple[Path, list[str]], tmp_path: Path) -> None:
    plan, lines = national
    other = tmp_path / "other.yaml"
    other.write_text(plan.read_text(encoding="utf-8").replace("id: bench-national-57", "id: other-plan"),
                     encoding="utf-8")
    path = tmp_path / "actuals.csv"
    path.write_text("".join(lines), encoding="utf-8")
    findings = _compare(path, [plan, other], False)
    assert findings and all("rule='PC401'" in f for f in findings)
    assert f"file='{path}', line=2, column=1," in findings[0]


@pytest.mark.parametrize("cell", [" c0049", "ｃ００４９", "c0049 "])
def test_a_unit_cell_spaced_or_full_width(national: tuple[Path, list[str]], tmp_path: Path, cell: str) -> None:
    """Another text for county 49 in one row: the same series, numbered where its first row is."""
    plan, lines = national
    path = tmp_path / "actuals.csv"
    path.write_text("".join(lines[:_LINE - 1]) + f"t44,{cell},2025,91.96,final\n" + "".join(lines[_LINE:]),
                    encoding="utf-8")
    assert _compare(path, plan, True) == []
    _findings, keys, observations = read_all(path, plan, "fast")
    assert len(keys) == 2_850
    assert [(year, o.line) for year, o in observations["bench-national-57", "t44", "c0049"].items()][-2:] == \
        [(2024, _LINE - 1), (2025, _LINE)]


def test_an_unknown_target_allowed(national: tuple[Path, list[str]], tmp_path: Path) -> None:
    """--allow-unknown: the unknown target's row is a warning, which the exact reader gives."""
    plan, lines = national
    path = tmp_path / "actuals.csv"
    path.write_text("".join(lines[:_LINE - 1]) + "t99,c0049,2025,91.96,final\n" + "".join(lines[_LINE:]),
                    encoding="utf-8")
    findings = _compare(path, plan, False, allow_unknown=True)
    assert [f for f in findings if f"line={_LINE}, column=1," in f and "rule='PC403'" in f]


def _sorted_by_unit_with_a_unit_by_name(lines: list[str]) -> str:
    rows = sorted(lines[1:], key=lambda line: (line.split(",")[1], line.split(",")[0]))
    at = rows.index("t44,c0049,2025,91.96,final\n")
    rows[at] = "t44,县级单位0049,2025,91.96,final\n"
    return lines[0] + "".join(rows)


def test_a_file_sorted_by_unit_with_a_unit_by_name(national: tuple[Path, list[str]], tmp_path: Path) -> None:
    """The combinations gathered by target, two of them one series: back in the order rows first come."""
    plan, lines = national
    path = tmp_path / "actuals.csv"
    path.write_text(_sorted_by_unit_with_a_unit_by_name(lines), encoding="utf-8")
    assert _compare(path, plan, True) == []
    _findings, keys, observations = read_all(path, plan, "fast")
    assert len(keys) == 2_850
    assert observations["bench-national-57", "t44", "c0049"][2025].line == 1 + 48 * 400 + 43 * 8 + 8


@pytest.mark.parametrize("case", ["national", "sorted by unit, a unit by name", "half blank measures"])
def test_combination_codes_in_64_bits(national: tuple[Path, list[str]], tmp_path: Path,
                                      monkeypatch: pytest.MonkeyPatch, case: str) -> None:
    """A file of 2**31 combinations or more codes them in int64: the same series as the exact reader's."""
    import pyarrow as pa

    from policycheck.actuals import arrowcompute, fastseries

    plan, lines = national
    text = {"national": "".join(lines),
            "sorted by unit, a unit by name": _sorted_by_unit_with_a_unit_by_name(lines),
            "half blank measures": _with_column(lines, "measure", lambda row, line: "个" if row % 2 else "")}
    path = tmp_path / "actuals.csv"
    path.write_text(text[case], encoding="utf-8")
    encoded: list[Any] = []
    encode = arrowcompute.dictionary_encode

    def seen(values: Any) -> Any:
        encoded.append(values.type)
        return encode(values)

    monkeypatch.setattr(arrowcompute, "dictionary_encode", seen)
    monkeypatch.setattr(fastseries, "INT32_COMBINATIONS", 0)
    assert _compare(path, plan, True) == []
    assert pa.int64() in encoded and pa.int32() not in encoded  # the combinations, in 64 bits
