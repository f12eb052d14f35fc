"""PC314 (warning): the quote's wording contradicts the comparator.

Article 1259 of the Civil Code: 民法所称的“以上”“以下”“以内”“届满”，包括本数；所称的
“不满”“超过”“以外”，不包括本数.  So 以上 is ``>=`` and 超过 is ``>``; 以下 and 以内 are
``<=``, 低于 and 不满 are ``<``.  In a 主要指标 table a ``>`` or ``<`` before the number
stands for 以上 or 以下 (the table has no room for the words) unless the text says 超过
or 低于 (docs/plan-format.md#wording).

A quote often holds several targets' words, so the check is deliberately
lenient: it warns only when the quote carries a word that contradicts the
comparator and no word that supports it.
"""
from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

from policycheck.findings import WARNING, Finding
from policycheck.messages import msg
from policycheck.model import Target
from policycheck.plans.rulecontext import RuleContext

#: Words (and table symbols) that include the number, by the comparator they mean.
_INCLUSIVE: Mapping[str, re.Pattern[str]] = {
    ">=": re.compile(r"以上|不低于|不少于|不小于|至少|达到或超过|届满|[>＞≥](?=\s*[0-9０-９])"),
    "<=": re.compile(r"以下|以内|不超过|不高于|不多于|不大于|[<＜≤](?=\s*[0-9０-９])"),
}
#: Words that exclude the number; their negations (不超过, 不低于...) are taken out first.
_STRICT: Mapping[str, re.Pattern[str]] = {
    ">": re.compile(r"超过|突破|高于|多于|大于|超(?=[0-9０-９])"),
    "<": re.compile(r"低于|少于|小于|不满|不足(?=[0-9０-９])"),
}
_NEGATED = re.compile(r"不超过|不高于|不多于|不大于|不低于|不少于|不小于|达到或超过")
#: Words that support ``>=`` without being a contradiction of ``>`` (达3.2%, 达到).
_REACH = re.compile(r"达")
#: comparator -> (the words that contradict it, the comparator they mean)
_CONTRADICTIONS: Mapping[str, tuple[re.Pattern[str], str]] = {
    ">": (_INCLUSIVE[">="], ">="),
    ">=": (_STRICT[">"], ">"),
    "<": (_INCLUSIVE["<="], "<="),
    "<=": (_STRICT["<"], "<"),
}
#: comparator meant -> the message of why the word means it
_WHY = {">=": "PC314.includes", "<=": "PC314.includes", ">": "PC314.excludes", "<": "PC314.excludes"}


def supports(text: str, comparator: str) -> bool:
    """Whether ``text`` has a word for ``comparator`` (达 counts for ``>=``)."""
    strict_text = _NEGATED.sub("", text)
    if comparator in _STRICT:
        return bool(_STRICT[comparator].search(strict_text))
    return bool(_INCLUSIVE[comparator].search(text)) or (comparator == ">=" and bool(_REACH.search(text)))


def contradiction(text: str, comparator: str) -> tuple[str, str] | None:
    """(the word, the comparator it means) when ``text`` contradicts ``comparator`` without supporting it."""
    if comparator not in _CONTRADICTIONS or supports(text, comparator):
        return None
    pattern, meant = _CONTRADICTIONS[comparator]
    found = pattern.search(_NEGATED.sub("", text) if meant in _STRICT else text)
    return (found.group(0), meant) if found else None


def check_wording(ctx: RuleContext, index: int, raw: Mapping[str, Any], target: Target) -> Iterator[Finding]:
    """PC314: a quote saying 以上 for comparator ``>`` (or 超过 for ``>=``, and the like)."""
    if not target.quote or target.comparator is None:
        return
    found = contradiction(target.quote, target.comparator)
    if found is None:
        return
    word, meant = found
    table = word in "<>＜＞≤≥"
    what = (msg("PC314.table", word=word, meaning="以上" if meant == ">=" else "以下") if table
            else msg(_WHY[meant], word=word))
    yield ctx.at("PC314", ("targets", index, "comparator") if "comparator" in raw else ("targets", index, "quote"),
                 msg("PC314.wording", word=repr(word), comparator=target.comparator, what=what, meant=meant),
                 level=WARNING)
