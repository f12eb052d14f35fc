"""Input files are never modified (docs/security.md): every command, every report format.

Copies of the bundled plans (with the source texts their quotes are checked
against) and example CSV files go through validate, check with every -o
format, units, explain and template; their SHA-256 checksums and
modification times must be the same afterwards.
"""
from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

from click.testing import CliRunner

from policycheck.cli.commands import main
from policycheck.reporters import REPORT_FORMATS, VALIDATE_FORMATS
from tests.helpers.paths import EXAMPLES_DIR, PLANS_DIR

#: plan file -> its example CSV files (taicang also has the Excel GB18030 copy).
PAIRS = {
    "linhai-315-2023-2027.yaml": ["linhai.csv"],
    "taicang-sti-2018-2020.yaml": ["taicang.csv", "taicang-excel-gb18030.csv"],
    "linyi-sti-2021-2025.yaml": ["linyi.csv"],
    "bengbu-sti-2023-2025.yaml": ["bengbu.csv"],
    "zhejiang-sti-2024.yaml": ["zhejiang.csv"],
    "longgang-sti-2024.yaml": ["longgang.csv"],
    "china-gov-work-report-2025.yaml": ["china-2025-monthly.csv"],
    "china-14th-fyp-2021-2025.yaml": ["china-14th-fyp.csv"],
    "china-ip-power-2021-2025.yaml": ["china-ip-power.csv"],
}


def _fingerprints(folder: Path) -> dict[str, tuple[str, int]]:
    """relative path -> (SHA-256, mtime in ns) of every file in ``folder`` and below."""
    return {p.relative_to(folder).as_posix(): (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns)
            for p in sorted(folder.rglob("*")) if p.is_file()}


def _copy_inputs(folder: Path) -> None:
    folder.mkdir()
    shutil.copytree(PLANS_DIR / "sources", folder / "sources", copy_function=shutil.copy2)
    for plan, csvs in PAIRS.items():
        shutil.copy2(PLANS_DIR / plan, folder / plan)
        for csv in csvs:
            shutil.copy2(EXAMPLES_DIR / csv, folder / csv)


def test_no_command_modifies_its_inputs(tmp_path: Path) -> None:
    inputs, out = tmp_path / "inputs", tmp_path / "out"
    _copy_inputs(inputs)
    out.mkdir()
    before = _fingerprints(inputs)
    assert len(before) == 19 + 9  # plans and CSV files; eight source texts and their README
    runner = CliRunner()
    validate_outputs = [arg for fmt in VALIDATE_FORMATS for arg in ("-o", f"{fmt}={out / ('v.' + fmt)}")]
    commands = [["validate", str(inputs), *validate_outputs]]
    for plan, csvs in PAIRS.items():
        plan_path = str(inputs / plan)
        actuals = [arg for csv in csvs[:1] for arg in ("-a", str(inputs / csv))]
        outputs = [arg for fmt in REPORT_FORMATS for arg in ("-o", f"{fmt}={out / (plan + '.' + fmt)}")]
        first_target = _first_target_id(inputs / plan)
        commands += [
            ["check", plan_path, *actuals, "-q", *outputs],
            ["units", plan_path, *actuals, "-f", "markdown"],
            ["explain", plan_path, first_target, *actuals],
            ["template", plan_path, "-o", str(out / (plan + ".template.csv"))],
            ["template", plan_path, "--wide"],
        ]
        commands += [["check", plan_path, "-a", str(inputs / csv), "-f", "json"] for csv in csvs[1:]]
    for args in commands:
        result = runner.invoke(main, args, catch_exceptions=False)
        assert result.exit_code in (0, 1), (args, result.stderr)
    assert _fingerprints(inputs) == before
    written = {p.suffix for p in out.iterdir()}
    assert written == {"." + fmt for fmt in REPORT_FORMATS} | {".csv"}
    assert not [p for p in out.iterdir() if p.name.endswith(".tmp")]


def _first_target_id(plan: Path) -> str:
    for line in plan.read_text(encoding="utf-8").splitlines():
        if line.strip().startswith("- id: "):
            return line.split("- id: ", 1)[1].strip()
    raise AssertionError(f"{plan} has no target")
