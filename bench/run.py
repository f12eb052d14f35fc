"""Measure policycheck against the performance targets of docs/performance.md, in one run.

    pip install -e '.[fast]' -r bench/requirements.txt   # pyarrow, and the peers (bench/requirements.txt)
    python bench/run.py                          # generates bench/data/ if needed, prints a table

The peers (bench/peers/) run only when installed; before any ratio against
them is printed, their statuses are checked identical to policycheck's on
every one of the 142,200 results.

Every figure is the median of ``--runs`` wall-clock runs of a fresh process,
so interpreter start-up is included on both sides of each ratio.  Peak memory
is the maximum resident set size reported by ``/usr/bin/time -v``.
"""
from __future__ import annotations

import argparse
import csv
import importlib.util
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "bench" / "data"
PEER_DIR = ROOT / "bench" / "peers"
PY = sys.executable
#: The children's environment: a user's installed package has its bytecode cached,
#: so PYTHONDONTWRITEBYTECODE (which would make every run compile every module) is dropped.
ENV = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
CSV_PASS = ("import csv,sys\nwith open(sys.argv[1], newline='', encoding='utf-8') as f:\n"
            "    for _ in csv.reader(f): pass")


@dataclass
class Row:
    what: str
    value: str
    target: str
    ok: bool | None


#: Median CPU seconds (user + sys) of the last :func:`timed` call's runs: on a
#: machine shared with other jobs, wall time varies with their load, CPU time much less.
LAST_CPU: list[float] = [0.0]


def timed(cmd: list[str], runs: int, *, ok_codes: tuple[int, ...] = (0, 1)) -> float:
    """Median wall time in seconds of ``runs`` runs of ``cmd`` (CPU time in LAST_CPU)."""
    times, cpu = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        proc = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=ROOT, env=ENV)
        times.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
        if proc.returncode not in ok_codes:
            raise SystemExit(f"{' '.join(cmd)} exited {proc.returncode}:\n{proc.stderr.decode()[-2000:]}")
    LAST_CPU[0] = statistics.median(cpu)
    return statistics.median(times)


def peak_mib(cmd: list[str]) -> float:
    """Maximum resident set size of one run, in MiB (needs GNU time)."""
    proc = subprocess.run(["/usr/bin/time", "-v", *cmd], stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE, text=True, cwd=ROOT, env=ENV)
    match = re.search(r"Maximum resident set size \(kbytes\): (\d+)", proc.stderr)
    if not match:
        raise SystemExit(f"/usr/bin/time gave no peak memory:\n{proc.stderr[-2000:]}")
    return int(match.group(1)) / 1024


def ensure_data() -> None:
    if not (DATA / "actuals-large.csv").exists() or not (DATA / "actuals-x0.1.csv").exists():
        subprocess.run([PY, str(ROOT / "bench" / "generate.py"), "--out", str(DATA)], check=True)


def policycheck(*args: str) -> list[str]:
    return [PY, "-m", "policycheck", *args]


#: The national check with the standard library's reader (the [fast] figures name theirs).
NATIONAL = ["check", str(DATA / "plan-large.yaml"), "-a", str(DATA / "actuals-large.csv"), "-q"]
LARGE = [*NATIONAL, "--reader", "exact"]
SMALL = ["check", str(DATA / "plan-x0.1.yaml"), "-a", str(DATA / "actuals-x0.1.csv"), "-q", "--reader", "exact"]
PEERS = ("pandas", "polars", "duckdb")


def statuses(path: Path) -> list[tuple[str, str, str]]:
    """``(target, unit, status)`` of every row of a CSV report or a peer's output, sorted."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return sorted((r["target"], r["unit"], r["status"]) for r in csv.DictReader(handle))


def installed(module: str) -> bool:
    return importlib.util.find_spec(module) is not None


def check_peers(tmp: Path) -> list[str]:
    """Run each installed peer once on the large data; stop unless its statuses are policycheck's."""
    subprocess.run(policycheck(*LARGE, "-o", f"csv={tmp}/report.csv"), cwd=ROOT, env=ENV, check=False,
                   stdout=subprocess.DEVNULL)
    ours = statuses(tmp / "report.csv")
    peers = []
    for name in PEERS:
        if not installed(name):
            continue
        out = tmp / f"{name}.csv"
        subprocess.run([PY, str(PEER_DIR / f"{name}_peer.py"), *peer_args(), str(out)], cwd=ROOT, env=ENV, check=True)
        theirs = statuses(out)
        if theirs != ours:
            diff = next((o, t) for o, t in zip(ours, theirs, strict=False) if o != t) if theirs else ("", "")
            raise SystemExit(f"the {name} peer's statuses differ from policycheck's "
                             f"({len(theirs)} vs {len(ours)} results; first difference {diff}): no ratios")
        peers.append(name)
    return peers


def peer_args() -> list[str]:
    return [str(DATA / "plan-large.yaml"), str(DATA / "actuals-large.csv")]


def measure_check(runs: int) -> list[Row]:
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        peers = check_peers(tmp)
        csv_pass = timed([PY, "-c", CSV_PASS, str(DATA / "actuals-large.csv")], runs)
        csv_cpu = LAST_CPU[0]
        check = timed(policycheck(*LARGE), runs)
        check_cpu = LAST_CPU[0]
        peak = peak_mib(policycheck(*LARGE))
        check_small = timed(policycheck(*SMALL), runs)
        json_cmd = policycheck(*LARGE, "-o", f"json={tmp}/report.json")
        with_json = timed(json_cmd, runs)
        json_cpu = LAST_CPU[0]
        json_peak = peak_mib(json_cmd)
        report_size = (tmp / "report.json").stat().st_size
        write_alone = write_time(tmp / "report.json", runs)
        peer_times, peer_cpu = {}, {}
        for name in peers:
            peer_times[name] = timed([PY, str(PEER_DIR / f"{name}_peer.py"), *peer_args(), str(tmp / "p.csv")],
                                     runs, ok_codes=(0,))
            peer_cpu[name] = LAST_CPU[0]
        peer_peaks = {name: peak_mib([PY, str(PEER_DIR / f"{name}_peer.py"), *peer_args(), str(tmp / "p.csv")])
                      for name in peers}
        fast = measure_fast(tmp, runs) if installed("pyarrow") else None
    scaling = check / check_small
    rows = [
        Row("csv.reader pass, 1.14 M rows", f"{csv_pass:.2f} s", "", None),
        Row("check -q, 1.14 M rows", f"{check:.2f} s", f"peak {peak:.0f} MiB", None),
        Row("check / csv.reader", f"{check / csv_pass:.2f}x", "<= 3.5x", check / csv_pass <= 3.5),
        Row("  the same in CPU time", f"{check_cpu / csv_cpu:.2f}x", f"({check_cpu:.2f} s / {csv_cpu:.2f} s)", None),
        Row("peak memory, check -q", f"{peak:.0f} MiB", "<= 150 MiB", peak <= 150),
        *fast_rows(fast, csv_pass, peer_times.get("pandas")),
        Row("check -q, 114 k rows", f"{check_small:.2f} s", "", None),
        Row("10x rows / time ratio", f"{scaling:.2f}x", "<= 11x", scaling <= 11),
        Row("check -q -o json", f"{with_json:.2f} s", f"peak {json_peak:.0f} MiB", None),
        Row("-o json / check", f"{with_json / check:.2f}x", "<= 1.3x", with_json / check <= 1.3),
        Row("  the same in CPU time", f"{json_cpu / check_cpu:.2f}x", "", None),
        Row(f"  writing its {report_size / 1e6:.0f} MB alone", f"{write_alone:.2f} s",
            f"no encoding; 1.3x leaves {0.3 * check:.2f} s for encoding and writing", None),
        Row("peak -o json - peak check", f"{json_peak - peak:.0f} MiB", "<= 50 MiB", json_peak - peak <= 50),
    ]
    for name in PEERS:
        if name not in peers:
            rows.append(Row(f"{name} peer", "-", "not installed (bench/requirements.txt)", None))
            continue
        rows += [
            Row(f"{name} peer (same statuses)", f"{peer_times[name]:.2f} s", f"peak {peer_peaks[name]:.0f} MiB", None),
            Row(f"  check / {name} peer", f"{check / peer_times[name]:.2f}x",
                f"CPU time: {check_cpu / peer_cpu[name]:.2f}x ({peer_cpu[name]:.2f} s)", None),
        ]
    return rows


def write_time(report: Path, runs: int) -> float:
    """Median wall time of writing ``report``'s bytes to a new file beside it and renaming that over
    ``report``, as ``-o json`` finishes (docs/security.md#5-atomic-outputs-all-or-nothing): what the JSON report costs
    on this machine's disk with no encoding at all (docs/performance.md#what-blocks-the-remaining-targets)."""
    data = report.read_bytes()
    scratch = report.with_name(report.name + ".write-alone")
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        with scratch.open("wb") as handle:
            handle.write(data)
        os.replace(scratch, report)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def measure_fast(tmp: Path, runs: int) -> tuple[float, float, float]:
    """``check -q --reader fast`` on the large data: wall and CPU time, peak; its JSON report
    must be byte for byte the exact reader's first."""
    reports = []
    for reader in ("exact", "fast"):
        out = tmp / f"report-{reader}.json"
        subprocess.run(policycheck(*NATIONAL, "--reader", reader, "-o", f"json={out}"), cwd=ROOT,
                       env={**ENV, "SOURCE_DATE_EPOCH": "1700000000"}, check=False, stdout=subprocess.DEVNULL)
        reports.append(out.read_bytes())
    if reports[0] != reports[1]:
        raise SystemExit("the fast reader's JSON report differs from the exact reader's: no figures")
    wall = timed(policycheck(*NATIONAL, "--reader", "fast"), runs)
    return wall, LAST_CPU[0], peak_mib(policycheck(*NATIONAL, "--reader", "fast"))


def fast_rows(fast: tuple[float, float, float] | None, csv_pass: float, pandas: float | None) -> list[Row]:
    if fast is None:
        return [Row("check -q with [fast]", "-", "pyarrow not installed (pip install '.[fast]')", False)]
    wall, cpu, peak = fast
    rows = [Row("check -q with [fast]", f"{wall:.2f} s", f"CPU {cpu:.2f} s, peak {peak:.0f} MiB (same JSON report)",
                None),
            Row("  [fast] / csv.reader", f"{wall / csv_pass:.2f}x", "<= 2x", wall / csv_pass <= 2),
            Row("  [fast] peak", f"{peak:.0f} MiB", "<= 300 MiB", peak <= 300)]
    if pandas is not None:
        rows.append(Row("  [fast] / pandas peer", f"{wall / pandas:.2f}x", "<= 1x", wall <= pandas))
    return rows


def measure_small(runs: int) -> list[Row]:
    """The Taicang example against yamllint on the same plan (start-up dominates both)."""
    plan = "plans/taicang-sti-2018-2020.yaml"
    ours = timed(policycheck("check", plan, "-a", "examples/taicang.csv"), runs)
    ours_cpu = LAST_CPU[0]
    tool = shutil.which("yamllint", path=str(Path(PY).parent)) or shutil.which("yamllint")
    if tool is None:
        return [Row("check taicang (small)", f"{ours * 1000:.0f} ms", "yamllint not installed", None)]
    theirs = timed([tool, plan], runs)
    return [
        Row("check taicang (small)", f"{ours * 1000:.0f} ms", f"CPU {ours_cpu * 1000:.0f} ms", None),
        Row("yamllint on the same plan", f"{theirs * 1000:.0f} ms", f"CPU {LAST_CPU[0] * 1000:.0f} ms", None),
        Row("small check / yamllint", f"{ours / theirs:.2f}x", "<= 1x", ours <= theirs),
    ]


def measure_validate(runs: int) -> list[Row]:
    plans = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "plans").glob("*.yaml"))
    ours = timed(policycheck("validate", "plans/"), runs)
    # Look beside this interpreter first: a venv's scripts need not be on PATH.
    tool = shutil.which("check-jsonschema", path=str(Path(PY).parent)) or shutil.which("check-jsonschema")
    if tool is None:
        return [Row("validate plans/", f"{ours:.3f} s", "check-jsonschema not installed", None)]
    theirs = timed([tool, "--schemafile", "schemas/plan.schema.json", *plans], runs)
    ratio = ours / theirs
    return [
        Row("validate plans/", f"{ours:.3f} s", "", None),
        Row("check-jsonschema plans/*.yaml", f"{theirs:.3f} s", "", None),
        Row("validate / check-jsonschema", f"{ratio:.2f}x", "<= 0.75x", ratio <= 0.75),
    ]


def measure_startup(runs: int) -> list[Row]:
    version = timed(policycheck("--version"), runs, ok_codes=(0,))
    version_cpu = LAST_CPU[0]
    help_ = timed(policycheck("--help"), runs, ok_codes=(0,))
    return [
        Row("policycheck --version", f"{version * 1000:.0f} ms", "<= 80 ms", version <= 0.08),
        Row("  the same in CPU time", f"{version_cpu * 1000:.0f} ms", "", None),
        Row("policycheck --help", f"{help_ * 1000:.0f} ms", f"< 100 ms (CPU {LAST_CPU[0] * 1000:.0f} ms)",
            help_ < 0.1),
    ]


def heaviest_imports(count: int = 8) -> list[str]:
    """The slowest cumulative imports of ``policycheck --version`` (-X importtime)."""
    proc = subprocess.run([PY, "-X", "importtime", "-m", "policycheck", "--version"],
                          stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True, cwd=ROOT, env=ENV)
    rows = []
    for line in proc.stderr.splitlines():
        match = re.match(r"import time:\s+\d+ \|\s+(\d+) \|(\s*)(\S+)", line)
        if match and len(match.group(2)) <= 2:  # top-level imports only
            rows.append((int(match.group(1)), match.group(3)))
    return [f"{us / 1000:7.1f} ms  {name}" for us, name in sorted(rows, reverse=True)[:count]]


def print_table(rows: list[Row]) -> None:
    width = max(len(r.what) for r in rows) + 2
    for r in rows:
        verdict = "" if r.ok is None else ("  met" if r.ok else "  NOT MET")
        print(f"{r.what:<{width}}{r.value:>12}  {r.target}{verdict}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5, help="runs per figure (median); default 5")
    parser.add_argument("--skip-large", action="store_true", help="only start-up and validate")
    args = parser.parse_args()
    print(f"python {sys.version.split()[0]} on {os.uname().machine}, {os.cpu_count()} cores")
    if sys.prefix == sys.base_prefix:
        # Outside a venv, site-packages .pth files of the machine can add tens
        # of milliseconds to every start-up and distort the start-up figures.
        print("note: not running in a virtual environment; start-up times include the system site")
    # Bytecode for every module first, as an installed package has it.
    subprocess.run([PY, "-m", "compileall", "-q", str(ROOT / "policycheck"), str(PEER_DIR)], check=True, env=ENV)
    rows = measure_startup(args.runs) + measure_small(args.runs) + measure_validate(args.runs)
    if not args.skip_large:
        ensure_data()
        rows += measure_check(max(1, args.runs))
    print_table(rows)
    print("\nheaviest imports of `policycheck --version` (cumulative):")
    print("\n".join(heaviest_imports()))
    if any(r.ok is False for r in rows):
        sys.exit(1)


if __name__ == "__main__":
    main()
