"""The Arrow reader (policycheck[fast]) gives exactly what the exact reader gives (docs/actuals.md#fast-reader).

Every example and generated national data are read by both readers and
compared: findings, every observation (series in the order they were
numbered), and the JSON report byte for byte.  Files the fast path does not
take (a quote, a duplicate, an odd cell) go to the exact reader whole; the
tests below say which path each file took.  Of the examples, only
china-14th-fyp.csv is taken whole: the others hold a milestone's 是/否, the
missing-value mark —, a value with its magnitude, a year given twice (an
estimate, then the final figure), a period column or GB18030 bytes.  So
plain variants of linyi.csv, zhejiang.csv and taicang.csv are made from them
(without those rows), which the fast path does take.
"""
from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

import pytest

from policycheck.actuals import load
from policycheck.actuals.encoding import choose_encoding
from policycheck.actuals.fastcsv import FAST_MIN_BYTES, read_fast, wants_fast
from policycheck.actuals.load import read_actuals
from policycheck.actuals.store import ObservationTable
from policycheck.errors import PolicycheckError
from policycheck.plans.build import load_plan
from policycheck.reporters import render
from policycheck.service import check
from tests.helpers.paths import EXAMPLES_DIR, PLANS_DIR, ROOT

pytest.importorskip("pyarrow")

sys.path.insert(0, str(ROOT / "bench"))
from generate import generate  # noqa: E402  (bench/generate.py: the national data, at a small scale)

#: Each example CSV and the plans it is read against (examples/README.md).
EXAMPLES = {
    "taicang.csv": ["taicang-sti-2018-2020.yaml"],
    "taicang-excel-gb18030.csv": ["taicang-sti-2018-2020.yaml"],
    "linhai.csv": ["linhai-315-2023-2027.yaml"],
    "linhai-2025.csv": ["linhai-315-2023-2027.yaml"],
    "bengbu.csv": ["bengbu-sti-2023-2025.yaml"],
    "linyi.csv": ["linyi-sti-2021-2025.yaml"],
    "longgang.csv": ["longgang-sti-2024.yaml"],
    "zhejiang.csv": ["zhejiang-sti-2024.yaml"],
    "china-2025-monthly.csv": ["china-gov-work-report-2025.yaml"],
    "china-14th-fyp.csv": ["china-14th-fyp-2021-2025.yaml"],
    "china-ip-power.csv": ["china-ip-power-2021-2025.yaml"],
}


@pytest.fixture(autouse=True)
def _row_reader(monkeypatch: pytest.MonkeyPatch) -> None:
    """The exact reader here is the row reader: the bulk reader is compared with it in test_bulk_reader.py."""
    monkeypatch.setattr(load, "BULK", False)


def test_every_example_is_listed() -> None:
    # the explanations files (taicang-notes.csv, linhai-notes.csv) hold no statistics
    assert sorted(EXAMPLES) == sorted(p.name for p in EXAMPLES_DIR.glob("*.csv") if not p.name.endswith("-notes.csv"))


def _observations(paths: list[str], plan_files: list[str], reader: str) -> tuple[list[str], list[Any]]:
    """The findings, and each series with its observations, in the order the series were numbered."""
    plans = [load_plan(p) for p in plan_files]
    actuals = read_actuals(paths, plans=plans, reader=reader)
    findings = [repr(f) for f in actuals.findings]
    return findings, [(key, dict(series)) for key, series in actuals.series.items()]


def _report(paths: list[str], plan_files: list[str], reader: str, **options: Any) -> str:
    try:
        return render(check(plan_files, paths, reader=reader, **options), "json")
    except PolicycheckError as exc:  # an input with errors: the same findings
        return f"{type(exc).__name__}: {exc}"


#: The examples the fast path takes whole (the module docstring says why the others are not).
FAST_EXAMPLES = {"china-14th-fyp.csv"}


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_both_readers_agree_on_each_example(name: str) -> None:
    paths = [str(EXAMPLES_DIR / name)]
    plans = [str(PLANS_DIR / p) for p in EXAMPLES[name]]
    assert _took_fast_path(EXAMPLES_DIR / name, *[PLANS_DIR / p for p in EXAMPLES[name]]) is (name in FAST_EXAMPLES)
    assert _observations(paths, plans, "fast") == _observations(paths, plans, "exact")
    assert _report(paths, plans, "fast") == _report(paths, plans, "exact")


#: A value the fast path takes, as the examples write them.
_PLAIN_VALUE = re.compile(r"-?[0-9]+(?:\.[0-9]+)?")


def _plain_variant(name: str, folder: Path) -> Path:
    """examples/NAME without the rows that send it to the exact reader: a value that is not a plain
    number (是/否, —, 15000万) and a year given again for a series (the estimate before the final figure)."""
    lines = (EXAMPLES_DIR / name).read_text(encoding="utf-8").splitlines(keepends=True)
    header = lines[0].rstrip("\n").split(",")
    series = [header.index(column) for column in ("plan", "target", "unit", "year") if column in header]
    kept, seen = [lines[0]], set()
    for line in lines[1:]:
        assert '"' not in line  # (each cell is its text between commas)
        cells = line.rstrip("\n").split(",")
        key = tuple(cells[i] for i in series)
        if _PLAIN_VALUE.fullmatch(cells[header.index("value")]) and key not in seen:
            seen.add(key)
            kept.append(line)
    path = folder / name
    path.write_text("".join(kept), encoding="utf-8")
    return path


#: Each variant: the rows kept of the example's, the columns besides target, year, value and status, the
#: measure cells, and the reference series (another government's figure a target is compared with) it holds.
VARIANTS = {
    "linyi.csv": (63, ["plan", "source", "measure", "note"], ["%", "亿元", "名", "家", "项"],
                  ["prov-rd-active-share", "prov-rd-intensity"]),
    "zhejiang.csv": (110, ["plan", "source", "note"], [], ["prov-fai-growth"]),
    "taicang.csv": (73, ["plan", "source", "unit", "measure", "note"],
                    ["%", "万平方米", "个", "人", "亿元", "件", "名", "家", "项"], []),
}


@pytest.mark.parametrize("name", sorted(VARIANTS))
def test_plain_variants_of_examples_take_the_fast_path(tmp_path: Path, name: str) -> None:
    path = _plain_variant(name, tmp_path)
    plans = [str(PLANS_DIR / p) for p in EXAMPLES[name]]
    assert _took_fast_path(path, *[PLANS_DIR / p for p in EXAMPLES[name]])
    fast = _observations([str(path)], plans, "fast")
    assert fast == _observations([str(path)], plans, "exact")
    assert _report([str(path)], plans, "fast") == _report([str(path)], plans, "exact")
    lines = path.read_text(encoding="utf-8").splitlines()
    header = lines[0].split(",")
    measures = sorted({line.split(",")[header.index("measure")] for line in lines[1:]}) if "measure" in header else []
    references = sorted({key[1] for key, _series in fast[1] if key[1] in load_plan(plans[0]).references})
    extra = [column for column in header if column not in ("target", "year", "value", "status")]
    assert (len(lines) - 1, extra, measures, references) == VARIANTS[name]


def test_both_readers_agree_on_national_data(tmp_path: Path) -> None:
    plan, actuals, rows = generate(tmp_path, 0.02)  # 57 counties, 50 targets, 8 years
    assert rows == 22_800
    exact_findings, exact = _observations([str(actuals)], [str(plan)], "exact")
    fast_findings, fast = _observations([str(actuals)], [str(plan)], "fast")
    assert len(exact) == 2_850 and exact_findings == []
    assert (fast_findings, fast) == (exact_findings, exact)
    for year in (2020, 2023, 2025):
        assert _report([str(actuals)], [str(plan)], "fast", year=year) == \
            _report([str(actuals)], [str(plan)], "exact", year=year)
    assert _took_fast_path(actuals, plan)


def _took_fast_path(csv_path: Path, *plan_paths: Path) -> bool:
    """Whether read_fast takes the file, read in the encoding the exact reader would choose."""
    data = csv_path.read_bytes()
    encoding = choose_encoding(str(csv_path), "auto", data).encoding or ""
    return read_fast(str(csv_path), data, encoding, ObservationTable(), {},
                     plans=[load_plan(str(p)) for p in plan_paths], allow_unknown=False)


_PLAN = PLANS_DIR / "taicang-sti-2018-2020.yaml"
_HEADER = "target,unit,year,value,status\n"
_ROWS = ["rd-intensity,,2018,3.55,final\n", "rd-intensity,,2019,3.62,preliminary\n",
         "hitech-output-share,,2018,48.1,final\n"]


@pytest.mark.parametrize(("case", "text", "fast"), [
    ("plain", _HEADER + "".join(_ROWS), True),
    ("crlf", (_HEADER + "".join(_ROWS)).replace("\n", "\r\n"), True),
    ("no final newline", (_HEADER + "".join(_ROWS)).rstrip("\n"), True),
    # carriage returns: every line end \r\n, the last line's too, or the exact reader reads the file
    ("crlf, no final newline", (_HEADER + "".join(_ROWS)).replace("\n", "\r\n").rstrip("\r\n"), False),
    ("crlf and lf mixed", _HEADER.replace("\n", "\r\n") + "".join(_ROWS), False),
    ("a lone carriage return ending a row", _HEADER + _ROWS[0].replace("\n", "\r") + _ROWS[2], False),
    # as many \r as \n: the lone \r comes with a lone \n, and Arrow reads one row more than there are lines
    ("a lone carriage return and a lone newline", _HEADER.replace("\n", "\r\n") + _ROWS[0]
     + _ROWS[1].replace("\n", "\r") + _ROWS[2].replace("\n", "\r\n"), False),
    ("a lone carriage return inside a row", _HEADER + "rd-intensity,,20\r18,3.55,final\n", False),
    # every series with a row for each year: stored as one dense block, in file order or not
    ("every year", _HEADER + _ROWS[0] + _ROWS[1] + _ROWS[2] + "hitech-output-share,,2019,49,final\n", True),
    ("every year, interleaved", _HEADER + _ROWS[0] + _ROWS[2] + _ROWS[1] + "hitech-output-share,,2019,49,final\n",
     True),
    # series interleaved, not every year: the table's rows, series by series
    ("interleaved", _HEADER + _ROWS[0] + _ROWS[2] + _ROWS[1], True),
    ("a quoted cell", _HEADER + _ROWS[0] + '"hitech-output-share",,2018,48.1,final\n', False),
    ("a blank line", _HEADER + _ROWS[0] + "\n" + _ROWS[2], False),
    ("a duplicate year", _HEADER + _ROWS[0] + _ROWS[0].replace("3.55", "3.56"), False),
    ("years out of order", _HEADER + _ROWS[1] + _ROWS[0], False),
    ("a thousands separator", _HEADER + "rd-intensity,,2018,1_000,final\n", False),
    ("a missing value", _HEADER + "rd-intensity,,2018,,final\n", False),
    ("a word", _HEADER + "rd-intensity,,2018,约3.5,final\n", False),
    ("an unknown target", _HEADER + "no-such-target,,2018,3.5,final\n", False),
    ("a bad status", _HEADER + "rd-intensity,,2018,3.5,guess\n", False),
    ("a bad year", _HEADER + "rd-intensity,,18,3.5,final\n", False),
    ("infinity", _HEADER + "rd-intensity,,2018,1e999,final\n", False),
    ("beyond the bound", _HEADER + "rd-intensity,,2018,-2e300,final\n", False),
    ("at the bound", _HEADER + "rd-intensity,,2018,1e300,final\n", True),
    ("a short row", _HEADER + "rd-intensity,,2018,3.5\n", False),
    ("a title above the header", "太仓市科技指标\n" + _HEADER + _ROWS[0], False),
])
def test_each_kind_of_row_and_which_reader_takes_it(tmp_path: Path, case: str, text: str, fast: bool) -> None:
    path = tmp_path / "actuals.csv"
    path.write_bytes(text.encode("utf-8"))
    assert _took_fast_path(path, _PLAN) is fast, case
    plans = [str(_PLAN)]
    assert _observations([str(path)], plans, "fast") == _observations([str(path)], plans, "exact")
    assert _report([str(path)], plans, "fast", year=2019) == _report([str(path)], plans, "exact", year=2019)


def test_a_bom_is_read_as_the_exact_reader_reads_it(tmp_path: Path) -> None:
    path = tmp_path / "actuals.csv"
    path.write_bytes(b"\xef\xbb\xbf" + (_HEADER + "".join(_ROWS)).encode("utf-8"))
    plans = [str(_PLAN)]
    assert _observations([str(path)], plans, "fast") == _observations([str(path)], plans, "exact")
    data, plan = path.read_bytes(), load_plan(str(_PLAN))
    assert read_fast(str(path), data, "utf-8-sig", ObservationTable(), {}, plans=[plan], allow_unknown=False)
    assert not read_fast(str(path), data, "utf-8", ObservationTable(), {}, plans=[plan], allow_unknown=False)


def test_a_series_begun_in_an_earlier_file_goes_to_the_exact_reader(tmp_path: Path) -> None:
    first, second = tmp_path / "a.csv", tmp_path / "b.csv"
    first.write_text(_HEADER + _ROWS[0], encoding="utf-8")
    second.write_text(_HEADER + _ROWS[0].replace("3.55", "3.56"), encoding="utf-8")  # the same year again
    paths, plans = [str(first), str(second)], [str(_PLAN)]
    findings, observations = _observations(paths, plans, "fast")
    assert (findings, observations) == _observations(paths, plans, "exact")
    assert any("PC404" in f for f in findings)  # the second value conflicts with the first


def test_source_and_note_columns(tmp_path: Path) -> None:
    path = tmp_path / "actuals.csv"
    path.write_text("target,unit,year,value,status,source,note\n"
                    "rd-intensity,,2018,3.55,final, 统计公报 ,\n"
                    "rd-intensity,,2019,3.62,final,,  \n"
                    "hitech-output-share,,2018,48.1,final,,初步数\n", encoding="utf-8")
    assert _took_fast_path(path, _PLAN)
    plans = [str(_PLAN)]
    findings, observations = _observations([str(path)], plans, "fast")
    assert (findings, observations) == _observations([str(path)], plans, "exact")
    extras = {(o.line, o.source, o.note) for _key, series in observations for o in series.values()}
    assert extras == {(2, "统计公报", None), (3, None, None), (4, None, "初步数")}


def test_auto_takes_the_fast_path_only_for_large_files() -> None:
    assert not wants_fast("auto", FAST_MIN_BYTES - 1)
    assert wants_fast("auto", FAST_MIN_BYTES)
    assert wants_fast("fast", 100)
    assert not wants_fast("exact", FAST_MIN_BYTES * 10)
    with pytest.raises(ValueError, match="choose one of auto, exact, fast"):
        wants_fast("quick", 100)


def test_a_warning_from_resolving_a_target_goes_to_the_exact_reader(tmp_path: Path) -> None:
    """A cagr target's levels given in % (PC412, a warning): the target resolves, but the finding must be given."""
    plan = PLANS_DIR / "bengbu-sti-2023-2025.yaml"
    path = tmp_path / "actuals.csv"
    path.write_text("target,year,value,status,measure\n"
                    "sei-output-cagr,2022,1000,final,%\n"
                    "sei-output-cagr,2023,1100,final,%\n", encoding="utf-8")
    assert not _took_fast_path(path, plan)
    findings, observations = _observations([str(path)], [str(plan)], "fast")
    assert (findings, observations) == _observations([str(path)], [str(plan)], "exact")
    assert [("rule='PC412'" in f, "level='warning'" in f, "line=2, column=5," in f) for f in findings] == \
        [(True, True, True)]
