"""The configuration file: defaults for the options a team repeats on every run.

``policycheck.toml`` in the working folder, or else a ``[tool.policycheck]``
table in its ``pyproject.toml`` (as ruff and yamllint read theirs).  Keys are
the long option names (``fail-on``, ``on-track``; ``fail_on`` is read the same)
and apply to every command that has the option; a table named after a command
(``[check]``, ``[validate]``; ``[tool.policycheck.check]`` in pyproject.toml)
sets them for that command alone.  Flags on the command line always win
(docs/configuration.md).

Nothing is read silently wrong: an unknown key, a value of the wrong kind or
a file that is not TOML is a PC500 finding at its line.  ``validate`` lists
them with its other findings; the other commands stop with exit 2, since a
default that was meant but not applied would change their results unseen.
The values become click's ``default_map``, so each is checked and converted by
the same option types as a flag would be.
"""
from __future__ import annotations

import math
import os
import re
import stat
from collections.abc import Callable, Mapping, Sequence
from dataclasses import field
from typing import Any

from policycheck.cli.configfile import CONFIG_FILE, MAX_CONFIG_BYTES, PYPROJECT
from policycheck.cli.options import FAIL_ON_LEVELS, METHOD_NAMES
from policycheck.findings import ERROR, Finding
from policycheck.messages import Text, join, msg, same
from policycheck.records import record
from policycheck.reporters.labels import LANGS

EVALUATION_COMMANDS = ("check", "units", "explain")
COMMANDS = (*EVALUATION_COMMANDS, "validate", "template", "diff")


@record(frozen=True)
class Key:
    """One setting: the commands it applies to, the click parameter, and its check."""

    commands: tuple[str, ...]
    param: str
    #: value -> what it should have been (None when the value is fine)
    check: Callable[[Any, str], Text | None]
    #: the commands a top-level key applies to, when fewer than ``commands`` (validate's formats
    #: differ from check's, so its ``format`` and ``outputs`` go in ``[validate]``)
    top: tuple[str, ...] | None = None


@record
class Config:
    """What the configuration file says, per command, and what is wrong with it."""

    path: str | None = None
    #: command -> click parameter name -> value (click's ``default_map``)
    defaults: dict[str, dict[str, Any]] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)


def _choice(*choices: str) -> Callable[[Any, str], Text | None]:
    def check(value: Any, command: str) -> Text | None:
        if isinstance(value, str) and value in choices:
            return None
        return msg("or-list", choices=join([repr(c) for c in choices], en=", ", zh="、"))
    return check


def _format(value: Any, command: str) -> Text | None:
    from policycheck.reporters import REPORT_FORMATS, VALIDATE_FORMATS

    formats = ("auto", *VALIDATE_FORMATS) if command == "validate" else REPORT_FORMATS
    return _choice(*formats)(value, command)


def _outputs(value: Any, command: str) -> Text | None:
    from policycheck.reporters import REPORT_FORMATS, VALIDATE_FORMATS

    formats = VALIDATE_FORMATS if command == "validate" else REPORT_FORMATS
    if isinstance(value, dict) and value and all(
            fmt in formats and isinstance(path, str) and path for fmt, path in value.items()):
        return None
    return msg("PC500.expect-outputs", formats=join(formats))


def _number(value: Any, command: str) -> Text | None:
    # TOML reads inf and nan as floats; neither is a threshold a result can be judged against
    if isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value) and value >= 0:
        return None
    return msg("PC500.expect-number")


def _boolean(value: Any, command: str) -> Text | None:
    return None if isinstance(value, bool) else msg("PC500.expect-boolean")


def _text(value: Any, command: str) -> Text | None:
    return None if isinstance(value, str) and value else msg("PC500.expect-text")


#: Every key the file may hold (docs/configuration.md lists them); the choices are the flags'.
KEYS: Mapping[str, Key] = {
    "lang": Key(COMMANDS, "lang", _choice(*LANGS)),
    "fail-on": Key(EVALUATION_COMMANDS, "fail_on", _choice(*FAIL_ON_LEVELS)),
    "method": Key(EVALUATION_COMMANDS, "method", _choice(*METHOD_NAMES)),
    "on-track": Key(EVALUATION_COMMANDS, "on_track", _number),
    "at-risk": Key(EVALUATION_COMMANDS, "at_risk", _number),
    "strict": Key((*EVALUATION_COMMANDS, "validate"), "strict", _boolean),
    "format": Key((*EVALUATION_COMMANDS, "validate"), "fmt", _format, top=EVALUATION_COMMANDS),
    "tablefmt": Key(EVALUATION_COMMANDS, "tablefmt", _text),
    "outputs": Key((*EVALUATION_COMMANDS, "validate"), "outputs", _outputs, top=EVALUATION_COMMANDS),
    "encoding": Key((*EVALUATION_COMMANDS, "validate"), "encoding", _text),
    "allow-unknown": Key((*EVALUATION_COMMANDS, "validate"), "allow_unknown", _boolean),
    "color": Key(EVALUATION_COMMANDS, "color", _boolean),
}


def find_config(folder: str = ".") -> tuple[str, tuple[str, ...]] | None:
    """(path, table) of the configuration in ``folder``: policycheck.toml first, else
    pyproject.toml when it has a ``[tool.policycheck]`` table; None when neither."""
    # In the working folder the file is named as the user knows it: policycheck.toml, not ./policycheck.toml.
    own = CONFIG_FILE if folder == "." else os.path.join(folder, CONFIG_FILE)
    if os.path.lexists(own):  # a FIFO or a link to /dev/zero too: reading it gives the finding
        return own, ()
    pyproject = PYPROJECT if folder == "." else os.path.join(folder, PYPROJECT)
    if os.path.isfile(pyproject) and _mentions_tool_table(pyproject):
        return pyproject, ("tool", "policycheck")
    return None


def _mentions_tool_table(path: str) -> bool:
    got = _read(path)
    return not isinstance(got, bytes) or b"tool.policycheck" in got  # unreadable: reading it gives the finding


def _read(path: str) -> bytes | Text:
    """The bytes of a configuration file, read once through the bounded reader
    (docs/security.md#3-bounded-resources), or why there are none: a configuration
    is a regular file of at most :data:`MAX_CONFIG_BYTES`, never a FIFO or a device."""
    from policycheck.inputs import read_input, size_text

    try:
        regular = stat.S_ISREG(os.stat(path).st_mode)
    except OSError as exc:
        return msg("input.read", error=exc.strerror or exc)
    if not regular:
        return msg("PC500.not-file")
    got = read_input(path, MAX_CONFIG_BYTES)
    if got.over_limit:
        return msg("PC500.too-large", limit=size_text(MAX_CONFIG_BYTES))
    return got.data if got.data is not None else got.problem or msg("input.read", error="?")


def load_config(folder: str = ".") -> Config:
    """The configuration of ``folder`` (an empty Config when there is none); never raises."""
    found = find_config(folder)
    if found is None:
        return Config()
    path, table = found
    config = Config(path=path)
    raw = _read(path)
    if not isinstance(raw, bytes):
        config.findings.append(Finding.of("PC500", ERROR, path, 0, 0, raw))
        return config
    import tomllib  # here, not at import: most folders have no configuration file

    try:
        text = raw.decode("utf-8-sig")
        data = tomllib.loads(text)
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        line, column = _error_position(str(exc))
        config.findings.append(Finding.of("PC500", ERROR, path, line, column, msg("PC500.syntax", error=exc)))
        return config
    section: Any = data  # the table that holds the settings: the whole file, or [tool.policycheck]
    for part in table:
        section = section.get(part, {}) if isinstance(section, dict) else section
    data = section
    if not isinstance(data, dict):
        place = _Places(text).at(table[:-1], table[-1])
        config.findings.append(Finding.of("PC500", ERROR, path, *place,
                                          msg("PC500.not-table", key=".".join(table), value=repr(data))))
        return config
    _read_tables(config, data, table, _Places(text))
    return config


def _read_tables(config: Config, data: Mapping[str, Any], prefix: tuple[str, ...], places: _Places) -> None:
    """Top-level keys for every command, then the command tables, which win."""
    assert config.path is not None
    top = {key: value for key, value in data.items() if key not in COMMANDS}
    for command in COMMANDS:
        config.defaults[command] = {}
    for key, value in top.items():
        _take_key(config, prefix, places, key, value, [c for c in COMMANDS if c in _commands_of(key)], None)
    for command in COMMANDS:
        section = data.get(command)
        if section is None:
            continue
        if not isinstance(section, dict):
            place = places.at(prefix, command)
            config.findings.append(Finding.of("PC500", ERROR, config.path, *place,
                                              msg("PC500.not-table", key=command, value=repr(section))))
            continue
        for key, value in section.items():
            _take_key(config, prefix + (command,), places, key, value, [command], command)
    _check_thresholds(config, data, prefix, places)


def _check_thresholds(config: Config, data: Mapping[str, Any], prefix: tuple[str, ...], places: _Places) -> None:
    """PC500 at at-risk when the file sets both thresholds of a command the wrong way round: no
    result could be at_risk, and the file, not the run, is what needs the fix."""
    assert config.path is not None
    reported: set[tuple[int, int]] = set()
    for command in EVALUATION_COMMANDS:
        values = config.defaults[command]
        if "on_track" not in values or "at_risk" not in values or values["at_risk"] <= values["on_track"]:
            continue
        section = data.get(command)
        own = section if isinstance(section, dict) else {}
        table, written = (prefix + (command,), own) if _spelling(own, "at-risk") else (prefix, data)
        place = places.at(table, _spelling(written, "at-risk") or "at-risk")
        if place not in reported:  # a top-level pair applies to three commands: one finding
            reported.add(place)
            config.findings.append(Finding.of("PC500", ERROR, config.path, *place,
                                              msg("PC500.thresholds", at_risk=values["at_risk"],
                                                  on_track=values["on_track"])))


def _spelling(table: Mapping[str, Any], name: str) -> str | None:
    """How ``table`` writes the key ``name`` (at-risk or at_risk), None when it does not."""
    return next((key for key in table if _canonical(key) == name), None)


def _commands_of(key: str) -> tuple[str, ...]:
    """The commands a top-level key applies to."""
    spec = KEYS.get(_canonical(key))
    if spec is None:
        return COMMANDS
    return spec.top if spec.top is not None else spec.commands


def _canonical(key: str) -> str:
    return key.replace("_", "-")


def _take_key(config: Config, table: tuple[str, ...], places: _Places, key: str, value: Any,
              commands: Sequence[str], command_table: str | None) -> None:
    """Check one key and file its value under each command it applies to."""
    assert config.path is not None
    name = _canonical(key)
    spec = KEYS.get(name)
    where = ".".join(table) or CONFIG_FILE
    if spec is None or (command_table is not None and command_table not in spec.commands):
        known = [k for k, s in KEYS.items() if command_table is None or command_table in s.commands]
        import difflib  # only to suggest a name; not imported on the common path

        close = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
        hint = (msg("PC500.unknown-key-hint", suggestion=repr(close[0])) if close
                else msg("PC500.known-keys", keys=", ".join(known)))
        config.findings.append(Finding.of("PC500", ERROR, config.path, *places.at(table, key),
                                          msg("PC500.unknown-key", key=repr(key), table=where, hint=hint)))
        return
    for command in commands:
        expected = spec.check(value, command)
        if expected is not None:
            config.findings.append(Finding.of("PC500", ERROR, config.path, *places.at(table, key),
                                              msg("PC500.value", key=key, value=_shown(value), expected=expected)))
            return
    for command in commands:
        config.defaults[command][spec.param] = _click_value(spec.param, value)


def _shown(value: Any) -> Text:
    return same(repr(value) if not isinstance(value, bool) else str(value).lower())


def _click_value(param: str, value: Any) -> Any:
    """The value as click's default_map takes it (``-o`` is a list of FORMAT=PATH)."""
    if param == "outputs":
        return [f"{fmt}={path}" for fmt, path in value.items()]
    return value


def _error_position(text: str) -> tuple[int, int]:
    match = re.search(r"at line (\d+), column (\d+)", text)
    return (int(match.group(1)), int(match.group(2))) if match else (0, 0)


class _Places:
    """Where each key of a TOML file is written: (line, column) by table and key.

    tomllib gives values, not positions; the file is small, so a scan of its
    lines for table headers and ``key =`` finds where to point a finding.
    """

    _TABLE = re.compile(r"^\s*\[\s*([^\[\]]+?)\s*\]\s*(?:#.*)?$")
    _KEY = re.compile(r"""^(\s*)(?:"([^"]+)"|'([^']+)'|([A-Za-z0-9_.-]+))\s*=""")

    def __init__(self, text: str) -> None:
        self.places: dict[tuple[tuple[str, ...], str], tuple[int, int]] = {}
        table: tuple[str, ...] = ()
        for number, line in enumerate(text.splitlines(), start=1):
            header = self._TABLE.match(line)
            if header:
                table = tuple(part.strip().strip("\"'") for part in header.group(1).split("."))
                self.places.setdefault((table[:-1], table[-1]), (number, line.index("[") + 1))
                continue
            key = self._KEY.match(line)
            if key:
                name = key.group(2) or key.group(3) or key.group(4)
                *inner, last = name.split(".") if key.group(4) else [name]
                self.places.setdefault((table + tuple(inner), last), (number, len(key.group(1)) + 1))

    def at(self, table: tuple[str, ...], key: str) -> tuple[int, int]:
        return self.places.get((table, key), (1, 1))
