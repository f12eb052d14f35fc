"""What every meaning rule of a plan reads: the YAML document (data and marks) and the built plan."""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import field
from typing import Any

from policycheck.findings import ERROR, Finding, Level
from policycheck.messages import Text
from policycheck.model import Plan
from policycheck.plans.yamlload import JsonPath, YamlDoc
from policycheck.records import record
from policycheck.suggest import Suggester


@record(frozen=True)
class RuleContext:
    """What every check needs: the YAML document (data and marks) and the built plan."""

    doc: YamlDoc
    plan: Plan
    #: "did you mean" hints, a bounded number per plan (policycheck.suggest)
    suggest: Suggester = field(default_factory=Suggester)

    def at(self, rule: str, path: JsonPath, message: Text, *, level: Level = ERROR, key: bool = False) -> Finding:
        line, column = self.doc.mark(path, key=key)
        return Finding.of(rule, level, self.plan.file, line, column, message)

    def raw_target(self, index: int) -> Mapping[str, Any]:
        raw: Mapping[str, Any] = self.doc.data["targets"][index]
        return raw
