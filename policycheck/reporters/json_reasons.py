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

from collections import deque
from collections.abc import Callable, Mapping, Sequence
from itertools import chain, compress
from json.encoder import encode_basestring
from operator import attrgetter, itemgetter
from string import Formatter
from typing import Any

from policycheck.evaluation.outcomecolumns import Reasons
from policycheck.evaluation.reasons import PERIOD_ARGS, REASONS, Reason
from policycheck.evaluation.requirement import localise_requirement

_UNQUOTED = itemgetter(slice(1, -1))
_CODE, _ARGS = attrgetter("code"), attrgetter("args")


def reason_columns(reasons: Sequence[Reason], encode: Callable[[Any], str]) -> tuple[list[str], list[str]]:
    """Each reason's English sentence and its arguments as JSON text (``reason``, ``reason_args``).

    Reasons of one code and one list of argument names go together: their arguments
    are escaped once a column, for the sentence (one ``%`` template of its JSON text)
    and for the arguments' dict alike."""
    argss = list(map(_ARGS, reasons))
    keys: list[tuple[str, ...] | None] = list(map(tuple, argss)) if set(map(type, argss)) == {dict} \
        else [tuple(args) if type(args) is dict else None for args in argss]
    groups: dict[tuple[str, tuple[str, ...] | None], list[int]] = {}
    for i, key in enumerate(zip(map(_CODE, reasons), keys, strict=True)):
        groups.setdefault(key, []).append(i)
    sentences: list[str] = [""] * len(reasons)
    arguments: list[str] = [""] * len(reasons)
    for (code, names), rows in groups.items():
        made = _group(code, names, [argss[i] for i in rows])
        if made is None:
            made = [encode_basestring(reasons[i].text) for i in rows], [encode(argss[i]) for i in rows]
        deque(map(sentences.__setitem__, rows, made[0]), maxlen=0)
        deque(map(arguments.__setitem__, rows, made[1]), maxlen=0)
    return sentences, arguments


def column_reasons(column: Reasons, a: int, b: int, encode: Callable[[Any], str]) -> tuple[list[str], list[str]]:
    """:func:`reason_columns` of reasons ``a..b`` of a column that makes their arguments a column at a
    time (the batch path's, :class:`policycheck.evaluation.outcomecolumns.Reasons`): no reason made."""
    codes = column.codes[a:b]
    sentences: list[str] = [""] * (b - a)
    arguments: list[str] = [""] * (b - a)
    assert column.arguments is not None  # the caller saw
    for code in dict.fromkeys(codes):  # a handful of codes a target: a pass in C for each
        rows = list(compress(range(b - a), map(code.__eq__, codes)))
        args = column.arguments(code, [a + i for i in rows])
        made = None if args is None else _from_columns(code, tuple(args), list(args.values()), len(rows))
        if made is None:  # the reasons themselves, as the Result would hold them
            made = reason_columns([column.make(a + i) for i in rows], encode)
        if len(rows) == b - a:
            return made
        deque(map(sentences.__setitem__, rows, made[0]), maxlen=0)
        deque(map(arguments.__setitem__, rows, made[1]), maxlen=0)
    return sentences, arguments


def _group(code: str, names: tuple[str, ...] | None,
           argss: list[Mapping[str, str]]) -> tuple[list[str], list[str]] | None:
    """The sentences and argument dicts of reasons of one code whose arguments are dicts with ``names``."""
    if names is None:
        return None
    columns = [list(column) for column in zip(*map(dict.values, argss), strict=True)]  # type: ignore[arg-type]
    return _from_columns(code, names, columns or [[] for _ in names], len(argss))


def _from_columns(code: str, names: tuple[str, ...], columns: list[list[str]],
                  count: int) -> tuple[list[str], list[str]] | None:
    """The sentences and argument dicts of ``count`` reasons of one code, their arguments ``names`` given
    as ``columns``; None where english does more than fill its template and put a requirement in words."""
    if not code or code not in REASONS or any(name in names for name in PERIOD_ARGS) \
            or any(type(name) is not str for name in names):
        return None
    template = _sentence_template(REASONS[code]["en"])
    if template is None or not set(template[1]) <= set(names):
        return None
    if names and count and set(map(type, chain.from_iterable(columns))) != {str}:
        return None
    inner = dict(zip(names, (_inner(column, count) for column in columns), strict=True))
    in_sentence = dict(inner)
    if "target" in names:  # english(): the requirement's words in English, once per distinct text
        words = columns[names.index("target")]
        english = {word: localise_requirement(word, "en") for word in set(words)}
        in_sentence["target"] = _inner(list(map(english.__getitem__, words)), count)
    parts, fields = template
    sentence, filled = parts[0], []
    for name, literal in zip(fields, parts[1:], strict=True):
        slot, values = in_sentence[name]
        sentence += slot + literal
        filled += [] if values is None else [values]
    labels = ", ".join(encode_basestring(name).replace("%", "%%") + ': "' + inner[name][0] + '"' for name in names)
    return (_filled(sentence, filled, count),
            _filled("{" + labels + "}", [values for _, values in inner.values() if values is not None], count))


def _inner(texts: list[str], count: int) -> tuple[str, list[str] | None]:
    """A column of texts inside a JSON string of a ``%`` template: the JSON text of one text the
    column holds throughout (no column), else a slot and the texts, escaped only if one needs it."""
    if count and texts.count(texts[0]) == count:
        return encode_basestring(texts[0])[1:-1].replace("%", "%%"), None
    joined = "".join(texts)
    if len(encode_basestring(joined)) == len(joined) + 2:  # not one character in them to escape
        return "%s", texts
    return "%s", list(map(_UNQUOTED, map(encode_basestring, texts)))


def _filled(template: str, columns: list[list[str]], count: int) -> list[str]:
    if not columns:
        return [template % ()] * count
    return list(map(template.__mod__, zip(*columns, strict=True)))


def _sentence_template(sentence: str) -> tuple[list[str], tuple[str, ...]] | None:
    """A reason template (``str.format`` style) as the literal parts of its JSON string, as parts of a
    ``%`` template, and the argument named between each two; None for anything but plain ``{name}`` fields."""
    parts = ['"']
    fields: list[str] = []
    for literal, name, spec, conversion in Formatter().parse(sentence):
        parts[-1] += encode_basestring(literal)[1:-1].replace("%", "%%")
        if name is None:
            continue
        if not name.isidentifier() or spec or conversion:
            return None
        parts.append("")
        fields.append(name)
    parts[-1] += '"'
    return parts, tuple(fields)
