"""The safe YAML reader: marks, and every kind of bad input as a finding."""
from __future__ import annotations

from pathlib import Path

import pytest

from policycheck.plans import yamlload
from policycheck.plans.yamlload import MAX_DEPTH, load_yaml, parse_yaml

BILLION_LAUGHS = b"""a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
"""


def _rules(load) -> list[tuple[str, int, int]]:  # type: ignore[no-untyped-def]
    return [(f.rule, f.line, f.column) for f in load.findings]


def test_data_and_marks() -> None:
    loaded = parse_yaml("plan:\n  id: x\n  issued: 2023-06-05\nm: {2027: 3.6, '2025': 1}\nl:\n  - a: 中文\n", "f.yaml")
    assert loaded.findings == []
    doc = loaded.doc
    assert doc is not None
    assert doc.data == {"plan": {"id": "x", "issued": "2023-06-05"}, "m": {2027: 3.6, "2025": 1},
                        "l": [{"a": "中文"}]}
    assert doc.marks[("plan", "id")] == (2, 7)
    assert doc.key_marks[("plan", "id")] == (2, 3)
    assert doc.marks[("m", "2027")] == (4, 11)  # integer key, text path
    assert doc.key_marks[("m", "2025")] == (4, 16)
    assert doc.marks[("l", 0)] == (6, 5)  # the mapping of "- a:" starts at its first key
    assert doc.mark(("l", 0, "missing")) == (6, 5)  # falls back to the nearest parent


def test_implicit_types_are_safe_and_plain() -> None:
    doc = parse_yaml("a: yes\nb: ~\nc: 1.5\nd: '7'\non: 1\n", "f").doc
    assert doc is not None
    assert doc.data == {"a": True, "b": None, "c": 1.5, "d": "7", "on": 1}  # keys keep their text


def test_utf8_bom_is_accepted() -> None:
    loaded = parse_yaml("\ufeffa: 1\n".encode("utf-8"), "f")
    assert loaded.doc is not None and loaded.doc.data == {"a": 1}


def test_duplicate_key_is_pc101_at_the_second_and_keeps_the_first() -> None:
    loaded = parse_yaml("a: 1\nb:\n  unit: '%'\n  unit: 家\n", "f.yaml")
    assert _rules(loaded) == [("PC101", 4, 3)]
    assert loaded.findings[0].message == "duplicate key 'unit' (first at line 3); remove one of them"
    assert loaded.doc is not None and loaded.doc.data["b"] == {"unit": "%"}
    assert loaded.doc.marks[("b", "unit")] == (3, 9)


def test_int_and_text_year_keys_are_duplicates() -> None:
    loaded = parse_yaml("m: {2027: 1, '2027': 2}\n", "f")
    assert _rules(loaded) == [("PC101", 1, 14)]


def test_billion_laughs_is_rejected_without_expanding() -> None:
    loaded = parse_yaml(BILLION_LAUGHS, "bomb.yaml")
    assert loaded.doc is None
    assert {f.rule for f in loaded.findings} == {"PC102"}
    assert loaded.findings[0].line == 1 and loaded.findings[0].column == 4
    assert len(loaded.findings) == 20  # it stops listing


def test_single_anchor_and_alias() -> None:
    loaded = parse_yaml("a: &x 1\nb: *x\n", "f")
    assert _rules(loaded) == [("PC102", 1, 4), ("PC102", 2, 4)]
    assert loaded.findings[1].message == "alias '*x' is not allowed; write the value out in full"


def test_python_tag_is_never_constructed() -> None:
    loaded = parse_yaml("a: !!python/object/apply:os.system ['false']\nb: !!python/name:os.system ''\n", "f")
    assert _rules(loaded) == [("PC102", 1, 4), ("PC102", 2, 4)]
    assert "!!python/object/apply:os.system" in loaded.findings[0].message
    assert loaded.doc is not None and loaded.doc.data == {"a": ["false"], "b": ""}


def test_custom_local_tag_is_rejected() -> None:
    assert _rules(parse_yaml("a: !secret x\n", "f")) == [("PC102", 1, 4)]


def test_core_tags_are_allowed() -> None:
    loaded = parse_yaml("a: !!str 2027\nb: !!int '5'\n", "f")
    assert loaded.findings == [] and loaded.doc is not None
    assert loaded.doc.data == {"a": "2027", "b": 5}


def test_bad_core_tag_value_is_pc100() -> None:
    assert _rules(parse_yaml("a: !!int abc\n", "f")) == [("PC100", 1, 4)]


def test_syntax_error_at_problem_mark() -> None:
    loaded = parse_yaml("a: 1\nb: [1,\nc: 2\n", "f")
    assert _rules(loaded) == [("PC100", 4, 1)]  # the flow list is still open at the end
    assert loaded.findings[0].message.startswith("YAML syntax error: ")


def test_deep_nesting_is_a_finding() -> None:
    loaded = parse_yaml("[" * 50_000 + "]" * 50_000, "deep.yaml")
    assert _rules(loaded) == [("PC102", 1, MAX_DEPTH + 1)]
    block = "".join(" " * i + "k:\n" for i in range(3_000))
    assert [f.rule for f in parse_yaml(block, "f").findings] == ["PC102"]


def test_binary_garbage_is_pc100() -> None:
    loaded = parse_yaml(b"a: 1\n\x00\x01\x02PNG", "f.yaml")
    assert _rules(loaded) == [("PC100", 2, 1)]
    assert loaded.findings[0].message == "character U+0000 is not allowed in YAML; is this a text file?"


def test_invalid_utf8_bytes_are_pc100() -> None:
    loaded = parse_yaml(b"a: 1\nb: \x89PNG\n", "f.yaml")
    assert _rules(loaded) == [("PC100", 2, 4)]
    assert loaded.findings[0].message == "the file is not UTF-8 (byte 0x89); save it as UTF-8"


def test_non_utf8_is_pc100_at_the_bad_byte() -> None:
    loaded = parse_yaml("a: 1\nb: 市科技局\n".encode("gb18030"), "f.yaml")
    assert _rules(loaded) == [("PC100", 2, 4)]
    assert "not UTF-8" in loaded.findings[0].message


def test_empty_and_comment_only_files_give_no_data() -> None:
    for text in ("", "# only a comment\n", "---\n"):
        loaded = parse_yaml(text, "f")
        assert loaded.findings == [] and loaded.doc is not None and loaded.doc.data is None


def test_list_and_scalar_documents_are_returned_as_data() -> None:
    # The reader takes any YAML; the plan schema step turns these into PC200.
    assert parse_yaml("- a\n- b\n", "f").doc.data == ["a", "b"]  # type: ignore[union-attr]
    assert parse_yaml("just text\n", "f").doc.data == "just text"  # type: ignore[union-attr]


def test_second_document_is_pc100() -> None:
    assert _rules(parse_yaml("a: 1\n---\nb: 2\n", "f")) == [("PC100", 2, 1)]


def test_complex_key_is_pc100() -> None:
    assert _rules(parse_yaml("? [a, b]\n: 1\n", "f")) == [("PC100", 1, 3)]


def test_file_over_10_mib_is_rejected_before_reading(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    big.write_bytes(b"# " + b"x" * (11 * 1024 * 1024) + b"\n")
    loaded = load_yaml(str(big))
    assert loaded.doc is None
    assert [(f.rule, f.line, f.column) for f in loaded.findings] == [("PC102", 0, 0)]
    assert "11.0 MiB" in loaded.findings[0].message


def test_missing_file_is_a_finding(tmp_path: Path) -> None:
    path = str(tmp_path / "absent.yaml")
    loaded = load_yaml(path)
    assert loaded.doc is None
    assert [(f.rule, f.file, f.line) for f in loaded.findings] == [("PC100", path, 0)]
    assert loaded.findings[0].message.startswith("cannot read the file")


def test_folder_is_a_finding(tmp_path: Path) -> None:
    assert [f.rule for f in load_yaml(str(tmp_path)).findings] == ["PC100"]


def test_deep_nesting_is_pc102_with_either_parser(monkeypatch: pytest.MonkeyPatch) -> None:
    """libyaml 0.2.6+ stops deep flow nesting itself; the finding must not depend on it."""
    deep = "[" * 2_000 + "]" * 2_000
    for parser in (yamlload.yaml.SafeLoader, getattr(yamlload.yaml, "CSafeLoader", yamlload.yaml.SafeLoader)):
        monkeypatch.setattr(yamlload, "_LOADER", parser)
        assert _rules(parse_yaml(deep, "deep.yaml")) == [("PC102", 1, MAX_DEPTH + 1)]


def test_libyaml_depth_limit_falls_back_to_the_pure_parser(monkeypatch: pytest.MonkeyPatch) -> None:
    """The parser's own nesting error is never reported as a PC100 syntax error."""

    class LimitedLoader(yamlload.yaml.SafeLoader):
        def get_event(self) -> object:
            raise yamlload.yaml.MarkedYAMLError(problem="exceeded maximum nesting depth")

    monkeypatch.setattr(yamlload, "_LOADER", LimitedLoader)
    assert _rules(parse_yaml("[" * 100 + "]" * 100, "deep.yaml")) == [("PC102", 1, MAX_DEPTH + 1)]
    assert _rules(parse_yaml("a: 1\n", "ok.yaml")) == []
