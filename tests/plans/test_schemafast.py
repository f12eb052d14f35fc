"""The quick schema check says "valid" only where jsonschema finds no error (policycheck/plans/schemafast.py)."""
from __future__ import annotations

import copy
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from policycheck.plans.schema import _non_finite_findings, non_finite_walk, plan_schema, plan_validator, text_keys
from policycheck.plans.schemafast import certainly_valid
from policycheck.plans.yamlload import YamlDoc, load_yaml
from tests.helpers.paths import FIXTURES, PLANS_DIR, ROOT


def _parses(path: Any) -> bool:
    loaded = load_yaml(str(path))
    return loaded.doc is not None and loaded.doc.data is not None


# Fixtures of YAML errors (PC100-PC102) have no data to compare, so they are left out
# here rather than skipped: a shipped plan that stopped parsing fails below instead.
YAML_FILES = sorted(path for path in [*PLANS_DIR.glob("*.yaml"), *FIXTURES.rglob("*.yaml"),
                                      *(ROOT / "examples").rglob("*.yaml")] if _parses(path))


def _data(path: Any) -> Any:
    loaded = load_yaml(str(path))
    assert loaded.doc is not None and loaded.doc.data is not None, f"{path} does not parse"
    return text_keys(loaded.doc.data)


def _jsonschema_errors(data: Any) -> list[str]:
    return [error.message for error in plan_validator().iter_errors(data)]


@pytest.mark.parametrize("path", sorted(PLANS_DIR.glob("*.yaml")), ids=lambda p: p.name)
def test_every_shipped_plan_is_valid_without_jsonschema(path: Any) -> None:
    data = _data(path)
    assert certainly_valid(data, plan_schema())
    assert _jsonschema_errors(data) == []


@pytest.mark.parametrize("path", YAML_FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_the_quick_check_agrees_with_jsonschema(path: Any) -> None:
    data = _data(path)
    assert certainly_valid(data, plan_schema()) == (not _jsonschema_errors(data))


def test_the_fixtures_have_plans_on_both_sides() -> None:
    """The agreement above is not vacuous: many fixture plans do have schema errors."""
    cases = sorted((FIXTURES / "plan_cases" / "negative").glob("pc200*/plan.yaml"))
    docs = [(case.parent.name, load_yaml(str(case)).doc) for case in cases]
    unsure = [name for name, doc in docs if doc is not None and not certainly_valid(text_keys(doc.data), plan_schema())]
    assert len(unsure) >= 5, unsure
    assert {"pc200-unknown-key", "pc200-wrong-type", "pc200-bad-kind"} <= set(unsure), unsure


_SCALARS = st.one_of(st.none(), st.booleans(), st.integers(-10**6, 10**6), st.floats(allow_nan=True),
                     st.text(max_size=6), st.sampled_from(["level", ">=", "2025", "2020-01-01", "a-b", ""]))
_VALUES = st.recursive(_SCALARS, lambda inner: st.one_of(
    st.lists(inner, max_size=3), st.dictionaries(st.sampled_from(["id", "kind", "value", "x", "2025"]), inner,
                                                 max_size=3)), max_leaves=6)


def _paths(node: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [path]
    if isinstance(node, dict):
        for key, value in node.items():
            found += _paths(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += _paths(value, (*path, index))
    return found


_BASE = _data(PLANS_DIR / "taicang-sti-2018-2020.yaml")
_BASE_PATHS = _paths(_BASE)[1:]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_BASE_PATHS), _VALUES, st.booleans()), min_size=1, max_size=3))
def test_a_changed_plan_is_valid_only_if_jsonschema_says_so(changes: list[tuple[tuple[Any, ...], Any, bool]]) -> None:
    data = copy.deepcopy(_BASE)
    for path, value, delete in changes:
        parent = data
        try:
            for part in path[:-1]:
                parent = parent[part]
            if delete:
                del parent[path[-1]]
            else:
                parent[path[-1]] = value
        except (KeyError, IndexError, TypeError):
            continue  # an earlier change removed or replaced the place
    assert certainly_valid(data, plan_schema()) == (not _jsonschema_errors(data))


def _place_kinds() -> list[tuple[Any, tuple[Any, ...]]]:
    """One place of each kind in the shipped plans (a target's field, a milestone year, a unit's name...),
    in a copy of its plan keeping only the target it is in and two units, so that jsonschema answers quickly."""
    found: dict[tuple[Any, ...], tuple[Any, tuple[Any, ...]]] = {}
    for path in sorted(PLANS_DIR.glob("*.yaml")):
        data = _data(path)
        for place in _paths(data)[1:]:
            kind = tuple("*" if isinstance(p, int) else ("YEAR" if p.isdigit() else p) for p in place)
            if kind in found:
                continue
            small = copy.deepcopy(data)
            if place[0] == "targets" and len(place) > 1:
                small["targets"] = [small["targets"][place[1]]]
                place = ("targets", 0, *place[2:])
            for table in ("units", "references"):
                if place[0] != table and isinstance(small.get(table), dict):
                    small[table] = dict(list(small[table].items())[:2])
            found[kind] = (small, place)
    return list(found.values())


_PLACES = _place_kinds()
_REPLACEMENTS = [None, True, 0, -1, 1.5, "", "x", "2025", [], [1, 2, 3], {}, {"x": 1}]


@pytest.mark.parametrize("replacement", [*_REPLACEMENTS, "delete", "add a key"], ids=repr)
def test_every_kind_of_place_changed_is_valid_only_if_jsonschema_says_so(replacement: Any) -> None:
    """Each kind of place in the shipped plans (about 190), given each of a dozen values, deleted,
    or (a mapping) given an unknown key: the quick check and jsonschema agree on every one."""
    disagree = []
    for base, place in _PLACES:
        data = copy.deepcopy(base)
        parent = data
        for part in place[:-1]:
            parent = parent[part]
        if replacement == "delete":
            del parent[place[-1]]
        elif replacement == "add a key":
            if not isinstance(parent[place[-1]], dict):
                continue
            parent[place[-1]]["unknown_key"] = 1
        else:
            parent[place[-1]] = copy.deepcopy(replacement)
        if certainly_valid(data, plan_schema()) != (not _jsonschema_errors(data)):
            disagree.append(place)
    assert disagree == []
    assert len(_PLACES) > 150


@pytest.mark.parametrize("path", YAML_FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_the_quick_look_for_odd_numbers_agrees_with_the_walk(path: Any) -> None:
    doc = load_yaml(str(path)).doc
    assert doc is not None
    assert _non_finite_findings(doc, "p.yaml") == non_finite_walk(doc, "p.yaml")


_ODD = [float("nan"), float("inf"), -float("inf"), 10**400, -(10**400), 1e301, -1e301, 1e300, True, 0, "1e400"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_BASE_PATHS), st.sampled_from(_ODD)), min_size=1, max_size=3))
def test_odd_numbers_anywhere_are_found_as_the_walk_finds_them(changes: list[tuple[tuple[Any, ...], Any]]) -> None:
    loaded = load_yaml(str(PLANS_DIR / "taicang-sti-2018-2020.yaml")).doc
    assert loaded is not None
    data = copy.deepcopy(loaded.data)
    for path, value in changes:
        parent = data
        try:
            for part in path[:-1]:
                parent = parent[int(part) if isinstance(parent, dict) and part.isdigit() and int(part) in parent
                                else part]
            parent[path[-1]] = value
        except (KeyError, IndexError, TypeError, AttributeError):
            continue
    doc = YamlDoc(data, loaded.marks, loaded.key_marks)
    assert _non_finite_findings(doc, "p.yaml") == non_finite_walk(doc, "p.yaml")


def test_an_odd_number_is_found_by_both() -> None:
    doc = load_yaml(str(PLANS_DIR / "taicang-sti-2018-2020.yaml")).doc
    assert doc is not None
    data = copy.deepcopy(doc.data)
    data["targets"][2]["milestones"][2020] = float("nan")
    odd = YamlDoc(data, doc.marks, doc.key_marks)
    found = _non_finite_findings(odd, "p.yaml")
    assert [(f.rule, f.line) for f in found] == [(f.rule, f.line) for f in non_finite_walk(odd, "p.yaml")]
    assert [f.rule for f in found] == ["PC200"]
