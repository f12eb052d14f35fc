"""How wide text shows in a grid of fixed-width columns: a Chinese character takes two.

The workbooks policycheck writes (the xlsx report, the unit index of
``units --split``, the template) size their columns with it, so a unit's or
a target's Chinese name is not cut off when the file is opened.
"""
from __future__ import annotations


def display_width(text: str) -> int:
    """Display columns of a text: a Chinese character takes two."""
    from wcwidth import wcswidth  # here, not at import: only workbook writers need it

    width = wcswidth(text)
    return width if width >= 0 else len(text) * 2
