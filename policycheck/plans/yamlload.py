"""A safe YAML reader that keeps the line and column of every node.

Plans are small hand-written files, so the reader is strict where YAML is
permissive: duplicate keys (PC101), aliases, anchors, custom tags and files
over 10 MiB (PC102) are findings, and syntax errors are PC100 at the problem
mark.  It builds plain Python data straight from the parser's events with an
explicit stack, so nothing is ever constructed from a tag (``!!python/object``
is a finding, never an object) and no nesting depth can exhaust the Python
stack.  Alongside the data it records, for every node, the 1-based
``(line, column)`` where it starts, keyed by its JSON path.
"""
from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from dataclasses import field
from typing import Any

import yaml

from policycheck.findings import ERROR, Finding, excerpt, quoted
from policycheck.inputs import InputBytes, over_limit_text, read_input
from policycheck.messages import Text, msg
from policycheck.plans.yamlhints import bare_indicator
from policycheck.records import record
from policycheck.sniff import workbook_kind

#: A JSON path: mapping keys as text, sequence indices as int.
JsonPath = tuple[str | int, ...]
Mark = tuple[int, int]

MAX_BYTES = 10 * 1024 * 1024
#: Plans nest about six levels deep; anything near this is not a plan.
MAX_DEPTH = 64
#: Stop listing anchors and aliases after this many (an alias bomb has thousands).
MAX_FEATURE_FINDINGS = 20
#: The problem text of libyaml's own nesting limit (libyaml 0.2.6 and later).
_LIBYAML_DEPTH_LIMIT = "exceeded maximum nesting depth"

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_CORE = "tag:yaml.org,2002:"
_SCALAR_TAGS = frozenset(_CORE + t for t in ("str", "int", "float", "bool", "null", "timestamp"))
_COLLECTION_TAGS = frozenset((_CORE + "map", _CORE + "seq"))
# The characters YAML allows in a stream (YAML 1.1, 5.1); binary garbage fails here.
_NON_PRINTABLE = re.compile("[^\x09\x0A\x0D\x20-\x7E\x85\xA0-\uD7FF\uE000-\uFFFD\U00010000-\U0010FFFF]")


@record(frozen=True)
class YamlDoc:
    """Plain data plus where each node starts.

    ``marks[path]`` is the start of the node at ``path``; ``key_marks[path]`` is
    the start of the mapping key that holds it (for "unknown key" findings).
    Paths use text for every mapping key, so a schema error's path (where
    ``2027`` is ``"2027"``) looks its node up directly.
    """

    data: Any
    marks: dict[JsonPath, Mark] = field(default_factory=dict)
    key_marks: dict[JsonPath, Mark] = field(default_factory=dict)

    def mark(self, path: JsonPath, *, key: bool = False) -> Mark:
        """The mark of ``path`` (its key with ``key=True``), else of the nearest parent."""
        table = self.key_marks if key else self.marks
        text_path = tuple(p if isinstance(p, int) else str(p) for p in path)
        for end in range(len(text_path), -1, -1):
            found = table.get(text_path[:end]) or self.marks.get(text_path[:end])
            if found:
                return found
        return (1, 1)


@record(frozen=True)
class YamlLoad:
    """The outcome of reading one file: the document (None if unusable) and findings."""

    doc: YamlDoc | None
    findings: list[Finding]


class _Stop(Exception):
    """Ends the event walk early with one finding."""

    def __init__(self, finding: Finding) -> None:
        super().__init__(finding.message)
        self.finding = finding


def load_yaml(path: str, max_bytes: int = MAX_BYTES) -> YamlLoad:
    """Read and parse one YAML file; never raises for bad input.

    The file is read once through :func:`policycheck.inputs.read_input`, at most
    :data:`MAX_BYTES` (or ``max_bytes``, ``--max-bytes``, when that is smaller).
    """
    limit = min(MAX_BYTES, max_bytes)
    return yaml_from_input(read_input(path, limit), limit)


def yaml_from_input(got: InputBytes, limit: int = MAX_BYTES) -> YamlLoad:
    """Parse the bytes :func:`policycheck.inputs.read_input` gave (read with ``limit``),
    or say why there are none."""
    path = got.path
    if got.data is not None and len(got.data) > min(limit, MAX_BYTES):
        # Read with a larger limit (validate reads an unnamed stream before it knows it is a plan).
        got = InputBytes(path, problem=over_limit_text(limit, None), over_limit=True)
    if got.over_limit:
        if limit < MAX_BYTES:
            message = got.problem or over_limit_text(limit, got.size)
        elif got.size is not None:
            message = msg("PC102.too-large", size=got.size / 1048576)
        else:  # a pipe, /dev/zero or a growing file reports a size that says nothing
            message = msg("PC102.too-large-stream")
        return YamlLoad(None, [_finding(path, 0, 0, "PC102", message)])
    if got.data is None:
        return YamlLoad(None, [_finding(path, 0, 0, "PC100", got.problem or msg("PC100.read", error="?"))])
    return parse_yaml(got.data, path)


def parse_yaml(raw: bytes | str, file: str) -> YamlLoad:
    """Parse YAML text (bytes must be UTF-8) into a :class:`YamlDoc` and findings."""
    text_or_finding = _decode(raw, file)
    if isinstance(text_or_finding, Finding):
        return YamlLoad(None, [text_or_finding])
    try:
        return _build(text_or_finding, file, _LOADER)
    except _LibyamlTooDeep:
        # libyaml 0.2.6 and later (PyYAML 6.0.3+) stop at 1,000 levels of their
        # own, while scanning ahead, before the walk sees level MAX_DEPTH + 1.
        # The pure-Python parser has no such limit, so the same PC102 at the
        # same place is reported whatever libyaml is installed.
        return _build(text_or_finding, file, yaml.SafeLoader)


class _LibyamlTooDeep(Exception):
    """libyaml refused the nesting before the walk could."""


def _build(text: str, file: str, loader: Any) -> YamlLoad:
    """Parse ``text`` with the parser class ``loader`` into data and findings."""
    builder = _Builder(file)
    try:
        data = builder.build(text, loader)
    except _Stop as stop:
        return YamlLoad(None, builder.findings + [stop.finding])
    except yaml.MarkedYAMLError as exc:
        if _LIBYAML_DEPTH_LIMIT in str(exc.problem):
            raise _LibyamlTooDeep from exc
        return YamlLoad(None, builder.findings + [_syntax_finding(exc, file, text)])
    except (yaml.YAMLError, RecursionError, MemoryError, ValueError) as exc:
        return YamlLoad(None, builder.findings + [_finding(file, 1, 1, "PC100", msg("PC100.parse", error=exc))])
    doc = YamlDoc(data, builder.marks, builder.key_marks)
    return YamlLoad(doc, builder.findings)


def _decode(raw: bytes | str, file: str) -> str | Finding:
    """UTF-8 text (a BOM is allowed) with only characters YAML accepts."""
    if isinstance(raw, bytes):
        kind = workbook_kind(raw)
        if kind is not None:  # Excel's .xlsx or .xls handed over as a plan
            return _finding(file, 0, 0, "PC100", msg("PC100.workbook", kind=msg(f"workbook.{kind}")))
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            line, column = _position(raw[: exc.start].decode("utf-8", "replace"))
            return _finding(file, line, column, "PC100", msg("PC100.not-utf8", byte=raw[exc.start]))
    else:
        text = raw
    bad = _NON_PRINTABLE.search(text)
    if bad:
        line, column = _position(text[: bad.start()])
        return _finding(file, line, column, "PC100", msg("PC100.character", code=ord(bad.group())))
    return text


def _position(before: str) -> Mark:
    line = before.count("\n") + 1
    return line, len(before) - (before.rfind("\n") + 1) + 1


def _finding(file: str, line: int, column: int, rule: str, text: Text) -> Finding:
    return Finding.of(rule, ERROR, file, line, column, text)


def _syntax_finding(exc: yaml.MarkedYAMLError, file: str, text: str) -> Finding:
    """PC100 at the parser's problem mark; "quote it" when a bare indicator caused it."""
    mark = exc.problem_mark or exc.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    bare = bare_indicator(text, [m for m in (exc.context_mark, exc.problem_mark) if m is not None])
    if bare is not None:
        token, line, column, why = bare
        return _finding(file, line, column, "PC100", msg("PC100.unquoted", token=token, why=why))
    problem = exc.problem or "invalid YAML"
    context = f" ({exc.context})" if exc.context else ""
    return _finding(file, line, column, "PC100", msg("PC100.syntax", problem=problem, context=context))


def _mark(event: Any) -> Mark:
    return event.start_mark.line + 1, event.start_mark.column + 1


def _text_starts(resolver: Any) -> frozenset[str] | None:
    """The first characters with which a plain scalar may be other than text (a plain scalar starting
    otherwise, 县, c0001, is its own text); None if resolving or constructing text was customised."""
    resolvers = resolver.yaml_implicit_resolvers
    own_text = resolver.yaml_constructors.get(_CORE + "str") is yaml.constructor.SafeConstructor.construct_yaml_str
    if None in resolvers or resolver.yaml_path_resolvers or not own_text:
        return None
    return frozenset(resolvers)


_SCALAR, _ALIAS, _MAPPING, _SEQUENCE, _END, _DOCUMENT, _OTHER = range(7)
_KINDS: dict[type, int] = {
    yaml.ScalarEvent: _SCALAR, yaml.AliasEvent: _ALIAS, yaml.MappingStartEvent: _MAPPING,
    yaml.SequenceStartEvent: _SEQUENCE, yaml.MappingEndEvent: _END, yaml.SequenceEndEvent: _END,
    yaml.DocumentStartEvent: _DOCUMENT,
}


class _Frame:
    """One open mapping or sequence while walking the events."""

    __slots__ = ("container", "path", "pending_key", "is_map")

    def __init__(self, container: dict[Any, Any] | list[Any], path: JsonPath) -> None:
        self.container = container
        self.path = path
        self.is_map = isinstance(container, dict)
        self.pending_key: tuple[Any, JsonPath, bool] | None = None  # (key, path of its value, duplicate)


class _Builder:
    """Turns parser events into data, marks and findings.

    The walk is the hot loop of reading a plan (a national plan has tens of
    thousands of nodes), so the common case, a key or value of plain text, is
    handled inline; every other scalar goes through the resolver and the
    constructors as PyYAML's safe loader would (docs/performance.md#start-up).
    """

    def __init__(self, file: str) -> None:
        self.file = file
        self.marks: dict[JsonPath, Mark] = {}
        #: where each key starts; also how a duplicate key finds the line of the first
        self.key_marks: dict[JsonPath, Mark] = {}
        self.findings: list[Finding] = []
        self._feature_findings = 0
        self._resolver = yaml.SafeLoader("")  # only its tag resolver and scalar constructors are used
        self._text_starts = _text_starts(self._resolver)
        #: whether a plain scalar that starts like a number, a bool or null (name, no, 2027) is text
        self._plain_words: dict[str, bool] = {}

    def build(self, text: str, loader_class: Any) -> Any:
        loader = loader_class(text)
        try:
            return self._walk(loader.get_event)  # None once the stream has ended
        finally:
            loader.dispose()

    def _walk(self, next_event: Callable[[], Any]) -> Any:
        marks = self.marks
        stack: list[_Frame] = []
        top: _Frame | None = None
        root: Any = None
        documents = 0
        while (event := next_event()) is not None:
            kind = _KINDS.get(event.__class__)
            if kind is None:  # a subclass of an event class
                kind = next((k for cls, k in _KINDS.items() if isinstance(event, cls)), _OTHER)
            if kind == _END:
                stack.pop()
                top = stack[-1] if stack else None
                continue
            if kind >= _END:
                if kind == _DOCUMENT:
                    documents += 1
                    if documents > 1:
                        raise _Stop(_finding(self.file, *_mark(event), "PC100", msg("PC100.second-document")))
                continue
            if top is not None and top.is_map and top.pending_key is None:
                self._take_key(top, event, kind)
                continue
            if top is None:
                path: JsonPath = ()
            elif top.is_map:
                key, path, duplicate = top.pending_key  # type: ignore[misc]
            else:
                path = top.path + (len(top.container),)
            start = event.start_mark
            marks[path] = (start.line + 1, start.column + 1)
            value = self._node(event, kind, len(stack))
            if top is None:
                root = value
            elif top.is_map:
                top.pending_key = None
                if not duplicate:  # the first value is kept
                    top.container[key] = value
            else:
                top.container.append(value)  # type: ignore[union-attr]
            if kind != _SCALAR and kind != _ALIAS:
                top = _Frame(value, path)
                stack.append(top)
        return root

    def _node(self, event: Any, kind: int, depth: int) -> Any:
        """The value of one node event (an empty container for start events)."""
        if kind == _ALIAS:
            self._feature(event, msg("PC102.alias", alias=quoted(f"*{event.anchor}")))
            return None
        if event.anchor is not None:
            self._feature(event, msg("PC102.anchor", anchor=quoted("&" + event.anchor)))
        if kind == _SCALAR:
            value = event.value
            return value if self._plain_text(event, value) else self._scalar(event)
        if depth >= MAX_DEPTH:
            raise _Stop(_finding(self.file, *_mark(event), "PC102", msg("PC102.too-deep", depth=MAX_DEPTH)))
        self._check_collection_tag(event)
        return {} if kind == _MAPPING else []

    def _plain_text(self, event: Any, value: str) -> bool:
        """Whether a scalar is text, its value as written: untagged, not empty, and quoted, a block,
        or plain and resolved to ``str`` (each plain word is resolved once per file)."""
        starts = self._text_starts
        if event.tag is not None or value == "" or starts is None:
            return False
        if not event.implicit[0] or value[0] not in starts:
            return True
        text = self._plain_words.get(value)
        if text is None:
            tag = self._resolver.resolve(yaml.ScalarNode, value, (True, False))  # type: ignore[no-untyped-call]
            text = self._plain_words[value] = tag == _CORE + "str"
        return text

    def _take_key(self, frame: _Frame, event: Any, kind: int) -> None:
        """Record a mapping key; duplicates are PC101 at the second key."""
        if kind != _SCALAR:
            raise _Stop(_finding(self.file, *_mark(event), "PC100", msg("PC100.key-type")))
        text = event.value
        if not self._plain_text(event, text):
            key = self._scalar(event)
            if not isinstance(key, int) or isinstance(key, bool):
                key = event.value  # `on:`, `null:`, `1.5:` keep their text; only years stay int
            text = str(key)
        else:
            key = text
        mark = _mark(event)
        path = frame.path + (text,)
        first = self.key_marks.get(path)
        if first is not None:
            self.findings.append(_finding(self.file, *mark, "PC101",
                                          msg("PC101.duplicate", key=quoted(text), line=first[0])))
            # The first value is kept; the duplicate's marks must not overwrite its marks.
            frame.pending_key = (key, frame.path + (f"{text}\x00duplicate@{mark[0]}:{mark[1]}",), True)
        else:
            self.key_marks[path] = mark
            frame.pending_key = (key, path, False)

    def _scalar(self, event: Any) -> Any:
        tag = event.tag
        if tag is None or tag == "!":
            resolve = self._resolver.resolve
            # types-PyYAML leaves BaseResolver.resolve unannotated.
            tag = resolve(yaml.ScalarNode, event.value, event.implicit)  # type: ignore[no-untyped-call]
        elif tag not in _SCALAR_TAGS:
            self._feature(event, msg("PC102.tag", tag=quoted(_short_tag(tag))))
            return event.value
        if tag not in _SCALAR_TAGS:
            return event.value  # merge keys, `=` and the like are plain text here
        node = yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark, event.style)
        try:
            value = self._resolver.yaml_constructors[tag](self._resolver, node)
        except (yaml.constructor.ConstructorError, ValueError, OverflowError) as exc:
            raise _Stop(_finding(self.file, *_mark(event), "PC100",
                                 msg("PC100.bad-scalar", value=excerpt(event.value), type=tag.rsplit(":", 1)[-1],
                                     error=excerpt(str(exc), 200, quote=str)))) from exc
        if event.style in (">", "|") and not value:
            # `comparator: >` followed by the next key: an empty block of text, never meant.
            raise _Stop(_finding(self.file, *_mark(event), "PC100", msg("PC100.empty-block", token=event.style)))
        if isinstance(value, (datetime.date, datetime.datetime)):
            return value.isoformat()
        return value

    def _check_collection_tag(self, event: Any) -> None:
        if event.tag is not None and event.tag != "!" and event.tag not in _COLLECTION_TAGS:
            self._feature(event, msg("PC102.tag", tag=quoted(_short_tag(event.tag))))

    def _feature(self, event: Any, message: Text) -> None:
        """A forbidden YAML feature (PC102); stop once an alias bomb is evident."""
        self._feature_findings += 1
        finding = _finding(self.file, *_mark(event), "PC102", message)
        if self._feature_findings >= MAX_FEATURE_FINDINGS:
            raise _Stop(_finding(self.file, *_mark(event), "PC102",
                                 msg("PC102.stopped", message=message, count=MAX_FEATURE_FINDINGS)))
        self.findings.append(finding)


def _short_tag(tag: str) -> str:
    return "!!" + tag[len(_CORE):] if tag.startswith(_CORE) else tag
