"""The numeric and rendering-work bounds of icon_library.bounds: right at a bound is accepted and
renders, just past it is refused with the stable reason code; ordinary SVG syntax (units, compact
arc flags, smooth curves, ``-0``, editor transforms) is not mistaken for hostile input."""

from __future__ import annotations

import time

import pytest

from designer.base.errors import UnsafeSVGError
from designer.icon_library import bounds
from designer.icon_library.importer import import_icon
from designer.icon_library.raster import ink_box
from designer.icon_library.safe_xml import parse_svg_bytes
from designer.icon_library.sanitize import sanitize

NS = 'xmlns="http://www.w3.org/2000/svg"'


def clean(body: str, view_box: str = "0 0 24 24", root: str = ""):
    text = f'<svg {NS} viewBox="{view_box}"{root}>{body}</svg>'
    return sanitize(parse_svg_bytes(text.encode(), "t.svg"), "t.svg")


def reason(body: str, view_box: str = "0 0 24 24", root: str = "") -> str:
    with pytest.raises(UnsafeSVGError) as caught:
        clean(body, view_box, root)
    assert caught.value.location.path == "t.svg" and caught.value.hint.startswith("fix:")
    return caught.value.reason


def imports(tmp_path, body: str, view_box: str = "0 0 24 24", root: str = ""):
    source = tmp_path / "source.svg"
    source.write_text(f'<svg {NS} viewBox="{view_box}"{root}>{body}</svg>')
    icon = import_icon(source, "ok", tmp_path / "mine").icon
    assert ink_box(icon.body, icon.view_box, icon.root_attributes) is not None
    return icon


@pytest.mark.parametrize("body", [
    '<circle cx="12" cy="12" r="10"/>',
    '<path d="M2,2 L22,2 22,22z m1-1 h2v2H3Z"/>',
    '<path d="M4 12a8 8 0 1016 0 8 8 0 10-16 0"/>',  # compact arc flags
    '<path d="M2 12C2 6 6 2 12 2S22 6 22 12Q22 22 12 22T2 12"/>',
    '<path d="M-0 -0L24 24" stroke="black"/>',
    '<path d="M1.5.5.5 1.5 1e1 1E1"/>',  # numbers run together, as editors write them
    '<rect x="10%" y="10%" width="80%" height="0.5in" rx="2px"/>',
    '<ellipse cx="12" cy="12" rx="10" ry="0.2"/>',
    '<g transform="translate(0,24) scale(0.1,-0.1)"><path d="M20 20h200v200H20z"/></g>',  # potrace
    '<g transform="rotate(45 12 12) skewX(30) matrix(1 0 0 1 0 0)"><rect x="6" y="6" width="12" height="12"/></g>',
    '<polyline points="2,2 22,2 22,22" stroke="black" fill="none" stroke-dasharray="1,1" stroke-dashoffset="0.5"/>',
    '<path d="M2 2h20" stroke="black" stroke-dasharray="none" opacity="0.5" stroke-miterlimit="10"/>',
])
def test_ordinary_syntax_is_accepted_and_imports(body, tmp_path):
    imports(tmp_path, body)


def test_numbers_right_at_the_bound_are_accepted():
    clean(f'<circle cx="0" cy="0" r="{bounds.MAX_NUMBER:g}"/>', f"0 0 {bounds.MAX_VIEW_BOX_SIDE:g} 1")
    clean('<circle cx="0" cy="0" r="0.05"/>', f"0 0 {bounds.MIN_VIEW_BOX_SIDE} {bounds.MIN_VIEW_BOX_SIDE}")


@pytest.mark.parametrize(("body", "view_box", "expected"), [
    ('<circle cx="0" cy="0" r="100001"/>', "0 0 1e5 1e5", "number-too-large"),
    ('<circle cx="12" cy="12" r="5"/>', "0 0 100001 24", "bad-view-box"),
    ('<circle cx="12" cy="12" r="5"/>', "0 0 0.09 24", "bad-view-box"),
    ('<circle cx="12" cy="12" r="5"/>', "0 0 -24 24", "bad-view-box"),
    ('<circle cx="12" cy="12" r="5"/>', "0 0 24", "bad-view-box"),
    ('<circle cx="12" cy="12" r="5"/>', "-100001 0 24 24", "bad-view-box"),
    ('<circle cx="24012" cy="12" r="1"/>', "0 0 24 24", "out-of-reach"),
    ('<g transform="scale(1e-7)"><circle cx="12" cy="12" r="5"/></g>', "0 0 24 24", "degenerate-transform"),
    ('<g transform="matrix(1 1 1 1 0 0)"><circle cx="12" cy="12" r="5"/></g>', "0 0 24 24", "degenerate-transform"),
    ('<g transform="scale(2) translate(1 2 3)"><circle r="5"/></g>', "0 0 24 24", "bad-transform"),
    ('<g transform="scale 2"><circle r="5"/></g>', "0 0 24 24", "bad-transform"),
    ('<g transform="translate(1px 2px)"><circle r="5"/></g>', "0 0 24 24", "bad-number"),
    ('<path d="L4 4"/>', "0 0 24 24", "bad-path"),
    ('<path d="M4 4 X5 5"/>', "0 0 24 24", "bad-path"),
    ('<path d="M4 4 A5 5 0 2 0 10 10"/>', "0 0 24 24", "bad-path"),
    ('<path d="M4 4z 5 5"/>', "0 0 24 24", "bad-path"),
    ('<path d="M4 4 L1e999 0"/>', "0 0 24 24", "number-too-large"),
    ('<circle r="5" stroke-width="inherit"/>', "0 0 24 24", "bad-number"),
    ('<circle r="5" fill-opacity="nan"/>', "0 0 24 24", "bad-number"),
    ('<circle r="5" stroke-dasharray="' + " ".join(["1"] * 65) + '"/>', "0 0 24 24", "bad-number"),
    ('<circle r="5" cx="5vw"/>', "0 0 24 24", "bad-number"),
])
def test_just_past_a_bound_is_refused(body, view_box, expected):
    assert reason(body, view_box) == expected


def test_segment_budget():
    inside = "M0 0" + " l.001 0" * bounds.MAX_SEGMENTS
    clean(f'<path d="{inside}"/>')
    assert reason(f'<path d="{inside} l.001 0"/>') == "too-many-segments"
    half = "M0 0" + " l.001 0" * (bounds.MAX_SEGMENTS // 2)
    assert reason(f'<path d="{half}"/><path d="{half} l1 1"/>') == "too-many-segments"  # counted over the icon
    points = " ".join(["1,1"] * (bounds.MAX_SEGMENTS + 2))
    assert reason(f'<polyline points="{points}"/>') == "too-many-segments"


def test_dash_budget_counts_inherited_patterns_and_every_shape():
    # a 20x20 square outline is 80 units: 80 / (0.01 + 0.01) = 4,000 dashes per square
    square = '<path d="M2 2h20v20H2z"/>'
    clean(square * 2, root=' fill="none" stroke="black" stroke-dasharray="0.01 0.01"')
    assert reason(square * 3, root=' fill="none" stroke="black" stroke-dasharray="0.01 0.01"') == "too-many-dashes"
    # one value repeats as dash, gap: period 0.006, one dash each: 80 / 0.006 = 13,333 dashes
    assert reason(f'<g stroke-dasharray="0.003">{square}</g>') == "too-many-dashes"
    clean(f'<g stroke-dasharray="0.01">{square}</g>')  # 80 / 0.02 = 4,000
    # percentages are of the normalised diagonal (24 here): 0.01% = 0.0024 units, 26,000 dashes
    clean('<circle cx="12" cy="12" r="10" stroke-dasharray="1%"/>')
    assert reason('<circle cx="12" cy="12" r="10" stroke-dasharray="0.01%"/>') == "too-many-dashes"
    clean('<circle cx="12" cy="12" r="10" stroke-dasharray="0"/>')  # all zero: solid, no dashes


def test_shape_budget():
    clean('<circle cx="1" cy="1" r="0.5"/>' * bounds.MAX_SHAPES)
    assert reason('<circle cx="1" cy="1" r="0.5"/>' * (bounds.MAX_SHAPES + 1)) == "too-many-shapes"


def test_root_stroke_width_becomes_a_plain_number():
    result = clean('<path d="M2 2h20"/>', root=' stroke="black" stroke-width="2px"')
    assert result.root_attributes["stroke-width"] == "2"
    assert any("stroke-width" in d for d in result.dropped)
    assert reason('<path d="M2 2h20"/>', root=' stroke-width="5%"') == "bad-number"


def test_no_view_box_uses_checked_width_and_height():
    def size_only(width, height):
        text = f'<svg {NS} width="{width}" height="{height}"><circle cx="8" cy="8" r="4"/></svg>'
        return sanitize(parse_svg_bytes(text.encode(), "t.svg"), "t.svg")

    size_only("16", "16px")
    for width, height in (("nan", "16"), ("1e6", "16"), ("0.01", "16")):
        with pytest.raises(UnsafeSVGError) as caught:
            size_only(width, height)
        assert caught.value.reason == "bad-view-box"


def test_worst_file_within_the_bounds_renders_in_seconds(tmp_path):
    """The budget's worst case — the maximum of long, crossing, stroked segments — still imports
    (two renders and the legibility checks) in a few seconds."""
    import random

    rng = random.Random(7)
    d = "M1 1" + "".join(f" L{rng.uniform(1, 23):.2f} {rng.uniform(1, 23):.2f}" for _ in range(bounds.MAX_SEGMENTS))
    started = time.perf_counter()
    imports(tmp_path, f'<path d="{d}" fill="none" stroke="black" stroke-width="2"/>')
    assert time.perf_counter() - started < 15


@pytest.mark.parametrize("paint", ["rgb(,,,)", "rgb(1.2.3,0,0)", "rgba(1,2,3,4,5,6)", "rgb(1,2,3,4)", "rgba(1,2,3)",
                                   "rgb(99999999999999999999,0,0)", "#1234567", "rgb()"])
def test_malformed_paint_in_a_user_icon_becomes_current_colour(paint, cli, tmp_path):
    """CairoSVG raised ValueError on these (``icons show``, ``build`` of a user icon folder)."""
    folder = tmp_path / "icons"
    folder.mkdir()
    (folder / "odd.svg").write_text(f'<svg {NS} viewBox="0 0 24 24"><path d="M4 4h16v16H4z" fill="{paint}" '
                                    f'stroke="{paint}"/></svg>')
    assert cli(["icons", "show", "odd", "-I", str(folder), "-o", str(tmp_path / "odd.png"), "--size", "32"]) == 0
    from designer.icon_library import get

    assert paint not in get("odd", search_paths=[folder]).body


def test_ordinary_paints_are_kept():
    result = clean('<path d="M4 4h16v16H4z" fill="rgba(1, 2, 3, 0.5)" stroke="#12345678"/>'
                   '<path d="M4 4h16" fill="hsl(120,50%,50%)" stroke="red"/>')
    assert [(c.get("fill"), c.get("stroke")) for c in result.children] == [
        ("rgba(1, 2, 3, 0.5)", "#12345678"), ("hsl(120,50%,50%)", "red")]
