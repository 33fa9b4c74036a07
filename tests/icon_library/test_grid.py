"""Every built-in icon follows the icon format: the grid, the root attributes, the element set, one
colour, and ink inside 1..23 when actually rendered."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import cairosvg
import pytest

from designer import icon_library
from designer.icon_library import checks
from designer.icon_library.markup import SVG_NS, local_name
from designer.icon_library.raster import ink_box, render_rgba
from designer.icon_library.safe_xml import parse_svg_file
from designer.icon_library.sanitize import sanitize

from .conftest import BUILTIN_NAMES, ICONS_DIR

ALLOWED = {"g", "path", "circle", "ellipse", "rect", "line", "polyline", "polygon"}
ROOT = {"viewBox": "0 0 24 24", "fill": "none", "stroke": "currentColor", "stroke-width": "2",
        "stroke-linecap": "round", "stroke-linejoin": "round"}
TOLERANCE = 0.1  # one pixel at the 10 px/unit used to find the ink


@pytest.fixture(params=BUILTIN_NAMES)
def name(request):
    return request.param


def test_root_element_is_the_library_format(name):
    root = ET.parse(ICONS_DIR / f"{name}.svg").getroot()
    assert root.tag == f"{{{SVG_NS}}}svg"
    assert root.attrib == ROOT


def test_children_are_plain_shapes(name):
    root = ET.parse(ICONS_DIR / f"{name}.svg").getroot()
    for element in root.iter():
        if element is not root:
            assert element.tag.startswith(f"{{{SVG_NS}}}") and local_name(element.tag) in ALLOWED


def test_only_current_color(name):
    root = ET.parse(ICONS_DIR / f"{name}.svg").getroot()
    for element in root.iter():
        for key in ("fill", "stroke"):
            assert element.get(key, "none") in ("none", "currentColor"), (element.tag, key)
        assert "style" not in element.attrib and "color" not in element.attrib
    assert not checks.uses_colour(icon_library.get(name))


def test_sanitizer_keeps_every_part(name):
    clean = sanitize(parse_svg_file(ICONS_DIR / f"{name}.svg"), name)
    assert clean.dropped == []


def test_renders_with_cairosvg(name):
    png = cairosvg.svg2png(url=str(ICONS_DIR / f"{name}.svg"), output_width=96, output_height=96)
    assert png.startswith(b"\x89PNG")


def test_ink_stays_inside_1_to_23(name):
    icon = icon_library.get(name)
    # rendered through a view box grown by 12 units on each side, so ink beyond 0..24 is seen too
    box = ink_box(icon.body, icon.view_box, icon.root_attributes, px_per_unit=10)
    assert box is not None
    x0, y0, x1, y1 = box
    assert x0 >= 1 - TOLERANCE and y0 >= 1 - TOLERANCE, box
    assert x1 <= 23 + TOLERANCE and y1 <= 23 + TOLERANCE, box
    assert max(x1 - x0, y1 - y0) >= 12, f"{name} uses less than half the grid: {box}"


def test_strokes_are_two_units(name):
    assert checks.thinnest_stroke_px(icon_library.get(name), 24) == pytest.approx(2.0)


def test_body_inlined_in_a_group_renders_like_the_file(name):
    """What the engine does with ``body`` and ``root_attributes`` draws the same pixels as the file."""
    icon = icon_library.get(name)
    attributes = "".join(f' {k}="{v}"' for k, v in icon.root_attributes.items())
    wrapped = (f'<svg xmlns="{SVG_NS}" viewBox="0 0 48 48" width="96" height="96" color="#000">'
               f'<g transform="translate(12 12)"{attributes}>{icon.body}</g></svg>')
    original = (ICONS_DIR / f"{name}.svg").read_text("utf-8").replace("<svg ", '<svg color="#000" ', 1)
    expected = render_rgba(original.replace('viewBox="0 0 24 24"', 'viewBox="-12 -12 48 48"', 1), 96, 96)
    assert render_rgba(wrapped, 96, 96).tobytes() == expected.tobytes()
