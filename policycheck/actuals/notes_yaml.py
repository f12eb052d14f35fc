"""An explanations file in YAML: a list of mappings, at the top or under ``explanations:``.

The file is composed into YAML nodes, never constructed: a tag such as
``!!python/object`` stays text, and every node keeps its line and column.
"""
from __future__ import annotations

from typing import Any

from policycheck.actuals.notes_columns import NOTE_ALIASES, REQUIRED, canonical
from policycheck.actuals.notes_rows import Cell, NoteRow, NotesRead
from policycheck.findings import ERROR, WARNING, Finding, excerpt
from policycheck.messages import join, msg

#: Top-level keys under which a YAML explanations file may hold its list.
YAML_LIST_KEYS = ("explanations", "notes", "说明")
#: An explanations file is a short hand-written list: anything larger is not one.
MAX_YAML_BYTES = 10 * 1024 * 1024


def read_yaml_notes(path: str, raw: bytes) -> NotesRead:
    """A list of mappings, at the top or under ``explanations:`` (``notes:``, ``说明:``), from the
    file's bytes (read once by :func:`policycheck.actuals.notes_read.read_notes_file`).

    The file is composed into YAML nodes, never constructed: a tag such as
    ``!!python/object`` stays text, and every node keeps its line and column.
    """
    import yaml

    read = NotesRead()
    if len(raw) > MAX_YAML_BYTES:
        read.findings.append(Finding.of("PC600", ERROR, path, 0, 0, msg("PC600.too-large")))
        return read
    try:
        text = raw.decode("utf-8-sig")
        root = yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except UnicodeDecodeError as exc:
        read.findings.append(Finding.of("PC600", ERROR, path, 0, 0, msg("PC600.not-utf8", offset=exc.start)))
        return read
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
        read.findings.append(Finding.of("PC600", ERROR, path, line, column, msg("PC600.yaml", error=exc.problem)))
        return read
    except yaml.YAMLError as exc:
        read.findings.append(Finding.of("PC600", ERROR, path, 1, 1, msg("PC600.yaml", error=exc)))
        return read
    items = _yaml_list(path, root, read.findings)
    for item in items:
        if not isinstance(item, yaml.MappingNode):
            line, column = _mark(item)
            read.findings.append(Finding.of("PC600", ERROR, path, line, column, msg("PC600.not-mapping")))
            continue
        row = _yaml_row(path, item, read.findings)
        if row is not None:
            read.rows.append(row)
    return read


def _yaml_list(path: str, root: Any, findings: list[Finding]) -> list[Any]:
    """The items of the list of explanations; [] (with a finding) when there is none."""
    import yaml

    if root is None:
        return []
    node = root
    if isinstance(root, yaml.MappingNode):
        found = next((value for key, value in root.value
                      if isinstance(key, yaml.ScalarNode) and key.value in YAML_LIST_KEYS), None)
        if found is None:
            line, column = _mark(root)
            findings.append(Finding.of("PC600", ERROR, path, line, column,
                                       msg("PC600.no-list-key", keys=", ".join(YAML_LIST_KEYS))))
            return []
        node = found
    if isinstance(node, yaml.ScalarNode) and node.tag.endswith(":null"):
        return []
    if not isinstance(node, yaml.SequenceNode):
        line, column = _mark(node)
        findings.append(Finding.of("PC600", ERROR, path, line, column, msg("PC600.not-list")))
        return []
    return list(node.value)


def _mark(node: Any) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def _yaml_row(path: str, item: Any, findings: list[Finding]) -> NoteRow | None:
    import yaml

    line, column = _mark(item)
    cells: dict[str, Cell] = {}
    for key_node, value_node in item.value:
        key = str(key_node.value) if isinstance(key_node, yaml.ScalarNode) else ""
        key_line, key_column = _mark(key_node)
        name = canonical(key)
        if name == "":
            continue
        if name is None or name in cells:
            why = msg("PC605.not-a-key") if name is None else msg("PC605.key-taken", name=repr(name))
            findings.append(Finding.of("PC605", WARNING, path, key_line, key_column, msg(
                "PC605.key", key=excerpt(key), why=why, known=", ".join(NOTE_ALIASES))))
            continue
        value_line, value_column = _mark(value_node)
        if not isinstance(value_node, yaml.ScalarNode):
            findings.append(Finding.of("PC603", ERROR, path, value_line, value_column,
                                       msg("PC603.not-scalar", key=key)))
            return None
        text = "" if value_node.tag.endswith(":null") else str(value_node.value).strip()
        cells[name] = Cell(text, value_line, value_column)
    missing = [name for name in REQUIRED if name not in cells]
    if missing:
        findings.append(Finding.of("PC601", ERROR, path, line, column,
                                   msg("PC601.item-missing", missing=join(missing, " and ", "和"))))
        return None
    return NoteRow(path, line, cells)
