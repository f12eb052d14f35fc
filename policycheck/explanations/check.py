"""``policycheck validate`` on an explanations file: read it and check every row against the plans."""
from __future__ import annotations

from typing import Sequence

from policycheck.explanations.read import read_notes_file
from policycheck.explanations.resolve import resolve_rows
from policycheck.findings import Finding
from policycheck.model import Plan


def notes_file_findings(path: str, plans: Sequence[Plan], *, encoding: str = "auto",
                        allow_unknown: bool = False) -> list[Finding]:
    """Every finding of one explanations file; without plans only its structure is checked."""
    read = read_notes_file(path, encoding=encoding)
    findings = list(read.findings)
    if plans:
        findings.extend(resolve_rows(read.rows, plans, allow_unknown=allow_unknown).findings)
    return findings
