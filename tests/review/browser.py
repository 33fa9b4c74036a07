"""Open a local HTML file in headless Chromium (Debian's, through Playwright, as tests/studio does)
and report what a reader would meet: every image with its natural size, and every console error,
page error and failed request. Network access is refused, so a page that needs it shows up."""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
               "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def require_browser():
    """A module-level mark: skip without Chromium, unless MEDBADGE_REQUIRE_BROWSER=1 (CI) says fail."""
    if CHROMIUM is None:
        if os.environ.get("MEDBADGE_REQUIRE_BROWSER"):
            raise RuntimeError("MEDBADGE_REQUIRE_BROWSER is set but chromium is not installed")
    return pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (apt-get install chromium)")


@dataclass
class Visit:
    images: list[dict] = field(default_factory=list)  # {src, complete, naturalWidth}
    problems: list[str] = field(default_factory=list)  # console errors, page errors, failed requests
    screenshot: bytes = b""
    values: dict = field(default_factory=dict)


def visit(path: Path, *, script: str | None = None, clicks: tuple[str, ...] = ()) -> Visit:
    """Load ``path``; click each selector in ``clicks``; evaluate ``script`` (its result in ``values``)."""
    from playwright.sync_api import sync_playwright

    seen = Visit()
    with sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.route("http*://**", lambda route: route.abort())  # offline: nothing may come from the network
        page.on("console", lambda message: seen.problems.append(f"console {message.type}: {message.text}")
                if message.type == "error" else None)
        page.on("pageerror", lambda error: seen.problems.append(f"page error: {error}"))
        page.on("requestfailed", lambda request: seen.problems.append(f"request failed: {request.url}"))
        page.goto(path.resolve().as_uri(), wait_until="load")
        page.wait_for_function("[...document.images].every(i => i.complete)")
        seen.images = page.evaluate("[...document.images].map(i => ({src: i.getAttribute('src'), "
                                    "complete: i.complete, naturalWidth: i.naturalWidth}))")
        for selector in clicks:
            page.click(selector)
        if script:
            seen.values = page.evaluate(script)
        seen.screenshot = page.screenshot(full_page=False)
        browser.close()
    return seen
