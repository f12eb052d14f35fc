"""The Arrow reader's value column, read through its distinct texts or cell by cell (policycheck/actuals/fastcells.py).

Which way is chosen from a sample of the column; both check every text and give
the same doubles, and a cell that is not a plain number within the bound sends
the file to the exact reader, whose finding comes at that cell.
"""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from policycheck.actuals import fastcells, load
from policycheck.actuals.fastcsv import read_fast
from policycheck.actuals.store import ObservationTable
from policycheck.plans.build import load_plan
from tests.helpers.national import national_data, read_all

pa = pytest.importorskip("pyarrow")

_LINE = 20_001  # row 20,000: target 44, county 49, 2025


@pytest.fixture(autouse=True)
def _row_reader(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(load, "BULK", False)
    monkeypatch.setattr(fastcells, "_SAMPLE", 1024)  # the generated file below has 22,800 rows
    yield


@pytest.fixture(scope="module")
def national(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    return national_data(tmp_path_factory.mktemp("national"))


def _read(path: Path, plan: Path, reader: str) -> tuple[list[str], dict[Any, Any]]:
    findings, _order, observations = read_all(path, plan, reader)
    return findings, observations


def test_a_sample_tells_few_texts_from_many() -> None:
    few = pa.array([f"{i % 100}.5" for i in range(5_000)])
    many = pa.array([f"{i}.5" for i in range(5_000)])
    # 100 texts in a sample of 1,024 cells: at most one in 8; 1,024: more
    assert fastcells._few_texts(few) and not fastcells._few_texts(many)
    assert not fastcells._few_texts(few.slice(0, 1_024))  # no more cells than the sample: cell by cell
    assert fastcells.numbers(few).to_pylist() == [i % 100 + 0.5 for i in range(5_000)]
    assert fastcells.numbers(many).to_pylist() == [i + 0.5 for i in range(5_000)]
    assert fastcells.numbers(pa.array(["1"] * 4_999 + ["1_000"])) is None


@pytest.mark.parametrize("way", ["texts", "cells"])
@pytest.mark.parametrize(("case", "cell", "expected"), [
    ("plain", "91.96", None),
    ("an exponent", "9.196e1", None),
    ("a sign and a bare point", "+.5", None),
    ("at the bound", "1e300", None),
    ("infinity", "inf", ("PC402", _LINE, 4)),
    ("beyond the bound", "-2e300", ("PC402", _LINE, 4)),
    ("overflow", "1e999", ("PC402", _LINE, 4)),
    ("an underscore", "1_500", ("PC402", _LINE, 4)),
    ("a word", "abc", ("PC402", _LINE, 4)),
    ("a percent sign", "91.96%", ("PC409", _LINE, 4)),  # t44 is measured in 个
    ("a per mille sign", "91.96‰", ("PC409", _LINE, 4)),
])
def test_each_value_cell_either_way(monkeypatch: pytest.MonkeyPatch, national: tuple[Path, Path], tmp_path: Path,
                                    way: str, case: str, cell: str, expected: tuple[str, int, int] | None) -> None:
    plan, actuals = national
    # one distinct text in 1 (always through the texts) or in 10^9 (never)
    monkeypatch.setattr(fastcells, "_FEW_TEXTS", 1 if way == "texts" else 10**9)
    lines = actuals.read_text(encoding="utf-8").splitlines(keepends=True)
    assert lines[_LINE - 1] == "t44,c0049,2025,91.96,final\n"
    lines[_LINE - 1] = f"t44,c0049,2025,{cell},final\n"
    path = tmp_path / "actuals.csv"
    path.write_text("".join(lines), encoding="utf-8")
    takes = read_fast(str(path), path.read_bytes(), "utf-8", ObservationTable(), {}, plans=[load_plan(str(plan))],
                      allow_unknown=False)
    assert takes is (expected is None), case
    fast, exact = _read(path, plan, "fast"), _read(path, plan, "exact")
    assert fast == exact
    if expected is None:
        # 1e300 reads as a number; among the county's 91.96s it stands orders of magnitude apart, which
        # is the one PC416 warning at its cell (docs/actuals.md#orders-of-magnitude), from either reader
        slips = [f for f in fast[0] if f"file='{path}', line={_LINE}, column=4," in f and "rule='PC416'" in f]
        assert (len(fast[0]), len(slips)) == ((1, 1) if cell == "1e300" else (0, 0)), case
        assert fast[1]["bench-national-57", "t44", "c0049"][2025].value == float(cell)
        return
    rule, line, column = expected
    assert [f for f in fast[0] if f"file='{path}', line={line}, column={column}," in f and f"rule='{rule}'" in f]
