"""Nothing in policycheck can run code from its inputs or reach the network.

A static guard over the package source (no eval, exec, pickle, subprocess,
unsafe YAML loading or network module) and a run with every socket refused.
"""
from __future__ import annotations

import ast
import socket
from pathlib import Path

import pytest
from click.testing import CliRunner

from policycheck.cli.commands import main
from tests.helpers.paths import EXAMPLES_DIR, PLANS_DIR, ROOT

PACKAGE = ROOT / "policycheck"
FORBIDDEN_CALLS = {"eval", "exec", "compile", "__import__"}
FORBIDDEN_MODULES = {"pickle", "marshal", "shelve", "subprocess", "socket", "http", "urllib.request",
                     "ftplib", "smtplib", "requests", "httpx", "ctypes"}
#: yaml.load and friends construct arbitrary Python objects unless given a safe loader.
FORBIDDEN_YAML = {"load", "load_all", "unsafe_load", "full_load", "unsafe_load_all", "full_load_all"}


def _sources() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def _problems(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in FORBIDDEN_CALLS:
            found.append(f"{path.name}:{node.lineno}: {node.func.id}()")
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "yaml" \
                and node.attr in FORBIDDEN_YAML:
            found.append(f"{path.name}:{node.lineno}: yaml.{node.attr}")
        names = ([alias.name for alias in node.names] if isinstance(node, ast.Import)
                 else [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
        for name in names:
            if name in FORBIDDEN_MODULES or name.split(".")[0] in FORBIDDEN_MODULES - {"urllib"}:
                found.append(f"{path.name}:{node.lineno}: import {name}")
    return found


def test_package_source_has_no_code_execution_or_network_entry_point() -> None:
    assert len(_sources()) > 30
    assert [problem for path in _sources() for problem in _problems(path)] == []


def test_the_guard_catches_what_it_looks_for(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("import yaml, socket\nfrom urllib.request import urlopen\nyaml.load(x)\neval('1')\n",
                   encoding="utf-8")
    assert sorted(_problems(bad)) == ["bad.py:1: import socket", "bad.py:2: import urllib.request",
                              "bad.py:3: yaml.load", "bad.py:4: eval()"]


def test_check_with_every_format_runs_with_the_network_refused(tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("policycheck opened a network connection")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    outputs = [arg for fmt in ("html", "json", "sarif", "junit", "markdown", "csv")
               for arg in ("-o", f"{fmt}={tmp_path / ('r.' + fmt)}")]
    result = CliRunner().invoke(main, ["check", str(PLANS_DIR / "linhai-315-2023-2027.yaml"), "-a",
                                       str(EXAMPLES_DIR / "linhai.csv"), "-q", *outputs], catch_exceptions=False)
    assert result.exit_code == 1  # the Linhai example has shortfalls (examples/README.md)
    assert len(list(tmp_path.iterdir())) == 6


def test_security_page_names_real_tests() -> None:
    """Every ``tests/x.py::test_name`` in docs/security.md exists, so the page cannot drift."""
    import re

    text = (ROOT / "docs" / "security.md").read_text(encoding="utf-8")
    named = set(re.findall(r"(tests/[\w/]+\.py)::(test_\w+)", text))
    assert len(named) >= 20
    missing = [f"{file}::{name}" for file, name in sorted(named)
               if not re.search(rf"^def {name}\(", (ROOT / file).read_text(encoding="utf-8"), re.MULTILINE)]
    assert missing == []
