"""The package works when installed from a wheel, away from the source tree.

A wheel is built, installed without --editable into a fresh virtual
environment, and run from a folder outside the repository: the schemas and
templates must come from inside the installed package.
"""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

from tests.helpers.paths import EXAMPLES_DIR, PLANS_DIR, ROOT

TAICANG_PLAN = PLANS_DIR / "taicang-sti-2018-2020.yaml"
TAICANG_CSV = EXAMPLES_DIR / "taicang.csv"


def _run(cmd: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, timeout=600)


pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv with the wheel installed; returns its python."""
    work = tmp_path_factory.mktemp("wheel")
    # Build from a copy so the build leaves nothing (build/, *.egg-info) in the tree.
    source = work / "src"
    shutil.copytree(ROOT, source, ignore=shutil.ignore_patterns(
        ".git", "bench", "build", "*.egg-info", "__pycache__", ".pytest_cache", ".hypothesis"))
    built = _run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(work / "dist"), str(source)], work)
    assert built.returncode == 0, built.stderr
    wheels = list((work / "dist").glob("policycheck-*.whl"))
    assert len(wheels) == 1, wheels
    venv = work / "venv"
    # No pip inside the venv (ensurepip is the slowest part): the running pip installs into it.
    made = _run([sys.executable, "-m", "venv", "--without-pip", str(venv)], work)
    assert made.returncode == 0, made.stderr
    python = venv / "bin" / "python"
    install = _run([sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps", "-q",
                    str(wheels[0])], work)
    assert install.returncode == 0, install.stderr
    # The dependencies come from the running environment through a .pth line,
    # so the test needs no network; policycheck itself only from the wheel.
    # The line goes in after the install: pip would otherwise see the running
    # environment's policycheck as already installed and skip the wheel.
    venv_site = Path(_run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                          work).stdout.strip())
    (venv_site / "outer-deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    return python


def test_installed_package_comes_from_the_wheel(installed: Path, tmp_path: Path) -> None:
    where = _run([str(installed), "-c", "import policycheck; print(policycheck.__file__)"], tmp_path)
    assert where.returncode == 0, where.stderr
    assert Path(where.stdout.strip()).is_relative_to(installed.parent.parent)


def test_installed_package_ships_both_schemas(installed: Path, tmp_path: Path) -> None:
    for name in ("plan", "report"):
        shown = _run([str(installed), "-m", "policycheck", "schema", name], tmp_path)
        assert shown.returncode == 0, shown.stderr
        schema = json.loads(shown.stdout)
        assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
        assert shown.stdout == (ROOT / "schemas" / f"{name}.schema.json").read_text(encoding="utf-8")


def test_installed_validate_and_check_run_outside_the_tree(installed: Path, tmp_path: Path) -> None:
    plan = shutil.copy(TAICANG_PLAN, tmp_path / TAICANG_PLAN.name)
    csv_file = shutil.copy(TAICANG_CSV, tmp_path / TAICANG_CSV.name)
    (tmp_path / "sources").mkdir()
    shutil.copy(TAICANG_PLAN.parent / "sources" / "taicang-sti-2018-2020.txt", tmp_path / "sources")
    validated = _run([str(installed), "-m", "policycheck", "validate", Path(plan).name], tmp_path)
    assert (validated.returncode, validated.stdout) == (0, "policycheck: 1 file checked, no problems found\n"), \
        validated.stderr
    checked = _run([str(installed), "-m", "policycheck", "check", Path(plan).name, "-a", Path(csv_file).name,
                    "-f", "json", "-o", "html=report.html"], tmp_path)
    assert checked.returncode in (0, 1), checked.stderr
    report = json.loads(checked.stdout)
    assert report["plans"][0]["id"] == "taicang-sti-2018-2020"
    assert report["summary"]["results"] == len(report["results"]) > 0
    assert (tmp_path / "report.html").read_text(encoding="utf-8").lower().startswith("<!doctype html>")
