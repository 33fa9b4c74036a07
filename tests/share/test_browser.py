"""Badge and credential pages in a real browser (headless Chromium, offline): strict HTML, every
image loads, no console error."""

from __future__ import annotations

from tests.review.browser import require_browser, visit
from tests.share.test_credential_page import _issue, key  # noqa: F401  (the signing-key fixture)
from tests.share.test_pages import strict_parse

pytestmark = require_browser()


def test_every_badge_page_renders_with_its_image(shared_set):
    _, dist = shared_set
    pages = sorted(dist.glob("*/*.html"))
    assert len(pages) == 4  # two badges x two tiers
    for page in pages:
        strict_parse(page.read_bytes())
        seen = visit(page, script="() => document.querySelector('h1').innerText")
        assert seen.problems == [], (page.name, seen.problems)
        assert len(seen.images) == 1 and seen.images[0]["complete"] and seen.images[0]["naturalWidth"] == 340
        assert seen.values in ("History Taking", "Global Health")


def test_the_contact_sheet_of_a_shared_set_renders(shared_set):
    _, dist = shared_set
    seen = visit(dist / "index.html")
    assert seen.problems == [] and seen.images and all(i["naturalWidth"] > 0 for i in seen.images)


def test_a_credential_page_renders_on_its_own(tmp_path, key):  # noqa: F811
    out, manifest = _issue(tmp_path, key)
    for record in manifest["issued"][:2]:
        path = out / next(f["path"] for f in record["files"] if f["kind"] == "page")
        strict_parse(path.read_bytes())
        seen = visit(path, script="() => document.querySelector('a.linkedin').href")
        assert seen.problems == []
        assert len(seen.images) == 1 and seen.images[0]["naturalWidth"] == 600  # inlined: needs no host
        assert seen.values.startswith("https://www.linkedin.com/profile/add?startTask=CERTIFICATION_NAME&")
