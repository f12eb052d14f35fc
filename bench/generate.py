"""Generate national-scale benchmark data, deterministically.

A plan whose 50 level targets are scoped to a group of all 2,844 county-level
units, with long-form actuals for 2018-2025 (8 years): 50 x 2,844 x 8 =
1,137,600 rows.  ``--scale 0.1`` gives the 10x smaller variant (284 units).

    python bench/generate.py --out bench/data            # large and small sets
"""
from __future__ import annotations

import argparse
import csv
import random
from pathlib import Path

COUNTIES = 2844
TARGETS = 50
YEARS = range(2018, 2026)
SEED = 20261123


def unit_ids(count: int) -> list[str]:
    return [f"c{i:04d}" for i in range(1, count + 1)]


def write_plan(path: Path, units: list[str]) -> None:
    lines = [
        "# yaml-language-server: $schema=../../schemas/plan.schema.json",
        "policycheck: 1",
        "plan:",
        f"  id: bench-national-{len(units)}",
        "  title: 全国县域科技创新基准测试规划 (benchmark)",
        "  period: {start: 2019, end: 2027}",
        "  baseline_year: 2018",
        "units:",
        "  kjb: {name: 科技部, name_en: Ministry of Science and Technology}",
    ]
    lines += [f"  {uid}: {{name: 县级单位{uid[1:]}, group: counties}}" for uid in units]
    lines.append("targets:")
    for t in range(1, TARGETS + 1):
        lines += [
            f"  - id: t{t:02d}",
            f"    name: 基准指标{t:02d}",
            f"    name_en: Benchmark indicator {t:02d}",
            "    unit: 个",
            "    kind: level",
            '    comparator: ">="',
            # The straight line as it is: the figures are amounts with decimals, and the peers
            # (bench/peers/) implement the linear path, not the whole-number one of small counts.
            "    path: linear",
            f"    milestones: {{2027: {100 + t}}}",
            "    responsible: [kjb]",
            "    scope: {group: counties}",
            f"    quote: 基准指标{t:02d}达到{100 + t}个",
        ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def write_actuals(path: Path, units: list[str]) -> int:
    """Long form, one row per target, unit and year; returns the row count."""
    rng = random.Random(SEED)
    rows = 0
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["target", "unit", "year", "value", "status"])
        for t in range(1, TARGETS + 1):
            for uid in units:
                level = 50.0 + rng.random() * 20
                for year in YEARS:
                    writer.writerow([f"t{t:02d}", uid, year, f"{level:.2f}", "final"])
                    level += rng.random() * 12 - 2
                    rows += 1
    return rows


def generate(out: Path, scale: float) -> tuple[Path, Path, int]:
    out.mkdir(parents=True, exist_ok=True)
    units = unit_ids(max(1, round(COUNTIES * scale)))
    suffix = "large" if scale == 1 else f"x{scale:g}"
    plan, actuals = out / f"plan-{suffix}.yaml", out / f"actuals-{suffix}.csv"
    write_plan(plan, units)
    rows = write_actuals(actuals, units)
    return plan, actuals, rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=Path(__file__).parent / "data")
    parser.add_argument("--scale", type=float, action="append",
                        help="fraction of the 2,844 units (repeatable; default: 1 and 0.1)")
    args = parser.parse_args()
    for scale in args.scale or [1.0, 0.1]:
        plan, actuals, rows = generate(args.out, scale)
        print(f"{plan}  {actuals}  {rows:,} rows")


if __name__ == "__main__":
    main()
