"""Procedural ornaments drawn with svgwrite: tier pips (stars), laurel sprigs, the tier ribbon and
rosette tails. They carry no user text, so their markup goes into templates as-is.

Coordinates reach svgwrite already written by :func:`designer.base.geometry.fmt`, the one number
formatter of every SVG we emit, so ornaments and outlines read alike and output is byte-stable.
Each ornament is a pure function of numbers and paints, memoised: the same stars, ribbon and
wreath recur on every badge of a tier and at every size a template draws them alike.
"""

from __future__ import annotations

import math
from functools import lru_cache

import svgwrite

from designer.base.geometry import Box, fmt, polar
from designer.compose.paint import Paint

_DRAWING = svgwrite.Drawing(debug=False)  # element factory only; nothing is written from it


def _r(points):
    return [(fmt(x), fmt(y)) for x, y in points]


def star_points(cx: float, cy: float, outer: float, inner_ratio: float = 0.48) -> list[tuple[float, float]]:
    pts = []
    for i in range(10):
        radius = outer if i % 2 == 0 else outer * inner_ratio
        pts.append(polar(cx, cy, radius, i * 36))
    return _r(pts)


@lru_cache(maxsize=512)
def pips(count: int, cx: float, cy: float, size: float, gap: float, fill: Paint, stroke: Paint) -> str:
    """``count`` five-point stars in a row centred on (cx, cy); ``size`` is a star's width."""
    total = count * size + (count - 1) * gap
    centres = [(cx - total / 2 + size / 2 + i * (size + gap), cy) for i in range(count)]
    return _stars(centres, size, fill, stroke)


@lru_cache(maxsize=512)
def pips_on_arc(count: int, cx: float, cy: float, radius: float, middle: float, size: float, gap: float,
                fill: Paint, stroke: Paint) -> str:
    """``count`` stars along a circle of ``radius`` round (cx, cy), centred on the angle ``middle``
    (degrees clockwise from the top; 180 is the bottom), ``size + gap`` apart along the arc."""
    step = math.degrees((size + gap) / radius)
    first = middle - step * (count - 1) / 2
    return _stars([polar(cx, cy, radius, first + i * step) for i in range(count)], size, fill, stroke)


@lru_cache(maxsize=512)
def crest(cx: float, cy: float, size: float, fill: Paint, stroke: Paint) -> str:
    """One large star set into the frame at the top: the top tier's mark where its wreath would be
    a squiggle (the 96 and 64 px drawings); ``size`` is its width."""
    return _stars([(cx, cy)], size, fill, stroke, "tier-crest")


def _stars(centres: list[tuple[float, float]], size: float, fill: Paint, stroke: Paint,
           part: str = "tier-pips") -> str:
    if not centres:
        return ""
    group = _DRAWING.g(class_=part)
    for x, y in centres:
        group.add(_DRAWING.polygon(star_points(x, y + size * 0.05, size / 2 * 1.05), **fill.svgwrite("fill"),
                                   **stroke.svgwrite("stroke"), stroke_width=fmt(size * 0.09),
                                   stroke_linejoin="round"))
    return group.tostring()


@lru_cache(maxsize=512)
def laurel(cx: float, cy: float, radius: float, leaf: float, fill: Paint, start: float = 215,
           end: float = 325) -> str:
    """Two mirrored laurel sprigs on a circle around (cx, cy), opening at the top.

    ``start``/``end`` are the left sprig's angles (degrees clockwise from the top); the right
    sprig is its mirror image."""
    group = _DRAWING.g(class_="tier-laurel")
    for side in (-1, 1):
        steps = 6
        stem = []
        for i in range(steps + 1):
            angle = start + (end - start) * i / steps
            stem.append(polar(cx, cy, radius, angle if side < 0 else 360 - angle))
        group.add(_DRAWING.polyline(_r(stem), fill="none", **fill.svgwrite("stroke"), stroke_width=fmt(leaf * 0.16),
                                    stroke_linecap="round", stroke_linejoin="round"))
        for i in range(1, steps + 1):
            angle = start + (end - start) * i / steps
            angle = angle if side < 0 else 360 - angle
            for offset in (-1, 1):
                px, py = polar(cx, cy, radius + offset * leaf * 0.42, angle + side * 4)
                tilt = angle + (90 if side < 0 else -90) + offset * side * 35
                group.add(_DRAWING.ellipse(center=(fmt(px), fmt(py)), r=(fmt(leaf * 0.5), fmt(leaf * 0.22)),
                                           **fill.svgwrite("fill"),
                                           transform=f"rotate({fmt(tilt)} {fmt(px)} {fmt(py)})"))
    return group.tostring()


def ribbon_box_for_text(box: Box, notch: float) -> Box:
    """The part of a ribbon where its label may go (clear of the notched ends).

    Text is centred on its cap height, so the room sits above the ribbon's middle: a label
    with descenders ("Distinguished") keeps as much clear space below as its capitals above."""
    pad = notch + box.height * 0.2
    return Box(box.x + pad, box.y + box.height * 0.16, box.width - 2 * pad, box.height * 0.54)


@lru_cache(maxsize=512)
def ribbon(box: Box, notch: float, fill: Paint, edge: Paint, edge_width: float) -> str:
    """A banner with swallowtail notches at both ends, for the tier label."""
    x, y, w, h = box.x, box.y, box.width, box.height
    points = [(x, y), (x + w, y), (x + w - notch, y + h / 2), (x + w, y + h), (x, y + h), (x + notch, y + h / 2)]
    return _DRAWING.polygon(_r(points), **fill.svgwrite("fill"), **edge.svgwrite("stroke"), stroke_width=fmt(edge_width),
                            stroke_linejoin="round", class_="tier-ribbon").tostring()


@lru_cache(maxsize=512)
def rosette_tails(cx: float, top: float, bottom: float, spread: float, width: float, fill: Paint, edge: Paint,
                  edge_width: float) -> str:
    """Two ribbon tails hanging from a rosette, splayed outwards, with notched ends."""
    group = _DRAWING.g(class_="rosette-tails")
    for side in (-1, 1):
        x_top = cx + side * width * 0.35
        x_bot = cx + side * spread
        half = width / 2
        angle = math.atan2(bottom - top, x_bot - x_top)
        nx, ny = math.sin(angle) * half, -math.cos(angle) * half
        notch_depth = width * 0.45
        ux, uy = math.cos(angle), math.sin(angle)
        points = [
            (x_top - nx, top - ny), (x_top + nx, top + ny),
            (x_bot + nx, bottom + ny), (x_bot - ux * notch_depth, bottom - uy * notch_depth),
            (x_bot - nx, bottom - ny),
        ]
        group.add(_DRAWING.polygon(_r(points), **fill.svgwrite("fill"), **edge.svgwrite("stroke"),
                                   stroke_width=fmt(edge_width),
                                   stroke_linejoin="round"))
    return group.tostring()
