"""``policycheck template PLAN --notes -a CSV``: the explanations file to fill in for one run.

The run is evaluated as ``check`` would (``--year``, ``--fail-on``, ``--strict``),
and the failing targets get a row (docs/reports.md#explanations); an
explanations file among ``-a`` fills in what it already says.
"""
from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any, TypeVar

import click

from policycheck.cli.bulletin import add_bulletin, bulletin_run_options
from policycheck.cli.exitcodes import EXIT_OK
from policycheck.cli.options import FAIL_ON_LEVELS, check_encoding, check_max_bytes, check_ratio
from policycheck.errors import PolicycheckError
from policycheck.inputs import DEFAULT_MAX_BYTES
from policycheck.messages import msg

F = TypeVar("F", bound=Callable[..., Any])


def run_notes_template(plans: tuple[str, ...], *, output: str | None, lang: str, years: str | None, wide: bool,
                       force: bool = False, **values: Any) -> int:
    """``template --notes``: evaluate like ``check`` and write the explanations file to fill in."""
    from policycheck.cli.options import RunOptions
    from policycheck.cli.output import output_targets
    from policycheck.cli.run import refuse_overwriting_inputs, refuse_stdin_twice
    from policycheck.evaluation.options import EvaluationOptions
    from policycheck.reporters.notes_template import notes_template
    from policycheck.service import run_check

    if years or wide:
        raise PolicycheckError(msg("cli.notes-template-years").get(lang))
    if not values.get("actuals"):
        raise PolicycheckError(msg("cli.notes-template-actuals").get(lang))
    given = tuple(values["actuals"])
    bulletin = bulletin_run_options(values)
    refuse_stdin_twice(plans + given)
    if output:
        output_targets([output])
        refuse_overwriting_inputs([output], plans + given)
        if os.path.lexists(output) and not force and (os.path.isfile(output) or not os.path.exists(output)):
            # A filled-in copy is the usual file at that path: replacing it would lose every cause written.
            raise PolicycheckError(msg("cli.exists", path=output).get(lang))
    evaluation = EvaluationOptions(year=values.get("year"), method=values.get("method"),
                                   on_track=values.get("on_track"), at_risk=values.get("at_risk"),
                                   fail_on=values.get("fail_on", "off-track"), strict=bool(values.get("strict")))
    options = RunOptions(plans=plans, actuals=tuple(values["actuals"]), evaluation=evaluation, lang=lang,
                         encoding=values.get("encoding", "auto"), allow_unknown=bool(values.get("allow_unknown")),
                         max_bytes=values.get("max_bytes", DEFAULT_MAX_BYTES), quiet=True, **bulletin)
    checked = run_check(options.plans, options.actuals, evaluation, encoding=options.encoding,
                        allow_unknown=options.allow_unknown, max_bytes=options.max_bytes)
    report = add_bulletin(checked.report, checked.inputs.plans, checked.inputs.actuals, options)
    write_template_text(output, notes_template(report, lang))
    return EXIT_OK


def write_template_text(output: str | None, text: str) -> None:
    """A CSV template to fill in: to ``output`` with a BOM, so that Excel reads it as UTF-8; else to stdout."""
    from policycheck.cli.output import atomic_write
    from policycheck.cli.streams import write_stdout

    if output:
        atomic_write(output, text, encoding="utf-8-sig")
    else:
        write_stdout(text, newline=False)


def notes_template_options(func: F) -> F:
    """The options ``template --notes`` adds: the run whose failing targets get a row."""
    decorators = [
        click.option("--notes", "notes_template", is_flag=True,
                     help="Write the explanations file to fill in (原因/措施) for the failing targets of a run."),
        click.option("-a", "--actuals", "actuals", multiple=True, type=click.Path(dir_okay=False),
                     help="With --notes: the actuals CSV files of the run (repeatable)."),
        click.option("--year", type=click.IntRange(1900, 2200), help="With --notes: the assessment year."),
        click.option("--method", type=click.Choice(["linear", "cagr"]), help="With --notes: as for check."),
        click.option("--on-track", callback=check_ratio, metavar="RATIO", help="With --notes: as for check."),
        click.option("--at-risk", callback=check_ratio, metavar="RATIO", help="With --notes: as for check."),
        click.option("--fail-on", type=click.Choice(FAIL_ON_LEVELS), default="off-track", show_default=True,
                     help="With --notes: which results need an explanation (those failing the run)."),
        click.option("--strict", is_flag=True, help="With --notes: aspirational targets can fail too."),
        click.option("--encoding", default="auto", show_default=True, callback=check_encoding,
                     help="With --notes: CSV encoding."),
        click.option("--max-bytes", default=str(DEFAULT_MAX_BYTES), callback=check_max_bytes, metavar="SIZE",
                     help="With --notes: the largest input read (as for check)."),
        click.option("--allow-unknown", is_flag=True, help="With --notes: unknown target ids become warnings."),
    ]
    for decorator in reversed(decorators):
        func = decorator(func)
    return func



__all__ = ["notes_template_options", "run_notes_template"]
