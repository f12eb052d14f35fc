"""Generated national data at a small scale, and what a reading of it holds, for the tests that
compare the Arrow reader (and the store's shortcuts) with the exact reader."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from policycheck.actuals.fastcsv import read_fast
from policycheck.actuals.load import read_actuals
from policycheck.actuals.store import ObservationTable
from policycheck.plans.build import load_plan
from tests.helpers.paths import ROOT

sys.path.insert(0, str(ROOT / "bench"))
from generate import generate  # noqa: E402  (bench/generate.py: the benchmark's data, here at a small scale)

#: Rows of the generated actuals: 57 counties, 50 targets, 8 years (about 640 kB).
ROWS = 22_800


def national_data(folder: Path) -> tuple[Path, Path]:
    """The generated plan and its actuals (every value final), written to ``folder``."""
    plan, actuals, rows = generate(folder, 0.02)
    assert rows == ROWS
    return plan, actuals


def _plans(plan: Path | list[Path]) -> list[Any]:
    return [load_plan(str(p)) for p in (plan if isinstance(plan, list) else [plan])]


def read_all(path: Path, plan: Path | list[Path], reader: str,
             allow_unknown: bool = False) -> tuple[list[str], list[Any], dict[Any, Any]]:
    """The findings, the series keys in the order the reading numbered them, every observation."""
    actuals = read_actuals([str(path)], plans=_plans(plan), reader=reader, allow_unknown=allow_unknown)
    return ([repr(f) for f in actuals.findings], list(actuals.series),
            {key: dict(series) for key, series in actuals.series.items()})


def fast_takes(path: Path, plan: Path | list[Path], allow_unknown: bool = False) -> bool:
    """Whether the Arrow reader takes the UTF-8 file ``path`` (False: the exact reader reads it)."""
    return read_fast(str(path), path.read_bytes(), "utf-8", ObservationTable(), {}, plans=_plans(plan),
                     allow_unknown=allow_unknown)
