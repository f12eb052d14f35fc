"""The benchmark check as DuckDB SQL: python duckdb_peer.py PLAN CSV OUT (see common.py)."""
from __future__ import annotations

import sys

import duckdb
from common import AT_RISK, ON_TRACK, plan_targets

SQL = """
WITH obs AS (
  SELECT target, unit, year, value FROM read_csv(?, header = true,
    columns = {'target': 'VARCHAR', 'unit': 'VARCHAR', 'year': 'INTEGER', 'value': 'DOUBLE', 'status': 'VARCHAR'})
), y AS (SELECT max(year) AS year FROM obs),
m AS (
  SELECT n.target, n.unit, n.value AS a, b.value AS b, p.T AS t, p.vT AS vt, y.year AS year
  FROM obs n JOIN y ON n.year = y.year
  JOIN obs b ON b.target = n.target AND b.unit = n.unit AND b.year = ?
  JOIN plan p ON p.target = n.target
), r AS (
  SELECT *, (b + (year - ?) / (t - ?) * (vt - b)) - b AS req FROM m
), s AS (
  SELECT *, req <= 1e-9 * greatest(1.0, abs(req)) AS none_due, (a - b) / req AS rho FROM r
)
SELECT target, unit, CASE
  WHEN a >= vt - 1e-9 * greatest(1.0, abs(vt)) THEN 'met'
  WHEN year >= t THEN 'missed'
  WHEN none_due AND a - b >= -1e-9 * greatest(1.0, abs(b)) THEN 'on_track'
  WHEN none_due THEN 'regressing'
  WHEN rho >= ? THEN 'on_track'
  WHEN rho >= ? THEN 'at_risk'
  WHEN rho >= 0 THEN 'off_track'
  ELSE 'regressing' END AS status
FROM s ORDER BY target, unit
"""


def main(plan_path: str, csv_path: str, out: str) -> None:
    y0, targets = plan_targets(plan_path)
    con = duckdb.connect()
    con.execute("CREATE TABLE plan (target VARCHAR, T INTEGER, vT DOUBLE)")
    con.executemany("INSERT INTO plan VALUES (?, ?, ?)", targets)
    rel = con.execute(SQL, [csv_path, y0, float(y0), float(y0), ON_TRACK, AT_RISK])
    with open(out, "w", encoding="utf-8", newline="") as handle:
        handle.write("target,unit,status\n")
        for target, unit, status in rel.fetchall():
            handle.write(f"{target},{unit},{status}\n")


if __name__ == "__main__":
    main(*sys.argv[1:4])
