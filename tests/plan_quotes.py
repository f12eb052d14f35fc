"""Check that every target quote in a plan YAML is found in its seed document.

A plan file is only trustworthy if a reviewer holding the original document
can find each target's words in it. This module is shared by the per-plan
tests (``tests/test_plans_*.py``), with the small readers they all need
(:func:`raw_plan`, :func:`raw_targets_by_id`, :func:`loaded_plan`,
:func:`target_of`)::

    from plan_quotes import assert_quotes_in_document
    assert_quotes_in_document(PLANS_DIR / "x.yaml", seed_path)

Matching rules (see docs/plan-format.md):

* both sides are normalised with Unicode NFKC (full-width letters, digits and
  punctuation become their half-width forms) and all whitespace is removed,
  because seed texts were extracted from web pages and PDFs with arbitrary
  line breaks and spaces;
* a quote may skip words inside one sentence with ``…``: the quote is split on
  ``…`` *before* normalising (NFKC would turn ``…`` into ``...``) and every
  piece must be found in the document after the end of the previous piece.
"""
from __future__ import annotations

import unicodedata
from pathlib import Path
from typing import Any

import yaml

from policycheck.model import Plan, Target
from policycheck.plans.build import check_plan_file

ELLIPSIS = "…"


def normalise(text: str) -> str:
    """Return ``text`` in NFKC form with every whitespace character removed."""
    return "".join(unicodedata.normalize("NFKC", text).split())


def quote_pieces(quote: str) -> list[str]:
    """Split a quote on ``…`` and normalise each non-empty piece."""
    pieces = (normalise(piece) for piece in quote.split(ELLIPSIS))
    return [piece for piece in pieces if piece]


def find_in_order(pieces: list[str], document: str) -> str | None:
    """Return the first piece not found after its predecessor, or None if all are."""
    position = 0
    for piece in pieces:
        found = document.find(piece, position)
        if found < 0:
            return piece
        position = found + len(piece)
    return None


def raw_plan(plan_path: Path) -> dict[str, Any]:
    """A plan file as plain YAML data, independent of the loader under test."""
    data = yaml.safe_load(Path(plan_path).read_text(encoding="utf-8"))
    assert isinstance(data, dict), plan_path
    return data


def raw_targets_by_id(plan_path: Path) -> dict[str, dict[str, Any]]:
    return {t["id"]: t for t in raw_plan(plan_path)["targets"]}


def loaded_plan(plan_path: Path) -> Plan:
    """The plan through the real loader; fails the test with its findings if it does not load."""
    loaded = check_plan_file(str(plan_path))
    assert loaded.plan is not None, loaded.findings
    return loaded.plan


def target_of(plan: Plan, target_id: str) -> Target:
    target = plan.target(target_id)
    assert target is not None, target_id
    return target


def _targets(plan_path: Path) -> list[dict[str, Any]]:
    """Read the ``targets`` list of a plan file (plain safe YAML; no validation)."""
    data = yaml.safe_load(Path(plan_path).read_text(encoding="utf-8"))
    targets = data.get("targets") if isinstance(data, dict) else None
    return [t for t in targets or [] if isinstance(t, dict)]


def quote_problems(
    plan_path: Path | str, seed_path: Path | str, *, require_quote: bool = True
) -> list[str]:
    """Return one message per target whose quote is absent from the seed document."""
    document = normalise(Path(seed_path).read_text(encoding="utf-8"))
    problems: list[str] = []
    for target in _targets(Path(plan_path)):
        target_id = target.get("id", "?")
        quote = target.get("quote")
        if not isinstance(quote, str) or not quote.strip():
            if require_quote:
                problems.append(f"{target_id}: no quote")
            continue
        pieces = quote_pieces(quote)
        missing = find_in_order(pieces, document) if pieces else quote
        if missing is not None:
            problems.append(f"{target_id}: quote piece {missing!r} not found in order")
    return problems


def assert_quotes_in_document(
    plan_path: Path | str, seed_path: Path | str, *, require_quote: bool = True
) -> None:
    """Fail with every offending target listed if any quote is not in the document."""
    problems = quote_problems(plan_path, seed_path, require_quote=require_quote)
    assert not problems, f"{plan_path}: quotes not found in {Path(seed_path).name}:\n" + "\n".join(
        problems
    )
