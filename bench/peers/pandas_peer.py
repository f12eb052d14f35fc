"""The benchmark check as a pandas script: python pandas_peer.py PLAN CSV OUT (see common.py)."""
from __future__ import annotations

import sys

import numpy as np
import pandas as pd
from common import AT_RISK, ON_TRACK, plan_targets


def eps(v: pd.Series) -> pd.Series:
    return 1e-9 * np.maximum(1.0, v.abs())


def main(plan_path: str, csv_path: str, out: str) -> None:
    y0, targets = plan_targets(plan_path)
    plan = pd.DataFrame(targets, columns=["target", "T", "vT"])
    df = pd.read_csv(csv_path, usecols=["target", "unit", "year", "value"],
                     dtype={"target": str, "unit": str, "year": "int32", "value": "float64"})
    year = int(df["year"].max())  # the assessment year: the latest with an actual
    now = df[df["year"] == year].drop(columns="year").rename(columns={"value": "a"})
    base = df[df["year"] == y0].drop(columns="year").rename(columns={"value": "b"})
    m = now.merge(base, on=["target", "unit"]).merge(plan, on="target")
    a, b, v_t, t = m["a"], m["b"], m["vT"], m["T"]
    met = a >= v_t - eps(v_t)
    required = (b + (year - y0) / (t - y0) * (v_t - b)) - b
    none_due = required <= eps(required)
    rho = (a - b) / required
    m["status"] = np.select(
        [met, year >= t, none_due & (a - b >= -eps(b)), none_due,
         rho >= ON_TRACK, rho >= AT_RISK, rho >= 0],
        ["met", "missed", "on_track", "regressing", "on_track", "at_risk", "off_track"],
        "regressing")
    m.sort_values(["target", "unit"])[["target", "unit", "status"]].to_csv(out, index=False)


if __name__ == "__main__":
    main(*sys.argv[1:4])
