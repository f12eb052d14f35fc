"""Schema validation of plan data (PC200), each error at its YAML line and column.

jsonschema reports a JSON path; :class:`policycheck.plans.yamlload.YamlDoc` maps that
path back to the node, so every error reads ``FILE:LINE:COL: ...``.  Messages
are rewritten in plain words with what would be right, and ``anyOf`` failures
are narrowed to the branch the value was evidently meant for.
"""
from __future__ import annotations

import difflib
import math
import re
from collections.abc import Iterable, Iterator, Mapping
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from policycheck.findings import ERROR, Finding, excerpt, quoted
from policycheck.model import MAX_MAGNITUDE
from policycheck.plans.yamlload import JsonPath, YamlDoc

if TYPE_CHECKING:
    from jsonschema import ValidationError
    from jsonschema.protocols import Validator

_TYPE_WORDS = {
    "number": "a number", "integer": "a whole number", "string": "text", "array": "a list",
    "object": "a mapping (key: value)", "boolean": "true or false", "null": "empty",
}
_REQUIRED = re.compile(r"^'([^']*)' is a required property$")
_KINDS_PREFIX = re.compile(r"^[a-z][a-z /]*: ")  # "annual and growth: " opening a description
#: A number with an exponent: sign, digits, fraction (None without a dot), exponent sign, exponent.
_YAML_EXPONENT = re.compile(r"([-+]?)([0-9]+)(?:\.([0-9]*))?[eE]([-+]?)([0-9]+)")
_ID_RULE = "use lower-case letters, digits, '.', '_' and '-', starting with a letter or digit"


@lru_cache(maxsize=1)
def plan_validator() -> Validator:
    """The compiled plan schema validator, built once per process.

    Local ``$ref`` s are inlined first: the plan schema has no recursion, and
    following references through jsonschema's registry costs about half of
    the validation time of a typical plan.
    """
    from jsonschema import Draft202012Validator

    from policycheck.schemas import load_schema

    schema = load_schema("plan")
    return Draft202012Validator(_inline_refs(schema, schema.get("$defs", {})))


def _inline_refs(node: Any, defs: dict[str, Any]) -> Any:
    """``node`` with every ``{"$ref": "#/$defs/x", ...}`` replaced by x merged with its siblings."""
    if isinstance(node, list):
        return [_inline_refs(item, defs) for item in node]
    if not isinstance(node, dict):
        return node
    merged: dict[str, Any] = {}
    ref = node.get("$ref")
    if isinstance(ref, str) and ref.startswith("#/$defs/"):
        merged.update(_inline_refs(defs[ref[len("#/$defs/"):]], defs))
    for key, value in node.items():
        if key not in ("$ref", "$defs") or (key == "$ref" and not merged):
            merged[key] = _inline_refs(value, defs)
    return merged


def schema_findings(doc: YamlDoc, file: str) -> list[Finding]:
    """Every schema violation of ``doc`` as a PC200 finding."""
    if doc.data is None:
        return [_finding(file, (1, 1), "the file is empty; a plan starts with 'policycheck: 1'")]
    if not isinstance(doc.data, dict):
        return [_finding(file, doc.mark(()), f"a plan file must be a mapping of keys (policycheck, plan, "
                                             f"targets), not {_describe(doc.data)}")]
    try:
        errors = list(_flatten(plan_validator().iter_errors(text_keys(doc.data))))
    except RecursionError:
        return [_finding(file, (1, 1), "the document nests too deeply to check")]
    suggested = _suggested_keys(errors)
    findings: list[Finding] = []
    for error in errors:
        findings.extend(_error_findings(error, doc, file, suggested))
    findings.extend(_non_finite_findings(doc, file))
    return list(dict.fromkeys(findings))  # the same error reached by two branches is listed once


def _non_finite_findings(doc: YamlDoc, file: str) -> list[Finding]:
    """Numbers JSON Schema cannot see as wrong: ``.nan``, ``.inf``, integers beyond float range, and
    finite numbers beyond :data:`policycheck.model.MAX_MAGNITUDE`.

    JSON has no NaN or infinity, so the schema's "number" lets them through; a
    plan value of ``.nan`` would make every comparison false and ``1e400`` as an
    integer would overflow when the model converts it to float.
    """
    findings = []
    stack: list[tuple[JsonPath, Any]] = [((), doc.data)]
    while stack:  # explicit stack: the reader bounds the depth, but recursion is not needed
        path, value = stack.pop()
        if isinstance(value, dict):
            stack.extend((path + (str(key),), item) for key, item in value.items())
        elif isinstance(value, list):
            stack.extend((path + (index,), item) for index, item in enumerate(value))
        elif _is_non_finite(value):
            findings.append(_finding(file, doc.mark(path), f"{json_path_text(path)} is "
                                     f"{_describe_number(value)}; it must be a finite number"))
        elif _too_large(value):
            findings.append(_finding(file, doc.mark(path), f"{json_path_text(path)} is {value:g}, beyond "
                                     f"±{MAX_MAGNITUDE:g}: numbers this large leave no room for arithmetic; "
                                     "write it in a larger unit (万, 亿)"))
    return sorted(findings, key=Finding.sort_key)


def _too_large(value: Any) -> bool:
    """A finite number beyond :data:`policycheck.model.MAX_MAGNITUDE`."""
    return not isinstance(value, bool) and isinstance(value, (int, float)) and abs(value) > MAX_MAGNITUDE


def _is_non_finite(value: Any) -> bool:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return False
    try:
        return not math.isfinite(value)
    except OverflowError:  # an int too large for a float
        return True


def _describe_number(value: int | float) -> str:
    if isinstance(value, float):
        return "not a number (.nan)" if math.isnan(value) else "infinite"
    return "a whole number too large for any statistic"


def text_keys(data: Any) -> Any:
    """``data`` with every mapping key as text, as JSON Schema sees it."""
    if isinstance(data, dict):
        return {str(key): text_keys(value) for key, value in data.items()}
    if isinstance(data, list):
        return [text_keys(item) for item in data]
    return data


def _flatten(errors: Iterable[ValidationError]) -> Iterator[ValidationError]:
    """Replace each anyOf/oneOf failure by the sub-errors of the branch that fits the value's type."""
    for error in errors:
        if error.validator not in ("anyOf", "oneOf") or not error.context:
            yield error
            continue
        relevant = [sub for sub in error.context
                    if sub.validator not in ("type", "const") or len(sub.relative_path) > 0]
        if relevant:
            yield from _flatten(relevant)
        else:
            yield error


def _suggested_keys(errors: list[ValidationError]) -> set[tuple[JsonPath, str]]:
    """(path, key) pairs an unknown key was probably meant to be: their 'required' errors are noise."""
    pairs = set()
    for error in errors:
        if error.validator == "additionalProperties" and isinstance(error.instance, dict):
            path = tuple(error.absolute_path)
            for key in _unknown_keys(error):
                suggestion = _closest(key, _allowed_keys(error))
                if suggestion:
                    pairs.add((path, suggestion))
    return pairs


def _error_findings(error: ValidationError, doc: YamlDoc, file: str,
                    suggested: set[tuple[JsonPath, str]]) -> list[Finding]:
    path: JsonPath = tuple(error.absolute_path)
    where = json_path_text(path)
    if error.validator == "additionalProperties" and isinstance(error.instance, dict):
        return [_unknown_key_finding(error, key, path, doc, file) for key in _unknown_keys(error)]
    if error.validator == "required":
        key = _missing_key(error)
        if (path, key) in suggested:
            return []
        return [_finding(file, doc.mark(path), f"{where} lacks the required key '{key}'")]
    if "propertyNames" in error.schema_path:
        key = str(error.instance)
        return [_finding(file, doc.mark(path + (key,), key=True), _key_name_message(key, where, error))]
    return [_finding(file, doc.mark(path), _value_message(error, where))]


def _schema(error: ValidationError) -> Mapping[str, Any]:
    """The schema of the failed keyword; jsonschema allows a bare true/false schema, the plan schema has none."""
    schema = error.schema
    return schema if isinstance(schema, Mapping) else {}


def _instance(error: ValidationError) -> Any:
    """The value that failed: any JSON data."""
    value: Any = error.instance
    return value


def _expected(error: ValidationError) -> Any:
    """What the failed keyword asked for (a type name, a list of choices, a bound...)."""
    value: Any = error.validator_value
    return value


def _unknown_keys(error: ValidationError) -> list[str]:
    allowed = _allowed_keys(error)
    return [key for key in _instance(error) if key not in allowed]


def _allowed_keys(error: ValidationError) -> list[str]:
    return list(_schema(error).get("properties", {}))


def _closest(key: str, allowed: list[str]) -> str | None:
    matches = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
    return matches[0] if matches else None


def _missing_key(error: ValidationError) -> str:
    """The key one 'required' error is about (jsonschema raises one error per missing key)."""
    match = _REQUIRED.match(error.message)
    if match:
        return match.group(1)
    required = _schema(error).get("required", [])
    present = error.instance if isinstance(error.instance, dict) else {}
    missing = [key for key in required if key not in present]
    return missing[0] if missing else str(required[0] if required else "?")


def _unknown_key_finding(error: ValidationError, key: str, path: JsonPath, doc: YamlDoc, file: str) -> Finding:
    allowed = _allowed_keys(error)
    suggestion = _closest(key, allowed)
    hint = f"did you mean '{suggestion}'?" if suggestion else f"allowed keys: {', '.join(allowed)}"
    message = f"unknown key {quoted(key)} in {json_path_text(path)}; {hint}"
    return _finding(file, doc.mark(path + (key,), key=True), message)


def _key_name_message(key: str, where: str, error: ValidationError) -> str:
    if error.validator == "pattern" and "[0-9]{4}" in str(error.validator_value):
        return f"milestone year {quoted(key)} in {where} is not a four-digit year; write e.g. 2027"
    return f"key {quoted(key)} in {where} is not a valid id: {_ID_RULE}"


def _value_message(error: ValidationError, where: str) -> str:
    """A plain-words message for one failed keyword on a value."""
    inst, expected = _instance(error), _expected(error)
    rule = error.validator
    if rule == "type":
        return f"{where} must be {_type_words(expected)}, not {_describe(inst)}{_quote_hint(inst, expected)}"
    if rule in ("enum", "const"):
        choices = list(expected) if rule == "enum" else [expected]
        hint = _closest(str(inst), [str(c) for c in choices]) if isinstance(inst, str) else None
        tail = f"; did you mean '{hint}'?" if hint else ""
        return f"{where} is {_describe(inst)}; expected {_or_list(choices)}{tail}"
    if rule == "pattern":
        if "[0-9]{4}-" in str(expected):
            return f"{where} {quoted(str(inst))} is not a date; write it as YYYY-MM-DD, e.g. 2023-06-05"
        return f"{where} {quoted(str(inst))} is not a valid id: {_ID_RULE}"
    if rule in ("minimum", "maximum", "exclusiveMinimum"):
        bound = {"minimum": "at least", "maximum": "at most", "exclusiveMinimum": "greater than"}[rule]
        return f"{where} is {inst}; it must be {bound} {expected}"
    return _size_message(error, where)


def _size_message(error: ValidationError, where: str) -> str:
    inst, expected, rule = _instance(error), _expected(error), error.validator
    if rule in ("minProperties", "maxProperties") and "allocations" in _schema(error).get("properties", {}):
        return f"{where} needs exactly one of units, group or allocations"
    if rule in ("minItems", "maxItems") and _schema(error).get("maxItems") == _schema(error).get("minItems"):
        return f"{where} must be a list of exactly {expected} items, e.g. [2023, 2025]; it has {len(inst)}"
    if rule in ("minItems", "minProperties", "minLength"):
        return f"{where} must not be empty"
    if rule == "uniqueItems":
        return f"{where} lists the same item twice; remove the repeat"
    if rule in ("anyOf", "oneOf"):
        # A description may open with the kinds it applies to ("annual and growth: ...")
        # and end as a sentence; the message needs only what the value must be.
        description = _schema(error).get("description", "one of the allowed forms")
        return (f"{where} must be {_KINDS_PREFIX.sub('', description).rstrip('.')}, not {_describe(inst)}"
                f"{_quote_hint(inst, 'number')}")
    return f"{where}: {excerpt(error.message, 200, quote=str)}"  # jsonschema quotes the whole value


def _type_words(expected: Any) -> str:
    names = expected if isinstance(expected, list) else [expected]
    return " or ".join(_TYPE_WORDS.get(str(name), str(name)) for name in names)


def _quote_hint(inst: Any, expected: Any) -> str:
    if isinstance(inst, str) and expected in ("number", "integer"):
        try:
            number = float(inst)
        except ValueError:
            return ""
        if not math.isfinite(number):  # 'nan', 'inf', '1e999': no number to unquote
            return ""
        written = _YAML_EXPONENT.fullmatch(inst.strip())
        if written and not (written.group(3) is not None and written.group(4)):
            # YAML 1.1 reads an exponent as a number only with a dot and a signed exponent:
            # plain 1.0e308 and 1e5 are text, not a quoted number.
            sign, whole, fraction, exp_sign, exponent = written.groups()
            better = f"{sign}{whole}.{fraction or '0'}e{exp_sign or '+'}{exponent}"
            return (f"; YAML reads {inst.strip()} as text: write the number with a dot and a signed "
                    f"exponent, {better}")
        return "; remove the quotes"
    if expected == "string" and isinstance(inst, (int, float)) and not isinstance(inst, bool):
        return "; put it in quotes"
    return ""


def _describe(value: Any) -> str:
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, str):
        return f"text {quoted(value)}"
    return "a list" if isinstance(value, list) else "a mapping"


def _or_list(choices: list[Any]) -> str:
    words = [str(c) for c in choices]
    return words[0] if len(words) == 1 else f"one of {', '.join(words)}"


def json_path_text(path: JsonPath) -> str:
    """``targets[3].milestones.2027`` (or "the plan" for the document itself)."""
    text = ""
    for part in path:
        name = excerpt(str(part), quote=str)  # a key can be as long as the file
        text += f"[{part}]" if isinstance(part, int) else (f".{name}" if text else name)
    return text or "the plan"


def _finding(file: str, mark: tuple[int, int], message: str) -> Finding:
    return Finding(rule="PC200", level=ERROR, file=file, line=mark[0], column=mark[1], message=message)
