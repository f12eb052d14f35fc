"""Generate the year-end reports of a plan through the Python API (SPEC 6).

    python examples/make_report.py plans/linhai-315-2023-2027.yaml examples/linhai.csv out/

writes out/<plan id>.md, .html and .json and prints the shortfalls by
responsible unit.  Exit code 2 with FILE:LINE:COL messages on bad input.
"""
from __future__ import annotations

import sys
from pathlib import Path

import policycheck


def main(plan_path: str, csv_path: str, out_dir: str) -> int:
    try:
        plan = policycheck.load_plan(plan_path)
        actuals = policycheck.load_actuals([csv_path], plans=[plan])
    except (policycheck.PlanError, policycheck.ActualsError) as exc:
        print(exc, file=sys.stderr)  # FILE:LINE:COL: level [RULE] message, one per line
        return 2
    report = policycheck.evaluate([plan], actuals)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    for fmt, suffix in (("markdown", "md"), ("html", "html"), ("json", "json")):
        (out / f"{plan.id}.{suffix}").write_text(policycheck.render(report, fmt, lang="zh"), encoding="utf-8")
    for unit in report.units:
        for shortfall in unit.shortfalls:
            print(f"{unit.name}\t{shortfall.role}\t{shortfall.target}\t{shortfall.status}")
    return 1 if report.summary.failing else 0


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    sys.exit(main(*sys.argv[1:]))
