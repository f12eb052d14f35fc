"""Whether a folder may hold a configuration, decided without importing the module that reads one.

Most runs have no configuration file, and :mod:`policycheck.cli.config`
(its keys, checks and TOML positions) costs a few milliseconds to import
(docs/performance.md#start-up).  :func:`may_have_config` answers "no" only
where :func:`policycheck.cli.config.find_config` finds nothing; "yes" sends
the folder to it, which decides (tests/cli/test_config.py compares the two).
"""
from __future__ import annotations

import os

CONFIG_FILE = "policycheck.toml"
PYPROJECT = "pyproject.toml"
#: The largest configuration file read: a policycheck.toml needs a few lines, a pyproject.toml a few pages.
MAX_CONFIG_BYTES = 1024 * 1024


def may_have_config(folder: str = ".") -> bool:
    """False when ``folder`` has no policycheck.toml and no pyproject.toml naming ``tool.policycheck``."""
    if os.path.lexists(os.path.join(folder, CONFIG_FILE)):
        return True
    pyproject = os.path.join(folder, PYPROJECT)
    if not os.path.isfile(pyproject):
        return False
    from policycheck.inputs import read_input

    got = read_input(pyproject, MAX_CONFIG_BYTES)
    return got.data is None or b"tool.policycheck" in got.data  # unreadable or too large: the reader says why
