"""What a YAML syntax error usually means in a plan: a value that needed quotes.

Plans hold comparators and units: ``comparator: >=`` and ``unit: %`` look
natural, but ``>`` starts a folded block of text, ``%`` a directive, ``*`` an
alias and ``&`` an anchor, so the parser stops with a message about tokens
and block scalars.  :func:`bare_indicator` looks at the place the parser
points at and, when a value starts with such a character, gives the token to
quote and why, so the finding can say "quote it: '>='" at that line.
(``<`` and ``<=`` need no quotes: they are plain text to YAML.)
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from policycheck.messages import Text, msg

#: Characters that cannot start a plain value in YAML and that plans write as values.
INDICATORS = "%>|*&!@`"
#: Where a value starts: after "key:", "- ", or inside [ ] and { } after "[", "{" or ",".
_VALUE_STARTS = ":-[{,"
#: Characters that end a token inside a flow collection or before a comment.
_TOKEN_END = " \t,]}#"


def bare_indicator(text: str, marks: Sequence[Any]) -> tuple[str, int, int, Text] | None:
    """(token, line, column, why) of a value starting with an indicator at one of ``marks``.

    ``marks`` are the parser's marks (0-based line and column); the first one
    that sits on such a value wins.  Line and column returned are 1-based.
    """
    lines = text.splitlines()
    for mark in marks:
        if not 0 <= mark.line < len(lines):
            continue
        line = lines[mark.line]
        column = mark.column
        if column >= len(line) or line[column] not in INDICATORS:
            continue
        before = line[:column].rstrip()
        if before and before[-1] not in _VALUE_STARTS:
            continue  # inside a word: not where a value starts
        end = column
        while end < len(line) and line[end] not in _TOKEN_END:
            end += 1
        token = line[column:end]
        return token, mark.line + 1, column + 1, msg(f"why.{token[0]}")
    return None
