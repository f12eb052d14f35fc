"""A quick yes to "does this plan satisfy the plan schema?", without importing jsonschema.

Most plans are valid, and jsonschema with its dependencies costs more to
import than the rest of a small check (docs/performance.md#start-up).  This
module answers only "certainly valid" or "not sure": it knows the keywords the
plan schema uses, with jsonschema's meaning of each (Draft 2020-12), and says
"not sure" for anything else (an unknown keyword, a value whose equality or
type jsonschema judges in its own way).  A plan that is not certainly valid goes
to jsonschema in :mod:`policycheck.plans.schema`, which finds and explains the
errors, so the findings are exactly those jsonschema gives.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from typing import Any

#: Keywords that only annotate: they never make a value invalid.
_ANNOTATIONS = frozenset({"title", "description", "$schema", "$id", "$comment", "$defs", "examples", "default",
                          "deprecated", "readOnly", "writeOnly"})


class _Unsure(Exception):
    """Raised where jsonschema's judgement is not reproduced here; the caller then asks jsonschema."""


def certainly_valid(instance: Any, schema: dict[str, Any]) -> bool:
    """True only if jsonschema would find no error in ``instance``; False means "ask jsonschema".

    The schema is compiled into one check per keyword on first use and kept
    with it, so it must not change afterwards (the plan schema never does).
    """
    try:
        return _compiled(schema)(instance)
    except (_Unsure, RecursionError):
        return False


#: compiled checks by the schema's id, with the schema itself so that the id is never reused
_COMPILED: dict[int, tuple[Any, Callable[[Any], bool]]] = {}


def _compiled(schema: Any) -> Callable[[Any], bool]:
    found = _COMPILED.get(id(schema))
    if found is None or found[0] is not schema:
        found = _COMPILED[id(schema)] = (schema, _compile(schema))
    return found[1]


def inline_refs(node: Any, defs: dict[str, Any]) -> Any:
    """``node`` with every ``{"$ref": "#/$defs/x", ...}`` replaced by x merged with its siblings."""
    if isinstance(node, list):
        return [inline_refs(item, defs) for item in node]
    if not isinstance(node, dict):
        return node
    merged: dict[str, Any] = {}
    ref = node.get("$ref")
    if isinstance(ref, str) and ref.startswith("#/$defs/"):
        merged.update(inline_refs(defs[ref[len("#/$defs/"):]], defs))
    for key, value in node.items():
        if key not in ("$ref", "$defs") or (key == "$ref" and not merged):
            merged[key] = inline_refs(value, defs)
    return merged


_Check = Callable[[Any], bool]


def _always(value: Any) -> bool:
    return True


def _never(value: Any) -> bool:
    return False


def _unsure(value: Any) -> bool:
    raise _Unsure


def _compile(schema: Any) -> _Check:
    """The check of one (sub)schema: True if valid, False if not, :class:`_Unsure` where jsonschema decides.

    A schema is valid only when each of its keywords is, and the caller tells
    False and "unsure" apart nowhere (both go to jsonschema), so the keywords'
    checks may run in any order; only ``anyOf`` looks past a branch it is unsure of.
    """
    if schema is True:
        return _always
    if schema is False:
        return _never
    if not isinstance(schema, dict):
        return _unsure
    checks: list[_Check] = []
    for key, expected in schema.items():
        make = _KEYWORDS.get(key)
        if make is not None:
            checks.append(make(expected, schema))
        elif key not in _ANNOTATIONS:
            return _unsure  # $ref left over, if/then/else, format, ...: jsonschema decides
    if len(checks) == 1:
        return checks[0]
    every = tuple(checks)

    def check(value: Any) -> bool:
        for one in every:  # noqa: SIM110 - a loop, not all() over a generator: this runs per node
            if not one(value):
                return False
        return True

    return check


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _is_integer(value: Any) -> bool:
    if isinstance(value, float):
        raise _Unsure  # 3.0 is an integer to jsonschema
    return isinstance(value, int) and not isinstance(value, bool)


_TYPES: dict[str, _Check] = {
    "object": lambda value: isinstance(value, dict), "array": lambda value: isinstance(value, list),
    "string": lambda value: isinstance(value, str), "null": lambda value: value is None,
    "boolean": lambda value: isinstance(value, bool), "number": _is_number, "integer": _is_integer,
}


def _is_type(value: Any, name: Any) -> bool:
    if isinstance(name, str) and name in _TYPES:
        return _TYPES[name](value)
    raise _Unsure


def _same(value: Any, choice: Any) -> bool:
    """jsonschema's equality for enum and const, for the scalars the plan schema lists."""
    if isinstance(value, str) or isinstance(choice, str):
        return bool(value == choice)
    if value is None or choice is None:
        return value is choice
    if isinstance(value, bool) or isinstance(choice, bool):
        return isinstance(value, bool) and isinstance(choice, bool) and value == choice  # true is not 1
    if _is_number(value) and _is_number(choice):
        return bool(value == choice)
    raise _Unsure  # lists and mappings compare element by element in jsonschema


@cache
def _pattern(text: str) -> re.Pattern[str]:
    return re.compile(text)


def _type(expected: Any, schema: dict[str, Any]) -> _Check:
    if isinstance(expected, str) and expected in _TYPES:
        return _TYPES[expected]
    names = tuple(expected) if isinstance(expected, list) else (expected,)
    return lambda value: any(_is_type(value, name) for name in names)


def _enum(expected: Any, schema: dict[str, Any]) -> _Check:
    choices = tuple(expected)
    if all(isinstance(choice, str) for choice in choices):
        texts = frozenset(choices)  # only text equals text
        return lambda value: isinstance(value, str) and value in texts
    return lambda value: any(_same(value, choice) for choice in choices)


def _const(expected: Any, schema: dict[str, Any]) -> _Check:
    return lambda value: _same(value, expected)


def _pattern_kw(expected: Any, schema: dict[str, Any]) -> _Check:
    search = _pattern(expected).search
    return lambda value: not isinstance(value, str) or search(value) is not None


def _min_length(expected: Any, schema: dict[str, Any]) -> _Check:
    return lambda value: not isinstance(value, str) or len(value) >= expected


def _max_length(expected: Any, schema: dict[str, Any]) -> _Check:
    return lambda value: not isinstance(value, str) or len(value) <= expected


def _minimum(expected: Any, schema: dict[str, Any]) -> _Check:
    return lambda value: not _is_number(value) or bool(value >= expected)


def _maximum(expected: Any, schema: dict[str, Any]) -> _Check:
    return lambda value: not _is_number(value) or bool(value <= expected)


def _exclusive_minimum(expected: Any, schema: dict[str, Any]) -> _Check:
    return lambda value: not _is_number(value) or bool(value > expected)


def _exclusive_maximum(expected: Any, schema: dict[str, Any]) -> _Check:
    return lambda value: not _is_number(value) or bool(value < expected)


def _min_items(expected: Any, schema: dict[str, Any]) -> _Check:
    return lambda value: not isinstance(value, list) or len(value) >= expected


def _max_items(expected: Any, schema: dict[str, Any]) -> _Check:
    return lambda value: not isinstance(value, list) or len(value) <= expected


def _unique_items(expected: Any, schema: dict[str, Any]) -> _Check:
    return _unique if expected else _always


def _unique(value: Any) -> bool:
    if not isinstance(value, list):
        return True
    if all(isinstance(item, str) for item in value) or all(_is_number(item) for item in value):
        return len(set(value)) == len(value)
    raise _Unsure


def _prefix_items(expected: Any, schema: dict[str, Any]) -> _Check:
    subs = tuple(_compile(sub) for sub in expected)
    return lambda value: not isinstance(value, list) or all(sub(item) for item, sub in zip(value, subs, strict=False))


def _items(expected: Any, schema: dict[str, Any]) -> _Check:
    start = len(schema.get("prefixItems", ()))
    sub = _compile(expected)
    return lambda value: not isinstance(value, list) or all(sub(item) for item in value[start:])


def _properties(expected: Any, schema: dict[str, Any]) -> _Check:
    subs = tuple((key, _compile(sub)) for key, sub in expected.items())

    def check(value: Any) -> bool:
        if isinstance(value, dict):
            for key, sub in subs:
                if key in value and not sub(value[key]):
                    return False
        return True

    return check


def _pattern_properties(expected: Any, schema: dict[str, Any]) -> _Check:
    subs = tuple((_pattern(pattern).search, _compile(sub)) for pattern, sub in expected.items())
    return lambda value: not isinstance(value, dict) or all(sub(item) for search, sub in subs
                                                            for key, item in value.items() if search(key))


def _additional_properties(expected: Any, schema: dict[str, Any]) -> _Check:
    known = frozenset(schema.get("properties", {}))
    searches = tuple(_pattern(p).search for p in schema.get("patternProperties", {}))
    sub = _compile(expected)
    if not searches and sub is _never:  # additionalProperties: false
        return lambda value: not isinstance(value, dict) or all(key in known for key in value)

    def check(value: Any) -> bool:
        if isinstance(value, dict):
            for key, item in value.items():
                if key not in known and not any(search(key) for search in searches) and not sub(item):
                    return False
        return True

    return check


def _property_names(expected: Any, schema: dict[str, Any]) -> _Check:
    sub = _compile(expected)
    return lambda value: not isinstance(value, dict) or all(sub(key) for key in value)


def _required(expected: Any, schema: dict[str, Any]) -> _Check:
    names = tuple(expected)
    return lambda value: not isinstance(value, dict) or all(key in value for key in names)


def _min_properties(expected: Any, schema: dict[str, Any]) -> _Check:
    return lambda value: not isinstance(value, dict) or len(value) >= expected


def _max_properties(expected: Any, schema: dict[str, Any]) -> _Check:
    return lambda value: not isinstance(value, dict) or len(value) <= expected


def _any_of(expected: Any, schema: dict[str, Any]) -> _Check:
    subs = tuple(_compile(sub) for sub in expected)

    def check(value: Any) -> bool:
        unsure = False
        for sub in subs:
            try:
                if sub(value):
                    return True
            except _Unsure:
                unsure = True  # another branch may still settle it
        if unsure:
            raise _Unsure
        return False

    return check


def _all_of(expected: Any, schema: dict[str, Any]) -> _Check:
    subs = tuple(_compile(sub) for sub in expected)
    return lambda value: all(sub(value) for sub in subs)


_KEYWORDS: dict[str, Callable[[Any, dict[str, Any]], _Check]] = {
    "type": _type, "enum": _enum, "const": _const, "pattern": _pattern_kw,
    "minLength": _min_length, "maxLength": _max_length,
    "minimum": _minimum, "maximum": _maximum,
    "exclusiveMinimum": _exclusive_minimum, "exclusiveMaximum": _exclusive_maximum,
    "minItems": _min_items, "maxItems": _max_items, "uniqueItems": _unique_items,
    "prefixItems": _prefix_items, "items": _items,
    "properties": _properties, "patternProperties": _pattern_properties,
    "additionalProperties": _additional_properties, "propertyNames": _property_names,
    "required": _required, "minProperties": _min_properties, "maxProperties": _max_properties,
    "anyOf": _any_of, "allOf": _all_of,
}
