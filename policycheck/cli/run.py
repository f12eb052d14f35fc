"""One run of a command: call the core, print, write files, give the exit code.

check and units go through :func:`policycheck.service.run_check`, as the API
does; explain and validate use the same loaders.  This module is the one
place that prints warnings and notes on stderr and reports on stdout.
"""
from __future__ import annotations

import functools
import os
import sys
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from policycheck.cli.exitcodes import EXIT_FAIL, EXIT_OK
from policycheck.cli.options import RunOptions, default_format, split_format_path, terminal_width
from policycheck.errors import PolicycheckError
from policycheck.findings import Finding, format_parsable
from policycheck.inputs import DEFAULT_MAX_BYTES
from policycheck.reporters import VALIDATE_FORMATS, RenderOptions
from policycheck.textsafe import one_line

if TYPE_CHECKING:
    from policycheck.cli.config import Config
    from policycheck.findings import Validation
    from policycheck.model import Plan, Report, Result
    from policycheck.observations import Actuals
    from policycheck.service import Inputs

#: Findings the evaluation adds (the plans' and CSV files' own are printed as they are read).
EVALUATION_RULES = frozenset({"PC411"})
#: explain draws its year-by-year view for these formats; any other -f is the report of the target.
EXPLAIN_VIEW_FORMATS = ("table", "text")


class UsageError(PolicycheckError):
    """A command line that cannot run: the message is printed as it is and the exit code is 2."""


def run_report(options: RunOptions, *, view: str) -> int:
    """check (view="results") and units (view="units")."""
    from policycheck.cli.bulletin import add_bulletin, exit_code
    from policycheck.gcpause import gc_paused
    from policycheck.service import run_check

    # The collector paused across the whole read and evaluation, not only inside its stages: between
    # them the loaders, the model and the engine are imported, whose objects live to the end of the run.
    with gc_paused():
        checked = run_check(options.plans, options.actuals, options.evaluation, encoding=options.encoding,
                            allow_unknown=options.allow_unknown, sheets=options.sheets,
                            on_warnings=_warnings_printer(options), max_bytes=options.max_bytes,
                            reader=options.reader)
    report = checked.report
    # The evaluation's own findings (PC411: a plan without any data) on stderr, even
    # under -q: an unfilled template must not pass a CI job on a summary line alone.
    _print_warnings([f for f in report.findings if f.rule in EVALUATION_RULES], options.lang)
    _warn_about_year(checked.inputs.plans, options)
    _refuse_out_of_range(checked.report.results, checked.inputs.actuals)
    if options.verbose and not options.quiet:
        _say_what_was_read(checked.inputs, report, options)
    # The year-end 通报: trends (--compare, --years) and explanations (--notes).
    report = add_bulletin(report, checked.inputs.plans, checked.inputs.actuals, options)
    selected = select_units(report, options.unit_filter) if options.unit_filter else ()
    _emit_report(report, options, replace(render_options(options, view), units=selected))
    return exit_code(report, options)


def select_units(report: Report, wanted: Sequence[str]) -> tuple[str, ...]:
    """The ids of the units named by ``units --unit`` (id, name or English name), in
    report order; an unknown one is a usage error (exit 2) naming the closest unit."""
    chosen: set[str] = set()
    for text in wanted:
        matches = {u.id for u in report.units if text in (u.id, u.name, u.name_en)}
        if not matches:
            known = [u.name for u in report.units] + [u.id for u in report.units]
            import difflib  # only to suggest a name; not imported on the common path

            from policycheck.messages import join, msg

            close = difflib.get_close_matches(text, known, n=1)
            hint = (msg("cli.did-you-mean", name=repr(close[0])) if close
                    else msg("cli.unit-list", units=join(f"{u.id} ({u.name})" for u in report.units)))
            raise UsageError(msg("cli.no-unit", unit=repr(text), hint=hint))
        chosen |= matches
    return tuple(u.id for u in report.units if u.id in chosen)


def run_explain(options: RunOptions, target_id: str) -> int:
    """explain: the year-by-year view; for ``-q``, ``-o`` and ``-f json|csv|...`` the
    report of this one target, so scripts and CI get the same formats as from check."""
    from policycheck.cli.streams import check_stdout_encoding
    from policycheck.evaluation.explain import explain_target, target_report
    from policycheck.reporters.explain_view import render_explanation
    from policycheck.service import find_target, load_inputs

    inputs = load_inputs(options.plans, options.actuals, encoding=options.encoding,
                         allow_unknown=options.allow_unknown, sheets=options.sheets,
                         on_warnings=_warnings_printer(options), max_bytes=options.max_bytes,
                         reader=options.reader)
    plan = inputs.plans[0]
    find_target(plan, target_id)
    fmt = options.fmt or default_format()
    render_opts = render_options(options)

    def report() -> Report:
        from policycheck.cli.bulletin import add_bulletin

        only = target_report(plan, target_id, inputs.actuals, options.evaluation,
                             plan_findings=inputs.plan_findings)
        _refuse_out_of_range(only.results, inputs.actuals)
        return add_bulletin(only, inputs.plans, inputs.actuals, options)

    if options.quiet or fmt not in EXPLAIN_VIEW_FORMATS:
        only = report()
        _emit_report(only, options, render_opts)
        return EXIT_FAIL if only.summary.failing else EXIT_OK
    explanation = explain_target(plan, target_id, inputs.actuals, options.evaluation)
    if fmt == "text":  # plain, like check's text format: no colour
        render_opts = replace(render_opts, color=False)
    _refuse_out_of_range(explanation.results + explanation.by_year, inputs.actuals)
    text = render_explanation(explanation, render_opts)
    check_stdout_encoding(text)
    if options.outputs:
        _write_files(report(), options, render_opts)
    _write_stdout(text)
    return EXIT_FAIL if explanation.failing else EXIT_OK


def run_validate(paths: Sequence[str], *, fmt: str, strict: bool, lang: str, encoding: str, allow_unknown: bool,
                 outputs: Sequence[str], quiet: bool, config: Config | None = None,
                 max_bytes: int = DEFAULT_MAX_BYTES) -> int:
    """validate: every plan and CSV under ``paths``, and the configuration file of the run;
    exit 1 on an error (or a warning under --strict)."""
    from policycheck.cli.output import output_targets
    from policycheck.findings import sorted_findings
    from policycheck.inputs import STDIN
    from policycheck.messages import join, msg
    from policycheck.validation import expand, nothing_found, validate_found

    for path in paths:
        if path != STDIN and not os.path.exists(path):
            raise UsageError(msg("cli.no-path", path=path))
    refuse_stdin_twice(paths)
    found = expand(paths, max_bytes=max_bytes)
    if found.empty:  # almost surely a wrong path in a CI job: fail like a missing one
        raise UsageError(join((nothing_found(folder) for folder in found.empty), en="\n", zh="\n"))
    extra = _validate_outputs(outputs)
    output_targets([path for _, path in extra])  # OutputError: exit 2 before any work
    refuse_overwriting_inputs([path for _, path in extra], found.plans + found.csvs)
    validation = validate_found(found, strict=strict, encoding=encoding, allow_unknown=allow_unknown,
                                max_bytes=max_bytes)
    if config is not None and config.path is not None:  # the defaults of this very run: checked like any input
        validation = replace(validation, files=(*validation.files, config.path),
                             findings=tuple(sorted_findings([*validation.findings, *config.findings])))
    if fmt == "auto":
        fmt = "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"
    _emit_validation(validation, fmt, extra, quiet=quiet, lang=lang)
    failing = [f for f in validation.findings if f.is_error or (strict and f.level == "warning")]
    return EXIT_FAIL if failing else EXIT_OK


def _validate_outputs(outputs: Sequence[str]) -> list[tuple[str, str]]:
    from policycheck.messages import msg

    parsed = []
    for value in outputs:
        found = split_format_path(value, VALIDATE_FORMATS)
        if found is None:
            raise UsageError(msg("cli.validate-output-form", value=value, formats=", ".join(VALIDATE_FORMATS)))
        parsed.append(found)
    return parsed


def refuse_stdin_twice(paths: Sequence[str]) -> None:
    """Standard input can be read once: ``-`` may name one input only."""
    from policycheck.inputs import STDIN

    if list(paths).count(STDIN) > 1:
        from policycheck.messages import msg

        raise UsageError(msg("cli.stdin-twice"))


def refuse_overwriting_inputs(outputs: Sequence[str], inputs: Sequence[str]) -> None:
    """A usage error before any work when an output file is one of the inputs (they are never modified)."""
    if not outputs:
        return
    from policycheck.cli.output import overwritten_inputs
    from policycheck.findings import split_sheet

    # A sheet named as BOOK#SHEET is read from BOOK: that file is the input.
    books = [path if os.path.exists(path) else split_sheet(path)[0] for path in inputs]
    clashes = overwritten_inputs(outputs, books)
    if clashes:
        from policycheck.messages import join, msg

        raise UsageError(join((msg("output.is-input", path=path) for path in clashes), en="\n", zh="\n"))


def _emit_validation(validation: Validation, fmt: str, extra: Sequence[tuple[str, str]], *, quiet: bool,
                     lang: str) -> None:
    from policycheck.cli.output import atomic_write_all
    from policycheck.cli.streams import check_stdout_encoding, write_stdout
    from policycheck.reporters import render_findings

    options = RenderOptions(lang=lang)
    rendered = {f: render_findings(validation, f, options) for f in {fmt, *(f for f, _ in extra)}}
    printed = not (quiet and not validation.findings)
    if printed:
        check_stdout_encoding(rendered[fmt])  # before any file: a run that cannot print changes none
    atomic_write_all([(path, rendered[out_fmt]) for out_fmt, path in extra])
    if printed:
        write_stdout(rendered[fmt], newline=False)


def _warnings_printer(options: RunOptions) -> functools.partial[None] | None:
    """What prints each input's warnings as it is read (nothing under -q), in the run's language."""
    return None if options.quiet else functools.partial(_print_warnings, lang=options.lang)


def _print_warnings(findings: Sequence[Finding], lang: str) -> None:
    """Each input's warnings on stderr as it is read, in the parsable form."""
    for finding in findings:
        print(one_line(format_parsable(finding, lang)), file=sys.stderr)


def _refuse_out_of_range(results: Sequence[Result], actuals: Actuals) -> None:
    """Numbers whose arithmetic leaves the float range are unusable input: exit 2
    before any report runs (docs/evaluation.md#numbers-out-of-range)."""
    from policycheck.errors import InputError
    from policycheck.evaluation.finite import out_of_range_findings

    findings = out_of_range_findings(results, actuals)
    if findings:
        raise InputError(findings)


def _say_what_was_read(inputs: Inputs, report: Report, options: RunOptions) -> None:
    """-v: the inputs and the assessment year of each plan, so a surprise is explained."""
    from policycheck.messages import EMPTY, Text, msg, same

    def say(text: Text) -> None:
        print(text.get(options.lang), file=sys.stderr)

    for plan in inputs.plans:
        say(msg("cli.read-plan", file=plan.file, plan=plan.id, targets=len(plan.targets), start=plan.period_start,
                end=plan.period_end, baseline=plan.baseline_year))
    actuals = inputs.actuals
    observations = sum(len(series) for series in actuals.series.values())
    in_year = sum(len(by_period) for by_period in actuals.periods.values())
    say(msg("cli.read-actuals", files=", ".join(actuals.files), observations=observations,
            months=msg("cli.read-in-year", count=in_year) if in_year else EMPTY, series=len(actuals.series),
            superseded=len(actuals.superseded)))
    for info in report.plans:
        how = same("--year") if options.evaluation.year is not None else msg("cli.how-latest-year")
        if info.as_of is not None:
            how = same("--period") if options.evaluation.period is not None else msg("cli.how-latest-month")
            say(msg("cli.assessed-month", file=info.file, as_of=info.as_of, how=how))
            continue
        if info.year is None:
            how = msg("cli.how-no-data")
        say(msg("cli.assessed-year", file=info.file, year=info.year if info.year is not None else info.period[1],
                how=how))


def _warn_about_year(plans: Sequence[Plan], options: RunOptions) -> None:
    """A --year before a plan's baseline year is almost always a typo: say so."""
    year = options.evaluation.year
    if year is None or options.quiet:
        return
    from policycheck.messages import msg

    for plan in plans:
        if year < plan.baseline_year:
            print(msg("cli.year-before-baseline", file=plan.file, year=year, baseline=plan.baseline_year, plan=plan.id,
                      start=plan.period_start, end=plan.period_end).get(options.lang), file=sys.stderr)


def render_options(options: RunOptions, view: str = "results") -> RenderOptions:
    """What the reporters need from the command line (and the terminal)."""
    return RenderOptions(lang=options.lang, tablefmt=options.tablefmt, color=options.color,
                         width=terminal_width(), verbosity=1 + options.verbose, view=view,
                         sheet=options.lang_given)


def _emit_report(report: Report, options: RunOptions, render_opts: RenderOptions) -> None:
    """Write the ``-o`` files, then stdout: the summary line (``-q``) or the chosen format.

    stdout is rendered first and checked against its encoding, so a run that
    could not print its report (``PYTHONIOENCODING=ascii``, a closed stdout)
    exits 2 before any file is written.
    """
    from policycheck.cli.streams import check_stdout_encoding
    from policycheck.reporters import render, summary_line

    if options.quiet:
        text = summary_line(report, options.lang)
    else:
        text = render(report, options.fmt or default_format(), render_opts)
    check_stdout_encoding(text)
    _write_files(report, options, render_opts)
    _write_stdout(text)


def _write_files(report: Report, options: RunOptions, render_opts: RenderOptions) -> None:
    if not options.outputs and options.split is None:
        return  # nothing to write: not even the output module is imported
    from policycheck.cli.output import Payload, atomic_write_all
    from policycheck.reporters import BINARY_FORMATS, render_bytes, render_pieces

    # Stage every file (the JSON report written a few MB at a time as it is produced),
    # then rename them all or none: a rendering error or one unwritable path
    # leaves every existing report as it was.
    files: list[tuple[str, Payload]] = [
        (path, render_bytes(report, fmt, render_opts) if fmt in BINARY_FORMATS
         else render_pieces(report, fmt, render_opts))
        for fmt, path in options.outputs]
    made = None
    if options.split is not None:
        from policycheck.cli.split import split_files

        fmt, folder = options.split
        files += split_files(report, fmt, folder, render_opts)
        made = _make_folder(folder)
    try:
        atomic_write_all(files)
    except PolicycheckError:
        if made is not None:  # nothing was written into it: leave no empty folder behind
            _remove_empty(made)
        raise


def _make_folder(folder: str) -> str | None:
    """Make the folder of ``units --split`` when missing; the topmost folder made, if any."""
    top = None
    path = os.path.abspath(folder)
    while not os.path.exists(path):
        top, path = path, os.path.dirname(path)
    try:
        os.makedirs(folder, exist_ok=True)
    except OSError as exc:
        from policycheck.messages import msg

        raise PolicycheckError(msg("output.no-folder", path=folder, error=exc.strerror or exc)) from exc
    return top


def _remove_empty(top: str) -> None:
    for root, _dirs, _files in sorted(os.walk(top, topdown=False), reverse=True):
        try:
            os.rmdir(root)
        except OSError:
            return


def _write_stdout(text: str) -> None:
    from policycheck.cli.streams import write_stdout

    write_stdout(text)
