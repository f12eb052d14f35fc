"""Exceptions raised by the library API; the CLI turns them into exit code 2."""
from __future__ import annotations

from collections.abc import Sequence

from policycheck.findings import Finding, format_parsable
from policycheck.messages import Text


class PolicycheckError(Exception):
    """Base class: an input that cannot be used.

    Given a :class:`Text`, the command line prints it in the run's --lang
    (:meth:`in_lang`); ``str()`` is the English text, as the API has always said.
    """

    def __init__(self, message: Text | str = "") -> None:
        self.text = message if isinstance(message, Text) else None
        super().__init__(str(message))

    def in_lang(self, lang: str) -> str:
        """The message in ``lang`` (zh or en); a message given as plain text as it is."""
        return self.text.get(lang) if self.text is not None else str(self)


class InputError(PolicycheckError):
    """An input file that cannot be used, with the findings that say why."""

    def __init__(self, findings: Sequence[Finding], summary: str = "") -> None:
        self.findings = list(findings)
        text = summary or "\n".join(format_parsable(f) for f in self.findings if f.is_error)
        super().__init__(text)


class PlanError(InputError):
    """A plan file that has error-level findings (README.md#python-api: load_plan raises it)."""


class ActualsError(InputError):
    """An actuals CSV file that has error-level findings."""


class OutputError(PolicycheckError):
    """An output file that cannot be written."""
