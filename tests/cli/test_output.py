"""Output files are written atomically (docs/security.md): all or nothing, nothing left over."""
from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from policycheck.cli.output import atomic_write
from policycheck.errors import OutputError


def test_writes_text_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "report.md"
    atomic_write(target, "# 报告\n")
    assert target.read_bytes() == "# 报告\n".encode()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.md"]


def test_replaces_an_existing_file_whole(tmp_path: Path) -> None:
    target = tmp_path / "report.json"
    target.write_text("old", encoding="utf-8")
    atomic_write(target, b"new")
    assert target.read_bytes() == b"new"


def test_new_file_gets_ordinary_permissions(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        atomic_write(tmp_path / "r.csv", "a")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "r.csv").stat().st_mode) == 0o644


def test_missing_folder_is_an_output_error_naming_the_path(tmp_path: Path) -> None:
    target = tmp_path / "no-such-folder" / "report.json"
    with pytest.raises(OutputError) as caught:
        atomic_write(target, "x")
    assert str(caught.value).startswith(f"{target}: cannot write: ")


def test_failed_rename_keeps_the_old_file_and_removes_the_temporary(tmp_path: Path) -> None:
    target = tmp_path / "report"
    target.mkdir()  # a folder in the way: os.replace of a file onto it fails
    (target / "keep").write_text("kept", encoding="utf-8")
    with pytest.raises(OutputError):
        atomic_write(target, "x")
    assert (target / "keep").read_text(encoding="utf-8") == "kept"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report"]
