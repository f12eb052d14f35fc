"""The plan YAML reader as it was before its event walk was made faster: the reference
that tests/plans/test_yamlwalk.py holds the reader's walk to, result for result.

A copy, kept unchanged, of the walk in policycheck/plans/yamlload.py before
the speed-up (docs/performance.md#start-up): every node through the tag
resolver and the scalar constructors, one event class test after another.
"""
from __future__ import annotations

import datetime
from collections.abc import Iterator
from typing import Any

import yaml

from policycheck.findings import Finding, excerpt, quoted
from policycheck.messages import Text, msg
from policycheck.plans.yamlload import (
    _COLLECTION_TAGS,
    _LIBYAML_DEPTH_LIMIT,
    _LOADER,
    _SCALAR_TAGS,
    MAX_DEPTH,
    MAX_FEATURE_FINDINGS,
    JsonPath,
    Mark,
    YamlDoc,
    YamlLoad,
    _decode,
    _finding,
    _short_tag,
    _Stop,
    _syntax_finding,
)


def reference_parse(raw: bytes | str, file: str) -> YamlLoad:
    """:func:`policycheck.plans.yamlload.parse_yaml` with the reference walk."""
    text = _decode(raw, file)
    if not isinstance(text, str):
        return YamlLoad(None, [text])
    try:
        return _build(text, file, _LOADER)
    except _TooDeep:
        return _build(text, file, yaml.SafeLoader)


class _TooDeep(Exception):
    pass


def _build(text: str, file: str, loader: Any) -> YamlLoad:
    builder = _Builder(file)
    try:
        data = builder.build(text, loader)
    except _Stop as stop:
        return YamlLoad(None, builder.findings + [stop.finding])
    except yaml.MarkedYAMLError as exc:
        if _LIBYAML_DEPTH_LIMIT in str(exc.problem):
            raise _TooDeep from exc
        return YamlLoad(None, builder.findings + [_syntax_finding(exc, file, text)])
    except (yaml.YAMLError, RecursionError, MemoryError, ValueError) as exc:
        return YamlLoad(None, builder.findings + [_finding(file, 1, 1, "PC100", msg("PC100.parse", error=exc))])
    return YamlLoad(YamlDoc(data, builder.marks, builder.key_marks), builder.findings)


def _mark(event: Any) -> Mark:
    return event.start_mark.line + 1, event.start_mark.column + 1


class _Frame:
    """One open mapping or sequence while walking the events."""

    __slots__ = ("container", "path", "pending_key", "first_lines")

    def __init__(self, container: dict[Any, Any] | list[Any], path: JsonPath) -> None:
        self.container = container
        self.path = path
        self.pending_key: tuple[Any, str, Mark, bool] | None = None  # (key, text, mark, duplicate)
        self.first_lines: dict[str, int] = {}


class _Builder:
    """Turns parser events into data, marks and findings."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.marks: dict[JsonPath, Mark] = {}
        self.key_marks: dict[JsonPath, Mark] = {}
        self.findings: list[Finding] = []
        self._feature_findings = 0
        self._resolver = yaml.SafeLoader("")  # only its tag resolver and scalar constructors are used

    def build(self, text: str, loader_class: Any) -> Any:
        loader = loader_class(text)
        try:
            return self._walk(_events(loader))
        finally:
            loader.dispose()

    def _walk(self, events: Iterator[Any]) -> Any:
        stack: list[_Frame] = []
        root: Any = None
        documents = 0
        for event in events:
            if isinstance(event, yaml.DocumentStartEvent):
                documents += 1
                if documents > 1:
                    raise _Stop(_finding(self.file, *_mark(event), "PC100", msg("PC100.second-document")))
                continue
            if isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                stack.pop()
                continue
            if not isinstance(event, (yaml.ScalarEvent, yaml.AliasEvent,
                                      yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                continue
            parent = stack[-1] if stack else None
            if parent is not None and isinstance(parent.container, dict) and parent.pending_key is None:
                self._take_key(parent, event)
                continue
            path = self._child_path(parent)
            value = self._node(event, path, len(stack))
            if isinstance(value, (dict, list)):
                stack.append(_Frame(value, path))
            if parent is None:
                root = value
            else:
                self._attach(parent, value)
        return root

    def _node(self, event: Any, path: JsonPath, depth: int) -> Any:
        """The value of one node event (an empty container for start events)."""
        self.marks[path] = _mark(event)
        if isinstance(event, yaml.AliasEvent):
            self._feature(event, msg("PC102.alias", alias=quoted(f"*{event.anchor}")))
            return None
        if event.anchor is not None:
            self._feature(event, msg("PC102.anchor", anchor=quoted("&" + event.anchor)))
        if isinstance(event, yaml.ScalarEvent):
            return self._scalar(event)
        if depth >= MAX_DEPTH:
            raise _Stop(_finding(self.file, *_mark(event), "PC102", msg("PC102.too-deep", depth=MAX_DEPTH)))
        self._check_collection_tag(event)
        return {} if isinstance(event, yaml.MappingStartEvent) else []

    def _take_key(self, frame: _Frame, event: Any) -> None:
        """Record a mapping key; duplicates are PC101 at the second key."""
        if not isinstance(event, yaml.ScalarEvent):
            raise _Stop(_finding(self.file, *_mark(event), "PC100", msg("PC100.key-type")))
        key = self._scalar(event)
        if not isinstance(key, int) or isinstance(key, bool):
            key = event.value  # `on:`, `null:`, `1.5:` keep their text; only years stay int
        text = str(key)
        mark = _mark(event)
        duplicate = text in frame.first_lines
        if duplicate:
            self.findings.append(_finding(self.file, *mark, "PC101",
                                          msg("PC101.duplicate", key=quoted(text), line=frame.first_lines[text])))
        else:
            frame.first_lines[text] = mark[0]
        frame.pending_key = (key, text, mark, duplicate)

    def _child_path(self, parent: _Frame | None) -> JsonPath:
        if parent is None:
            return ()
        if isinstance(parent.container, list):
            return parent.path + (len(parent.container),)
        assert parent.pending_key is not None
        _key, text, mark, duplicate = parent.pending_key
        if duplicate:
            # The first value is kept; the duplicate's marks must not overwrite its marks.
            return parent.path + (f"{text}\x00duplicate@{mark[0]}:{mark[1]}",)
        path = parent.path + (text,)
        self.key_marks[path] = mark
        return path

    @staticmethod
    def _attach(parent: _Frame, value: Any) -> None:
        if isinstance(parent.container, list):
            parent.container.append(value)
            return
        assert parent.pending_key is not None
        key, _text, _mark, duplicate = parent.pending_key
        parent.pending_key = None
        if not duplicate:
            parent.container[key] = value

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


def _events(loader: Any) -> Iterator[Any]:
    while loader.check_event():
        yield loader.get_event()
