"""The layout docs/architecture.md describes holds: stages, imports, module sizes, citations."""
from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from tests.helpers.paths import ROOT

PACKAGE = ROOT / "policycheck"
MAX_LINES = 400
#: Which stages each stage may import (besides the shared top-level modules).
ALLOWED: dict[str, set[str]] = {
    "plans": set(),
    "actuals": set(),
    "evaluation": set(),
    "reporters": {"evaluation"},  # reason sentences and explain's Explanation
    "cli": {"plans", "actuals", "evaluation", "reporters"},
}
_CITATION = re.compile(r"((?:docs/[a-z-]+|README)\.md)(?:#([A-Za-z0-9_-]+))?")


def _modules() -> dict[str, Path]:
    found = {}
    for path in PACKAGE.rglob("*.py"):
        name = ".".join(path.relative_to(ROOT).with_suffix("").parts)
        found[name.removesuffix(".__init__")] = path
    return found


MODULES = _modules()


def _imports(name: str, path: Path) -> set[str]:
    """Every policycheck module ``name`` imports, at the top, in a function or under TYPE_CHECKING."""
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names if alias.name in MODULES}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(parts + ([node.module] if node.module else []))
            for alias in node.names:
                full = f"{base}.{alias.name}"
                if full in MODULES:
                    found.add(full)
                elif base in MODULES:
                    found.add(base)
    return found


GRAPH = {name: _imports(name, path) for name, path in MODULES.items()}


def _stage(name: str) -> str | None:
    parts = name.split(".")
    return parts[1] if len(parts) > 2 or (len(parts) == 2 and parts[1] in ALLOWED) else None


@pytest.mark.parametrize("name", sorted(MODULES))
def test_no_module_is_over_400_lines(name: str) -> None:
    lines = MODULES[name].read_text(encoding="utf-8").count("\n")
    assert lines <= MAX_LINES, f"{MODULES[name]} has {lines} lines; split it by what its parts do"


def test_no_import_cycle_even_under_type_checking() -> None:
    state: dict[str, int] = {}  # 1: on the current path, 2: done

    def visit(name: str, path: list[str]) -> None:
        state[name] = 1
        for imported in sorted(GRAPH[name]):
            if state.get(imported) == 1:
                cycle = path[path.index(imported):] + [imported]
                pytest.fail("import cycle: " + " -> ".join(cycle))
            if imported not in state:
                visit(imported, path + [imported])
        state[name] = 2

    for name in sorted(GRAPH):
        if name not in state:
            visit(name, [name])


@pytest.mark.parametrize("name", sorted(n for n in MODULES if _stage(n)))
def test_stages_import_only_earlier_stages(name: str) -> None:
    stage = _stage(name)
    assert stage is not None
    for imported in GRAPH[name]:
        other = _stage(imported)
        if other is not None and other != stage:
            assert other in ALLOWED[stage], f"{name} imports {imported}: stage {stage} must not use {other}"


def test_only_the_cli_imports_click() -> None:
    users = sorted(name for name, path in MODULES.items()
                   if re.search(r"^\s*(import click|from click)", path.read_text(encoding="utf-8"), re.M))
    assert users and all(name.startswith("policycheck.cli.") for name in users), users


def test_the_evaluation_core_does_no_io() -> None:
    for name, path in MODULES.items():
        if name.startswith("policycheck.evaluation."):
            text = path.read_text(encoding="utf-8")
            assert not re.search(r"\bprint\(|\bopen\(|\bimport (os|sys|click)\b", text), name


def _anchors(doc: Path) -> set[str]:
    """GitHub's heading anchors of a Markdown file, and its explicit ``<a id="...">`` ones."""
    text = doc.read_text(encoding="utf-8")
    anchors = set(re.findall(r'<a id="([^"]+)"></a>', text))
    in_code = False
    for line in text.splitlines():
        if line.startswith("```"):
            in_code = not in_code
        elif not in_code and line.startswith("#"):
            title = line.lstrip("#").strip().lower()
            anchors.add(re.sub(r"\s", "-", re.sub(r"[^\w\s-]", "", title)))
    return anchors


def test_code_cites_docs_that_exist() -> None:
    cited = {(match.group(1), match.group(2), name)
             for name, path in MODULES.items() for match in _CITATION.finditer(path.read_text(encoding="utf-8"))}
    assert len(cited) > 30
    for doc, anchor, name in sorted(cited, key=str):
        path = ROOT / doc
        assert path.is_file(), f"{name} cites {doc}, which does not exist"
        if anchor:
            assert anchor in _anchors(path), f"{name} cites {doc}#{anchor}: no such heading or anchor"


def test_code_cites_no_outside_document() -> None:
    for name, path in MODULES.items():
        assert not re.search(r"\bSPEC \d", path.read_text(encoding="utf-8")), (
            f"{name} cites section numbers of a document the repository does not contain; cite docs/")


def test_every_path_docs_architecture_names_exists() -> None:
    text = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    named = set(re.findall(r"\b((?:policycheck|tests|schemas|docs)/[\w./<>-]*[\w>])", text))
    named = {path for path in named if "<" not in path}
    assert len(named) > 40
    missing = sorted(path for path in named if not (ROOT / path).exists())
    assert missing == []


def test_docs_architecture_names_every_module() -> None:
    text = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    unnamed = sorted(str(path.relative_to(ROOT)) for path in PACKAGE.rglob("*.py")
                     if path.name not in ("__init__.py", "__main__.py")
                     and str(path.relative_to(ROOT)) not in text
                     and path.parent.name != "schemas")
    assert unnamed == []
