"""A small county plan of the kinds a template invites slips with, for the slip tests.

Five targets: a level share, a cagr rate (unit %), a cumulative count, a
level scoped to the two towns, and a milestone.  :func:`county_plan` writes it
(with a changed line when a test needs one) and returns its path.
"""
from __future__ import annotations

from pathlib import Path

PLAN_ID = "county-2023-2027"
COUNTY = """\
policycheck: 1
plan:
  id: county-2023-2027
  title: 某县科技创新行动方案（2023—2027年）
  period: {start: 2023, end: 2027}
units:
  kjj: {name: 县科技局}
  dongcheng: {name: 东城街道, group: towns}
  xicheng: {name: 西城街道, group: towns}
targets:
  - id: rd-intensity
    name: 全社会研发经费投入占地区生产总值比重
    unit: "%"
    kind: level
    milestones: {2027: 3.6}
    responsible: [kjj]
    quote: 全社会研发经费投入占地区生产总值比重达到3.6%
  - id: output-cagr
    name: 规模以上工业总产值年均增长
    unit: "%"
    kind: cagr
    milestones: {2027: 8}
    responsible: [kjj]
    quote: 规模以上工业总产值年均增长8%
  - id: new-firms
    name: 新增科技型中小企业
    unit: 家
    kind: cumulative
    milestones: {2027: 400}
    responsible: [kjj]
    quote: 累计新增科技型中小企业400家
  - id: town-firms
    name: 高新技术企业
    unit: 家
    kind: level
    milestones: {2027: 60}
    scope: {group: towns}
    responsible: [kjj]
    quote: 各街道高新技术企业达到60家
  - id: park
    name: 科创园区建成
    kind: milestone
    milestones: {2025: true}
    responsible: [kjj]
    quote: 2025年建成科创园区
"""


def county_plan(folder: Path, old: str = "", new: str = "", name: str = "county.yaml") -> Path:
    """The county plan in ``folder``, with ``old`` replaced by ``new`` (once) when given."""
    text = COUNTY
    if old:
        assert old in text, old
        text = text.replace(old, new, 1)
    path = folder / name
    path.write_bytes(text.encode("utf-8"))
    return path


def line_of(text: str, needle: str) -> int:
    """The 1-based line of the first line of ``text`` containing ``needle``."""
    return next(number for number, line in enumerate(text.splitlines(), start=1) if needle in line)
