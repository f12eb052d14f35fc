"""Output files are written atomically (docs/security.md): all or nothing, nothing left over."""
from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from policycheck.cli.commands import main
from policycheck.cli.output import atomic_write, atomic_write_all
from policycheck.errors import OutputError
from tests.helpers.paths import EXAMPLES_DIR, PLANS_DIR


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


def test_text_in_pieces_is_written_as_one_string_would_be(tmp_path: Path) -> None:
    pieces = ["{\n", '  "名称": "太仓",\r\n', "}\n"]
    atomic_write(tmp_path / "pieces.json", iter(pieces))
    atomic_write(tmp_path / "whole.json", "".join(pieces))
    assert (tmp_path / "pieces.json").read_bytes() == (tmp_path / "whole.json").read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pieces.json", "whole.json"]


def test_bytes_in_pieces_are_written_as_they_are(tmp_path: Path) -> None:
    """The JSON report comes in pieces of UTF-8 (docs/performance.md#json-from-the-columns): written
    byte for byte, a piece of text among them encoded, the file the one a whole string gives."""
    pieces = ["{\n", '  "名称": "太仓\u2028",\r\n'.encode(), b"}\n"]
    atomic_write(tmp_path / "pieces.json", iter(pieces))
    atomic_write(tmp_path / "whole.json", '{\n  "名称": "太仓\u2028",\r\n}\n')
    assert (tmp_path / "pieces.json").read_bytes() == (tmp_path / "whole.json").read_bytes() \
        == b'{\n  "\xe5\x90\x8d\xe7\xa7\xb0": "\xe5\xa4\xaa\xe4\xbb\x93\xe2\x80\xa8",\r\n}\n'
    atomic_write_all([(tmp_path / "again.json", iter(pieces)), ("/dev/null", iter(pieces))])
    assert (tmp_path / "again.json").read_bytes() == (tmp_path / "whole.json").read_bytes()


def test_a_report_failing_while_streamed_leaves_the_old_files_and_no_temporary(tmp_path: Path) -> None:
    first, second = tmp_path / "a.json", tmp_path / "b.json"
    first.write_text("old a", encoding="utf-8")
    second.write_text("old b", encoding="utf-8")

    def failing() -> Iterator[str]:
        yield "{\n"
        raise ValueError("cannot serialise this result")

    with pytest.raises(ValueError, match="cannot serialise"):
        atomic_write_all([(first, iter(["new a"])), (second, failing())])
    assert first.read_text(encoding="utf-8") == "old a"
    assert second.read_text(encoding="utf-8") == "old b"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.json", "b.json"]

    def failing_bytes() -> Iterator[bytes]:
        yield "{\n  \"名称\": ".encode()
        raise ValueError("cannot serialise this result")

    with pytest.raises(ValueError, match="cannot serialise"):
        atomic_write_all([(first, iter([b"new a"])), (second, failing_bytes())])
    assert first.read_text(encoding="utf-8") == "old a"
    assert second.read_text(encoding="utf-8") == "old b"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.json", "b.json"]


def test_streamed_json_file_equals_the_json_on_stdout(tmp_path: Path) -> None:
    args = ["check", str(PLANS_DIR / "taicang-sti-2018-2020.yaml"), "-a", str(EXAMPLES_DIR / "taicang.csv")]
    stdout = CliRunner().invoke(main, [*args, "-f", "json"], catch_exceptions=False)
    written = CliRunner().invoke(main, [*args, "-q", "-o", f"json={tmp_path / 'r.json'}"], catch_exceptions=False)
    assert stdout.exit_code == written.exit_code == 1
    assert (tmp_path / "r.json").read_text(encoding="utf-8") == stdout.output
    assert stdout.output.count('"target": ') >= 10
