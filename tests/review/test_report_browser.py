"""The diff report in a real browser (headless Chromium): strict HTML, every image loads, no console
error, and the background toggle works without a script."""

from __future__ import annotations

from designer.review import diff_asset_sets
from tests.review.browser import require_browser, visit
from tests.share.test_pages import strict_parse

pytestmark = require_browser()

STYLES = """() => {
  const art = document.querySelector('.side'), img = document.querySelector('.side img');
  return {background: getComputedStyle(art).backgroundColor, filter: getComputedStyle(img).filter};
}"""


def test_report_renders_offline_with_every_image(asset_sets, tmp_path):
    before, after = asset_sets
    diff_asset_sets(before, after, tmp_path / "report")
    page = tmp_path / "report" / "index.html"
    tree = strict_parse(page.read_bytes())
    # the example makes share cards, so each design shows its badge and its card: changed ones before,
    # after and difference of each (4 x 6), added and removed ones one side of each (4 x 2)
    assert len(list(tree.iter("img"))) == 4 * 6 + 4 * 2
    seen = visit(page, script=STYLES)
    assert seen.problems == []
    assert len(seen.images) == 32 and all(i["complete"] for i in seen.images)
    widths = {i["src"]: i["naturalWidth"] for i in seen.images}
    assert all(width == (1200 if "-card-" in src else 340) for src, width in widths.items()), widths
    assert seen.values == {"background": "rgb(255, 255, 255)", "filter": "none"}


def test_backgrounds_and_greyscale_toggle(asset_sets, tmp_path):
    before, after = asset_sets
    diff_asset_sets(before, after, tmp_path / "report")
    page = tmp_path / "report" / "index.html"
    expected = {"#bg-light": ("rgb(233, 235, 238)", "none"), "#bg-dark": ("rgb(18, 18, 18)", "none"),
                "#bg-grey": ("rgb(255, 255, 255)", "grayscale(1)")}
    for selector, (background, filter_) in expected.items():
        seen = visit(page, clicks=(selector,), script=STYLES)
        assert seen.problems == []
        assert seen.values == {"background": background, "filter": filter_}, selector
    # the difference image is not greyed: its magenta is the point
    seen = visit(page, clicks=("#bg-grey",), script="() => getComputedStyle("
                 "document.querySelector('img[src$=\"-difference.png\"]')).filter")
    assert seen.values == "none"
    seen = visit(page, clicks=("#bg-dark",), script="() => getComputedStyle(document.querySelector("
                 "'img[src$=\"-difference.png\"]').parentElement).backgroundColor")
    assert seen.values == "rgb(255, 255, 255)"  # nor does its frame follow the page background


def test_a_report_with_no_change_says_so(asset_sets, tmp_path):
    before, _ = asset_sets
    diff_asset_sets(before, before, tmp_path / "same")
    page = tmp_path / "same" / "index.html"
    strict_parse(page.read_bytes())
    seen = visit(page, script="() => document.body.innerText")
    assert seen.problems == [] and "No visual change." in seen.values
