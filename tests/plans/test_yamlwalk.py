"""The plan reader's fast event walk gives exactly what the walk before it gave.

policycheck/plans/yamlload.py takes plain text (names, ids, quoted values)
without asking PyYAML's resolver and constructors, and dispatches events by
class (docs/performance.md#start-up).  tests/helpers/yaml_reference.py keeps
the walk as it was; here both read every plan and fixture of the repository
and thousands of altered and broken plans, and must agree on the data, every
mark, every key mark and every finding.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from policycheck.plans.yamlload import YamlLoad, parse_yaml
from tests.helpers.paths import FIXTURES, PLANS_DIR, ROOT
from tests.helpers.yaml_reference import reference_parse

YAML_FILES = sorted([*PLANS_DIR.glob("*.yaml"), *FIXTURES.rglob("*.yaml"), *(ROOT / "examples").rglob("*.yaml")])


def _outcome(raw: bytes | str) -> tuple[str, Any]:
    """What reading gives: the load, or the exception if one escaped (it never should)."""
    try:
        return "load", parse_yaml(raw, "plan.yaml")
    except Exception as exc:  # noqa: BLE001 - compared, not hidden
        return "raised", repr(exc)


def _reference(raw: bytes | str) -> tuple[str, Any]:
    try:
        return "load", reference_parse(raw, "plan.yaml")
    except Exception as exc:  # noqa: BLE001 - compared, not hidden
        return "raised", repr(exc)


def _same(raw: bytes | str) -> YamlLoad | None:
    got, expected = _outcome(raw), _reference(raw)
    assert got == expected
    load = got[1]
    if isinstance(load, YamlLoad) and load.doc is not None:
        # Equal dicts may still differ in the type of a value (1 and 1.0 and True are equal).
        assert _typed(load.doc.data) == _typed(expected[1].doc.data)
        assert list(load.doc.marks) == list(expected[1].doc.marks)
    return load if isinstance(load, YamlLoad) else None


def _typed(value: Any) -> Any:
    if isinstance(value, dict):
        return [(type(k).__name__, k, _typed(v)) for k, v in value.items()]
    if isinstance(value, list):
        return [_typed(v) for v in value]
    return type(value).__name__, value


@pytest.mark.parametrize("path", YAML_FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_plan_and_fixture_reads_as_before(path: Path) -> None:
    _same(path.read_bytes())


def test_the_shipped_plans_are_compared_with_their_data() -> None:
    """Not vacuous: the shipped plans parse, with dozens of marks each."""
    for path in sorted(PLANS_DIR.glob("*.yaml")):
        load = _same(path.read_bytes())
        assert load is not None and load.doc is not None and len(load.doc.marks) > 50, path


SCALARS = """\
- plain: 县级单位0001
- name: name
- no: no
- on: on
- yes: [y, Y, n, N, yes, No, off, TRUE, true, False, ~, null, Null, NULL]
- n: [nan, .nan, .NaN, .inf, -.inf, +.inf, .Inf, 1e400, 0x1F, 0o17, 017, 1_000, 1:30, 190:20:30, -0, +12, .5, 5.]
- years: {2027: 3, '2027': 4, 2019-01-01: a, 2019-01-01 10:00:00: b, "1e3": c, 1e3: d, 1.5: e, ~: f, null: g}
- quoted: ['', "", '2027', "yes", 'name', "~"]
- block: |
    2027
- folded: >-
    no
- tagged: [!!str 2027, !!int "12", !!float '1', !!bool yes, !!null '', ! 12, !!timestamp 2019-01-01, !!binary aGk=]
- odd: [=, <<, '<<', "=", --, ---x, '...']
"""

BROKEN = [
    "a: 1\na: 2\n", "m: {2027: 1, '2027': 2, 2027: 3}\n", "a: &x 1\nb: *x\n", "a: !!python/object:os.system x\n",
    "a: !custom x\n", "a: !!map {b: 1}\nc: !!seq [1]\nd: !!set {x}\n", "? [a, b]\n: c\n", "? {a: 1}\n: c\n",
    "*x : 1\n", "a: 1\n---\nb: 2\n", "a: >\nb: 1\n", "a: |\n", "a: 2019-02-30\n", "a: !!int x\n", "a: !!float x\n",
    "[" * 70 + "]" * 70, "a: [" * 1100, "- " * 80 + "x\n", "a: 'x\n", "a: b: c\n", "a: >=\n", "a: %\n", "\t a: 1\n",
    "a: 1\n b: 2\n", "{: h}\n", ": h\n", "", "# nothing\n", "~\n", "- a\n- b\n", "x\n", "a:\n  - &y b\n  - *y\n" * 12,
]


@pytest.mark.parametrize("line", SCALARS.split("\n- ")[1:] + [SCALARS], ids=lambda line: line[:12])
def test_scalars_and_keys_of_every_kind_read_as_before(line: str) -> None:
    load = _same(line if line is SCALARS else "- " + line)
    assert load is not None and load.doc is not None, load  # compared with their data, not as errors


@pytest.mark.parametrize("text", BROKEN, ids=range(len(BROKEN)))
def test_broken_and_odd_plans_read_as_before(text: str) -> None:
    _same(text)


def test_a_resolver_added_to_the_safe_loader_is_still_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    """Text starting with a character a resolver claims is resolved, even for a resolver added later."""
    resolvers = {key: list(value) for key, value in yaml.SafeLoader.yaml_implicit_resolvers.items()}
    resolvers.setdefault("k", []).append(("tag:yaml.org,2002:null", __import__("re").compile("^kjb$")))
    monkeypatch.setattr(yaml.SafeLoader, "yaml_implicit_resolvers", resolvers)
    load = _same("a: kjb\nb: kja\n")
    assert load is not None and load.doc is not None and load.doc.data == {"a": None, "b": "kja"}
    resolvers[None] = [("tag:yaml.org,2002:null", __import__("re").compile("^c0001$"))]
    load = _same("a: c0001\nb: c0002\n")
    assert load is not None and load.doc is not None and load.doc.data == {"a": None, "b": "c0002"}


_BASE = (PLANS_DIR / "taicang-sti-2018-2020.yaml").read_text(encoding="utf-8")
_PIECES = [":", ": ", "- ", "-", "&a ", "*a", "!!int ", "!!str ", "! ", "!x ", "'", '"', "\n", "  ", "\t", "{", "}",
           "[", "]", ",", ">", "|", "~", "no", "name", "on", "2027", "2027: ", ".inf", "1e400", "#", "%", "? ",
           "2019-02-30", "0x1F", "1_000", "---\n", "...\n", "x: 1\n", "name: x\n", "<<: ", "=", "", "县"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(st.integers(0, len(_BASE)), st.integers(0, 4), st.sampled_from(_PIECES)),
                min_size=1, max_size=4))
def test_an_altered_plan_reads_as_before(edits: list[tuple[int, int, str]]) -> None:
    text = _BASE
    for at, cut, piece in edits:
        text = text[:at] + piece + text[at + cut:]
    _same(text)
