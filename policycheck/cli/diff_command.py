"""``policycheck diff OLD.json NEW.json``: what changed between two reports; exit 1 when a target got worse.

For CI: run ``check -o json=NEW.json`` and compare it with the report of the
last run (or of last year).  Exit 0 when no target got worse, 1 when one did
(it is behind now and was not, or is further behind), 2 when a file is not a
policycheck JSON report (``FILE:LINE:COL: what is wrong``).
"""
from __future__ import annotations

import sys

import click

from policycheck.cli.commands import fail, handle_errors, main, refuse_bad_config
from policycheck.cli.options import DEFAULT_LANG, LANG_HELP
from policycheck.reporters.labels import LANGS

#: The formats of a diff (policycheck.reporters.diff_report, imported when a diff runs).
DIFF_FORMATS = ("text", "markdown", "json")


@main.command()
@click.argument("old", type=click.Path(dir_okay=False))
@click.argument("new", type=click.Path(dir_okay=False))
@click.option("-f", "--format", "fmt", type=click.Choice(DIFF_FORMATS), default="text", show_default=True,
              help="What goes to stdout.")
@click.option("-o", "--output", "outputs", multiple=True, metavar="FORMAT=PATH",
              help="Also write the diff to a file in text, markdown or json (repeatable).")
@click.option("--lang", type=click.Choice(LANGS), default=DEFAULT_LANG, help=LANG_HELP)
@click.option("-q", "--quiet", is_flag=True, help="Print only the one-line summary; -o files are still written.")
@handle_errors
def diff(old: str, new: str, fmt: str, outputs: tuple[str, ...], lang: str, quiet: bool) -> None:
    """What changed between two JSON reports (OLD.json, NEW.json): status changes,
    changed actuals, superseded figures, new findings.  Exit 1 when a target got worse."""
    from policycheck.cli.output import atomic_write_all, output_targets
    from policycheck.cli.run import refuse_overwriting_inputs, refuse_stdin_twice
    from policycheck.cli.streams import write_stdout
    from policycheck.evaluation.diff import diff_reports
    from policycheck.messages import msg
    from policycheck.previous import read_report
    from policycheck.reporters.diff_report import render_diff, summary_line

    refuse_bad_config(lang)
    files = []
    for value in outputs:
        out_fmt, sep, path = value.partition("=")
        if not sep or not path or out_fmt not in DIFF_FORMATS:
            fail(msg("cli.diff-output", value=value, formats=", ".join(DIFF_FORMATS)).get(lang))
        files.append((out_fmt, path))
    output_targets([path for _, path in files])  # a device or a folder: exit 2 before any work
    refuse_stdin_twice([old, new])
    refuse_overwriting_inputs([path for _, path in files], [old, new])
    result = diff_reports(read_report(old), read_report(new))
    atomic_write_all([(path, render_diff(result, out_fmt, lang)) for out_fmt, path in files])
    write_stdout(summary_line(result, lang) if quiet else render_diff(result, fmt, lang))
    sys.exit(1 if result.worse else 0)
