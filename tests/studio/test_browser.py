"""End to end: `medbadge studio` serves the real app on localhost; headless Chromium loads it.

Needs Debian's `chromium` (`.ci/run` installs it and sets MEDBADGE_REQUIRE_BROWSER=1, so CI fails
rather than skips when it is missing).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from PIL import Image

from designer.cli.studio import free_port
from tests.conftest import EXAMPLE, ROOT

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
# Playwright drives Debian's Chromium (it never downloads a browser of its own here).
LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
               "--disable-background-networking", "--disable-component-update", "--disable-sync"]

if CHROMIUM is None:
    if os.environ.get("MEDBADGE_REQUIRE_BROWSER"):
        raise RuntimeError("MEDBADGE_REQUIRE_BROWSER is set but chromium is not installed")
    pytestmark = pytest.mark.skip(reason="chromium is not installed (apt-get install chromium)")


@contextlib.contextmanager
def running_studio(*args: str, cwd: Path):
    """`medbadge studio ARGS --port P --no-browser` in its own process group; yields its URL once
    Streamlit answers its health check, and stops it afterwards."""
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "designer.cli", "studio", *args, "--port", str(port), "--no-browser"],
        cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True,
        env=dict(os.environ, PYTHONPATH=str(ROOT)),
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as answer:
                    if answer.read().strip() == b"ok":
                        break
            except OSError:
                pass
            if server.poll() is not None or time.monotonic() > deadline:
                raise AssertionError("studio did not start: " + server.stdout.read().decode(errors="replace"))
            time.sleep(0.5)
        yield url
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)


def wait_for_text(page, testid: str, needle: str, timeout: int = 30_000) -> list[str]:
    """The texts of every element with this test id, once one of them contains `needle`.

    Streamlit draws an alert's box before the markdown inside it, so waiting for the element alone
    can read an empty text (seen once in CI); wait for the words instead."""
    page.wait_for_function(
        "([id, needle]) => [...document.querySelectorAll(`[data-testid=\"${id}\"]`)]"
        ".some(e => e.innerText.includes(needle))",
        arg=[testid, needle], timeout=timeout)
    return page.locator(f'[data-testid="{testid}"]').all_inner_texts()


def page_pixels(image: Image.Image, colour: tuple[int, int, int]) -> int:
    """How many pixels of a screenshot are exactly ``colour``."""
    return sum(count for count, pixel in image.getcolors(image.width * image.height) if pixel == colour)


@pytest.fixture
def studio_url(tmp_path):
    badge_file = tmp_path / "badges.yaml"
    shutil.copyfile(EXAMPLE, badge_file)
    with running_studio(str(badge_file), cwd=tmp_path) as url:
        yield url


def test_studio_loads_in_a_real_browser(studio_url, tmp_path):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        page = browser.new_page(viewport={"width": 1500, "height": 1100})
        page.goto(studio_url, wait_until="domcontentloaded", timeout=90_000)
        # Streamlit streams the page over a websocket: wait until the previews are on screen.
        page.wait_for_selector('img[alt], [data-testid="stImage"] img', timeout=90_000)
        page.wait_for_function("document.querySelectorAll('[data-testid=\"stImage\"] img').length >= 7",
                               timeout=90_000)
        page.wait_for_timeout(1500)  # let the last images decode before the screenshot
        text = page.inner_text("body")
        exceptions = page.locator('[data-testid="stException"]').count()
        shot = tmp_path / "studio.png"
        page.screenshot(path=str(shot))
        # the dark page: every preview is redrawn on #121212
        first = page.locator('[data-testid="stImage"] img').first.get_attribute("src")
        page.get_by_text("Dark (#121212)").click()
        page.wait_for_function("src => { const imgs = [...document.querySelectorAll('[data-testid=\"stImage\"] img')];"
                               " return imgs.length >= 7 && imgs[0].getAttribute('src') !== src"
                               " && imgs.every(i => i.complete && i.naturalWidth > 0); }", arg=first, timeout=90_000)
        page.wait_for_timeout(1000)
        dark_exceptions = page.locator('[data-testid="stException"]').count()
        dark_chosen = page.get_by_role("radio", name="Dark (#121212)").is_checked()
        dark_shot = tmp_path / "studio-dark.png"
        page.screenshot(path=str(dark_shot))
        browser.close()

    assert "History Taking" in text  # the selected badge's title
    assert "Distinguished" in text and "Foundation" in text  # the tier strip
    assert exceptions == 0 and "Traceback" not in text
    image = Image.open(shot).convert("RGB")
    assert image.size == (1500, 1100)
    # the badge is on screen: the harbour teal face covers a real area of the page
    small = image.resize((375, 275))
    teal = sum(1 for r, g, b in small.get_flattened_data() if abs(r - 11) < 14 and abs(g - 85) < 14 and abs(b - 99) < 14)
    assert teal > 400, teal
    assert dark_chosen and dark_exceptions == 0
    assert page_pixels(image, (18, 18, 18)) < 2_000  # white is the first page
    dark = Image.open(dark_shot).convert("RGB")
    # the bands of page around the seven previews alone are some 73,000 px (148,000 with the
    # page seen beside the hexagons' sides)
    assert page_pixels(dark, (18, 18, 18)) > 60_000, page_pixels(dark, (18, 18, 18))
    if os.environ.get("MEDBADGE_SCREENSHOT"):
        shutil.copyfile(shot, os.environ["MEDBADGE_SCREENSHOT"])


def test_studio_without_a_file_opens_a_copy_of_the_example(tmp_path):
    with running_studio(cwd=tmp_path):
        copy = tmp_path / "medical-school-example" / "badges.yaml"
        assert copy.read_bytes() == EXAMPLE.read_bytes()


def test_a_hostile_icon_upload_is_refused_in_the_browser(tmp_path):
    from playwright.sync_api import sync_playwright

    badge_file = tmp_path / "badges.yaml"
    shutil.copyfile(EXAMPLE, badge_file)
    hostile = tmp_path / "evil.svg"
    hostile.write_text('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">'
                       '<script>alert(1)</script><circle cx="12" cy="12" r="9"/></svg>', encoding="utf-8")
    with running_studio(str(badge_file), cwd=tmp_path) as url, sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        page = browser.new_page(viewport={"width": 1500, "height": 1100})
        page.goto(url, wait_until="domcontentloaded", timeout=90_000)
        page.wait_for_selector('[data-testid="stFileUploaderDropzoneInput"]', state="attached", timeout=90_000)
        page.set_input_files('[data-testid="stFileUploaderDropzoneInput"]', str(hostile))
        button = page.get_by_role("button", name="Import icon")
        button.wait_for(timeout=30_000)
        page.wait_for_function("[...document.querySelectorAll('button')].some("
                               "b => b.innerText.includes('Import icon') && !b.disabled)", timeout=30_000)
        button.click()
        errors = wait_for_text(page, "stAlertContentError", "evil.svg: ")
        browser.close()
    assert any(e.startswith("evil.svg: ") and "script" in e.lower() for e in errors), errors
    assert not (tmp_path / "icons" / "evil.svg").exists()


def test_a_broken_badge_set_is_fixed_in_the_browser(tmp_path):
    """A YAML syntax error: the page shows the file in an editor with the place of the error; the
    user corrects it, applies, saves, and the studio opens on the fixed file."""
    from playwright.sync_api import sync_playwright

    good = EXAMPLE.read_text(encoding="utf-8")
    badge_file = tmp_path / "badges.yaml"
    badge_file.write_text(good.replace("title: History Taking", "title: [History Taking", 1), encoding="utf-8")
    with running_studio(str(badge_file), cwd=tmp_path) as url, sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        page = browser.new_page(viewport={"width": 1500, "height": 1100})
        page.goto(url, wait_until="domcontentloaded", timeout=90_000)
        editor = page.locator("textarea")
        editor.wait_for(timeout=90_000)
        error = next(e for e in wait_for_text(page, "stAlertContentError", "badges.yaml:")
                     if "badges.yaml:" in e)
        excerpt = next(c for c in wait_for_text(page, "stCode", "^") if "^" in c)
        save = page.get_by_role("button", name="Save and reload")
        assert save.is_disabled()
        editor.fill(good)
        editor.press("Control+Enter")  # Streamlit applies a text area's value on Ctrl+Enter (or blur)
        page.wait_for_function("[...document.querySelectorAll('button')].some("
                               "b => b.innerText.includes('Save and reload') && !b.disabled)", timeout=30_000)
        page.locator("button:not([disabled])", has_text="Save and reload").first.click()
        page.wait_for_function("document.querySelectorAll('[data-testid=\"stImage\"] img').length >= 7",
                               timeout=90_000)
        text = page.inner_text("body")
        browser.close()
    assert error.startswith("badges.yaml:") and "^" in excerpt and "[History Taking" in excerpt
    assert badge_file.read_text(encoding="utf-8") == good
    assert "History Taking" in text and "Traceback" not in text
