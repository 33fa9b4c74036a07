"""The studio's preview tiles: the badge on a page, seen with a view (real CairoSVG renders)."""

from __future__ import annotations

import doctest
import io

import pytest
from PIL import Image

import designer
import designer.base.pages
from designer.base.pages import PAGES, page_colour
from designer.review.report import BACKGROUNDS
from designer.studio.previews import PAGE_CHOICES, margin, preview_on_page, tile_size
from tests.conftest import EXAMPLE


@pytest.fixture(scope="module")
def svg() -> bytes:
    design = designer.resolve(designer.load(EXAMPLE), badges=["history-taking"])[0]
    return designer.compose(design).svg


def tile(svg: bytes, size: int, vision: str, page: str) -> Image.Image:
    return Image.open(io.BytesIO(preview_on_page(svg, size, vision, page)))


def test_the_studio_and_the_diff_report_show_the_same_pages():
    assert BACKGROUNDS is PAGES
    assert PAGE_CHOICES == ("white", "light", "dark", "greyscale")
    assert doctest.testmod(designer.base.pages).failed == 0


@pytest.mark.parametrize("page", ["white", "light", "dark"])
def test_a_tile_is_the_badge_on_its_page(svg, page):
    image = tile(svg, 96, "normal", page)
    assert image.mode == "RGB" and image.size == (tile_size(96),) * 2 == (96 + 2 * margin(96),) * 2
    colour = Image.new("RGB", (1, 1), page_colour(page)).getpixel((0, 0))
    pad = margin(96)
    band = {image.getpixel((x, y)) for y in range(image.height) for x in range(image.width)
            if min(x, y, image.width - 1 - x, image.height - 1 - y) < pad}
    assert band == {colour}
    assert image.getpixel((image.width // 2, image.height // 2)) != colour


def test_the_greyscale_page_is_white_and_grey_whatever_the_vision(svg):
    for vision in ("normal", "tritan"):
        image = tile(svg, 64, vision, "greyscale")
        assert all(r == g == b for r, g, b in image.get_flattened_data())
        assert image.getpixel((0, 0)) == (255, 255, 255)


def test_a_view_is_applied_to_the_page_too(svg):
    normal, deutan = tile(svg, 64, "normal", "light"), tile(svg, 64, "deutan", "light")
    assert normal.getpixel((0, 0)) == (233, 235, 238)
    assert deutan.tobytes() != normal.tobytes()


def test_an_unknown_page_is_refused(svg):
    with pytest.raises(ValueError, match="unknown page 'sepia'"):
        preview_on_page(svg, 64, "normal", "sepia")
    with pytest.raises(ValueError, match="use one of white, light, dark"):
        page_colour("greyscale")
