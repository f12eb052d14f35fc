"""The Arrow reader's series (policycheck/actuals/fastseries.py) are the exact reader's.

Each target is resolved once and its unit cells together; any cell that does not
resolve plainly sends the whole file to the exact reader.  Each such cell is put
in row 20,000 of generated national data, and the findings (rule, message,
FILE:LINE:COL) must be the exact reader's, every observation the same, and the
series numbered in the same order (order of first appearance).
"""
from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from policycheck.actuals import load
from policycheck.actuals.fastcsv import read_fast
from policycheck.actuals.load import read_actuals
from policycheck.actuals.store import ObservationTable
from policycheck.plans.build import load_plan
from tests.helpers.paths import ROOT

pytest.importorskip("pyarrow")

sys.path.insert(0, str(ROOT / "bench"))
from generate import generate  # noqa: E402  (bench/generate.py: the national data, at a small scale)

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
    plan, actuals, rows = generate(tmp_path_factory.mktemp("national"), 0.02)
    assert rows == 22_800
    return plan, actuals.read_text(encoding="utf-8").splitlines(keepends=True)


def _read(path: Path, plan: Path, reader: str) -> tuple[list[str], list[Any], dict[Any, Any]]:
    """The findings, the series keys in the order the reading numbered them, every observation."""
    actuals = read_actuals([str(path)], plans=[load_plan(str(plan))], reader=reader)
    return ([repr(f) for f in actuals.findings], list(actuals.series),
            {key: dict(series) for key, series in actuals.series.items()})


def _fast_takes(path: Path, plan: Path) -> bool:
    return read_fast(str(path), path.read_bytes(), "utf-8", ObservationTable(), {}, plans=[load_plan(str(plan))],
                     allow_unknown=False)


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
    assert _fast_takes(path, plan) is takes, case
    fast, exact = _read(path, plan, "fast"), _read(path, plan, "exact")
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
    _findings, keys, observations = _read(path, plan, "fast")
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
    assert _fast_takes(path, plan)
    fast, exact = _read(path, plan, "fast"), _read(path, plan, "exact")
    assert fast == exact
    assert fast[1][:3] == [("bench-national-57", "t01", "c0001"), ("bench-national-57", "t02", "c0001"),
                           ("bench-national-57", "t03", "c0001")]
    unit, line = fast[2]["bench-national-57", "t02", "c0002"][2018], 1 + 8 * 50 + 8 + 1
    assert (unit.line, unit.column) == (line, 4)
