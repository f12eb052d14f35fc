"""Shared test fixtures and paths."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PLANS_DIR = ROOT / "plans"
EXAMPLES_DIR = ROOT / "examples"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
#: The strict JUnit XSD and the SARIF 2.1.0 schema (origin and licence in its README.md).
SCHEMAS_DIR = FIXTURES / "schemas"


@pytest.fixture(autouse=True)
def _no_columns(monkeypatch: pytest.MonkeyPatch) -> None:
    """COLUMNS sets the table width; a CI runner's value must not change exact outputs."""
    monkeypatch.delenv("COLUMNS", raising=False)
