"""The HTML report in a real browser: headless Chromium renders it, with no error and no request.

Locally the tests skip when no Chromium is installed; in CI (``CI`` set) they
fail instead, because .ci/run installs the Debian package ``chromium``.
Chromium runs with a fresh profile, every background service off, every host
name mapped to nothing (``--host-resolver-rules``) and a network log
(``--log-net-log``): any request the page makes shows up there with the
page's ``file://`` origin, while Chromium's own background requests (update
checks) carry another origin and are ignored.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import signal
import struct
import subprocess
import zlib
from dataclasses import dataclass
from pathlib import Path

import pytest

from policycheck.reporters import RenderOptions, render
from tests.helpers.chart_demo import RESULTS, build_report

pytestmark = pytest.mark.slow

TIMEOUT = 60
WIDTH, HEIGHT = 1200, 1600
FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--hide-scrollbars", "--enable-logging=stderr", "--v=0", "--host-resolver-rules=MAP * ~NOTFOUND",
)
#: A console message of the page: an uncaught exception, console.error, a failed load.
CONSOLE = re.compile(r"Uncaught|:CONSOLE|ERROR:CONSOLE|Failed to load resource|net::ERR_")


def chromium_binary() -> str:
    """The Chromium executable; skip locally, fail in CI, when there is none."""
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    message = "no chromium binary on PATH (Debian: apt-get install chromium)"
    if os.environ.get("CI"):
        pytest.fail(f"{message}; CI must run the browser test")
    pytest.skip(message)


@dataclass(frozen=True)
class BrowserRun:
    stdout: str
    stderr: str
    page_requests: tuple[str, ...]  # URLs the page itself asked the network for


def run_chromium(binary: str, page: Path, work: Path, *mode: str) -> BrowserRun:
    """One Chromium run on ``page`` (``--dump-dom`` or ``--screenshot=...``), bounded in time."""
    profile, netlog = work / "profile", work / "netlog.json"
    profile.mkdir()
    args = [binary, *FLAGS, f"--user-data-dir={profile}", f"--log-net-log={netlog}",
            f"--window-size={WIDTH},{HEIGHT}", *mode, page.as_uri()]
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True, stdin=subprocess.DEVNULL)
    try:
        stdout, stderr = proc.communicate(timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)  # the browser and the helpers it started
        proc.communicate()
        pytest.fail(f"chromium did not finish within {TIMEOUT} s")
    assert proc.returncode == 0, stderr
    return BrowserRun(stdout, stderr, page_requests(netlog))


def page_requests(netlog: Path) -> tuple[str, ...]:
    """URLs of network requests made on behalf of a file:// page, from Chromium's net log."""
    events = json.loads(netlog.read_text(encoding="utf-8")).get("events", [])
    urls = set()
    for event in events:
        params = event.get("params") or {}
        if "file://" in str(params.get("network_isolation_key", "")) and "url" in params:
            urls.add(str(params["url"]))
    return tuple(sorted(urls))


def console_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if CONSOLE.search(line)]


def decode_png(data: bytes) -> tuple[int, int, int, list[bytes]]:
    """(width, height, bytes per pixel, unfiltered rows) of an 8-bit, non-interlaced PNG."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat, header = 8, b"", b""
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos:pos + 4])
        kind, body = data[pos + 4:pos + 8], data[pos + 8:pos + 8 + length]
        header = body if kind == b"IHDR" else header
        idat += body if kind == b"IDAT" else b""
        pos += 12 + length
    width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", header)
    assert depth == 8 and interlace == 0 and colour in (2, 6), (depth, colour, interlace)
    bpp = 3 if colour == 2 else 4
    return width, height, bpp, _unfilter(zlib.decompress(idat), width * bpp, height, bpp)


def _unfilter(raw: bytes, stride: int, height: int, bpp: int) -> list[bytes]:
    """Undo the PNG scanline filters (None, Sub, Up, Average, Paeth)."""
    rows: list[bytes] = []
    previous = bytearray(stride)
    for y in range(height):
        kind, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b, c = previous[i], previous[i - bpp] if i >= bpp else 0
            if kind == 1:
                line[i] = (line[i] + a) & 0xFF
            elif kind == 2:
                line[i] = (line[i] + b) & 0xFF
            elif kind == 3:
                line[i] = (line[i] + (a + b) // 2) & 0xFF
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 0xFF
        rows.append(bytes(line))
        previous = line
    return rows


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Path, str]:
    binary = chromium_binary()
    folder = tmp_path_factory.mktemp("html")
    page = folder / "report.html"
    html = render(build_report(), "html", RenderOptions(lang="zh"))
    page.write_text(html, encoding="utf-8")
    return binary, page, html


@pytest.fixture(scope="module")
def dom_run(browser: tuple[str, Path, str], tmp_path_factory: pytest.TempPathFactory) -> BrowserRun:
    binary, page, _ = browser
    return run_chromium(binary, page, tmp_path_factory.mktemp("dom"), "--dump-dom")


@pytest.fixture(scope="module")
def screenshot(browser: tuple[str, Path, str], tmp_path_factory: pytest.TempPathFactory) -> tuple[BrowserRun, Path]:
    binary, page, _ = browser
    work = tmp_path_factory.mktemp("shot")
    png = work / "report.png"
    return run_chromium(binary, page, work, f"--screenshot={png}"), png


def test_the_dom_has_one_chart_per_result(dom_run: BrowserRun) -> None:
    assert len(re.findall(r'<svg class="chart[ "]', dom_run.stdout)) == len(RESULTS) == 12
    assert "<script" not in dom_run.stdout.lower()  # hostile names stayed text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in dom_run.stdout


def test_the_screenshot_is_not_blank(screenshot: tuple[BrowserRun, Path]) -> None:
    _, png = screenshot
    width, height, bpp, rows = decode_png(png.read_bytes())
    assert (width, height) == (WIDTH, HEIGHT)
    pixels = [row[i:i + 3] for row in rows[::8] for i in range(0, len(row), bpp * 8)]
    colours = set(pixels)
    ink = sum(1 for p in pixels if p != b"\xff\xff\xff")
    assert len(colours) > 20, "the page looks blank"
    assert ink / len(pixels) > 0.02, "almost nothing was drawn"


def test_no_console_error(dom_run: BrowserRun, screenshot: tuple[BrowserRun, Path]) -> None:
    assert console_lines(dom_run.stderr) == []
    assert console_lines(screenshot[0].stderr) == []


def test_no_network_request(browser: tuple[str, Path, str], dom_run: BrowserRun,
                            screenshot: tuple[BrowserRun, Path]) -> None:
    _, _, html = browser
    assert "://" not in html  # the fixture has no URL even as text
    for tag in re.findall(r"<[a-zA-Z][^>]*>", html):  # and no tag points anywhere
        assert not re.search(r"\s(?:src|href|xlink:href)\s*=", re.sub(r'"[^"]*"', '""', tag)), tag
    assert dom_run.page_requests == ()
    assert screenshot[0].page_requests == ()


def test_the_checks_catch_a_bad_page(browser: tuple[str, Path, str], tmp_path: Path) -> None:
    """The same checks do fail on a page with a script error and a remote image."""
    binary, _, _ = browser
    bad = tmp_path / "bad.html"
    bad.write_text('<img src="http://example.invalid/x.png"><script>nosuch();</script>', encoding="utf-8")
    run = run_chromium(binary, bad, tmp_path, "--dump-dom")
    assert any("Uncaught ReferenceError" in line for line in console_lines(run.stderr))
    assert run.page_requests == ("http://example.invalid/x.png",)


def test_missing_chromium_fails_in_ci_and_skips_locally(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(shutil, "which", lambda name: None)
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="CI must run the browser test"):
        chromium_binary()
    monkeypatch.delenv("CI")
    with pytest.raises(pytest.skip.Exception, match="no chromium binary"):
        chromium_binary()
