"""The Arrow reader reads a file in one block, or a larger one in blocks joined (policycheck/actuals/fastcsv.py).

Both ways give every column whole: the same observations as the exact reader,
and a row of another width or a blank line anywhere sends the file to the
exact reader, whose finding comes at that row.
"""
from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from policycheck.actuals import fastcsv, load
from tests.helpers.national import fast_takes, national_data, read_all
from tests.helpers.paths import ROOT

pytest.importorskip("pyarrow")

_LINE = 20_001  # row 20,000: target 44, county 49, 2025


@pytest.fixture(autouse=True)
def _row_reader(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(load, "BULK", False)
    yield


@pytest.fixture(scope="module")
def national(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    return national_data(tmp_path_factory.mktemp("national"))


@pytest.mark.parametrize("blocks", ["one", "many"])
@pytest.mark.parametrize(("case", "text", "expected"), [
    ("plain", None, None),
    ("a short row", "t44,c0049,2025,91.96\n", ("PC401", _LINE, 5)),
    ("a long row", "t44,c0049,2025,91.96,final,7\n", ("PC402", _LINE, 6)),
    ("a blank line", "\n", None),
])
def test_one_block_or_many(monkeypatch: pytest.MonkeyPatch, national: tuple[Path, Path], tmp_path: Path,
                           blocks: str, case: str, text: str | None, expected: tuple[str, int, int] | None) -> None:
    plan, actuals = national
    if blocks == "many":  # 16 kB blocks: about 40 chunks a column, joined
        monkeypatch.setattr(fastcsv, "_ONE_BLOCK", 0)
        monkeypatch.setattr(fastcsv, "_BLOCK", 1 << 14)
    lines = actuals.read_text(encoding="utf-8").splitlines(keepends=True)
    assert lines[_LINE - 1] == "t44,c0049,2025,91.96,final\n"
    if text is not None:
        lines[_LINE - 1] = text
    path = tmp_path / "actuals.csv"
    path.write_text("".join(lines), encoding="utf-8")
    assert fast_takes(path, plan) is (text is None), case
    fast, exact = read_all(path, plan, "fast"), read_all(path, plan, "exact")
    assert fast == exact
    if expected is None:
        assert fast[0] == []
        assert len(fast[1]) == 2_850
        return
    rule, line, column = expected
    assert [f for f in fast[0] if f"file='{path}', line={line}, column={column}," in f and f"rule='{rule}'" in f]


#: A pandas that says it was imported, and then that it is not there: some pyarrow functions import pandas,
#: where it is installed, to inspect their arguments (0.16 s, and 45 MiB), and the suite runs without it.
_PANDAS_STUB = """import builtins
builtins.pandas_was_imported = True
raise ImportError("pandas, as a test sees whether anything imports it")
"""


def test_the_reader_imports_neither_pyarrow_compute_nor_pandas(national: tuple[Path, Path], tmp_path: Path) -> None:
    """pyarrow.compute builds a wrapper for each of Arrow's functions when imported (0.03 s): the
    reader calls the few it needs by name (policycheck/actuals/arrowcompute.py). Nor does it call
    what makes pyarrow import pandas (pa.array of a list, RunEndEncodedArray.from_arrays)."""
    plan, actuals = national
    stub = tmp_path / "stub" / "pandas"
    stub.mkdir(parents=True)
    (stub / "__init__.py").write_text(_PANDAS_STUB, encoding="utf-8")
    code = ("import builtins, sys\n"
            "from policycheck.actuals.fastcsv import read_fast\n"
            "from policycheck.actuals.store import ObservationTable\n"
            "from policycheck.plans.build import load_plan\n"
            f"data = open({str(actuals)!r}, 'rb').read()\n"
            "views = {}\n"
            f"assert read_fast('a.csv', data, 'utf-8', ObservationTable(), views, plans=[load_plan({str(plan)!r})],"
            " allow_unknown=False)\n"
            "print(len(views), 'pyarrow.compute' in sys.modules, getattr(builtins, 'pandas_was_imported', False))\n")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(stub.parent), os.environ.get("PYTHONPATH")]))}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT, env=env)
    assert done.stdout == "2850 False False\n"


#: A read in a fresh interpreter: whether the fast path took the file, and a digest of the findings, the
#: series in their order and every observation. With "moved", pyarrow._compute is blocked after
#: pyarrow.compute is imported (which needs it), as in a pyarrow that has moved its private module.
_BLOCKED_READ = """
import hashlib, sys
plan, actuals, reader, moved = sys.argv[1:]
if moved == "moved":
    import pyarrow.compute
    sys.modules["pyarrow._compute"] = None  # from pyarrow._compute import ...: ImportError
from policycheck.actuals import load
from policycheck.actuals.fastcsv import read_fast
from policycheck.actuals.load import read_actuals
from policycheck.actuals.store import ObservationTable
from policycheck.plans.build import load_plan
load.BULK = False
plans = [load_plan(plan)]
took = read_fast(actuals, open(actuals, "rb").read(), "utf-8", ObservationTable(), {}, plans=plans,
                 allow_unknown=False)
read = read_actuals([actuals], plans=plans, reader=reader)
seen = repr(([repr(f) for f in read.findings], [(key, dict(series)) for key, series in read.series.items()]))
blocked = "pyarrow._compute" in sys.modules and sys.modules["pyarrow._compute"] is None
print(took, "blocked" if blocked else "loaded", hashlib.sha256(seen.encode()).hexdigest())
"""


def test_a_pyarrow_without_its_private_compute_module_reads_the_same(national: tuple[Path, Path]) -> None:
    """arrowcompute.py falls back to pyarrow.compute's public names: the reader still takes the file."""
    plan, actuals = national

    def read(reader: str, moved: str) -> list[str]:
        done = subprocess.run([sys.executable, "-c", _BLOCKED_READ, str(plan), str(actuals), reader, moved],
                              capture_output=True, text=True, check=True, cwd=ROOT)
        return done.stdout.split()

    took, module, digest = read("fast", "moved")
    assert (took, module) == ("True", "blocked")
    assert read("exact", "in place") == ["True", "loaded", digest]
