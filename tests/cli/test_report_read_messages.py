"""A previous report that cannot be read is told in the run's --lang (docs/configuration.md#language).

``check --compare LAST.json`` and ``policycheck diff OLD.json NEW.json`` read a
report back through policycheck/previous.py; each way it can fail is a
catalogue entry (policycheck/messages/commands.py, ``input.report-*``):
Chinese by default, English with ``--lang en``, exit 2 either way.  The
Python API's ``years=`` errors are catalogue entries too: ``str()`` stays
English (README.md#python-api), ``in_lang`` gives the Chinese.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from policycheck import PolicycheckError, check
from policycheck.cli.commands import main
from tests.hardening.hardening2_kit import TAICANG, TAICANG_CSV

EXPECTED_EN = "; expected a report written by policycheck check -f json"
EXPECTED_ZH = "；应为 policycheck check -f json 写出的报告"
STATUSES = "missed, regressing, off_track, at_risk, no_data, pending, on_track, met"

#: (name, file bytes, message after the path in English, in Chinese)
BAD_REPORTS = [
    ("not-json", b"{\n  oops", f":2:3: not JSON: Expecting property name enclosed in double quotes{EXPECTED_EN}",
     f":2:3：不是 JSON：Expecting property name enclosed in double quotes{EXPECTED_ZH}"),
    ("not-utf8", b'{"plans": "\xb9\xe6\xbb\xae"}', ": not UTF-8 text at byte 11: a JSON report is UTF-8",
     "：第 11 字节处不是 UTF-8 文本：JSON 报告是 UTF-8 编码的"),
    ("top-level", b"[1, 2]", f": the top level: is a list, not an object{EXPECTED_EN}",
     f"：the top level：是 list，不是对象{EXPECTED_ZH}"),
    ("no-results", b'{"plans": [], "results": 3}', f": results: missing or not a list{EXPECTED_EN}",
     f"：results：缺失或不是列表{EXPECTED_ZH}"),
    ("no-target", b'{"plans": [], "results": [{"plan": "p", "status": "met"}]}',
     f": results[0].target: missing{EXPECTED_EN}", f"：results[0].target：缺失{EXPECTED_ZH}"),
    ("bad-status", b'{"plans": [], "results": [{"status": "late"}]}',
     f": results[0].status: 'late' is not a status (one of {STATUSES})"
     f"{EXPECTED_EN}",
     f"：results[0].status：'late' 不是状态（应为 {STATUSES} 之一）{EXPECTED_ZH}"),
    ("bad-type", b'{"plans": [{"id": 7}], "results": []}', f": plans[0].id: 7 is not str{EXPECTED_EN}",
     f"：plans[0].id：7 不是 str{EXPECTED_ZH}"),
    ("bad-level", b'{"plans": [], "results": [], "findings": [{"level": "fatal"}]}',
     f": findings[0].level: 'fatal' is not error or warning{EXPECTED_EN}",
     f"：findings[0].level：'fatal' 不是 error 或 warning{EXPECTED_ZH}"),
]


def _run(args: list[str]) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, args, catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(scope="module")
def good_report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("good") / "2019.json"
    code, _, _ = _run(["check", str(TAICANG), "-a", str(TAICANG_CSV), "--year", "2019", "-q", "-o", f"json={path}"])
    assert code == 1 and path.is_file()
    return path


def _commands(bad: Path, good: Path) -> list[list[str]]:
    return [["check", str(TAICANG), "-a", str(TAICANG_CSV), "-q", "--compare", str(bad)],
            ["diff", str(bad), str(good)],
            ["diff", str(good), str(bad)]]


@pytest.mark.parametrize(("name", "data", "en", "zh"), BAD_REPORTS, ids=[case[0] for case in BAD_REPORTS])
def test_a_bad_report_is_told_in_either_language(good_report: Path, tmp_path: Path, name: str, data: bytes,
                                                 en: str, zh: str) -> None:
    bad = tmp_path / f"{name}.json"
    bad.write_bytes(data)
    for args in _commands(bad, good_report):
        assert _run(args) == (2, "", f"{bad}{zh}\n"), args
        assert _run([*args, "--lang", "en"]) == (2, "", f"{bad}{en}\n"), args


def test_a_report_over_max_bytes_is_told_in_either_language(tmp_path: Path) -> None:
    # The one way the CLI reaches "cannot read": click refuses a folder or a missing file itself.
    big = tmp_path / "big.json"
    big.write_text(" " * 40000, encoding="utf-8")  # the plan (16.2 KiB) and the CSV (8.4 KiB) fit in 30000 bytes
    args = ["check", str(TAICANG), "-a", str(TAICANG_CSV), "-q", "--compare", str(big), "--max-bytes", "30000"]
    assert _run(args) == (2, "", f"{big}：无法读取报告：文件大小为 39.1 KiB，超过上限 29.3 KiB；"
                                 "如果文件没错，请用 --max-bytes 提高上限\n")
    assert _run([*args, "--lang", "en"]) == (
        2, "", f"{big}: cannot read the report: the file is 39.1 KiB, over the limit of 29.3 KiB; "
               "if it is the right file, raise the limit with --max-bytes\n")


def test_the_apis_years_errors_have_both_languages() -> None:
    with pytest.raises(PolicycheckError) as both:
        check([str(TAICANG)], [str(TAICANG_CSV)], year=2019, years="2018-2019")
    assert str(both.value) == "years cannot be given with year or period: years=(A, B) assesses year B"
    assert both.value.in_lang("zh") == "years 不能与 year 或 period 同时给出：years=(A, B) 考核的是 B 年"
    with pytest.raises(PolicycheckError) as order:
        check([str(TAICANG)], [str(TAICANG_CSV)], years=(2019, 2018))
    assert str(order.value) == "years (2019, 2018): the first year must not be after the last"
    assert order.value.in_lang("zh") == "years (2019, 2018)：第一年不能晚于最后一年"
    with pytest.raises(PolicycheckError) as compare:
        check([str(TAICANG)], [str(TAICANG_CSV)], years=(2018, 2019), compare="x.json")
    assert str(compare.value) == "--compare and --years cannot be used together: each gives the earlier statuses"
    assert compare.value.in_lang("zh") == "--compare 与 --years 不能同时使用：两者都给出以前各年的状态"
