"""'Did you mean ...?' hints with a bounded cost.

A close match is looked for among every known id (``difflib``: about the
number of candidates times the word length squared).  Once per typo that is
nothing; for a hostile file with ten thousand distinct unknown ids among ten
thousand known ones it was 10^8 comparisons.  A :class:`Suggester` gives each
file a budget of look-ups (the first :data:`BUDGET` problems get a hint, the
rest a plain message), so the cost stays linear in the size of the input.
"""
from __future__ import annotations

import difflib
from collections.abc import Iterable

#: Look-ups per file: far more typos than a person fixes in one go.
BUDGET = 100


class Suggester:
    """Close matches for at most ``budget`` words; None once the budget is spent."""

    def __init__(self, budget: int = BUDGET) -> None:
        self.budget = budget

    def closest(self, word: str, candidates: Iterable[str], cutoff: float = 0.6) -> str | None:
        """The closest candidate to ``word`` (difflib, at least ``cutoff`` alike), or None.

        ``candidates`` is only walked while the budget lasts, so callers may pass a
        dict's keys or a generator without building a list for every problem.
        """
        if self.budget <= 0:
            return None
        self.budget -= 1
        matches = difflib.get_close_matches(word, list(candidates), n=1, cutoff=cutoff)
        return matches[0] if matches else None
