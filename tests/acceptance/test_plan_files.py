"""Every plan file under plans/ and its example CSV: what all of them must satisfy.

Each plan validates with no finding at all, quotes its source text verbatim
(the product's own PC311 check), has the header, target count and kinds its
document gives, and its example CSV covers every series for the years the
example is about.  What is particular to one document (its wording choices,
the statuses its example is meant to show) is in ``test_plan_<city>.py``.
"""
from __future__ import annotations

import csv
from collections import Counter
from dataclasses import dataclass

import pytest

from policycheck.actuals.load import read_actuals
from policycheck.model import Plan
from policycheck.plans.build import check_plan_file
from tests.helpers.paths import EXAMPLES_DIR, PLANS_DIR
from tests.helpers.plan_files import assert_quotes_in_source, loaded_plan


@dataclass(frozen=True)
class PlanFile:
    """One plan file and what its document fixes."""

    id: str
    source: str
    targets: int
    kinds: dict[str, int]
    aspirational: int
    period: tuple[int, int]
    baseline_year: int
    example: str
    example_years: tuple[int, ...]
    #: the example holds figures for months of a year (docs/actuals.md#periods), not whole years
    in_year: bool = False
    #: (series, year) pairs left out of the example because no published figure was confirmed
    gaps: frozenset[tuple[str, int]] = frozenset()

    def __str__(self) -> str:
        return self.id


PLAN_FILES = (
    PlanFile("bengbu-sti-2023-2025", "sources/bengbu-sti-2023-2025.txt", 31,
             {"level": 18, "cumulative": 5, "annual": 4, "milestone": 1, "rank": 1, "cagr": 1, "growth": 1},
             20, (2023, 2025), 2022, "bengbu.csv", (2022, 2023, 2024)),
    PlanFile("linhai-315-2023-2027", "sources/linhai-315-2023-2027.txt", 56,
             {"level": 31, "annual": 12, "cumulative": 8, "milestone": 4, "growth": 1},
             19, (2023, 2027), 2022, "linhai.csv", (2022, 2023, 2024, 2025)),
    PlanFile("linyi-sti-2021-2025", "sources/linyi-sti-2021-2025.txt", 15,
             {"annual": 7, "cumulative": 4, "level": 3, "milestone": 1},
             9, (2021, 2025), 2020, "linyi.csv", (2020, 2021, 2022, 2023)),
    PlanFile("taicang-sti-2018-2020", "sources/taicang-sti-2018-2020.txt", 30,
             {"level": 14, "cumulative": 6, "milestone": 5, "annual": 5},
             11, (2018, 2020), 2017, "taicang.csv", (2017, 2018, 2019)),
    PlanFile("zhejiang-sti-2024", "sources/zhejiang-kjt-2024-work-report.txt", 41,
             {"annual": 24, "level": 11, "milestone": 5, "growth": 1},
             14, (2024, 2024), 2023, "zhejiang.csv", (2022, 2023, 2024)),
    PlanFile("longgang-sti-2024", "sources/zhejiang-kjt-2024-work-report.txt", 3,
             {"annual": 3}, 3, (2024, 2024), 2023, "longgang.csv", (2023, 2024)),
    PlanFile("china-gov-work-report-2025", "sources/china-gov-work-report-2025.txt", 4,
             {"growth": 2, "annual": 2}, 0, (2025, 2025), 2024, "china-2025-monthly.csv", (2025,), in_year=True),
    PlanFile("china-14th-fyp-2021-2025", "sources/china-14th-fyp-2021-2025.txt", 9,
             {"level": 6, "growth": 2, "annual": 1}, 0, (2021, 2025), 2020, "china-14th-fyp.csv",
             (2020, 2021, 2022, 2023, 2024, 2025),
             gaps=frozenset({("labour-productivity-growth", 2020), ("labour-productivity-growth", 2025),
                             ("urbanisation-rate", 2025), ("income-growth", 2020), ("forest-cover", 2021),
                             ("forest-cover", 2025), ("hv-patents-per-10k", 2023), ("hv-patents-per-10k", 2024),
                             ("life-expectancy", 2021), ("life-expectancy", 2022), ("life-expectancy", 2025)}
                            | {(series, year) for year in (2023, 2024) for series in (
                                "gdp-growth-real", "labour-productivity-growth", "income-growth",
                                "urban-unemployment", "energy-intensity", "co2-intensity", "forest-cover")}
                            | {(series, 2025) for series in ("energy-intensity", "co2-intensity")})),
    PlanFile("china-ip-power-2021-2025", "sources/china-ip-power-2021-2025.txt", 4, {"level": 4}, 0,
             (2021, 2025), 2020, "china-ip-power.csv", (2020, 2021, 2022, 2023, 2024, 2025),
             gaps=frozenset({("patent-intensive-share", 2024), ("patent-intensive-share", 2025),
                             ("copyright-share", 2020), ("copyright-share", 2023), ("copyright-share", 2024),
                             ("copyright-share", 2025), ("ip-royalties", 2021), ("ip-royalties", 2022),
                             ("ip-royalties", 2025), ("hv-patents-per-10k", 2023),
                             ("hv-patents-per-10k", 2024)})),
)
by_file = pytest.mark.parametrize("spec", PLAN_FILES, ids=str)


def _plan(spec: PlanFile) -> Plan:
    return loaded_plan(PLANS_DIR / f"{spec.id}.yaml")


def test_every_plan_file_is_in_the_table() -> None:
    assert sorted(p.stem for p in PLANS_DIR.glob("*.yaml")) == sorted(spec.id for spec in PLAN_FILES)


@by_file
def test_plan_validates_without_any_finding(spec: PlanFile) -> None:
    checked = check_plan_file(str(PLANS_DIR / f"{spec.id}.yaml"))
    assert [f"{f.rule}:{f.line}:{f.column}:{f.message}" for f in checked.findings] == []


@by_file
def test_every_quote_is_in_the_source_document(spec: PlanFile) -> None:
    assert_quotes_in_source(PLANS_DIR / f"{spec.id}.yaml", spec.source)


@by_file
def test_header_and_targets(spec: PlanFile) -> None:
    plan = _plan(spec)
    assert (plan.id, plan.period_start, plan.period_end, plan.baseline_year) == (
        spec.id, *spec.period, spec.baseline_year)
    assert plan.source is not None and plan.source.file == spec.source
    assert len(plan.targets) == spec.targets
    assert Counter(t.kind for t in plan.targets) == spec.kinds
    assert sum(t.commitment == "aspirational" for t in plan.targets) == spec.aspirational


@by_file
def test_every_responsible_unit_is_defined(spec: PlanFile) -> None:
    plan = _plan(spec)
    assert {unit for t in plan.targets for unit in t.responsible} <= set(plan.units)


@by_file
def test_example_covers_every_series_for_its_years(spec: PlanFile) -> None:
    plan = _plan(spec)
    if spec.in_year:
        actuals = read_actuals([str(EXAMPLES_DIR / spec.example)], plans=[plan])
        assert actuals.findings == []
        years = {tid: {p.year for p in by_period} for (_, tid, _), by_period in actuals.periods.items()}
        assert set(years) == {t.id for t in plan.targets}
        assert all(set(spec.example_years) <= found for found in years.values())
        return
    with (EXAMPLES_DIR / spec.example).open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    series_ids = [t.id for t in plan.targets] + list(plan.references)
    years_by_series: dict[str, set[int]] = {series: set() for series in series_ids}
    for row in rows:
        years_by_series.setdefault(row["target"], set()).add(int(row["year"]))
    assert set(years_by_series) == {t.id for t in plan.targets} | set(plan.references)
    assert {series: years for series, years in years_by_series.items()} == {
        series: {year for year in spec.example_years if (series, year) not in spec.gaps}
        for series in years_by_series}
