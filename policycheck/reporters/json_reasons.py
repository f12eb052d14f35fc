"""The reason sentences of a run's results for the JSON report, formatted a column at a time.

A result's ``reason`` is the English sentence of its reason code and arguments
(:func:`policycheck.evaluation.reasons.english`, docs/reports.md#json).  Writing
the results of a target from its columns (:mod:`policycheck.reporters.json_columns`),
the sentences of one code and one set of argument names are made by one ``%``
template of the sentence's JSON text, the arguments escaped once a column; a reason
whose sentence needs more than its template filled in (a requirement or a period put
in words, arguments that are not text) is formatted as the Result would format it.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from json.encoder import encode_basestring
from operator import itemgetter
from string import Formatter

from policycheck.evaluation.reasons import PERIOD_ARGS, REASONS, Reason

_UNQUOTED = itemgetter(slice(1, -1))


def reason_texts(reasons: Sequence[Reason], codes: list[str], argss: list[Mapping[str, str]]) -> list[str]:
    """Each reason's English sentence as JSON text: reasons of one code and argument names are formatted
    together by one ``%`` template of the sentence, their arguments escaped once."""
    groups: dict[tuple[str, tuple[str, ...] | None], list[int]] = {}
    for i, (code, args) in enumerate(zip(codes, argss, strict=True)):
        groups.setdefault((code, tuple(args) if type(args) is dict else None), []).append(i)
    texts: list[str] = [""] * len(codes)
    for (code, keys), rows in groups.items():
        made = _sentences(code, keys, [argss[i] for i in rows])
        if made is None:
            made = [encode_basestring(reasons[i].text) for i in rows]
        for i, text in zip(rows, made, strict=True):
            texts[i] = text
    return texts


def _sentences(code: str, keys: tuple[str, ...] | None, argss: list[Mapping[str, str]]) -> list[str] | None:
    """The JSON text of ``english(code, args)`` for each of ``argss`` (dicts, all with ``keys``), or None where
    english does more than fill its template (a requirement or a period to put in words)."""
    if keys is None or not code or code not in REASONS or "target" in keys or any(key in keys for key in PERIOD_ARGS):
        return None
    template = _sentence_template(REASONS[code]["en"])
    if template is None:
        return None
    text, fields = template
    if not set(fields) <= set(keys):
        return None
    columns = dict(zip(keys, zip(*(args.values() for args in argss), strict=True), strict=True))
    if not all(type(value) is str for column in columns.values() for value in column):
        return None
    escaped = [list(map(_UNQUOTED, map(encode_basestring, columns[name]))) for name in fields]
    if not escaped:
        return [text % ()] * len(argss)
    return list(map(text.__mod__, zip(*escaped, strict=True)))


def _sentence_template(sentence: str) -> tuple[str, tuple[str, ...]] | None:
    """A reason template (``str.format`` style) as the ``%`` template of its JSON string and the argument
    named by each ``%s``; None for anything but plain ``{name}`` fields."""
    parts = ['"']
    fields: list[str] = []
    for literal, name, spec, conversion in Formatter().parse(sentence):
        parts.append(encode_basestring(literal)[1:-1].replace("%", "%%"))
        if name is None:
            continue
        if not name.isidentifier() or spec or conversion:
            return None
        parts.append("%s")
        fields.append(name)
    parts.append('"')
    return "".join(parts), tuple(fields)
