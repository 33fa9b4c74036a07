"""Specimen sheets: deterministic PNG with every icon, and an HTML page with inline SVG."""

from __future__ import annotations

import io
from html.parser import HTMLParser

from PIL import Image

from designer import icon_library
from designer.icon_library.sheet import COLUMNS, SIZES, render_html_sheet, render_png_sheet, write_png_sheet


def test_png_sheet_is_deterministic_and_sized_for_its_icons():
    icons = [icon_library.get(n) for n in ("child", "lungs", "stethoscope", "caduceus", "xray")]
    first, second = render_png_sheet(icons), render_png_sheet(icons)
    assert first == second
    image = Image.open(io.BytesIO(first))
    rows = -(-len(icons) // COLUMNS)
    assert image.format == "PNG" and image.height > rows * max(SIZES)


def test_png_sheet_of_the_whole_library(tmp_path):
    path = write_png_sheet(tmp_path / "all.png", icon_library.all_icons())
    image = Image.open(path)
    assert image.width > 1000 and image.height > 1000
    assert [p.name for p in tmp_path.iterdir()] == ["all.png"]  # no temporary left behind


class _Collector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.figures, self.svgs, self.scripts = [], 0, 0

    def handle_starttag(self, tag, attrs):
        if tag == "figure":
            self.figures.append(dict(attrs)["id"])
        self.svgs += tag == "svg"
        self.scripts += tag == "script"


def test_html_sheet_inlines_every_icon_at_every_size():
    icons = icon_library.all_icons()
    page = render_html_sheet(icons)
    collector = _Collector()
    collector.feed(page)
    assert collector.figures == [icon.name for icon in icons]
    assert collector.svgs == len(icons) * len(SIZES)
    assert collector.scripts == 0 and "http://" not in page.replace("http://www.w3.org/2000/svg", "")
    assert page == render_html_sheet(icons)
