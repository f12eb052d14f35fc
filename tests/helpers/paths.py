"""Where the repository's files are, for every test."""
from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PLANS_DIR = ROOT / "plans"
EXAMPLES_DIR = ROOT / "examples"
FIXTURES = ROOT / "tests" / "fixtures"
#: The strict JUnit XSD and the SARIF 2.1.0 schema (origin and licence in its README.md).
SCHEMAS_DIR = FIXTURES / "schemas"
