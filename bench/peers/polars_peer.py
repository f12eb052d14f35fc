"""The benchmark check as a polars script: python polars_peer.py PLAN CSV OUT (see common.py)."""
from __future__ import annotations

import sys

import polars as pl
from common import AT_RISK, ON_TRACK, plan_targets


def eps(v: pl.Expr) -> pl.Expr:
    return 1e-9 * pl.max_horizontal(pl.lit(1.0), v.abs())


def main(plan_path: str, csv_path: str, out: str) -> None:
    y0, targets = plan_targets(plan_path)
    plan = pl.DataFrame(targets, schema=["target", "T", "vT"], orient="row")
    df = pl.read_csv(csv_path, columns=["target", "unit", "year", "value"],
                     schema_overrides={"target": pl.Utf8, "unit": pl.Utf8, "year": pl.Int32, "value": pl.Float64})
    year = int(df["year"].max())  # the assessment year: the latest with an actual
    now = df.filter(pl.col("year") == year).select("target", "unit", a="value")
    base = df.filter(pl.col("year") == y0).select("target", "unit", b="value")
    m = now.join(base, on=["target", "unit"]).join(plan, on="target")
    a, b, v_t, t = pl.col("a"), pl.col("b"), pl.col("vT"), pl.col("T")
    required = (b + (year - y0) / (t - y0) * (v_t - b)) - b
    none_due = required <= eps(required)
    rho = (a - b) / required
    status = (pl.when(a >= v_t - eps(v_t)).then(pl.lit("met"))
              .when(t <= year).then(pl.lit("missed"))
              .when(none_due & (a - b >= -eps(b))).then(pl.lit("on_track"))
              .when(none_due).then(pl.lit("regressing"))
              .when(rho >= ON_TRACK).then(pl.lit("on_track"))
              .when(rho >= AT_RISK).then(pl.lit("at_risk"))
              .when(rho >= 0).then(pl.lit("off_track"))
              .otherwise(pl.lit("regressing")))
    m.select("target", "unit", status.alias("status")).sort("target", "unit").write_csv(out)


if __name__ == "__main__":
    main(*sys.argv[1:4])
