"""Schema validation of plan data (PC200), each error at its YAML line and column.

jsonschema reports a JSON path; :class:`policycheck.plans.yamlload.YamlDoc` maps that
path back to the node, so every error reads ``FILE:LINE:COL: ...``.  Messages
are rewritten in plain words with what would be right, and ``anyOf`` failures
are narrowed to the branch the value was evidently meant for.
"""
from __future__ import annotations

import math
import re
from collections.abc import Iterable, Iterator, Mapping
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from policycheck.findings import ERROR, Finding, excerpt, quoted
from policycheck.messages import Text, join, msg, same
from policycheck.numtext import MAX_MAGNITUDE
from policycheck.plans.schemafast import certainly_valid, inline_refs
from policycheck.plans.schemawords import FORMS, KINDS_PREFIX, PAIRS, quote_hint
from policycheck.plans.yamlload import JsonPath, YamlDoc

if TYPE_CHECKING:
    from jsonschema import ValidationError
    from jsonschema.protocols import Validator

_TYPE_NAMES = frozenset({"number", "integer", "string", "array", "object", "boolean", "null"})
_REQUIRED = re.compile(r"^'([^']*)' is a required property$")


@lru_cache(maxsize=1)
def plan_schema() -> dict[str, Any]:
    """The plan schema with its local ``$ref`` s inlined (it has no recursion).

    Following references through jsonschema's registry costs about half of
    the validation time of a typical plan.
    """
    from policycheck.schemas import load_schema

    schema = load_schema("plan")
    inlined: dict[str, Any] = inline_refs(schema, schema.get("$defs", {}))
    return inlined


@lru_cache(maxsize=1)
def plan_validator() -> Validator:
    """The compiled plan schema validator, built once per process and only for a plan with errors."""
    from jsonschema import Draft202012Validator

    return Draft202012Validator(plan_schema())


def schema_findings(doc: YamlDoc, file: str) -> list[Finding]:
    """Every schema violation of ``doc`` as a PC200 finding."""
    if doc.data is None:
        return [_finding(file, (1, 1), msg("PC200.empty"))]
    if not isinstance(doc.data, dict):
        return [_finding(file, doc.mark(()), msg("PC200.not-mapping", what=_describe(doc.data)))]
    try:
        data = text_keys(doc.data)
        # jsonschema (and its imports) only for a plan that may have errors to explain.
        valid = certainly_valid(data, plan_schema())
        errors = [] if valid else list(_flatten(plan_validator().iter_errors(data)))
    except RecursionError:
        return [_finding(file, (1, 1), msg("PC200.too-deep"))]
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
    if not _has_odd_number(doc.data):
        return []  # the walk, with the path of every node, would find nothing
    return non_finite_walk(doc, file)


def non_finite_walk(doc: YamlDoc, file: str) -> list[Finding]:
    """:func:`_non_finite_findings` without its quick look first (tests compare the two)."""
    findings = []
    stack: list[tuple[JsonPath, Any]] = [((), doc.data)]
    while stack:  # explicit stack: the reader bounds the depth, but recursion is not needed
        path, value = stack.pop()
        if isinstance(value, dict):
            stack.extend((path + (str(key),), item) for key, item in value.items())
        elif isinstance(value, list):
            stack.extend((path + (index,), item) for index, item in enumerate(value))
        elif _is_non_finite(value):
            findings.append(_finding(file, doc.mark(path), msg("PC200.non-finite", where=json_path_text(path),
                                                               what=_describe_number(value))))
        elif _too_large(value):
            findings.append(_finding(file, doc.mark(path), msg("PC200.too-large", where=json_path_text(path),
                                                               value=f"{value:g}", limit=f"{MAX_MAGNITUDE:g}")))
    return sorted(findings, key=Finding.sort_key)


def _has_odd_number(data: Any) -> bool:
    """Whether any value (not key) of ``data`` is a number :func:`_non_finite_findings` reports."""
    stack = [data]
    while stack:
        value = stack.pop()
        if type(value) is str:  # most values: names, ids, quotes
            continue
        if isinstance(value, dict):
            stack.extend(value.values())
        elif isinstance(value, list):
            stack.extend(value)
        elif _is_non_finite(value) or _too_large(value):
            return True
    return False


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


def _describe_number(value: int | float) -> Text:
    if isinstance(value, float):
        return msg("value.nan") if math.isnan(value) else msg("value.infinite")
    return msg("value.huge")


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
        if isinstance(error.instance, dict):
            relevant = _closest_branch(relevant, error.instance)
        if relevant:
            yield from _flatten(relevant)
        else:
            yield error


def _closest_branch(errors: list[ValidationError], instance: dict[str, Any]) -> list[ValidationError]:
    """The sub-errors of the one mapping form the value was evidently meant to be.

    A milestone value can be one of several mappings ({times_baseline: k},
    {change: c, in: ...}, {improve: k}, {grade: g}); a typo in one must be
    reported against that form, not against all of them.  The form whose keys
    the value shares (or resembles most) wins.
    """
    branches: dict[Any, list[ValidationError]] = {}
    for sub in errors:
        branches.setdefault(sub.relative_schema_path[0] if sub.relative_schema_path else None, []).append(sub)
    if len(branches) <= 1:
        return errors

    def score(subs: list[ValidationError]) -> tuple[int, float]:
        names = [name for sub in subs if isinstance(sub.schema, dict) for name in sub.schema.get("properties", {})]
        names += [str(sub.relative_path[0]) for sub in subs if len(sub.relative_path) > 0]
        shared = sum(1 for key in instance if key in names)
        import difflib  # only to suggest a name; not imported on the common path
        likeness = max((difflib.SequenceMatcher(None, str(key), name).ratio()
                        for key in instance for name in names), default=0.0)
        return shared, likeness

    return max(branches.values(), key=score)


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
        return [_finding(file, doc.mark(path), msg("PC200.required", where=where, key=key))]
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
    import difflib  # only to suggest a name; not imported on the common path
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
    hint = (msg("did-you-mean", suggestion=f"'{suggestion}'") if suggestion
            else msg("PC200.allowed-keys", keys=", ".join(allowed)))
    message = msg("PC200.unknown-key", key=quoted(key), where=json_path_text(path), hint=hint)
    return _finding(file, doc.mark(path + (key,), key=True), message)


def _key_name_message(key: str, where: str, error: ValidationError) -> Text:
    if error.validator == "pattern" and "[0-9]{4}" in str(error.validator_value):
        return msg("PC200.year-key", key=quoted(key), where=where)
    return msg("PC200.id-key", key=quoted(key), where=where, rule=msg("id-rule"))


def _value_message(error: ValidationError, where: str) -> Text:
    """A plain-words message for one failed keyword on a value."""
    inst, expected = _instance(error), _expected(error)
    rule = error.validator
    if rule == "type":
        return msg("PC200.type", where=where, expected=_type_words(expected), actual=_describe(inst),
                   hint=quote_hint(inst, expected))
    if rule in ("enum", "const"):
        choices = list(expected) if rule == "enum" else [expected]
        hint = _closest(str(inst), [str(c) for c in choices]) if isinstance(inst, str) else None
        tail = msg("PC200.enum-hint", suggestion=hint) if hint else ""
        return msg("PC200.enum", where=where, actual=_describe(inst), choices=_or_list(choices), hint=tail)
    if rule == "pattern":
        if "[0-9]{4}-" in str(expected):
            return msg("PC200.date", where=where, value=quoted(str(inst)))
        return msg("PC200.id", where=where, value=quoted(str(inst)), rule=msg("id-rule"))
    if rule in ("minimum", "maximum", "exclusiveMinimum"):
        return msg(f"PC200.{rule}", where=where, value=inst, limit=expected)
    return _size_message(error, where)


def _size_message(error: ValidationError, where: str) -> Text:
    inst, expected, rule = _instance(error), _expected(error), error.validator
    if rule in ("minProperties", "maxProperties") and "allocations" in _schema(error).get("properties", {}):
        return msg("PC200.scope-one", where=where)
    if rule in ("minProperties", "maxProperties") and "absolute" in _schema(error).get("properties", {}):
        return msg("PC200.tolerance-one", where=where)
    if rule in ("minItems", "maxItems") and _schema(error).get("maxItems") == _schema(error).get("minItems"):
        key = PAIRS.get(_schema(error).get("title", ""), "PC200.pair")
        return msg(key, where=where, count=expected, has=len(inst))
    if rule in ("minItems", "minProperties", "minLength"):
        return msg("PC200.empty-value", where=where)
    if rule == "uniqueItems":
        return msg("PC200.unique", where=where)
    if rule in ("anyOf", "oneOf"):
        # A description may open with the kinds it applies to ("annual and growth: ...")
        # and end as a sentence; the message needs only what the value must be.
        description = KINDS_PREFIX.sub("", _schema(error).get("description", "one of the allowed forms")).rstrip(".")
        form = msg(FORMS[description]) if description in FORMS else same(description)
        return msg("PC200.form", where=where, form=form, actual=_describe(inst)) + quote_hint(inst, "number")
    # jsonschema quotes the whole value
    return msg("PC200.other", where=where, error=excerpt(error.message, 200, quote=str))


def _type_words(expected: Any) -> Text:
    names = expected if isinstance(expected, list) else [expected]
    words = [msg(f"type.{name}") if str(name) in _TYPE_NAMES else same(str(name)) for name in names]
    result = words[0]
    for word in words[1:]:
        result = msg("type.or", first=result, second=word)
    return result


def _describe(value: Any) -> Text:
    if value is None:
        return msg("value.empty")
    if isinstance(value, bool):
        return same("true" if value else "false")
    if isinstance(value, (int, float)):
        return msg("value.number", value=value)
    if isinstance(value, str):
        return msg("value.text", value=quoted(value))
    return msg("value.list") if isinstance(value, list) else msg("value.mapping")


def _or_list(choices: list[Any]) -> Text:
    words = [str(c) for c in choices]
    return same(words[0]) if len(words) == 1 else msg("or-list", choices=join(words))


def json_path_text(path: JsonPath) -> str:
    """``targets[3].milestones.2027`` (or "the plan" for the document itself)."""
    text = ""
    for part in path:
        name = excerpt(str(part), quote=str)  # a key can be as long as the file
        text += f"[{part}]" if isinstance(part, int) else (f".{name}" if text else name)
    return text or "the plan"


def _finding(file: str, mark: tuple[int, int], message: Text) -> Finding:
    return Finding.of("PC200", ERROR, file, mark[0], mark[1], message)
