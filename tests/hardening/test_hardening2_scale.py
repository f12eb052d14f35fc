"""Plans scale linearly (docs/evaluation.md#the-unit-view, docs/security.md#3-bounded-resources).

Two hostile plans from the probe, each run as a real process under 20 CPU
seconds and 1 GiB of address space (the documented bound; both take a few
seconds and about 200 MB): 10,000 units that are each in ``scope`` and in
``responsible`` of one target, every one of them lagging (N² shortfall rows
before: 1 GB at N=1,000, killed at 24 GB for N=10,000), and 10,000 targets
(a linear scan per target id: 436 s for 100,000).
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from policycheck.actuals.resolve import Resolver
from policycheck.actuals.store import ObservationTable
from policycheck.evaluation.engine import evaluate
from policycheck.model import Scope, Unit
from policycheck.reporters import RenderOptions, render
from tests.hardening.hardening2_kit import GIB, ROOT, assert_clean, limits, run
from tests.helpers.evaluation_inputs import actuals, plan, target

N = 10_000
HEAD = "policycheck: 1\nplan: {id: scale, title: 规模, period: {start: 2021, end: 2025}, baseline_year: 2020}\n"


def _units_plan(folder: Path) -> tuple[Path, Path]:
    ids = ", ".join(f"u{i}" for i in range(N))
    units = "".join(f"  u{i}: {{name: 单位{i}}}\n" for i in range(N))
    plan_path = folder / "units.yaml"
    plan_path.write_text(HEAD + "units:\n" + units + "targets:\n  - id: area\n    name: 面积\n    unit: 万平方米\n"
                         "    kind: level\n    milestones: {2025: 100}\n    quote: q\n"
                         f"    responsible: [{ids}]\n    scope: {{units: [{ids}]}}\n", encoding="utf-8")
    csv_path = folder / "units.csv"
    csv_path.write_text("target,unit,year,value\n" + "".join(f"area,u{i},2020,10\narea,u{i},2023,11\n"
                                                             for i in range(N)), encoding="utf-8")
    return plan_path, csv_path


def _targets_plan(folder: Path) -> tuple[Path, Path]:
    plan_path = folder / "targets.yaml"
    plan_path.write_text(HEAD + "units:\n  kjj: {name: 科技局}\ntargets:\n" + "".join(
        f"  - {{id: t{i}, name: 指标{i}, unit: '%', kind: level, milestones: {{2025: 100}}, quote: q, "
        f"responsible: [kjj], baseline: {{year: 2020, value: 10}}}}\n" for i in range(N)), encoding="utf-8")
    csv_path = folder / "targets.csv"
    csv_path.write_text("target,year,value\n" + "".join(f"t{i},2023,11\n" for i in range(N)), encoding="utf-8")
    return plan_path, csv_path


def test_ten_thousand_lagging_units_in_scope_and_responsible(tmp_path: Path) -> None:
    plan_path, csv_path = _units_plan(tmp_path)
    report_path = tmp_path / "r.json"
    done = run(["units", plan_path, "-a", csv_path, "-f", "text", "-o", f"json={report_path}",
                "-o", f"csv={tmp_path / 'units.csv.out'}"], cpu_seconds=20, memory=GIB)
    assert done.returncode == 1, done.stderr  # every unit is off track
    assert_clean(done.stdout.decode(), done.stderr.decode())
    assert len(done.stdout) < 400 * N  # about 190 bytes a unit: linear
    assert report_path.stat().st_size < 3000 * N
    report = json.loads(report_path.read_text(encoding="utf-8"))
    assert len(report["results"]) == N
    assert all(len(r["responsible"]) <= 2 for r in report["results"])
    rows = {u["id"]: u["shortfalls"] for u in report["units"]}
    assert sum(len(s) for s in rows.values()) == 2 * N  # each unit: its own quota, and one row for the target
    assert rows["u0"] == [
        {"plan": "scale", "target": "area", "unit": None, "role": "lead", "status": "off_track", "gap": None,
         "count": N},
        {"plan": "scale", "target": "area", "unit": "u0", "role": "scope", "status": "off_track",
         "gap": pytest.approx(11 - 64.0), "count": 1}]
    assert [s["role"] for s in rows["u1"]] == ["support", "scope"]
    assert rows["u1"][0]["count"] == N
    assert len((tmp_path / "units.csv.out").read_text(encoding="utf-8-sig").splitlines()) == 2 * N + 1


def test_ten_thousand_targets(tmp_path: Path) -> None:
    plan_path, csv_path = _targets_plan(tmp_path)
    report_path = tmp_path / "r.json"
    done = run(["check", plan_path, "-a", csv_path, "-f", "text", "-o", f"json={report_path}"],
               cpu_seconds=20, memory=GIB)
    assert done.returncode == 1, done.stderr
    assert_clean(done.stdout.decode(), done.stderr.decode())
    report = json.loads(report_path.read_text(encoding="utf-8"))
    assert [r["target"] for r in report["results"]] == [f"t{i}" for i in range(N)]
    assert {r["status"] for r in report["results"]} == {"off_track"}
    assert len(done.stdout) < 300 * N


def test_shortfalls_of_scoped_units_are_filed_once_per_target_under_lead_and_supporters() -> None:
    # area: lead kjj, supporter jxj; scoped to a, b, c; a and b lag, c is fine.
    area = target("area", milestones=((2027, 1.0),), responsible=("kjj", "jxj"), scope=Scope(units=("a", "b", "c")))
    units = {uid: Unit(uid, name) for uid, name in
             (("kjj", "科技局"), ("jxj", "经信局"), ("a", "甲"), ("b", "乙"), ("c", "丙"))}
    data = actuals({("area", "a"): {2022: 0.5, 2025: 0.5}, ("area", "b"): {2022: 0.5, 2025: 0.4},
                    ("area", "c"): {2022: 0.5, 2025: 0.9}})
    report = evaluate([plan(area, units=units)], data)
    rows = {u.id: [(s.target, s.unit, s.role, s.status, s.count) for s in u.shortfalls] for u in report.units}
    assert rows == {"kjj": [("area", None, "lead", "regressing", 2)],
                    "jxj": [("area", None, "support", "regressing", 2)],
                    "a": [("area", "a", "scope", "off_track", 1)],
                    "b": [("area", "b", "scope", "regressing", 1)],
                    "c": []}
    assert [r.responsible for r in report.results] == [("kjj", "a"), ("kjj", "b"), ("kjj", "c")]
    text = render(report, "text", RenderOptions(lang="en"))
    assert "area [2 units]" in text
    assert r"area \[2 个单位\]" in render(report, "markdown", RenderOptions(lang="zh"))  # brackets escaped


#: Builds the resolver of one CSV file for a plan of 100,000 targets that share one name,
#: under the CPU limit: a list scanned per target made this quadratic (566 s for the CLI).
_SHARED_NAME = """
from policycheck.actuals.resolve import Resolver, fold_name
from policycheck.actuals.store import ObservationTable
from tests.helpers.evaluation_inputs import plan, target
big = plan(*[target(f"t{i}", name="n", name_en="N") for i in range(100_000)])
resolver = Resolver([big], {}, ObservationTable(), allow_unknown=False)
print(len(resolver.named[fold_name("n")]), len(resolver.named[fold_name("N")]), len(resolver.named))
"""


def test_a_hundred_thousand_targets_of_one_name_resolve_in_linear_time() -> None:
    done = subprocess.run([sys.executable, "-c", _SHARED_NAME], cwd=ROOT, capture_output=True,
                          preexec_fn=limits(cpu_seconds=10, memory=GIB), check=False)
    assert (done.returncode, done.stdout.decode()) == (0, "100000 100000 1\n"), done.stderr.decode()


def test_each_target_is_listed_once_under_each_of_its_names() -> None:
    # name and name_en fold to one name: still one entry for the target
    one = plan(target("a", name="Ｒ＆Ｄ 经费", name_en="r&d经费"), target("b", name="R&D经费"))
    resolver = Resolver([one], {}, ObservationTable(), allow_unknown=False)
    assert {k: [(p.id, t) for p, t in v] for k, v in resolver.named.items()} == {"r&d经费": [("p", "a"), ("p", "b")]}
