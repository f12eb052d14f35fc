"""The JSON Schemas shipped inside the package (plan and report)."""
from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

SCHEMA_NAMES: tuple[str, ...] = ("plan", "report")


def schema_text(name: str) -> str:
    """The schema file's text, exactly as shipped."""
    if name not in SCHEMA_NAMES:
        raise ValueError(f"unknown schema {name!r}; choose one of {', '.join(SCHEMA_NAMES)}")
    # Beside this module, as package_data installs it; importlib.resources would cost
    # more to import than the plan check it serves (docs/performance.md#start-up).
    return (Path(__file__).parent / f"{name}.schema.json").read_text(encoding="utf-8")


@cache
def load_schema(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(schema_text(name))
    return data
