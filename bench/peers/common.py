"""What the three peer scripts share: the plan's numbers and the status rules' constants.

Each peer is the script a user would write with that library to check the
benchmark plan (50 ``level`` targets, ``>=``, one milestone, baseline from the
CSV at the plan's ``baseline_year``, the linear method): the same formulas as
docs/evaluation.md#level-rank-cumulative for that case, no more.  It writes one
``target,unit,status`` line per result, sorted, so ``bench/run.py`` can check
that its statuses are policycheck's before printing any ratio.
"""
from __future__ import annotations

from pathlib import Path

import yaml

ON_TRACK, AT_RISK = 0.95, 0.6


def plan_targets(path: str) -> tuple[int, list[tuple[str, int, float]]]:
    """The plan's baseline year and, per target, ``(id, T, v_T)`` of its last milestone."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    plan = yaml.load(Path(path).read_text(encoding="utf-8"), Loader=loader)
    targets = []
    for target in plan["targets"]:
        final_year = max(target["milestones"])
        targets.append((target["id"], int(final_year), float(target["milestones"][final_year])))
    return int(plan["plan"]["baseline_year"]), targets
