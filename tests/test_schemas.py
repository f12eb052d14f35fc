"""The JSON Schemas: the package ships them, and schemas/ at the top holds byte-identical copies for editors."""
from __future__ import annotations

import json

import pytest

from policycheck.schemas import SCHEMA_NAMES, load_schema, schema_text
from tests.helpers.paths import ROOT


@pytest.mark.parametrize("name", SCHEMA_NAMES)
def test_the_repository_copy_is_the_shipped_schema(name: str) -> None:
    shipped = (ROOT / "policycheck" / "schemas" / f"{name}.schema.json").read_bytes()
    assert (ROOT / "schemas" / f"{name}.schema.json").read_bytes() == shipped
    assert schema_text(name).encode("utf-8") == shipped
    assert load_schema(name) == json.loads(shipped)


def test_an_unknown_schema_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="unknown schema 'nope'; choose one of plan, report"):
        schema_text("nope")
