"""Fixtures every test gets, and the Hypothesis profiles.

Paths and shared builders live in ``tests/helpers/``; this file holds only
what pytest must find by name.  Hypothesis runs derandomized by default
(profile ``ci``: the same examples on every machine and every run); set
``HYPOTHESIS_PROFILE=dev`` to explore new examples while working, or
``thorough`` for five times the examples before a release.
"""
from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, settings

settings.register_profile("ci", max_examples=100, derandomize=True, database=None, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("dev", max_examples=100, deadline=None)
settings.register_profile("thorough", max_examples=500, derandomize=True, database=None, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


@pytest.fixture(autouse=True)
def _no_columns(monkeypatch: pytest.MonkeyPatch) -> None:
    """COLUMNS sets the table width; a CI runner's value must not change exact outputs."""
    monkeypatch.delenv("COLUMNS", raising=False)
