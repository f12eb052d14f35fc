"""A plan's source document and the quote check (PC311, PC312).

A plan may keep a copy of the text of the document it encodes
(``plan.source.file``, docs/plan-format.md#5-the-source-document); every
target's ``quote`` is then looked up in it, so that a quote which drifted from
the document (a typo, a changed number, words from another sentence) is caught
by ``validate`` wherever the plan is cloned.  Matching follows
docs/plan-format.md#6-quotes-and-the-quote-check:

* both sides are normalised with Unicode NFKC (``，`` and ``,``, ``３`` and ``3``
  match) and every whitespace character is removed, because texts extracted
  from web pages and PDFs break lines and space words at random;
* a quote may skip words with ``…``: it is split on ``…`` *before* normalising
  (NFKC turns ``…`` into ``...``) and each piece must be found after the end of
  the previous one.

A quote not found is a warning at the quote, like a missing quote (PC309), with
the passage of the document that resembles it most.  A source file that cannot
be used (missing, outside the plan's folder, not UTF-8, too large) is a warning
at ``file:`` (PC312), never an exception: like the quotes, the copy serves
tracing a target to its document and changes no result, so a plan copied
without its ``sources`` folder still loads for ``check``; ``validate --strict``
fails on it.
"""
from __future__ import annotations

import os
import unicodedata
from dataclasses import field
from pathlib import PurePosixPath, PureWindowsPath

from policycheck.findings import WARNING, Finding, quoted
from policycheck.messages import Text, msg
from policycheck.model import Plan
from policycheck.plans.yamlload import MAX_BYTES, JsonPath, YamlDoc
from policycheck.records import record

ELLIPSIS = "…"
#: Diagonals this close to the best one count towards it when looking for the
#: closest passage, so that a quote with a word added or dropped still lines up.
_SLACK = 3
#: Bounds on the closest-passage search, so that a hostile plan and source text
#: (10 MiB of one character, thousands of wrong quotes) cannot make it run for
#: minutes: character pairs found more often than this say nothing about where
#: a passage is; only the first runs of a long piece vote (a hint shows about
#: 80 characters); and only the first quotes not found in a plan get a hint.
_MAX_PAIR_HITS = 1000
_MAX_RUNS = 100
MAX_HINTS = 100


def normalise(text: str) -> str:
    """``text`` in NFKC form with every whitespace character removed."""
    return "".join(unicodedata.normalize("NFKC", text).split())


@record(frozen=True)
class Piece:
    """One part of a quote between ``…``: as written, and normalised for matching."""

    written: str
    normal: str


def quote_pieces(quote: str) -> list[Piece]:
    """The non-empty pieces of a quote split on ``…`` (split first: NFKC turns ``…`` into ``...``)."""
    pieces = (Piece(part.strip(), normalise(part)) for part in quote.split(ELLIPSIS))
    return [piece for piece in pieces if piece.normal]


def first_missing(pieces: list[Piece], document: str) -> int | None:
    """The index of the first piece not found after its predecessor in ``document``, or None."""
    position = 0
    for index, piece in enumerate(pieces):
        found = document.find(piece.normal, position)
        if found < 0:
            return index
        position = found + len(piece.normal)
    return None


class SourceProblem(Exception):
    """A source file that cannot be used; the message (both languages) says why and what would be right."""

    def __init__(self, text: Text) -> None:
        super().__init__(text.en)
        self.text = text


def source_path(plan_file: str, written: str) -> str:
    """The path of a source file named ``written`` in ``plan_file``; raises :class:`SourceProblem`.

    Only a relative path inside the plan file's folder is accepted (docs/security.md):
    a plan arriving in a pull request must not make ``validate`` read, and quote
    back in its hints, a file elsewhere on the machine.
    """
    if "\x00" in written:
        raise SourceProblem(msg("PC312.nul"))
    if "\\" in written:
        raise SourceProblem(msg("PC312.backslash", file=quoted(written)))
    if PurePosixPath(written).is_absolute() or PureWindowsPath(written).drive:
        raise SourceProblem(msg("PC312.absolute", file=quoted(written)))
    folder = os.path.dirname(plan_file) or "."
    path = os.path.normpath(os.path.join(folder, written))
    base = os.path.realpath(folder)
    try:
        inside = os.path.commonpath([base, os.path.realpath(path)]) == base
    except ValueError:  # on another drive (Windows)
        inside = False
    if not inside:
        raise SourceProblem(msg("PC312.outside", file=quoted(written)))
    return path


def read_source(path: str, written: str) -> str:
    """The text of a source file (UTF-8, a BOM allowed, at most 10 MiB); raises :class:`SourceProblem`."""
    if not os.path.lexists(path):
        raise SourceProblem(msg("PC312.not-found", file=quoted(written), path=path))
    if os.path.isdir(path):
        raise SourceProblem(msg("PC312.folder", file=quoted(written)))
    if not os.path.exists(path):
        raise SourceProblem(msg("PC312.dangling", file=quoted(written)))
    if not os.path.isfile(path):  # a pipe or a device: opening it could block or never end
        raise SourceProblem(msg("PC312.not-regular", file=quoted(written)))
    try:
        size = os.path.getsize(path)
        with open(path, "rb") as handle:
            raw = handle.read(MAX_BYTES + 1) if size <= MAX_BYTES else b""
    except OSError as exc:
        raise SourceProblem(msg("PC312.unreadable", file=quoted(written), error=exc.strerror or exc)) from exc
    if size > MAX_BYTES or len(raw) > MAX_BYTES:
        raise SourceProblem(msg("PC312.too-large", file=quoted(written), size=size / 1048576) if size > MAX_BYTES
                            else msg("PC312.too-large-stream", file=quoted(written)))
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start].decode("utf-8", "replace")
        line = before.count("\n") + 1
        column = len(before) - (before.rfind("\n") + 1) + 1
        raise SourceProblem(msg("PC312.not-utf8", file=quoted(written), byte=raw[exc.start], line=line,
                                column=column)) from exc


@record
class Document:
    """A source text ready for quote look-ups; the hint index is built only when a quote fails."""

    text: str
    normal: str = field(init=False)
    _index: tuple[str, list[int]] | None = field(default=None, init=False, repr=False)
    _grams: dict[str, list[int]] | None = field(default=None, init=False, repr=False)

    def __post_init__(self) -> None:
        self.normal = normalise(self.text)

    def closest(self, piece: str) -> str | None:
        """The passage of the text that resembles the normalised ``piece`` most, as written there.

        Every two-character run of the piece votes for the alignment (document
        position minus piece position) of each place it occurs in the document;
        the alignment with most votes within a few characters wins, the earliest
        on a tie.  This costs one dictionary look-up per run of the piece, and
        finds a passage whose number or one word differs from the quote.
        """
        normal, origin = self._indexed()
        size = 2 if len(piece) >= 2 else 1
        grams = self._gram_index(size)
        hits: dict[int, list[int]] = {}  # alignment -> document positions of the runs voting for it
        for start in range(min(len(piece) - size + 1, _MAX_RUNS)):
            places = grams.get(piece[start:start + size], ())
            if len(places) > _MAX_PAIR_HITS:
                continue
            for found in places:
                hits.setdefault(found - start, []).append(found)
        if not hits:
            return None
        best, score = max(((d, sum(len(hits.get(d + k, ())) for k in range(-_SLACK, _SLACK + 1)))
                           for d in hits), key=lambda item: (item[1], -item[0]))
        if score < min(2, len(piece) - size + 1, _MAX_RUNS):
            return None  # one shared character pair is chance, not a passage
        # The piece's own span at the best alignment, widened to the runs found
        # near it: a passage with a word more than the quote is shown whole.
        near = [found for d in range(best - _SLACK, best + _SLACK + 1) for found in hits.get(d, ())]
        start = max(0, min(best, min(near)))
        end = min(len(normal), max(best + min(len(piece), _MAX_RUNS), max(near) + size))
        if start >= end:
            return None
        stop = origin[end] if end < len(origin) else len(self.text)
        return " ".join(self.text[origin[start]:stop].split())

    def _indexed(self) -> tuple[str, list[int]]:
        """The normalised text and, for each of its characters, where it comes from in ``text``.

        Normalised cluster by cluster (a character with the combining marks after
        it), so that every normalised character maps back to the text.
        """
        if self._index is None:
            chars: list[str] = []
            origin: list[int] = []
            text, position = self.text, 0
            while position < len(text):
                end = position + 1
                while end < len(text) and unicodedata.combining(text[end]):
                    end += 1
                for char in unicodedata.normalize("NFKC", text[position:end]):
                    if not char.isspace():
                        chars.append(char)
                        origin.append(position)
                position = end
            self._index = ("".join(chars), origin)
        return self._index

    def _gram_index(self, size: int) -> dict[str, list[int]]:
        normal = self._indexed()[0]
        if size == 1:
            ones: dict[str, list[int]] = {}
            for position, char in enumerate(normal):
                ones.setdefault(char, []).append(position)
            return ones
        if self._grams is None:
            self._grams = {}
            for position in range(len(normal) - 1):
                self._grams.setdefault(normal[position:position + 2], []).append(position)
        return self._grams


def quote_problem(quote: str, document: Document, file: str, *, hint: bool = True) -> Text | None:
    """What is wrong with one quote against the document (None when it is found).

    ``hint=False`` leaves the closest passage out (see :data:`MAX_HINTS`).
    """
    pieces = quote_pieces(quote)
    if not pieces:
        return msg("PC311.no-words", ellipsis=ELLIPSIS)
    missing = first_missing(pieces, document.normal)
    if missing is None:
        return None
    piece = pieces[missing]
    if missing > 0 and piece.normal in document.normal:
        return msg("PC311.order", file=file, piece=quoted(piece.written),
                   before=quoted(pieces[missing - 1].written), ellipsis=ELLIPSIS)
    what = (msg("PC311.not-in", file=file) if len(pieces) == 1
            else msg("PC311.piece-not-in", file=file, piece=quoted(piece.written)))
    if not hint:
        return msg("PC311.copy", what=what, ellipsis=ELLIPSIS)
    passage = document.closest(piece.normal)
    if passage is None:
        return msg("PC311.nothing-like", what=what, file=file)
    return msg("PC311.closest", what=what, passage=quoted(passage), ellipsis=ELLIPSIS)


def source_findings(doc: YamlDoc, plan: Plan) -> list[Finding]:
    """PC312 for a source file that cannot be used, else PC311 for each quote not in it."""
    source = plan.source
    if source is None or source.file is None:
        return []
    try:
        text = read_source(source_path(plan.file, source.file), source.file)
    except SourceProblem as unusable:
        return [_warning(doc, plan, "PC312", ("plan", "source", "file"), unusable.text)]
    document = Document(text)
    findings: list[Finding] = []
    for index, target in enumerate(plan.targets):
        if not (target.quote or "").strip():
            continue  # no quote at all is PC309
        problem = quote_problem(target.quote or "", document, source.file, hint=len(findings) < MAX_HINTS)
        if problem is not None:
            findings.append(_warning(doc, plan, "PC311", ("targets", index, "quote"),
                                 msg("PC311.quote", id=quoted(target.id), problem=problem)))
    return findings


def _warning(doc: YamlDoc, plan: Plan, rule: str, path: JsonPath, message: Text) -> Finding:
    line, column = doc.mark(path)
    return Finding.of(rule, WARNING, plan.file, line, column, message)
