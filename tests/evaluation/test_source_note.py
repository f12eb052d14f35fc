"""docs/actuals.md: the CSV's source (来源) and note (备注) cells are carried into the reports."""
from __future__ import annotations

import csv
import io
import json

from click.testing import CliRunner

from policycheck.cli.commands import main
from policycheck.observations import Observation, as_series
from tests.helpers.paths import EXAMPLES_DIR, PLANS_DIR

ARGS = ["check", str(PLANS_DIR / "linhai-315-2023-2027.yaml"), "-a", str(EXAMPLES_DIR / "linhai.csv")]


def _run(*extra: str) -> str:
    result = CliRunner().invoke(main, [*ARGS, *extra])
    assert result.exit_code == 1, result.output
    return result.stdout


def test_json_result_carries_the_cells_of_the_assessment_year_row() -> None:
    results = {r["target"]: r for r in json.loads(_run("-f", "json"))["results"]}
    # examples/linhai.csv line 14: rd-intensity,2025,3.38,final,示例数据 (illustrative),%,统计局正式数
    assert (results["rd-intensity"]["source"], results["rd-intensity"]["note"]) == (
        "示例数据 (illustrative)", "统计局正式数")
    assert (results["hightech-enterprises"]["source"], results["hightech-enterprises"]["note"]) == (
        "示例数据 (illustrative)", None)


def test_csv_and_html_show_them() -> None:
    rows = list(csv.DictReader(io.StringIO(_run("-f", "csv").lstrip("\ufeff"))))
    rd = next(r for r in rows if r["target"] == "rd-intensity")
    assert (rd["source"], rd["note"]) == ("示例数据 (illustrative)", "统计局正式数")
    html = _run("-f", "html")
    assert "<dt>备注</dt><dd>统计局正式数</dd>" in html


def test_plain_mappings_give_the_observation_cells() -> None:
    series = as_series({2025: Observation(3.3, "final", "a.csv", 2, 3, "年报", "初步核算")})
    assert series.source_note(2025) == ("年报", "初步核算")
    assert series.source_note(2024) == (None, None)
