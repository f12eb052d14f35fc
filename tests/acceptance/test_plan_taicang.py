"""The Taicang 2018–2020 plan file, its example statistics and their Excel copy."""
from __future__ import annotations

import csv
import io
from collections import Counter

import pytest

from policycheck.model import Plan, Source
from tests.helpers.paths import EXAMPLES_DIR, PLANS_DIR
from tests.helpers.plan_files import example_report, loaded_plan, target_of

PLAN_FILE = PLANS_DIR / "taicang-sti-2018-2020.yaml"
EXAMPLE = EXAMPLES_DIR / "taicang.csv"
EXCEL_COPY = EXAMPLES_DIR / "taicang-excel-gb18030.csv"
SOURCE_FILE = "sources/taicang-sti-2018-2020.txt"


@pytest.fixture(scope="module")
def plan() -> Plan:
    return loaded_plan(PLAN_FILE)


_target = target_of


def test_plan_header(plan: Plan) -> None:
    assert (plan.id, plan.period_start, plan.period_end, plan.baseline_year) == (
        "taicang-sti-2018-2020", 2018, 2020, 2017)
    assert plan.source == Source(title="太仓市人民政府发布科技创新三年行动计划(2018—2020年)",
                                 file=SOURCE_FILE, published="2018-07-13")
    assert plan.region == "太仓市"


def test_headline_stated_twice_is_encoded_once_from_the_headline(plan: Plan) -> None:
    # 行动目标 says 高新技术企业达500家; 二（三）1 says 突破500家 and names the units.
    hnte = _target(plan, "hnte-total")
    assert (hnte.comparator, hnte.milestones, hnte.section) == (">=", ((2020, 500),), "一（二）")
    assert hnte.lead == "kjj"
    assert hnte.responsible == ("kjj", "jxw", "czj", "zsj", "gsj", "dsj", "towns")
    patents = _target(plan, "invention-patents-per-10k")
    assert (patents.comparator, patents.commitment) == (">", "binding")
    assert sum("500" in (t.quote or "") and "高新技术企业" in (t.quote or "")
               for t in plan.targets) == 1


def test_strict_chao_and_aspirational_lizheng(plan: Plan) -> None:
    talent = _target(plan, "leading-talent")
    assert (talent.kind, talent.comparator, talent.value) == ("annual", ">", 40)
    assert talent.commitment == "aspirational"
    assert talent.lead == "rcb"


def test_ranges_use_between(plan: Plan) -> None:
    frontier = _target(plan, "frontier-industries-new")
    assert (frontier.kind, frontier.comparator) == ("cumulative", "between")
    assert frontier.milestones == ((2020, (1.0, 2.0)),)


def test_per_town_quota_is_scoped(plan: Plan) -> None:
    area = _target(plan, "town-carrier-area")
    assert area.scope is not None and area.scope.units == ("towns",)
    assert (area.unit, area.milestones) == ("万平方米", ((2020, 1),))
    assert plan.scope_units(area) == ("towns",)


def test_done_milestones_have_no_comparator_or_unit(plan: Plan) -> None:
    zone = _target(plan, "national-hitech-zone")
    assert (zone.kind, zone.comparator, zone.unit) == ("milestone", None, None)
    assert zone.milestones == ((2020, True),)
    assert zone.responsible == ("kjj", "jyj", "yg-towns")


def test_headline_only_targets_have_no_responsible_unit(plan: Plan) -> None:
    unowned = [t.id for t in plan.targets if not t.responsible]
    assert unowned == ["rd-intensity", "tech-progress-contribution",
                       "sei-output-share", "hitech-output-share"]


def _rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_example_is_illustrative_with_one_gap() -> None:
    rows = _rows(EXAMPLE.read_text(encoding="utf-8"))
    assert {r["source"] for r in rows} == {"示例数据 (illustrative)"}
    assert [r["value"] for r in rows if r["value"] == "—"] == ["—"]
    assert Counter(r["status"] for r in rows) == {
        "final": 89, "preliminary": 1, "estimate": 1}


def test_excel_copy_is_gb18030_with_crlf_and_not_utf8() -> None:
    raw = EXCEL_COPY.read_bytes()
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    text = raw.decode("gb18030")
    assert not raw.startswith(b"\xef\xbb\xbf")
    assert raw.count(b"\r\n") == raw.count(b"\n") == 92
    assert text.splitlines()[0] == "指标,年份,数值,状态,来源"


def test_excel_copy_holds_the_same_observations() -> None:
    english = _rows(EXAMPLE.read_text(encoding="utf-8"))
    chinese = _rows(EXCEL_COPY.read_bytes().decode("gb18030"))
    status_zh = {"final": "正式", "preliminary": "快报", "estimate": "预计"}
    assert [(r["指标"], r["年份"], r["数值"], r["状态"], r["来源"]) for r in chinese] == [
        (r["target"], r["year"], r["value"], status_zh[r["status"]], r["source"])
        for r in english]


# The statuses the example is built to show at 2019, the latest year (see examples/README.md).
EXPECTED_2019 = {
    "rd-intensity": "at_risk", "hnte-total": "on_track", "rd-institution-rate": "off_track",
    "tech-progress-contribution": "on_track", "invention-patents-per-10k": "met",
    "sei-output-share": "no_data", "hitech-output-share": "regressing",
    "kechuang-highland": "pending", "town-focus-industries": "met",
    "high-end-equipment-output": "at_risk", "new-materials-output": "on_track",
    "biomedicine-output": "off_track", "frontier-industries-new": "met",
    "institutes-total": "on_track", "flexible-talent": "on_track", "new-carriers": "at_risk",
    "town-carrier-area": "off_track", "national-hitech-zone": "pending",
    "national-university-park": "pending", "backbone-private-firms": "met",
    "private-tech-firms": "on_track", "hnte-new-annual": "missed",
    "provincial-rd-platforms": "on_track", "transnational-transfer": "met",
    "iur-projects": "met", "leading-talent": "missed", "service-platform-coverage": "at_risk",
    "shuangchuang-platform": "met", "talent-service-centre": "met", "tech-credit": "met",
}



def test_example_at_the_latest_year_shows_every_status() -> None:
    report = example_report(PLAN_FILE, EXAMPLE)
    assert report.plans[0].year == 2019
    assert {r.target: r.status for r in report.results} == EXPECTED_2019
    assert report.findings == ()
    assert [(s.line, s.target, s.year, s.value) for s in report.superseded] == [
        (67, "hnte-new-annual", 2019, 61.0)]


def test_strict_chao_fails_at_exactly_the_threshold() -> None:
    result = next(r for r in example_report(PLAN_FILE, EXAMPLE).results if r.target == "leading-talent")
    assert (result.actual, result.status, result.failing) == (40.0, "missed", False)


def test_excel_copy_reads_like_the_original_except_per_town_rows() -> None:
    # Without a unit column the per-town rows are plan-wide figures, and the
    # per-town results have no data.
    statuses = {(r.target, r.unit): r.status for r in example_report(PLAN_FILE, EXCEL_COPY).results}
    assert statuses.pop(("town-focus-industries", "towns")) == "no_data"
    assert statuses.pop(("town-carrier-area", "towns")) == "no_data"
    assert statuses == {(target, None): status for target, status in EXPECTED_2019.items()}
