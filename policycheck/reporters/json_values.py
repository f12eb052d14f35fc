"""Values of a JSON report's column as text: floats as json writes them, and text as *wire text*.

A float's text is ``float.__repr__`` (full precision, docs/reports.md#json), about
0.2 µs for the short values of a statistics file and 0.5 µs for the 17 digits of a
computed number, and a national report has 2.4 million of them.  A column of short
values (observed values, actuals, baselines: the input's numbers, which repeat across
the whole report) is written from the texts already met; any other float column is
turned into text once (docs/performance.md#json-from-the-columns).

Wire text is a text's UTF-8 bytes as the code points of a one-byte string: the
result lines of ``-o json`` are joined as such, so that the join copies bytes and the
file's bytes are a copy of the joined string (``encode("latin-1")``), not an encoding
of every character of a two-byte string.
"""
from __future__ import annotations

import math
from array import array
from collections.abc import Callable, Sequence
from itertools import compress, repeat
from operator import is_
from typing import Any

#: How many first values of a float column :func:`_short` looks at, and the mean length of their texts
#: (``1234.5``, not ``0.30000000000000004``) below which the column is written by :func:`_known_texts`.
_SAMPLE, _SHORT = 8, 10
#: The most float texts a report remembers (about 100 bytes each).
_KNOWN = 1 << 16


def wire(text: str) -> str:
    """``text`` as wire text: the code points of its UTF-8 bytes, a one-byte string that
    ``encode("latin-1")`` turns into those bytes by a copy (ASCII text is its own)."""
    return text if text.isascii() else text.encode("utf-8").decode("latin-1")


def float_texts(values: Sequence[float], encode: Callable[[Any], str], columns: dict[bytes, list[str]],
                known: dict[float, str]) -> list[str]:
    """Each float as json writes it (``float.__repr__``; null for inf and nan), once per distinct column
    (``columns``: the texts of the columns written so far, by their bytes), a column of short values from
    the texts ``known`` in the report."""
    column = values if isinstance(values, array) else array("d", values)
    raw = column.tobytes()
    texts = columns.get(raw)
    if texts is None:
        if raw == column[:1].tobytes() * len(column):  # one value throughout, if not one object
            texts = [encode(column[0])] * len(column)
        elif _short(column):
            texts = _known_texts(column, known)
        elif math.isfinite(sum(column)):  # an inf or a nan anywhere makes the sum one
            texts = list(map(float.__repr__, column))
        else:
            texts = [repr(v) if math.isfinite(v) else "null" for v in column]
        columns[raw] = texts
    return texts


def _short(column: array) -> bool:  # type: ignore[type-arg]
    """Whether the first values of a column have short texts (a statistic as a CSV file gives it, not the
    17 digits of a computed number): such values repeat across the report, and a look-up is a third
    of ``float.__repr__``."""
    sample = column[:_SAMPLE]
    return sum(map(len, map(float.__repr__, sample))) <= _SHORT * len(sample)


def _known_texts(column: array, known: dict[float, str]) -> list[str]:  # type: ignore[type-arg]
    """Each float's text, looked up in ``known`` and added to it when new.

    A zero is never kept (0.0 and -0.0 are one key but two texts), nor a non-finite number
    (a NaN is no key: it is not equal to itself), so every text is the value's own; ``known``
    stops growing at :data:`_KNOWN` values (a few MB)."""
    texts: list[str | None] = list(map(known.get, column))
    if None not in texts:
        return texts  # type: ignore[return-value]  # no None in it
    room = _KNOWN - len(known)
    for i in compress(range(len(texts)), map(is_, texts, repeat(None))):  # the misses, found in C
        value = column[i]
        if not math.isfinite(value):
            texts[i] = "null"
            continue
        texts[i] = text = float.__repr__(value)
        if value and room > 0:
            known[value] = text
            room -= 1
    return texts  # type: ignore[return-value]  # every None filled in
