"""The collector paused and given back (policycheck/gcpause.py, docs/performance.md#start-up).

A library call or a command that stops on bad input leaves the collector as
it found it: switched on, and with whatever the host program froze still frozen.
"""
from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

import policycheck
from policycheck.cli.commands import main
from policycheck.errors import ActualsError
from policycheck.gcpause import gc_paused
from tests.helpers.paths import EXAMPLES_DIR, PLANS_DIR

PLAN = str(PLANS_DIR / "taicang-sti-2018-2020.yaml")


@pytest.fixture
def collector_on() -> Iterator[None]:
    """The collector switched on, nothing frozen, before and after the test."""
    was_enabled = gc.isenabled()
    gc.enable()
    gc.unfreeze()
    yield
    gc.unfreeze()
    if not was_enabled:
        gc.disable()


def test_the_collector_is_on_after_check_raises(collector_on: None, tmp_path: Path) -> None:
    with pytest.raises(ActualsError) as raised:
        policycheck.check([PLAN], [str(tmp_path / "missing.csv")])
    assert [f.rule for f in raised.value.findings] == ["PC400"]
    assert gc.isenabled()


def test_the_collector_is_on_after_a_command_stops_on_a_missing_file(collector_on: None, tmp_path: Path) -> None:
    done = CliRunner().invoke(main, ["check", PLAN, "-a", str(tmp_path / "missing.csv")])
    assert done.exit_code == 2
    assert "[PC400]" in done.output
    assert gc.isenabled()


def test_the_collector_is_on_after_a_block_raises(collector_on: None) -> None:
    with pytest.raises(KeyError), gc_paused():
        assert not gc.isenabled()
        raise KeyError("x")
    assert gc.isenabled()


def test_a_paused_collector_stays_off(collector_on: None) -> None:
    gc.disable()
    with gc_paused():
        pass
    assert not gc.isenabled()


def test_what_the_host_froze_stays_frozen(collector_on: None) -> None:
    gc.freeze()
    frozen = gc.get_freeze_count()
    assert frozen > 0
    report = policycheck.check([PLAN], [str(EXAMPLES_DIR / "taicang.csv")])
    assert report.results
    assert gc.get_freeze_count() == frozen
    assert gc.isenabled()


def test_nothing_is_left_frozen_when_the_host_froze_nothing(collector_on: None) -> None:
    with gc_paused():
        kept = [[] for _ in range(1000)]
    assert gc.get_freeze_count() == 0
    assert len(kept) == 1000
