"""``--reader auto|exact|fast`` (docs/actuals.md#fast-reader): the same report from either reader."""
from __future__ import annotations

import pytest
from click.testing import CliRunner

from policycheck.cli.commands import main
from policycheck.errors import PolicycheckError
from tests.helpers.paths import EXAMPLES_DIR, PLANS_DIR

ARGS = ["check", str(PLANS_DIR / "linhai-315-2023-2027.yaml"), "-a", str(EXAMPLES_DIR / "linhai.csv"), "-f", "json"]


def test_every_reader_gives_the_same_report(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    outputs = {}
    for reader in ("auto", "exact", "fast"):
        if reader == "fast":
            pytest.importorskip("pyarrow")
        done = CliRunner().invoke(main, [*ARGS, "--reader", reader])
        outputs[reader] = (done.exit_code, done.output)
    assert outputs["auto"][0] in (0, 1)
    assert outputs["fast"] == outputs["exact"] == outputs["auto"]


def test_fast_without_pyarrow_is_a_usage_error(monkeypatch: pytest.MonkeyPatch) -> None:
    import policycheck.actuals.fastcsv as fastcsv

    monkeypatch.setattr(fastcsv, "pyarrow_installed", lambda: False)
    done = CliRunner().invoke(main, [*ARGS, "--reader", "fast", "--lang", "en"])
    assert done.exit_code == 2
    assert ("Invalid value for '--reader': fast needs pyarrow: pip install 'policycheck[fast]', "
            "or use --reader auto") in done.output
    assert "Traceback" not in done.output
    done = CliRunner().invoke(main, [*ARGS, "--reader", "fast"])
    assert "fast 需要 pyarrow：请 pip install 'policycheck[fast]'，或使用 --reader auto" in done.output
    with pytest.raises(PolicycheckError, match="needs pyarrow") as raised:  # the library says so too
        fastcsv.wants_fast("fast", 1)
    assert raised.value.in_lang("zh") == "fast 需要 pyarrow：请 pip install 'policycheck[fast]'，或使用 --reader auto"


def test_an_unknown_reader_is_a_usage_error() -> None:
    done = CliRunner().invoke(main, [*ARGS, "--reader", "quick"])
    assert done.exit_code == 2
    assert "'quick' is not one of 'auto', 'exact', 'fast'" in done.output
