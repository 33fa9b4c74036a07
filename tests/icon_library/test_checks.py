"""Icon checks: stroke width and detail size in display pixels, colour use, emblems."""

from __future__ import annotations

import pytest

from designer import icon_library
from designer.icon_library import checks
from designer.icon_library.checks import parse_transform

from .conftest import grid_svg


def user_icon(folder, name, body, root=None):
    text = grid_svg(body) if root is None else f'<svg xmlns="http://www.w3.org/2000/svg" {root}>{body}</svg>'
    (folder / f"{name}.svg").write_text(text)
    return icon_library.get(name, search_paths=[folder])


@pytest.mark.parametrize("display_px, expected", [(24, 2.0), (48, 4.0), (12, 1.0)])
def test_builtin_stroke_scales_with_display_size(display_px, expected):
    assert checks.thinnest_stroke_px(icon_library.get("stethoscope"), display_px) == pytest.approx(expected)


def test_stroke_width_follows_transforms(user_icons):
    icon = user_icon(user_icons, "thin", '<path d="M4 4h16"/><g transform="translate(2 2) scale(0.5)">'
                                         '<path d="M4 4h16" stroke-width="1.5"/></g>')
    assert checks.thinnest_stroke_px(icon, 24) == pytest.approx(0.75)


def test_squashed_stroke_counts_at_its_thinnest(user_icons):
    icon = user_icon(user_icons, "squashed", '<g transform="scale(1 0.25)"><circle cx="12" cy="40" r="8"/></g>')
    assert checks.thinnest_stroke_px(icon, 24) == pytest.approx(0.5)


def test_unstroked_icon_has_no_stroke_width(user_icons):
    icon = user_icon(user_icons, "solid", '<rect x="4" y="4" width="16" height="16" fill="currentColor" stroke="none"/>')
    assert checks.thinnest_stroke_px(icon, 24) is None


def test_smallest_detail_is_measured_from_the_rendering(user_icons):
    icon = user_icon(user_icons, "dots", '<rect x="2" y="2" width="20" height="4" fill="currentColor" stroke="none"/>'
                                         '<circle cx="12" cy="16" r="1.5" fill="currentColor" stroke="none"/>')
    assert checks.smallest_detail_px(icon, 24) == pytest.approx(3.0, abs=0.15)  # the dot, not the bar
    assert checks.smallest_detail_px(icon, 48) == pytest.approx(6.0, abs=0.3)


def test_smallest_detail_includes_stroke_and_transform(user_icons):
    icon = user_icon(user_icons, "ring", '<g transform="translate(12 12) scale(0.5)"><circle r="2"/></g>')
    # a circle of radius 1 with a 1-unit stroke (2 scaled by 0.5): ink 3 units across
    assert checks.smallest_detail_px(icon, 24) == pytest.approx(3.0, abs=0.15)


def test_tiny_detail_is_reported(user_icons):
    icon = user_icon(user_icons, "speck", '<path d="M4 4h16"/><circle cx="12" cy="18" r="0.3" fill="currentColor" stroke="none"/>')
    assert checks.legibility(icon, 24).problems
    assert not checks.legibility(icon, 24 * 8).problems


def test_builtin_icons_are_legible_at_24_px():
    for icon in icon_library.all_icons():
        assert checks.legibility(icon, 24).problems == [], icon.name


def test_uses_colour(user_icons):
    assert not checks.uses_colour(icon_library.get("lungs"))
    assert checks.uses_colour(user_icon(user_icons, "red", '<path d="M4 4h16" stroke="#c00"/>'))
    assert checks.uses_colour(user_icon(user_icons, "black", '<path d="M4 4h16"/>', root='viewBox="0 0 24 24"'))
    assert not checks.uses_colour(user_icon(user_icons, "plain", '<path d="M4 4h16" stroke="currentColor"/>'))


def test_emblems():
    def protected(name: str) -> bool:
        emblem = icon_library.get(name).emblem
        return bool(emblem and icon_library.EMBLEMS[emblem]["protected"])

    assert icon_library.get("caduceus").emblem == "caduceus"
    assert icon_library.get("stethoscope").emblem is None
    assert protected("red-cross")
    assert protected("red-crescent")
    assert not protected("rod-of-asclepius")


def test_parse_transform_composes_in_order():
    a, b, c, d = parse_transform("rotate(90) scale(2 1)")
    assert (a, b, c, d) == pytest.approx((0, 2, -1, 0), abs=1e-9)
