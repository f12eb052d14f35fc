"""Text from plans, CSV files and file names, made safe for terminals and CI logs.

Plan text, CSV cells and file names come from anyone (a pull request, a
spreadsheet), and policycheck shows them on stderr, in its human formats and in
CI logs.  There an ESC starts a terminal escape sequence (colours, OSC 8
links, a cleared screen), a newline starts a new log line, a bidi override
reorders what a reader sees (Trojan Source), and a log line whose first
non-blank characters are ``::`` is a GitHub Actions workflow command
(``::error file=README.md::...``, ``::add-mask::``, ``::stop-commands::``).

Two functions do all of it (docs/security.md#8-text-to-terminals-and-ci-logs):

* :func:`one_line` for a field placed inside a line: line breaks and tabs
  become spaces, other control characters and bidi controls are dropped
  (:func:`without_controls` keeps the line breaks, for fields escaped after,
  and :func:`spreadsheet_text` also neutralises formulas in CSV cells);
* :func:`defuse_commands` for a whole block of output: a line whose first
  non-blank characters would start a workflow command (``::``, ``##[``) gets
  the full-width form of its first character (``：``, ``＃``), so no CI runner
  reads it as a command and a person still reads the same text.
"""
from __future__ import annotations

import re
from re import Match

#: Characters that break a line or a cell in some reader: shown as one space.
_BREAKS = "\t\n\r\u2028\u2029"
#: C0 and C1 control characters (other than the breaks above) and DEL: ESC, BEL,
#: BS, CSI (U+009B), NEL (U+0085)... never reach a terminal or a log.
_CONTROLS = [c for c in [*range(0x20), 0x7F, *range(0x80, 0xA0)] if chr(c) not in _BREAKS]
#: Bidi controls: marks, embeddings, overrides and isolates (Unicode TR9).
_BIDI = [0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A)]
_ONE_LINE = str.maketrans({**{ord(c): " " for c in _BREAKS}, **dict.fromkeys(_CONTROLS + _BIDI)})
_DROP = str.maketrans(dict.fromkeys(_CONTROLS + _BIDI))
#: Everything :func:`one_line` removes except the newline, for multi-line blocks.
_BLOCK = str.maketrans({**{ord(c): " " for c in _BREAKS if c != "\n"}, **dict.fromkeys(_CONTROLS + _BIDI)})

#: A line whose first non-blank characters a CI runner reads as a command:
#: GitHub Actions ``::name ...::`` (the runner trims leading white space first,
#: including U+3000 and no-break spaces) and the older ``##[name]`` form.
_COMMAND_START = re.compile(r"^([^\S\n]*)(::|##\[|##vso\[)", re.MULTILINE)
_FULL_WIDTH = {":": "\uff1a", "#": "\uff03"}
#: What a spreadsheet reads as the start of a formula (CSV injection, OWASP).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def one_line(text: str) -> str:
    """``text`` as one line of printable text, for a field inside a line or a cell.

    Tabs, carriage returns, newlines and the Unicode line and paragraph
    separators become spaces; every other control character (C0, DEL, C1) and
    every bidi control is dropped.
    """
    return text.translate(_ONE_LINE)


def without_controls(text: str) -> str:
    """``text`` without control characters and bidi controls; line breaks and tabs stay.

    For fields that are escaped afterwards (``-f github`` turns a newline into
    ``%0A``), where a line break is text, not a new line.
    """
    return text.translate(_DROP)


def clean_block(text: str) -> str:
    """Several lines of text: :func:`one_line` on each line, then :func:`defuse_commands`."""
    return defuse_commands(text.translate(_BLOCK))


def spreadsheet_text(text: str) -> str:
    """A text cell for a CSV file that people open in Excel.

    Control and bidi characters are dropped (line breaks stay: a quoted cell
    may hold them), and text a spreadsheet would run as a formula (``=``,
    ``+``, ``-``, ``@``, tab or CR first) gets a leading ``'``.
    """
    text = without_controls(text)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def defuse_commands(text: str) -> str:
    """``text`` with no line that a CI runner would read as a workflow command.

    Only the first character of such a line changes (``::error`` reads
    ``：:error``), so the text stays legible and its line structure intact.
    Text without ``::`` or ``##`` is returned as it is, at the cost of one scan.
    """
    if "::" not in text and "##" not in text:
        return text
    return _COMMAND_START.sub(_full_width_first, text)


def _full_width_first(match: Match[str]) -> str:
    blank, start = match.group(1), match.group(2)
    return blank + _FULL_WIDTH[start[0]] + start[1:]
