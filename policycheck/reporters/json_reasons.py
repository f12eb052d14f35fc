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
from itertools import chain
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
    groups: dict[str, list[int]] = {}
    for i, code in enumerate(column.codes[a:b]):
        groups.setdefault(code, []).append(i)
    sentences: list[str] = [""] * (b - a)
    arguments: list[str] = [""] * (b - a)
    assert column.arguments is not None  # the caller saw
    for code, rows in groups.items():
        args = column.arguments(code, [a + i for i in rows])
        made = None if args is None else _from_columns(code, tuple(args), list(args.values()), len(rows))
        if made is None:  # the reasons themselves, as the Result would hold them
            made = reason_columns([column.make(a + i) for i in rows], encode)
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
    quoted = dict(zip(names, (list(map(encode_basestring, column)) for column in columns), strict=True))
    in_sentence = dict(quoted)
    if "target" in names:  # english(): the requirement's words in English, once per distinct text
        words = columns[names.index("target")]
        english = {word: encode_basestring(localise_requirement(word, "en")) for word in set(words)}
        in_sentence["target"] = list(map(english.__getitem__, words))
    text, fields = template
    sentences = _filled(text, [list(map(_UNQUOTED, in_sentence[name])) for name in fields], count)
    labels = ", ".join(encode_basestring(name).replace("%", "%%") + ": %s" for name in names)
    return sentences, _filled("{" + labels + "}", list(quoted.values()), count)


def _filled(template: str, columns: list[list[str]], count: int) -> list[str]:
    if not columns:
        return [template % ()] * count
    return list(map(template.__mod__, zip(*columns, strict=True)))


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
