"""Encodings (auto: BOM, UTF-8, GB18030; forced), NUL bytes, and arbitrary bytes."""
from __future__ import annotations

import codecs
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from policycheck.actuals.load import read_actuals
from policycheck.findings import Finding
from policycheck.observations import Observation
from tests.helpers.csv_inputs import make_plan

PLAN = make_plan()
TEXT = "指标,年份,数值,状态\r\nrd-intensity,2023,3.6,正式\r\n"


def _write(tmp_path: Path, data: bytes, name: str = "a.csv") -> str:
    path = tmp_path / name
    path.write_bytes(data)
    return str(path)


def _obs(actuals_path: str, encoding: str = "auto") -> tuple[Observation | None, list[Finding]]:
    actuals = read_actuals([actuals_path], plans=[PLAN], encoding=encoding)
    series = actuals.series.get(("p1", "rd-intensity", None), {})
    return series.get(2023), actuals.findings


def test_utf8_with_bom(tmp_path: Path) -> None:
    path = _write(tmp_path, codecs.BOM_UTF8 + TEXT.encode("utf-8"))
    assert _obs(path) == (Observation(3.6, "final", path, 2, 3), [])
    assert _obs(path, "utf-8") == (Observation(3.6, "final", path, 2, 3), [])


def test_utf16_le_and_be_with_bom(tmp_path: Path) -> None:
    little = _write(tmp_path, TEXT.encode("utf-16"), "le.csv")  # BOM + little-endian
    big = _write(tmp_path, codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "be.csv")
    assert _obs(little) == (Observation(3.6, "final", little, 2, 3), [])
    assert _obs(big) == (Observation(3.6, "final", big, 2, 3), [])


def test_gb18030_auto_and_forced(tmp_path: Path) -> None:
    path = _write(tmp_path, TEXT.encode("gb18030"))
    assert _obs(path)[0] == Observation(3.6, "final", path, 2, 3)
    assert _obs(path, "gb18030")[0] == Observation(3.6, "final", path, 2, 3)


def test_forced_utf8_on_gb18030_names_the_offset(tmp_path: Path) -> None:
    path = _write(tmp_path, TEXT.encode("gb18030"))
    obs, findings = _obs(path, "utf-8")
    assert obs is None
    assert [(f.rule, f.level, f.line) for f in findings] == [("PC400", "error", 0)]
    assert findings[0].message.startswith(
        "cannot decode the file (--encoding utf-8): utf-8 fails at byte offset 2 (invalid start byte)")


def test_undecodable_in_auto_names_both_encodings(tmp_path: Path) -> None:
    path = _write(tmp_path, b"target,year,value\nrd-intensity,2023,3.6\x81\n")  # 0x81 is byte 39
    _, findings = _obs(path)
    assert [f.rule for f in findings] == ["PC400"]
    message = findings[0].message
    assert "utf-8 fails at byte offset 39" in message
    assert "gb18030 fails at byte offset 39" in message


def test_unknown_encoding_name(tmp_path: Path) -> None:
    path = _write(tmp_path, TEXT.encode("utf-8"))
    _, findings = _obs(path, "klingon")
    assert [f.rule for f in findings] == ["PC400"]
    assert "unknown encoding 'klingon'" in findings[0].message


def test_nul_byte_is_pc400_with_its_line(tmp_path: Path) -> None:
    path = _write(tmp_path, b"target,year,value\nrd-intensity,2023,3.6\nrd-intensity,2024,3\x007\n")
    _, findings = _obs(path)
    assert [(f.rule, f.level, f.line, f.column) for f in findings] == [("PC400", "error", 3, 0)]
    assert "NUL character on line 3" in findings[0].message
    assert "--encoding utf-16" in findings[0].message


def test_utf16_without_bom_is_a_nul_finding(tmp_path: Path) -> None:
    path = _write(tmp_path, TEXT.encode("utf-16-le"))
    _, findings = _obs(path)
    assert [f.rule for f in findings] == ["PC400"]
    forced = _obs(path, "utf-16-le")
    assert forced == (Observation(3.6, "final", path, 2, 3), [])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=400))
def test_arbitrary_bytes_never_raise(tmp_path: Path, data: bytes) -> None:
    """Whatever the bytes, reading gives findings, never an exception."""
    path = _write(tmp_path, data, "fuzz.csv")
    for plans in ((), (PLAN,)):
        actuals = read_actuals([path], plans=plans)
        assert all(isinstance(f, Finding) and f.rule.startswith("PC4") for f in actuals.findings)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=st.lists(st.lists(st.text(alphabet="rd-intesy0123456789,.\"%万年是\n\r ", max_size=12),
                              min_size=1, max_size=5), max_size=6))
def test_csv_like_text_never_raises(tmp_path: Path, rows: list[list[str]]) -> None:
    """Near-valid CSV (known ids, numbers, quotes, newlines) reaches the deeper checks safely."""
    text = "target,year,value,unit\n" + "\n".join(",".join(row) for row in rows)
    path = _write(tmp_path, text.encode("utf-8"), "near.csv")
    actuals = read_actuals([path], plans=[PLAN])
    for by_year in actuals.series.values():
        for year, obs in by_year.items():
            assert 1900 <= year <= 2200 and obs.line >= 2
