"""``policycheck template -o FILE`` never overwrites a file without --force (the filled-in copy is often there)."""
from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from policycheck.cli.commands import main
from tests.helpers.county import county_plan

FILLED = "指标,年份,数值\r\nrd-intensity,2023,3.21\r\n".encode("gb18030")


def _template(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["template", *args], catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize(("lang", "message"), [
    ("zh", "{path}：文件已存在，可能已填有数据；template 不会覆盖已有文件：请换一个文件名，或加 --force 替换它\n"),
    ("en", "{path}: the file exists and may hold filled-in values; template never overwrites a file: "
           "write to another name, or add --force to replace it\n"),
])
def test_an_existing_file_is_kept_byte_for_byte(tmp_path: Path, lang: str, message: str) -> None:
    plan = county_plan(tmp_path)
    filled = tmp_path / "filled-by-hand.csv"
    filled.write_bytes(FILLED)
    before = filled.stat().st_mtime_ns
    assert _template(str(plan), "-o", str(filled), "--lang", lang) == (2, "", message.format(path=filled))
    assert filled.read_bytes() == FILLED
    assert filled.stat().st_mtime_ns == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["county.yaml", "filled-by-hand.csv"]  # no temporary left


def test_the_default_language_says_it_in_chinese(tmp_path: Path) -> None:
    plan = county_plan(tmp_path)
    filled = tmp_path / "filled.csv"
    filled.write_bytes(FILLED)
    code, _out, err = _template(str(plan), "-o", str(filled))
    assert code == 2 and "文件已存在" in err


def test_force_replaces_it(tmp_path: Path) -> None:
    plan = county_plan(tmp_path)
    filled = tmp_path / "filled.csv"
    filled.write_bytes(FILLED)
    assert _template(str(plan), "-o", str(filled), "--force") == (0, "", "")
    assert filled.read_bytes().startswith("\ufeff规划,指标".encode())


def test_a_new_file_needs_no_force(tmp_path: Path) -> None:
    plan = county_plan(tmp_path)
    assert _template(str(plan), "-o", str(tmp_path / "new.csv")) == (0, "", "")
    assert (tmp_path / "new.csv").is_file()


def test_a_dangling_link_is_not_written_through(tmp_path: Path) -> None:
    """A symbolic link to nothing at the output path is still something the user put there."""
    plan = county_plan(tmp_path)
    link = tmp_path / "link.csv"
    link.symlink_to(tmp_path / "elsewhere.csv")
    assert _template(str(plan), "-o", str(link))[0] == 2
    assert not (tmp_path / "elsewhere.csv").exists()
