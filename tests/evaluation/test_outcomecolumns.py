"""Outcomes stored column by column per target (policycheck/evaluation/outcomecolumns.py): every
outcome comes back equal to the one stored, each value of its own type."""
from __future__ import annotations

from array import array

import pytest

from policycheck.evaluation.outcome import Outcome
from policycheck.evaluation.outcomecolumns import FIELDS, OutcomeColumns
from policycheck.evaluation.reasons import because
from policycheck.model import Baseline


def _outcomes() -> list[Outcome]:
    shared = because("no_data", year=2025)
    return [
        Outcome(actual=1.0, target_value=1, expected=-0.0, gap=0.1 + 0.2, method="linear", reason=shared,
                baseline=Baseline(2020, 0.5), path=((2020, 0.5), (2025, 1.0))),
        Outcome(actual=2.5, target_value=True, expected=1e-300, gap=None, method="linear", reason=shared),
        Outcome(actual=3.0, target_value=1.0, expected=1.7e308, gap=-2.0, method="cagr", status="met",
                reason=because("achieved", actual="3")),
    ]


def test_every_outcome_comes_back_equal_and_of_its_own_types() -> None:
    stored = OutcomeColumns()
    originals = _outcomes()
    for position, out in enumerate(originals):
        stored.append(out, new_block=position == 0)
    assert len(stored) == 3
    again = [stored.outcome(i) for i in range(3)]
    assert again == originals
    # 1, True and 1.0 are equal but not the same: each comes back as it was
    assert [type(o.target_value) for o in again] == [int, bool, float]
    assert [repr(o.expected) for o in again] == ["-0.0", "1e-300", "1.7e+308"]
    assert again[0].gap == 0.30000000000000004
    assert list(stored.each()) == originals
    assert list(stored.values(FIELDS.index("status"))) == ["pending", "pending", "met"]
    assert stored.value(2, FIELDS.index("method")) == "cagr"
    with pytest.raises(IndexError):
        stored.outcome(3)
    assert list(stored.drain()) == originals
    assert len(stored) == 0


def test_a_value_all_share_is_kept_once_and_floats_in_an_array() -> None:
    stored = OutcomeColumns()
    for position, out in enumerate(_outcomes()[:2]):
        stored.append(out, new_block=position == 0)
    stored.seal()
    (block,) = stored._blocks
    assert block.columns[FIELDS.index("method")].value == "linear"  # type: ignore[union-attr]
    assert isinstance(block.columns[FIELDS.index("actual")], array)
    assert isinstance(block.columns[FIELDS.index("gap")], tuple)  # a float and a None


def test_a_new_block_per_target() -> None:
    stored = OutcomeColumns()
    for out in _outcomes():
        stored.append(out, new_block=True)
    assert [stored.outcome(i) for i in range(3)] == _outcomes()
    assert len(stored._blocks) == 3
