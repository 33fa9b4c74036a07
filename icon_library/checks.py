"""Measurements of an icon for the linter and ``medbadge icons show``: strokes, details, colour, emblem.

An icon that reads well at 96 px can fall apart at the 24-32 px it occupies on a 50 px badge. Two
numbers predict that, both reported in *display* pixels for a given on-screen icon size:

* :func:`thinnest_stroke_px` — the narrowest stroke, from the attributes: the inherited
  ``stroke-width`` times the scale of every enclosing ``transform`` (the smaller singular value, so a
  squashed stroke counts at its thinnest). Below about 1 px a stroke fades under anti-aliasing
  (Lucide's 2 px strokes on a 24 px grid).
* :func:`smallest_detail_px` — the smallest extent of any single shape's ink. It is *measured by
  rendering* each shape alone (with its ancestors' attributes and transforms) and taking the shorter
  side of its ink box, so curves, arcs, caps and strokes count exactly as drawn — no path geometry
  code of our own to get wrong. Gaps *between* shapes are not measured.

The measurements in grid units are cached per icon (icons are hashable), so a linter asking for
several display sizes renders each icon once.
"""

from __future__ import annotations

import functools
import math
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass

from designer.icon_library.markup import format_attributes, local_name, parse_body, serialize_element
from designer.icon_library.model import EMBLEMS, Icon
from designer.icon_library.raster import ink_box

#: Strokes thinner than this many display pixels fade under anti-aliasing (Lucide's icon design guide).
MIN_STROKE_PX = 1.0
#: Shapes smaller than this many display pixels turn into specks.
MIN_DETAIL_PX = 2.0
NEUTRAL_PAINT = {"none", "currentcolor", "inherit", "transparent"}
SHAPES = {"path", "circle", "ellipse", "rect", "line", "polyline", "polygon"}
_TRANSFORM = re.compile(r"(matrix|translate|scale|rotate|skewX|skewY)\s*\(([^)]*)\)")
_PX_PER_UNIT = 12.0  # render resolution for detail measurement: 1/12 unit = 0.08 px at 24 px display

Matrix = tuple[float, float, float, float]  # the linear part (a, b, c, d) of an SVG matrix


def thinnest_stroke_px(icon: Icon, display_px: float) -> float | None:
    """The thinnest stroke when the icon is drawn ``display_px`` wide; ``None`` if nothing is stroked.

    A built-in icon has 2-unit strokes on a 24 grid, so at 24 px they are 2 px:

    >>> import icon_library
    >>> thinnest_stroke_px(icon_library.get("stethoscope"), 24)
    2.0
    """
    units = _thinnest_stroke_units(icon)
    return None if units is None else units * display_px / icon.grid_size


def smallest_detail_px(icon: Icon, display_px: float) -> float | None:
    """The shorter side of the smallest shape's ink box at ``display_px``; ``None`` for no ink."""
    units = _smallest_detail_units(icon)
    return None if units is None else units * display_px / icon.grid_size


def uses_colour(icon: Icon) -> bool:
    """True when any fill or stroke is a real colour rather than ``currentColor`` or ``none``.

    Library icons take their colour from the badge palette through ``currentColor``; a hard-coded
    colour would ignore the palette and escape the contrast checks.
    """
    if any(icon.root_attributes.get(k, "none").strip().lower() not in NEUTRAL_PAINT for k in ("fill", "stroke")):
        return True
    for element in parse_body(icon.body).iter():
        for key in ("fill", "stroke", "color", "stop-color"):
            value = element.get(key)
            if value is not None and value.strip().lower() not in NEUTRAL_PAINT:
                return True
    return False


@dataclass(frozen=True)
class Legibility:
    """The two size measurements of an icon at one display size, and what falls short."""

    display_px: float
    thinnest_stroke_px: float | None
    smallest_detail_px: float | None

    @property
    def problems(self) -> list[str]:
        found = []
        if self.thinnest_stroke_px is not None and self.thinnest_stroke_px < MIN_STROKE_PX:
            found.append(f"thinnest stroke {self.thinnest_stroke_px:.2f} px < {MIN_STROKE_PX:g} px")
        if self.smallest_detail_px is not None and self.smallest_detail_px < MIN_DETAIL_PX:
            found.append(f"smallest detail {self.smallest_detail_px:.2f} px < {MIN_DETAIL_PX:g} px")
        return found


def legibility(icon: Icon, display_px: float) -> Legibility:
    """Both size measurements at ``display_px`` (cheap after the first call for an icon)."""
    return Legibility(display_px, thinnest_stroke_px(icon, display_px), smallest_detail_px(icon, display_px))


def findings(icon: Icon, display_px: float) -> list[str]:
    """Human-readable problems of ``icon`` at ``display_px`` (empty when it is fine)."""
    problems = [f"{p} at {display_px:g} px" for p in legibility(icon, display_px).problems]
    if uses_colour(icon):
        problems.append("uses a colour other than currentColor")
    if icon.emblem:
        problems.append(f"emblem {icon.emblem}: {EMBLEMS[icon.emblem]['note']}")
    return problems


@functools.lru_cache(maxsize=512)
def _thinnest_stroke_units(icon: Icon) -> float | None:
    thinnest = None
    root = icon.root_attributes
    for element, state in _walk(parse_body(icon.body), {**root, "matrix": (1.0, 0.0, 0.0, 1.0)}):
        if local_name(element.tag) not in SHAPES or state.get("stroke", "none").lower() in ("none", "transparent"):
            continue
        width = _length(state.get("stroke-width", "1"), icon.grid_size) * _min_scale(state["matrix"])
        if width > 0:
            thinnest = width if thinnest is None else min(thinnest, width)
    return thinnest


@functools.lru_cache(maxsize=512)
def _smallest_detail_units(icon: Icon) -> float | None:
    smallest = None
    tree = parse_body(icon.body)
    parents = {child: parent for parent in tree.iter() for child in parent}
    for element in tree.iter():
        if local_name(element.tag) not in SHAPES:
            continue
        box = ink_box(_isolated(element, parents, tree), icon.view_box, icon.root_attributes,
                      px_per_unit=_PX_PER_UNIT * 24 / icon.grid_size, margin=0.0)
        if box is not None:
            extent = min(box[2] - box[0], box[3] - box[1])
            smallest = extent if smallest is None else min(smallest, extent)
    return smallest


def _isolated(element: ET.Element, parents: dict, root: ET.Element) -> str:
    """Markup holding only ``element`` inside copies of its ancestor groups (attributes kept)."""
    markup = serialize_element(element)
    parent = parents.get(element)
    while parent is not None and parent is not root:
        attributes = format_attributes({local_name(k): v for k, v in parent.attrib.items()})
        markup = f"<g{attributes}>{markup}</g>"
        parent = parents.get(parent)
    return markup


def _walk(element: ET.Element, state: dict):
    """Yield (element, inherited state) for every descendant, composing transforms."""
    for child in element:
        own = dict(state)
        own.update({k: v for k, v in child.attrib.items() if k != "transform"})
        if "transform" in child.attrib:
            own["matrix"] = _compose(state["matrix"], parse_transform(child.attrib["transform"]))
        yield child, own
        yield from _walk(child, own)


def parse_transform(text: str) -> Matrix:
    """The linear part of an SVG ``transform`` list (translation does not change stroke width).

    >>> parse_transform("translate(3 4) scale(2, 0.5)")
    (2.0, 0.0, 0.0, 0.5)
    """
    result: Matrix = (1.0, 0.0, 0.0, 1.0)
    for kind, args in _TRANSFORM.findall(text):
        values = [float(v) for v in re.split(r"[\s,]+", args.strip()) if v]
        if kind == "matrix" and len(values) == 6:
            step = tuple(values[:4])
        elif kind == "scale" and values:
            step = (values[0], 0.0, 0.0, values[1] if len(values) > 1 else values[0])
        elif kind == "rotate" and values:
            a = math.radians(values[0])
            step = (math.cos(a), math.sin(a), -math.sin(a), math.cos(a))
        elif kind == "skewX" and values:
            step = (1.0, 0.0, math.tan(math.radians(values[0])), 1.0)
        elif kind == "skewY" and values:
            step = (1.0, math.tan(math.radians(values[0])), 0.0, 1.0)
        else:
            continue
        result = _compose(result, step)  # type: ignore[arg-type]
    return result


def _compose(m: Matrix, n: Matrix) -> Matrix:
    a, b, c, d = m
    e, f, g, h = n
    return (a * e + c * f, b * e + d * f, a * g + c * h, b * g + d * h)


def _min_scale(m: Matrix) -> float:
    """The smaller singular value of the 2x2 matrix: how much the thinnest direction is scaled."""
    a, b, c, d = m
    s1 = a * a + b * b + c * c + d * d
    s2 = math.sqrt(max((a * a + b * b - c * c - d * d) ** 2 + 4 * (a * c + b * d) ** 2, 0.0))
    return math.sqrt(max((s1 - s2) / 2, 0.0))


def _length(text: str, grid: float) -> float:
    """A stroke width in user units (px and unitless; percentages of the normalised diagonal)."""
    text = text.strip()
    try:
        if text.endswith("%"):
            return float(text[:-1]) / 100 * grid
        return float(text.removesuffix("px"))
    except ValueError:
        return 1.0
