"""The command line (README.md#what-it-does), tested from the outside by the names the docs give.

Commands, options, formats, exit codes and the --fail-on levels of docs/evaluation.md#unit-view,
user errors as FILE:LINE:COL without a traceback, atomic -o files and inputs
left unmodified.
"""
from __future__ import annotations

import csv
import hashlib
import io
import json
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tests.helpers.acceptance import (
    FINDING_LINE,
    PLAN_HEAD,
    RD_TARGET,
    check_json,
    plan_file,
    result_of,
    run,
    run_command,
    run_process,
    write,
)

# rd at 2025: baseline 3.0 (2022), actual 3.3, target 3.6 in 2027: at_risk (rho 0.8333).
RD_CSV = "target,year,value\nrd,2022,3.0\nrd,2025,3.3\n"

STATUS_ACTUAL = {
    "missed": "5", "regressing": "4", "off_track": "5.5", "at_risk": "7.4",
    "no_data": "-", "on_track": "8", "met": "10",
}
FAILING = {
    "never": set(),
    "missed": {"missed"},
    "off-track": {"missed", "regressing", "off_track"},
    "at-risk": {"missed", "regressing", "off_track", "at_risk"},
    "no-data": {"missed", "regressing", "off_track", "at_risk", "no_data"},
}


def _status_plan(tmp: Path, status: str, commitment: str = "binding") -> tuple[Path, Path]:
    """A one-target plan whose result at 2025 has ``status``."""
    year = 2025 if status == "missed" else 2027
    target = f"""\
  - id: firms
    name: 高新技术企业
    unit: 家
    kind: level
    milestones: {{{year}: 10}}
    commitment: {commitment}
    responsible: [kjj]
    quote: 高新技术企业达到10家
"""
    plan = plan_file(tmp, target)
    data = write(tmp / "a.csv", f"target,year,value\nfirms,2022,5\nfirms,2025,{STATUS_ACTUAL[status]}\n")
    return plan, data


@pytest.fixture
def rd(tmp_path: Path) -> tuple[str, str]:
    plan = plan_file(tmp_path)
    data = write(tmp_path / "rd.csv", RD_CSV)
    return str(plan), str(data)


# --- commands ---------------------------------------------------------------

@pytest.mark.parametrize("command", ["validate", "check", "units", "explain", "template", "schema"])
def test_every_command_has_help(command: str) -> None:
    code, out, _ = run(command, "--help")
    assert code == 0
    assert "Usage:" in out


@pytest.mark.slow
def test_python_dash_m_runs_the_same_command(tmp_path: Path) -> None:
    plan = plan_file(tmp_path)
    proc = run_process("validate", str(plan))
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    version = run_process("--version")
    assert version.returncode == 0
    assert "0.1.0" in version.stdout


def test_check_and_units_and_explain_run(rd: tuple[str, str]) -> None:
    plan, data = rd
    code, report = check_json(plan, "-a", data)
    assert code == 0
    assert result_of(report, "rd")["status"] == "at_risk"
    code, out, _ = run("units", plan, "-a", data, "-f", "json")
    assert code == 0
    assert [(u["id"], u["led"], u["by_status"]) for u in json.loads(out)["units"]] == [("kjj", 1, {"at_risk": 1})]
    code, out, _ = run("explain", plan, "rd", "-a", data, "-f", "json")
    assert code == 0
    assert [(r["target"], r["status"]) for r in json.loads(out)["results"]] == [("rd", "at_risk")]


def test_template_long_wide_and_output_file(tmp_path: Path) -> None:
    plan = str(plan_file(tmp_path))
    code, out, _ = run("template", plan)
    assert code == 0
    rows = list(csv.reader(io.StringIO(out.lstrip("\ufeff"))))
    assert any("rd" in row for row in rows[1:])
    code, out, _ = run("template", plan, "--wide")
    assert code == 0
    header = next(csv.reader(io.StringIO(out.lstrip("\ufeff"))))
    assert any(cell.startswith("2027") for cell in header)
    target = tmp_path / "fill.csv"
    code, _, _ = run("template", plan, "-o", str(target))
    assert code == 0
    assert target.read_bytes().startswith(b"\xef\xbb\xbf")


@pytest.mark.parametrize("which", ["plan", "report"])
def test_schema_prints_a_draft_2020_12_schema(which: str) -> None:
    code, out, _ = run("schema", which)
    assert code == 0
    assert json.loads(out)["$schema"] == "https://json-schema.org/draft/2020-12/schema"


# --- options of check -------------------------------------------------------

def test_year_option_picks_the_assessment_year(rd: tuple[str, str]) -> None:
    plan, data = rd
    _, report = check_json(plan, "-a", data, "--year", "2024")
    assert result_of(report, "rd")["year"] == 2024
    assert result_of(report, "rd")["status"] == "no_data"
    _, report = check_json(plan, "-a", data)
    assert report["plans"][0]["year"] == 2025


def test_method_cagr_is_used_and_reported(rd: tuple[str, str]) -> None:
    plan, data = rd
    _, report = check_json(plan, "-a", data, "--method", "cagr")
    result = result_of(report, "rd")
    assert report["method"] == "cagr"
    assert result["method"] == "cagr"
    g_a = (3.3 / 3.0) ** (1 / 3) - 1
    g_r = (3.6 / 3.0) ** (1 / 5) - 1
    assert result["progress_ratio"] == pytest.approx(g_a / g_r, rel=1e-12)
    assert result["status"] == "at_risk"


def test_thresholds_change_the_status(rd: tuple[str, str]) -> None:
    plan, data = rd
    _, report = check_json(plan, "-a", data, "--on-track", "0.8")
    assert result_of(report, "rd")["status"] == "on_track"
    assert report["thresholds"] == {"on_track": 0.8, "at_risk": 0.6}
    code, report = check_json(plan, "-a", data, "--at-risk", "0.9")
    assert result_of(report, "rd")["status"] == "off_track"
    assert code == 1


@pytest.mark.parametrize("fail_on", sorted(FAILING))
@pytest.mark.parametrize("status", sorted(STATUS_ACTUAL))
def test_fail_on_levels(tmp_path: Path, fail_on: str, status: str) -> None:
    plan, data = _status_plan(tmp_path, status)
    code, report = check_json(str(plan), "-a", str(data), "--year", "2025", "--fail-on", fail_on)
    result = result_of(report, "firms")
    assert result["status"] == status
    assert report["fail_on"] == fail_on
    assert result["failing"] is (status in FAILING[fail_on])
    assert code == (1 if status in FAILING[fail_on] else 0)


def test_default_fail_on_is_off_track(tmp_path: Path) -> None:
    plan, data = _status_plan(tmp_path, "off_track")
    code, report = check_json(str(plan), "-a", str(data), "--year", "2025")
    assert report["fail_on"] == "off-track"
    assert code == 1


@pytest.mark.parametrize("command", ["check", "units"])
def test_aspirational_never_fails_unless_strict(tmp_path: Path, command: str) -> None:
    plan, data = _status_plan(tmp_path, "missed", commitment="aspirational")
    code, out, _ = run(command, str(plan), "-a", str(data), "--fail-on", "missed", "-f", "json")
    assert code == 0
    assert result_of(json.loads(out), "firms")["failing"] is False
    code, out, _ = run(command, str(plan), "-a", str(data), "--fail-on", "missed", "--strict", "-f", "json")
    assert code == 1
    assert result_of(json.loads(out), "firms")["failing"] is True


def test_lang_changes_the_labels(rd: tuple[str, str]) -> None:
    plan, data = rd
    _, zh, _ = run("check", plan, "-a", data, "-f", "text")
    _, en, _ = run("check", plan, "-a", data, "-f", "text", "--lang", "en")
    _, default, _ = run("check", plan, "-a", data, "-f", "text", "--lang", "zh")
    assert "略有滞后" in zh and zh == default
    assert "略有滞后" not in en


@pytest.mark.parametrize("fmt", ["table", "text", "markdown", "json", "csv", "html", "junit", "sarif", "github"])
def test_every_format_goes_to_stdout(rd: tuple[str, str], fmt: str) -> None:
    plan, data = rd
    code, out, err = run("check", plan, "-a", data, "-f", fmt, "--no-color")
    assert code == 0, err
    assert out.strip()
    if fmt == "json":
        assert json.loads(out)["results"][0]["target"] == "rd"
    elif fmt == "sarif":
        assert json.loads(out)["version"] == "2.1.0"
    elif fmt == "junit":
        root = ET.fromstring(out.encode("utf-8"))
        assert root.tag in {"testsuites", "testsuite"}
    elif fmt == "github":
        assert out.startswith("::warning ")
    elif fmt == "html":
        assert "<html" in out.lower()
    elif fmt == "csv":
        header = next(csv.reader(io.StringIO(out.lstrip("\ufeff"))))
        assert "target" in header and "status" in header


def test_text_is_the_default_when_stdout_is_not_a_terminal(rd: tuple[str, str]) -> None:
    plan, data = rd
    _, default, _ = run("check", plan, "-a", data)
    _, text, _ = run("check", plan, "-a", data, "-f", "text")
    assert default == text


def test_tablefmt_picks_a_tabulate_format(rd: tuple[str, str]) -> None:
    plan, data = rd
    _, grid, _ = run("check", plan, "-a", data, "-f", "text", "--tablefmt", "grid")
    _, plain, _ = run("check", plan, "-a", data, "-f", "text", "--tablefmt", "plain")
    assert "+=" in grid
    assert "+=" not in plain and grid != plain
    code, _, _ = run("check", plan, "-a", data, "-f", "text", "--tablefmt", "no-such-format")
    assert code == 2


def test_output_is_repeatable_and_same_run(rd: tuple[str, str], tmp_path: Path) -> None:
    plan, data = rd
    out_json, out_md, out_csv = tmp_path / "r.json", tmp_path / "r.md", tmp_path / "r.csv"
    code, stdout, _ = run("check", plan, "-a", data, "-f", "json",
                          "-o", f"json={out_json}", "-o", f"markdown={out_md}", "-o", f"csv={out_csv}")
    assert code == 0
    assert out_json.read_text(encoding="utf-8") == stdout
    assert "rd" in out_md.read_text(encoding="utf-8")
    assert out_csv.read_bytes().startswith(b"\xef\xbb\xbf")


def test_output_with_bad_format_is_a_usage_error(rd: tuple[str, str], tmp_path: Path) -> None:
    plan, data = rd
    code, _, _ = run("check", plan, "-a", data, "-o", f"nosuch={tmp_path / 'x'}")
    assert code == 2
    code, _, _ = run("check", plan, "-a", data, "-o", "json")
    assert code == 2
    assert list(tmp_path.glob("x*")) == []


def test_quiet_prints_one_summary_line_and_still_writes_files(tmp_path: Path) -> None:
    plan, data = _status_plan(tmp_path, "off_track")
    out_json = tmp_path / "r.json"
    code, out, _ = run("check", str(plan), "-a", str(data), "--year", "2025", "-q", "-o", f"json={out_json}")
    assert code == 1
    assert out.count("\n") == 1 and out.strip()
    assert result_of(json.loads(out_json.read_text(encoding="utf-8")), "firms")["status"] == "off_track"
    code, out, _ = run("check", str(plan), "-a", str(data), "--year", "2025", "--quiet", "-f", "json")
    assert code == 1 and out.count("\n") == 1


def test_verbose_keeps_the_result(rd: tuple[str, str]) -> None:
    plan, data = rd
    code, out, _ = run("check", plan, "-a", data, "-v", "-f", "json")
    assert code == 0
    assert result_of(json.loads(out), "rd")["status"] == "at_risk"
    code, _, _ = run("check", plan, "-a", data, "--verbose", "-q")
    assert code == 0


def test_color_no_color_and_NO_COLOR(rd: tuple[str, str]) -> None:
    plan, data = rd
    _, coloured, _ = run("check", plan, "-a", data, "-f", "table", "--color")
    _, plain, _ = run("check", plan, "-a", data, "-f", "table", "--no-color")
    _, env_plain, _ = run("check", plan, "-a", data, "-f", "table", env={"NO_COLOR": "1"})
    assert "\x1b[" in coloured
    assert "\x1b[" not in plain
    assert "\x1b[" not in env_plain


def test_encoding_option(tmp_path: Path) -> None:
    plan = str(plan_file(tmp_path))
    data = write(tmp_path / "gb.csv", "指标,年份,数值\r\nrd,2022,3.0\r\nrd,2025,3.3\r\n", "gb18030")
    code, report = check_json(plan, "-a", str(data), "--encoding", "gb18030")
    assert code == 0 and result_of(report, "rd")["actual"] == 3.3
    code, report = check_json(plan, "-a", str(data), "--encoding", "auto")
    assert code == 0 and result_of(report, "rd")["actual"] == 3.3
    code, out, err = run("check", plan, "-a", str(data), "--encoding", "utf-8")
    assert code == 2
    assert "PC400" in out + err
    assert "Traceback" not in out + err


def test_allow_unknown_turns_unknown_ids_into_warnings(tmp_path: Path) -> None:
    plan = str(plan_file(tmp_path))
    data = str(write(tmp_path / "a.csv", RD_CSV + "rdd,2025,1\n"))
    code, out, err = run("check", plan, "-a", data, "--lang", "en")
    assert code == 2
    assert f"{data}:4:1:" in err + out
    assert "PC403" in err + out and "did you mean 'rd'" in err + out
    code, report = check_json(plan, "-a", data, "--allow-unknown")
    assert code == 0
    assert [(f["rule"], f["level"], f["line"], f["column"]) for f in report["findings"]] == [("PC403", "warning", 4, 1)]


# --- validate ---------------------------------------------------------------

def _bad_plan(tmp: Path) -> Path:
    return plan_file(tmp, RD_TARGET.replace("responsible: [kjj]", "responsible: [kjj, jxj]"), name="bad.yaml")


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "github"])
def test_validate_formats(tmp_path: Path, fmt: str) -> None:
    bad = _bad_plan(tmp_path)
    code, out, _ = run("validate", str(bad), "-f", fmt)
    assert code == 1
    if fmt == "text":
        assert out.startswith(f"{bad}:14:24: error [PC301] ")
    elif fmt == "json":
        finding = json.loads(out)["findings"][0]
        assert (finding["rule"], finding["level"], finding["line"], finding["column"]) == ("PC301", "error", 14, 24)
    elif fmt == "sarif":
        sarif = json.loads(out)
        assert sarif["version"] == "2.1.0"
        assert sarif["runs"][0]["results"][0]["ruleId"] == "PC301"
        region = sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]
        assert (region["startLine"], region["startColumn"]) == (14, 24)
    else:
        assert out.startswith(f"::error file={bad},line=14,col=24,")


@pytest.mark.parametrize("fmt", ["markdown", "html", "junit", "csv", "table"])
def test_validate_rejects_report_formats(tmp_path: Path, fmt: str) -> None:
    code, _, _ = run("validate", str(plan_file(tmp_path)), "-f", fmt)
    assert code == 2


def test_validate_exit_codes(tmp_path: Path) -> None:
    clean = plan_file(tmp_path, name="clean.yaml")
    warn = plan_file(tmp_path, RD_TARGET.replace("    quote: 全社会研发投入强度达到3.6%\n", ""), name="warn.yaml")
    assert run("validate", str(clean))[0] == 0
    assert run("validate", str(warn))[0] == 0
    assert run("validate", str(warn), "--strict")[0] == 1
    assert run("validate", str(_bad_plan(tmp_path)))[0] == 1
    code, out, err = run("validate", str(tmp_path / "missing.yaml"))
    assert code == 2
    assert "Traceback" not in out + err
    assert run("validate", "--no-such-option", str(clean))[0] == 2


def test_validate_searches_folders(tmp_path: Path) -> None:
    sub = tmp_path / "plans" / "deep"
    sub.mkdir(parents=True)
    _bad_plan(sub)
    write(sub / "a.csv", "target,year,value\nrd,2025,abc\n")
    code, out, _ = run("validate", str(tmp_path / "plans"))
    assert code == 1
    rules = [m.group("rule") for m in map(FINDING_LINE.match, out.splitlines()) if m]
    assert sorted(rules) == ["PC301", "PC402"]


# --- user errors, atomic output, inputs untouched ---------------------------

def test_invalid_plan_in_check_is_file_line_col_and_exit_2(tmp_path: Path) -> None:
    bad = _bad_plan(tmp_path)
    data = write(tmp_path / "a.csv", RD_CSV)
    proc = run_command("check", str(bad), "-a", str(data))
    assert proc.returncode == 2
    assert f"{bad}:14:24:" in proc.stderr
    assert "Traceback" not in proc.stderr + proc.stdout


def test_invalid_csv_in_check_is_file_line_col_and_exit_2(tmp_path: Path) -> None:
    plan = plan_file(tmp_path)
    data = write(tmp_path / "a.csv", "target,year,value\nrd,2022,3.0\nrd,2025,abc\n")
    proc = run_command("check", str(plan), "-a", str(data))
    assert proc.returncode == 2
    assert f"{data}:3:3:" in proc.stderr
    assert "Traceback" not in proc.stderr + proc.stdout


@pytest.mark.parametrize("args", [
    ("check",), ("check", "{plan}"), ("check", "{plan}", "-a", "{missing}"),
    ("check", "{plan}", "-a", "{data}", "--method", "median"),
    ("check", "{plan}", "-a", "{data}", "--fail-on", "sometimes"),
    ("check", "{plan}", "-a", "{data}", "--year", "twenty"),
    ("check", "{plan}", "-a", "{data}", "-f", "pdf"),
    ("units", "{missing}", "-a", "{data}"),
    ("explain", "{plan}", "no-such-target", "-a", "{data}"),
    ("schema", "nothing"),
])
def test_usage_errors_exit_2_without_traceback(tmp_path: Path, args: tuple[str, ...]) -> None:
    names = {"plan": str(plan_file(tmp_path)), "data": str(write(tmp_path / "a.csv", RD_CSV)),
             "missing": str(tmp_path / "missing.csv")}
    proc = run_command(*(a.format(**names) for a in args))
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert "Traceback" not in proc.stderr + proc.stdout


def test_failed_run_leaves_no_output_file(tmp_path: Path) -> None:
    plan = plan_file(tmp_path)
    data = write(tmp_path / "a.csv", "target,year,value\nrd,2025,abc\n")
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    before = out_dir / "old.json"
    before.write_text("old", encoding="utf-8")
    code, _, _ = run("check", str(plan), "-a", str(data), "-o", f"json={out_dir / 'new.json'}",
                     "-o", f"json={before}")
    assert code == 2
    assert sorted(p.name for p in out_dir.iterdir()) == ["old.json"]
    assert before.read_text(encoding="utf-8") == "old"


def test_output_replaces_a_file_whole(rd: tuple[str, str], tmp_path: Path) -> None:
    plan, data = rd
    target = tmp_path / "r.json"
    target.write_text("x" * 100_000, encoding="utf-8")
    code, _, _ = run("check", plan, "-a", data, "-o", f"json={target}")
    assert code == 0
    assert json.loads(target.read_text(encoding="utf-8"))["summary"]["results"] == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["plan.yaml", "rd.csv", "r.json"])


def test_inputs_are_not_modified(rd: tuple[str, str], tmp_path: Path) -> None:
    plan, data = rd
    digests = {p: hashlib.sha256(Path(p).read_bytes()).hexdigest() for p in (plan, data)}
    for fmt in ["json", "markdown", "html", "csv", "junit", "sarif", "github", "text"]:
        run("check", plan, "-a", data, "-o", f"{fmt}={tmp_path / ('r.' + fmt)}")
    run("validate", plan, data)
    run("template", plan)
    assert {p: hashlib.sha256(Path(p).read_bytes()).hexdigest() for p in (plan, data)} == digests


@pytest.mark.parametrize("args", [
    ("check", "{plan}", "-a", "{data}", "-o", "csv={data}"),
    ("check", "{plan}", "-a", "{data}", "-o", "json=new.json", "-o", "markdown=./plan.yaml"),
    ("units", "{plan}", "-a", "{data}", "-q", "-o", "json={data}"),
    ("explain", "{plan}", "rd", "-a", "{data}", "-o", "json=rd.csv"),
    ("validate", "{plan}", "{data}", "-o", "text={data}"),
    ("validate", ".", "-o", "json=plan.yaml"),
    ("template", "{plan}", "-o", "{plan}"),
])
def test_output_over_an_input_file_is_refused(rd: tuple[str, str], tmp_path: Path, args: tuple[str, ...]) -> None:
    plan, data = rd
    digests = {p: hashlib.sha256(Path(p).read_bytes()).hexdigest() for p in (plan, data)}
    proc = run_command(*(a.format(plan=plan, data=data) for a in args), cwd=tmp_path)
    assert proc.returncode == 2, proc.stdout + proc.stderr
    # no --lang: the message is in Chinese, the default (docs/security.md#exit-codes)
    assert proc.stderr.endswith("：是本次运行的输入文件；输入文件从不修改，请把输出写到别的路径\n")
    assert "Traceback" not in proc.stderr
    assert {p: hashlib.sha256(Path(p).read_bytes()).hexdigest() for p in (plan, data)} == digests
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.yaml", "rd.csv"]


def test_default_year_is_per_plan(tmp_path: Path) -> None:
    first = plan_file(tmp_path)
    second = write(tmp_path / "second.yaml", (PLAN_HEAD + RD_TARGET).replace("id: t-plan", "id: t-plan2"))
    data = write(tmp_path / "a.csv", "plan,target,year,value\nt-plan,rd,2022,3.0\nt-plan,rd,2025,3.3\n"
                 "t-plan,rd,2026,-\nt-plan2,rd,2022,3.0\nt-plan2,rd,2024,3.2\n")
    _, report = check_json(str(first), str(second), "-a", str(data))
    assert [(p["id"], p["year"]) for p in report["plans"]] == [("t-plan", 2025), ("t-plan2", 2024)]
    assert [(r["plan"], r["year"]) for r in report["results"]] == [("t-plan", 2025), ("t-plan2", 2024)]


def _on_terminal(tmp: Path, env: dict[str, str], *extra: str) -> str:
    """stdout of ``check`` run on a pseudo-terminal."""
    import os
    import pty

    plan, data = plan_file(tmp), write(tmp / "rd.csv", RD_CSV)
    environ = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR", "COLUMNS")}
    environ.update(env, TERM="xterm-256color")
    pid, fd = pty.fork()
    if pid == 0:  # the child: run the command with the terminal as stdout
        os.execvpe(sys.executable, [sys.executable, "-m", "policycheck", "check", str(plan), "-a", str(data), *extra],
                   environ)
    chunks = []
    while True:
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.waitpid(pid, 0)
    return b"".join(chunks).decode("utf-8", "replace")


@pytest.mark.slow
def test_table_is_the_default_on_a_terminal_and_NO_COLOR_is_honoured(tmp_path: Path) -> None:
    coloured = _on_terminal(tmp_path, {})
    plain = _on_terminal(tmp_path, {"NO_COLOR": "1"})
    assert coloured == _on_terminal(tmp_path, {}, "-f", "table")
    assert coloured != _on_terminal(tmp_path, {}, "-f", "text")
    assert "\x1b[" in coloured and "略有滞后" in coloured
    assert "\x1b[" not in plain and "略有滞后" in plain
    assert plain == _on_terminal(tmp_path, {}, "-f", "table", "--no-color")


def test_a_file_named_twice_is_read_once(rd: tuple[str, str], tmp_path: Path) -> None:
    plan, data = rd
    code, report = check_json(plan, str(tmp_path / "." / "plan.yaml"), "-a", data, "-a", data)
    assert code == 0
    assert [(r["plan"], r["target"], r["actual"]) for r in report["results"]] == [("t-plan", "rd", 3.3)]
    assert report["findings"] == []


def test_two_plan_files_with_one_id_are_a_usage_error(rd: tuple[str, str], tmp_path: Path) -> None:
    plan, data = rd
    copy = write(tmp_path / "copy.yaml", Path(plan).read_text(encoding="utf-8"))
    proc = run_command("check", plan, str(copy), "-a", data, "--lang", "en")
    assert proc.returncode == 2
    assert proc.stderr.splitlines()[-1].startswith(
        f"{copy}:3:7: error [PC320] plan id 't-plan' is also the id of {plan}")
    assert "Traceback" not in proc.stderr
