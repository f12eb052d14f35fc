"""The text format's own ``simple`` table is tabulate's, byte for byte (policycheck/reporters/plaintable.py)."""
from __future__ import annotations

import pytest
import wcwidth
from hypothesis import given, settings
from hypothesis import strategies as st
from tabulate import tabulate

from policycheck.reporters.plaintable import WIDTH_RANGES, simple_table, text_width

_KNOWN = [chr(code) for lo, hi, _ in WIDTH_RANGES for code in range(lo, hi + 1)]


def test_every_width_is_the_one_wcwidth_gives() -> None:
    wrong = [(hex(code), width, wcwidth.wcswidth(chr(code)))
             for lo, hi, width in WIDTH_RANGES for code in range(lo, hi + 1)
             if wcwidth.wcswidth(chr(code)) != width]
    assert wrong == []
    assert len(_KNOWN) > 21000  # the CJK ideographs alone are 20,992


@pytest.mark.parametrize("text", ["a\nb", "tab\there", "\x1b[31mred\x1b[0m", "e\u0301", "😀", "\u302a", "\u00ad"])
def test_characters_measured_otherwise_are_left_to_tabulate(text: str) -> None:
    assert text_width(text) is None
    assert simple_table([[text]], ["h"], [False]) is None


def test_cells_tabulate_would_change_are_left_to_it() -> None:
    assert simple_table([[" padded"]], ["h"], [False]) is None  # tabulate strips the spaces
    assert simple_table([["a", "b"]], ["h"], [False]) is None  # a row longer than the header
    assert simple_table([], [], []) is None


def test_a_report_table() -> None:
    table = simple_table([["研发投入强度", "3.5%", "达标"], ["R&D", "12", "未达标"]], ["指标", "实际", "状态"],
                         [False, True, False])
    assert table == ("指标            实际  状态\n"
                     "------------  ------  ------\n"
                     "研发投入强度    3.5%  达标\n"
                     "R&D               12  未达标")


_ALPHABET = _KNOWN[:95] + _KNOWN[95::97] + ["中", "，", "—", "≥", "█"]
_CELLS = st.text(st.sampled_from(_ALPHABET), max_size=12).map(str.strip)


@settings(max_examples=400, deadline=None)
@given(st.integers(1, 5).flatmap(lambda n: st.tuples(
    st.lists(_CELLS, min_size=n, max_size=n),
    st.lists(st.lists(_CELLS, min_size=n, max_size=n), max_size=5),
    st.lists(st.booleans(), min_size=n, max_size=n))))
def test_the_same_bytes_as_tabulate(table: tuple[list[str], list[list[str]], list[bool]]) -> None:
    headers, rows, right = table
    ours = simple_table(rows, headers, right)
    theirs = tabulate(rows, headers=headers, tablefmt="simple", disable_numparse=True,
                      colalign=["right" if r else "left" for r in right])
    assert ours == theirs
