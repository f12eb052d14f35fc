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
    """True only if jsonschema would find no error in ``instance``; False means "ask jsonschema"."""
    try:
        return _valid(instance, schema)
    except (_Unsure, RecursionError):
        return False


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


def _valid(value: Any, schema: Any) -> bool:
    if schema is True:
        return True
    if schema is False:
        return False
    if not isinstance(schema, dict):
        raise _Unsure
    for key, expected in schema.items():
        check = _KEYWORDS.get(key)
        if check is None:
            if key in _ANNOTATIONS:
                continue
            raise _Unsure  # $ref left over, if/then/else, format, ...: jsonschema decides
        if not check(value, expected, schema):
            return False
    return True


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _is_type(value: Any, name: Any) -> bool:
    if name == "object":
        return isinstance(value, dict)
    if name == "array":
        return isinstance(value, list)
    if name == "string":
        return isinstance(value, str)
    if name == "null":
        return value is None
    if name == "boolean":
        return isinstance(value, bool)
    if name == "number":
        return _is_number(value)
    if name == "integer":
        if isinstance(value, float):
            raise _Unsure  # 3.0 is an integer to jsonschema
        return isinstance(value, int) and not isinstance(value, bool)
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


def _type(value: Any, expected: Any, schema: dict[str, Any]) -> bool:
    names = expected if isinstance(expected, list) else [expected]
    return any(_is_type(value, name) for name in names)


def _enum(value: Any, expected: Any, schema: dict[str, Any]) -> bool:
    return any(_same(value, choice) for choice in expected)


def _const(value: Any, expected: Any, schema: dict[str, Any]) -> bool:
    return _same(value, expected)


def _pattern_kw(value: Any, expected: Any, schema: dict[str, Any]) -> bool:
    return not isinstance(value, str) or _pattern(expected).search(value) is not None


def _min_length(value: Any, expected: Any, schema: dict[str, Any]) -> bool:
    return not isinstance(value, str) or len(value) >= expected


def _max_length(value: Any, expected: Any, schema: dict[str, Any]) -> bool:
    return not isinstance(value, str) or len(value) <= expected


def _minimum(value: Any, expected: Any, schema: dict[str, Any]) -> bool:
    return not _is_number(value) or bool(value >= expected)


def _maximum(value: Any, expected: Any, schema: dict[str, Any]) -> bool:
    return not _is_number(value) or bool(value <= expected)


def _exclusive_minimum(value: Any, expected: Any, schema: dict[str, Any]) -> bool:
    return not _is_number(value) or bool(value > expected)


def _exclusive_maximum(value: Any, expected: Any, schema: dict[str, Any]) -> bool:
    return not _is_number(value) or bool(value < expected)


def _min_items(value: Any, expected: Any, schema: dict[str, Any]) -> bool:
    return not isinstance(value, list) or len(value) >= expected


def _max_items(value: Any, expected: Any, schema: dict[str, Any]) -> bool:
    return not isinstance(value, list) or len(value) <= expected


def _unique_items(value: Any, expected: Any, schema: dict[str, Any]) -> bool:
    if not expected or not isinstance(value, list):
        return True
    if all(isinstance(item, str) for item in value) or all(_is_number(item) for item in value):
        return len(set(value)) == len(value)
    raise _Unsure


def _prefix_items(value: Any, expected: Any, schema: dict[str, Any]) -> bool:
    return not isinstance(value, list) or all(_valid(item, sub) for item, sub in zip(value, expected, strict=False))


def _items(value: Any, expected: Any, schema: dict[str, Any]) -> bool:
    if not isinstance(value, list):
        return True
    start = len(schema.get("prefixItems", ()))
    return all(_valid(item, expected) for item in value[start:])


def _properties(value: Any, expected: Any, schema: dict[str, Any]) -> bool:
    return not isinstance(value, dict) or all(_valid(value[key], sub) for key, sub in expected.items() if key in value)


def _pattern_properties(value: Any, expected: Any, schema: dict[str, Any]) -> bool:
    if not isinstance(value, dict):
        return True
    return all(_valid(item, sub) for pattern, sub in expected.items()
               for key, item in value.items() if _pattern(pattern).search(key))


def _additional_properties(value: Any, expected: Any, schema: dict[str, Any]) -> bool:
    if not isinstance(value, dict):
        return True
    known = schema.get("properties", {})
    patterns = [_pattern(p) for p in schema.get("patternProperties", {})]
    extra = [item for key, item in value.items()
             if key not in known and not any(p.search(key) for p in patterns)]
    return all(_valid(item, expected) for item in extra)


def _property_names(value: Any, expected: Any, schema: dict[str, Any]) -> bool:
    return not isinstance(value, dict) or all(_valid(key, expected) for key in value)


def _required(value: Any, expected: Any, schema: dict[str, Any]) -> bool:
    return not isinstance(value, dict) or all(key in value for key in expected)


def _min_properties(value: Any, expected: Any, schema: dict[str, Any]) -> bool:
    return not isinstance(value, dict) or len(value) >= expected


def _max_properties(value: Any, expected: Any, schema: dict[str, Any]) -> bool:
    return not isinstance(value, dict) or len(value) <= expected


def _any_of(value: Any, expected: Any, schema: dict[str, Any]) -> bool:
    unsure = False
    for sub in expected:
        try:
            if _valid(value, sub):
                return True
        except _Unsure:
            unsure = True  # another branch may still settle it
    if unsure:
        raise _Unsure
    return False


def _all_of(value: Any, expected: Any, schema: dict[str, Any]) -> bool:
    return all(_valid(value, sub) for sub in expected)


_Check = Callable[[Any, Any, dict[str, Any]], bool]
_KEYWORDS: dict[str, _Check] = {
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
