"""The examples under each command's ``--help`` (click's epilog).

Kept apart from the commands so that ``commands.py`` stays about options;
click prints a paragraph that starts with ``\\b`` exactly as written.
"""
from __future__ import annotations

MAIN = """\b
Examples:
  policycheck validate plans/ data/
  policycheck check plans/linhai-315-2023-2027.yaml -a data/2024.csv
  policycheck template plans/linhai-315-2023-2027.yaml -o data/2025.csv

Defaults for every run go in policycheck.toml (docs/configuration.md). Shell
completion for bash: eval "$(_POLICYCHECK_COMPLETE=bash_source policycheck)".
"""
VALIDATE = """\b
Examples:
  policycheck validate plans/ data/                 # what check would refuse, before it runs
  policycheck validate --lang en -f github plans/*.yaml data/actuals.csv
  policycheck validate --strict -o sarif=validate.sarif plans/
"""
CHECK = """\b
Examples:
  policycheck check plans/linhai-315-2023-2027.yaml -a data/2024.csv
  policycheck check plans/*.yaml -a data/2024.csv --fail-on missed -f markdown
  policycheck check plans/x.yaml -a data/a.csv -o html=report.html -o junit=junit.xml
"""
UNITS = """\b
Examples:
  policycheck units plans/linhai-315-2023-2027.yaml -a data/2024.csv
  policycheck units plans/x.yaml -a data/a.csv -f markdown -o csv=units.csv
"""
EXPLAIN = """\b
Examples:
  policycheck explain plans/linhai-315-2023-2027.yaml rd-intensity -a data/2024.csv
  policycheck explain plans/x.yaml hightech-enterprises -a data/a.csv --year 2024 --lang en
"""
TEMPLATE = """\b
Examples:
  policycheck template plans/linhai-315-2023-2027.yaml -o data/2025.csv
  policycheck template plans/*.yaml --years 2022-2025 --wide --lang en
  policycheck template plans/x.yaml -o data/2025.csv --force   # replace an existing file
"""
DIFF = """\b
Examples:
  policycheck diff last-year.json this-year.json    # exit 1 when a target got worse
  policycheck diff last-year.json this-year.json -f markdown -o json=changes.json
  policycheck diff last-year.json this-year.json -q --lang en
"""
SCHEMA = """\b
Examples:
  policycheck schema plan > schemas/plan.schema.json
  policycheck schema report
"""
