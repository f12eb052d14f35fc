"""The few Arrow compute functions the Arrow reader calls, by name (docs/performance.md#reading).

Importing ``pyarrow.compute`` builds a Python wrapper, with its documentation,
for each of Arrow's hundreds of compute functions: 0.03 CPU s, a tenth of the
reading of a national file.  Its wrappers, and the array methods that use them
(``cast``, ``take``, ``dictionary_encode``), end in ``call_function`` of
``pyarrow._compute``, which the functions here call directly, with the same
default options.  Imported only by the Arrow reader, inside its functions.
"""
from __future__ import annotations

from typing import Any

try:
    from pyarrow._compute import CastOptions, MatchSubstringOptions, call_function
except ImportError:  # a pyarrow that moved its private module: the public names, slower to import
    from pyarrow.compute import CastOptions, MatchSubstringOptions, call_function


def all_true(values: Any) -> bool:
    """Whether every value is true (an empty or all-null array: False, as ``pc.all`` gives null)."""
    return call_function("all", [values]).as_py() is True


def any_true(values: Any) -> bool:
    return call_function("any", [values]).as_py() is True


def cast(values: Any, kind: Any) -> Any:
    """``values`` as ``kind``; ArrowInvalid for a value that does not convert."""
    return call_function("cast", [values], CastOptions.safe(kind))


def take(values: Any, indices: Any) -> Any:
    return call_function("take", [values, indices])


def dictionary_encode(values: Any) -> Any:
    """Distinct values in order of first appearance (``dictionary``), and each row's (``indices``)."""
    return call_function("dictionary_encode", [values])


def unique(values: Any) -> Any:
    return call_function("unique", [values])


def sort_indices(values: Any) -> Any:
    """Row numbers in ascending order of ``values``; a stable sort."""
    return call_function("sort_indices", [values])


def indices_nonzero(values: Any) -> Any:
    return call_function("indices_nonzero", [values])


def min_max(values: Any) -> dict[str, Any]:
    found: dict[str, Any] = call_function("min_max", [values]).as_py()
    return found


def matches(values: Any, pattern: str) -> Any:
    """Whether each text matches the regular expression ``pattern`` (RE2)."""
    return call_function("match_substring_regex", [values], MatchSubstringOptions(pattern))


def absolute(values: Any) -> Any:
    return call_function("abs", [values])


def add(left: Any, right: Any) -> Any:
    return call_function("add", [left, right])


def subtract(left: Any, right: Any) -> Any:
    return call_function("subtract", [left, right])


def multiply(left: Any, right: Any) -> Any:
    return call_function("multiply", [left, right])


def divide(left: Any, right: Any) -> Any:
    """Integer division of integers (truncated)."""
    return call_function("divide", [left, right])


def equal(left: Any, right: Any) -> Any:
    return call_function("equal", [left, right])


def not_equal(left: Any, right: Any) -> Any:
    return call_function("not_equal", [left, right])


def less_equal(left: Any, right: Any) -> Any:
    return call_function("less_equal", [left, right])


def both(left: Any, right: Any) -> Any:
    return call_function("and", [left, right])


def and_not(left: Any, right: Any) -> Any:
    return call_function("and_not", [left, right])


def cumulative_sum(values: Any) -> Any:
    """Running sums (not checked for overflow)."""
    return call_function("cumulative_sum", [values])


def run_end_decode(values: Any) -> Any:
    """A run-end encoded array as a plain one."""
    return call_function("run_end_decode", [values])


def either(left: Any, right: Any) -> Any:
    return call_function("or", [left, right])
