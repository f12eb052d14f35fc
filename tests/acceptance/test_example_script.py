"""examples/make_report.py: the documented API script works as its docstring says."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers.paths import EXAMPLES_DIR, PLANS_DIR

pytestmark = pytest.mark.slow

SCRIPT = EXAMPLES_DIR / "make_report.py"
PLAN = PLANS_DIR / "linhai-315-2023-2027.yaml"


def test_writes_three_reports_and_lists_unit_shortfalls(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, str(SCRIPT), str(PLAN), str(EXAMPLES_DIR / "linhai.csv"), str(tmp_path)],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 1, done.stderr  # four binding Linhai targets fail (examples/README.md)
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "linhai-315-2023-2027.html", "linhai-315-2023-2027.json", "linhai-315-2023-2027.md"]
    report = json.loads((tmp_path / "linhai-315-2023-2027.json").read_text(encoding="utf-8"))
    shortfalls = [(u["name"], s["role"], s["target"], s["status"]) for u in report["units"] for s in u["shortfalls"]]
    assert done.stdout.splitlines() == ["\t".join(row) for row in shortfalls]
    assert report["summary"]["failing"] == 4


def test_bad_csv_gives_exit_2_and_the_cell(tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("target,year,value\nrd-intensity,2025,abc\n", encoding="utf-8")
    done = subprocess.run([sys.executable, str(SCRIPT), str(PLAN), str(bad), str(tmp_path / "out")],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 2
    assert done.stderr.startswith(f"{bad}:2:3: error [PC402]")
    assert not (tmp_path / "out").exists()
