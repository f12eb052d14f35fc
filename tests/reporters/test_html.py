"""The ``html`` report: content, escaping, the no-network rule, print rules, determinism."""
from __future__ import annotations

import re
from dataclasses import replace
from html.parser import HTMLParser
from importlib import resources

import pytest

from policycheck.model import Baseline, Superseded
from policycheck.reporters import RenderOptions, render
from policycheck.reporters.html.page import running_totals, trajectory, with_measure
from tests.helpers.chart_demo import (
    CAGR,
    CUMULATIVE,
    HOSTILE,
    IMG,
    LEVEL,
    ONERROR,
    PLAN,
    RESULTS,
    SCRIPT,
    build_report,
)

#: A URL-like value in any attribute or CSS url(): a request to the network or another file.
URL_IN_ATTRIBUTE = re.compile(
    r"""(?:\b(?:src|href|xlink:href|action|poster|data)\s*=\s*["']?\s*(?:https?:|//)"""
    r"""|url\(\s*["']?\s*(?:https?:|//)|@import)""",
    re.IGNORECASE,
)


def _html(lang: str = "zh", view: str = "results", report: object | None = None) -> str:
    return render(report or build_report(), "html", RenderOptions(lang=lang, view=view))  # type: ignore[arg-type]


class _Elements(HTMLParser):
    """Collects every start tag with its (unescaped) attributes."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def _elements(html: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = _Elements()
    parser.feed(html)
    return parser.tags


def test_one_chart_per_result_of_the_right_shape() -> None:
    classes = [attrs.get("class") for tag, attrs in _elements(_html()) if tag == "svg"]
    assert len(classes) == len(RESULTS) == 12
    assert classes == [
        "chart chart-line", "chart chart-line", "chart chart-line", "chart chart-line",  # level rank cumulative cagr
        "chart chart-bars", "chart chart-bars",  # annual growth
        "chart chart-timeline", "chart chart-timeline",  # milestones
        "chart chart-line",  # no_data level: baseline, path and earlier actuals still show
        "chart chart-empty",  # pending annual with no history yet
        "chart chart-line", "chart chart-line",  # scoped, hostile
    ]


def test_headline_has_titles_year_and_counts_with_text_labels() -> None:
    html = _html()
    assert "示范市科技创新实施方案（2023—2027年）" in html
    assert "评估年度 2024" in html
    assert '<li class="badge st-on_track"><span class="count">3</span> 符合序时进度</li>' in html
    assert '<li class="badge st-missed"><span class="count">1</span> 未达成</li>' in html
    assert "共 12 项结果 · 2 项不通过" in html


def test_cards_show_actual_expected_target_attainment_pace_and_reason() -> None:
    html = _html()
    card = html[html.index('id="r1"'):html.index('id="r2"')]
    for text in ("全社会研发经费投入强度", "rd-intensity", "略有滞后", "<dd>3.2%</dd>", "<dd>3.24%</dd>",
                 "<dd>3.6% (2027)</dd>", "<dd>-0.04</dd>", "<dd>88.9%</dd>", "<dd>0.13%</dd>",
                 '<p class="reason">落后于序时进度：比序时目标值3.24低0.04</p>'):
        assert text in card
    assert "behind the linear schedule" not in card
    assert 'class="schedule"' in card and 'class="projection"' in card and 'class="baseline"' in card
    assert card.count('class="milestone"') == 2 and card.count('class="point"') == 4


def test_english_cards_give_the_english_reason() -> None:
    html = _html("en")
    card = html[html.index('id="r1"'):html.index('id="r2"')]
    assert '<p class="reason">behind the linear schedule: 0.04 below the expected 3.24</p>' in card
    assert "落后" not in card


def test_a_reason_without_a_code_stays_english_under_zh() -> None:
    # A report read back from JSON written by an older version has no reason_code.
    html = _html()
    card = html[html.index('id="r5"'):html.index('id="r6"')]
    assert '<p class="reason">55 of the 60 due in 2024</p>' in card


def test_scoped_result_names_its_unit() -> None:
    html = _html()
    assert "carrier-area [dongcheng]" in html
    assert "单位: 东城街道" in html


def test_rank_chart_says_lower_is_better() -> None:
    assert "名次越小越好" in _html()
    assert "Lower is better" in _html("en")


def test_units_view_lists_shortfalls_worst_unit_first() -> None:
    html = _html()
    section = html[html.index('class="units"'):html.index('class="plan"')]
    rows = re.findall(r'<td class="code">([^<]*)</td>', section)
    assert rows == ["hostile", "new-hitech", "rd-intensity", "emerging-output"]
    assert '<td>牵头</td>' in section


def test_units_view_alone_has_no_cards() -> None:
    html = _html(view="units")
    assert "<svg" not in html
    assert "new-hitech" in html


def test_english_labels() -> None:
    html = _html("en")
    assert '<html lang="en">' in html
    assert "on track" in html and "Linear schedule" in html and "Assessment year 2024" in html
    assert "R&amp;D spending as a share of GDP" in html


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_hostile_text_never_appears_unescaped(lang: str) -> None:
    html = _html(lang)
    for hostile in HOSTILE:
        assert hostile not in html
    assert "<script" not in html.lower()
    assert "<img" not in html.lower()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    # Outside quoted attribute values, no tag carries an event handler.
    for tag in re.findall(r"<[a-zA-Z][^>]*>", html):
        bare = re.sub(r'"[^"]*"', '""', tag)
        assert not re.search(r"\son\w+\s*=", bare, re.IGNORECASE), tag


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_hostile_text_stays_data_inside_attributes_and_svg_text(lang: str) -> None:
    elements = _elements(_html(lang))
    tags = {tag for tag, _ in elements}
    assert "script" not in tags and "img" not in tags
    assert not any(name.startswith("on") for _, attrs in elements for name in attrs)
    # The name reaches the chart's aria-label attribute intact, as data.
    name = ONERROR if lang == "en" else SCRIPT
    labels = [attrs.get("aria-label") or "" for tag, attrs in elements if tag == "svg"]
    assert any(label.startswith(name) for label in labels)
    # The measure is in the SVG <text> labels, escaped.
    assert "&#39;&gt;&lt;img src=x onerror=alert(2)&gt;" in _html(lang)
    assert IMG not in _html(lang)


def test_no_url_anywhere_no_script_no_external_font() -> None:
    html = _html()
    assert not URL_IN_ATTRIBUTE.search(html)
    assert not re.search(r"https?:|//", html.replace("://", "")) and "://" not in html
    assert "<script" not in html and "<link" not in html and "@font-face" not in html
    assert '"PingFang SC", "Microsoft YaHei",' in html and '"Noto Sans CJK SC"' in html


def test_a_url_in_plan_text_stays_text_and_never_becomes_a_request() -> None:
    result = replace(LEVEL, name='https://example.invalid/x.png" src="//evil')
    html = _html(report=build_report((result,)))
    assert not URL_IN_ATTRIBUTE.search(html)
    assert not any(name in ("src", "href") for _, attrs in _elements(html) for name in attrs)


def test_the_url_regex_catches_what_it_should() -> None:
    for bad in ('<img src="http://x">', "<a href='//x'>", "background: url(https://x)", "@import 'x.css'"):
        assert URL_IN_ATTRIBUTE.search(bad)
    assert not URL_IN_ATTRIBUTE.search('<rect fill="url(#hatch)">')


def test_print_stylesheet_for_a4() -> None:
    html = _html()
    assert "@page { size: A4; margin: 14mm 12mm; }" in html
    assert "break-inside: avoid;" in html
    assert "@media print" in html
    assert "stroke-dasharray: 7 4" in html and "stroke-dasharray: 1 4" in html  # dashed vs dotted


def test_rendering_is_deterministic() -> None:
    assert _html() == _html()
    assert _html("en") == render(build_report(), "html", RenderOptions(lang="en"))


def test_templates_ship_inside_the_package() -> None:
    folder = resources.files("policycheck.reporters.html").joinpath("templates")
    assert {"report.html.j2", "charts.html.j2", "report.css.j2"} <= {p.name for p in folder.iterdir()}


def test_trajectory_of_a_level_result() -> None:
    data = trajectory(LEVEL)
    assert data.baseline == (2022, 3.0)
    assert data.milestones == ((2025, 3.3), (2027, 3.6))
    assert data.schedule == ((2022, 3.0), (2025, 3.3), (2027, 3.6))
    assert data.projection == ((2024, 3.2), (2027, 3.5))
    assert data.year == 2024


def test_trajectory_without_a_path_still_shows_the_target() -> None:
    data = trajectory(replace(LEVEL, path=(), baseline=None, projected=None))
    assert data.milestones == ((2027, 3.6),)
    assert data.projection is None


def test_cumulative_yearly_values_become_running_totals() -> None:
    assert trajectory(CUMULATIVE).observed == ((2023, 1800.0), (2024, 3900.0))


def test_cumulative_running_totals_are_kept_and_gaps_stop_the_sum() -> None:
    totals = ((2023, 1800.0), (2024, 3900.0))
    assert running_totals(totals, CUMULATIVE) == totals
    gap = replace(CUMULATIVE, actual=None, baseline=Baseline(2022, 0.0))
    assert running_totals(((2023, 1.0), (2024, None), (2025, 2.0)), gap) == (
        (2023, 1.0), (2024, None), (2025, None))


def test_cagr_chart_follows_the_compound_path() -> None:
    html = _html()
    card = html[html.index('id="r4"'):html.index('id="r5"')]
    assert "2027: 2011.36" in card  # 1000 * 1.15 ** 5
    assert "趋势预测 2027: 1746.93" in card  # 1250 * 1.118034 ** 3
    assert "水平值" in card


def test_cagr_without_levels_draws_rates_as_bars() -> None:
    rates = replace(CAGR, level=None, observed=((2023, 12.0), (2024, 11.6)))
    html = _html(report=build_report((rates,)))
    assert 'class="chart chart-bars"' in html and "要求 15%" in html


@pytest.mark.parametrize(("value", "measure", "text"), [
    (3.6, "%", "3.6%"), (412.0, "家", "412 家"), ((1.0, 2.0), "个", "1–2 个"), (None, "%", "—"),
    (True, None, "是"), (0.5, None, "0.5"),
])
def test_with_measure(value: object, measure: str | None, text: str) -> None:
    assert with_measure(value, measure, "zh") == text  # type: ignore[arg-type]


def test_counts_of_whole_things_get_whole_ticks() -> None:
    few = replace(LEVEL, measure="家", baseline=Baseline(2022, 0.0), path=((2022, 0.0), (2027, 2.0)),
                  observed=((2023, 0.0), (2024, 1.0)), actual=1.0, projected=None)
    html = _html(report=build_report((few,)))
    ticks = re.findall(r'<text class="tick" x="58.0" [^>]*>([^<]*)</text>', html)
    assert ticks == ["0", "1", "2"]


def _with_superseded() -> object:
    rows = (Superseded("x.csv", 9, PLAN, "rd-intensity", None, 2024, "estimate", 3.1234, "final"),
            Superseded(f"{SCRIPT}.csv", 12, PLAN, "carrier-area", "dongcheng", 2023, "preliminary", 0.2,
                       "final"))
    return replace(build_report(), superseded=rows)


def _section(html: str, name: str) -> str:
    start = html.index(f'<section class="{name}">')
    return html[start:html.index("</section>", start)]


def test_superseded_rows_are_listed_in_chinese() -> None:
    section = _section(_html(report=_with_superseded()), "superseded")
    assert "<h2>被替代的数据</h2>" in section
    headers = re.findall(r"<th[^>]*>([^<]*)</th>", section)
    assert headers == ["位置", "指标代码", "责任单位", "年份", "数据状态", "数值", "被替代为"]
    rows = [re.findall(r"<td[^>]*>([^<]*)</td>", row) for row in re.findall(r"<tr>(.*?)</tr>", section)[1:]]
    assert rows == [
        ["x.csv:9", "rd-intensity", "—", "2024", "预计", "3.12", "正式"],
        ["&lt;script&gt;alert(1)&lt;/script&gt;.csv:12", "carrier-area", "dongcheng", "2023", "快报", "0.2", "正式"],
    ]
    assert '<td class="num">2024</td>' in section and '<td class="num">3.12</td>' in section


def test_superseded_rows_in_english_and_in_the_units_view() -> None:
    section = _section(_html("en", report=_with_superseded()), "superseded")
    assert "<h2>Superseded rows</h2>" in section
    assert "<td>estimate</td>" in section and "<td>final</td>" in section
    assert "x.csv:9" in _section(_html(view="units", report=_with_superseded()), "superseded")


def test_no_superseded_section_without_superseded_rows() -> None:
    assert 'class="superseded"' not in _html()


def test_findings_are_listed_escaped() -> None:
    section = _section(_html(), "findings")
    assert "<h2>提示</h2>" in section
    assert ('<li><span class="code">plans/demo.yaml:120:5</span> warning [PC309] '
            "target hostile has no quote &lt;script&gt;alert(1)&lt;/script&gt;</li>") in section


def test_the_chart_demo_covers_every_kind_and_the_edge_cases() -> None:
    kinds = {r.kind for r in RESULTS}
    assert kinds == {"level", "rank", "cumulative", "cagr", "annual", "growth", "milestone"}
    statuses = {r.status for r in RESULTS}
    assert {"no_data", "pending"} <= statuses
    assert any(r.unit for r in RESULTS)
