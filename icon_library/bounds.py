"""Numeric and rendering-work bounds on a sanitized icon, checked before anything draws or writes it.

The allow-list in :mod:`icon_library.sanitize` decides *which* elements and attributes an icon may
have; this module decides *which values*. A well-formed, script-free SVG can still hang or crash a
renderer with numbers alone: ``r="1e300"`` keeps cairo busy for minutes, ``viewBox="0 0 nan nan"``
turns into NaN transforms, ``scale(1e308)`` or ``scale(0)`` makes a matrix cairo cannot invert, a
negative dash length is a cairo error, and a 100,000-segment path with a fine dash pattern costs
minutes and gigabytes. Every one of those is refused here, with an
:class:`~designer.base.errors.UnsafeSVGError` and a stable ``reason`` code:

=========================  ==========================================================================
reason                     refused because
=========================  ==========================================================================
``bad-view-box``           viewBox (or width/height) not four finite numbers, side outside 0.1..1e5
``bad-number``             a value is not a finite number (NaN, inf, ``1..2``, an unknown unit, a
                           percentage where CairoSVG wants a plain number, a negative dash length)
``number-too-large``       a number's magnitude is above :data:`MAX_NUMBER`
``bad-path``               path data that does not follow the SVG path grammar
``bad-transform``          a transform list that is not ``matrix/translate/scale/rotate/skewX/skewY``
                           with the right number of plain-number arguments
``degenerate-transform``   the transforms around a shape scale it by less than :data:`MIN_SCALE` or
                           more than :data:`MAX_SCALE` (including ``scale(0)``: not invertible)
``degenerate-shape``       an ellipse or arc whose radii differ by more than :data:`MAX_RADIUS_RATIO`
``out-of-reach``           a shape (after its transforms) lies more than :data:`MAX_REACH` viewBox
                           sides away from the viewBox
``too-many-segments``      more than :data:`MAX_SEGMENTS` path segments and points in the icon
``too-many-dashes``        more than :data:`MAX_DASHES` dashes (length of the outlines / dash period)
``too-many-shapes``        more than :data:`MAX_SHAPES` drawn shapes
=========================  ==========================================================================

The bounds are wide for real icons (a 24-unit Lucide icon has tens of segments, a traced Health
Icons glyph a few hundred) and tight enough that the worst file within them renders in seconds at
the largest size medbadge draws (4096 px). Lengths and bounding boxes here are *upper bounds* —
curves by their control polygon, arcs by the ellipse CairoSVG draws — so a bound never lets a file
through on an underestimate.
"""

from __future__ import annotations

import math
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator, Mapping

from designer.icon_library.markup import local_name
from designer.icon_library.safe_xml import refuse

#: Largest magnitude of any number in geometry, path data, transforms, viewBox, dashes and widths.
MAX_NUMBER = 1e5
#: Smallest and largest viewBox width/height (user units).
MIN_VIEW_BOX_SIDE, MAX_VIEW_BOX_SIDE = 0.1, 1e5
#: How far (in viewBox sides, from the viewBox centre) a shape may reach after its transforms.
MAX_REACH = 1000.0
#: Range of the scale (singular values) of the transforms composed around a shape.
MIN_SCALE, MAX_SCALE = 1e-6, 1e6
#: Largest ratio between the two radii of an ellipse or elliptical arc.
MAX_RADIUS_RATIO = 1e6
#: Largest stroke-miterlimit (SVG default 4; editors write 4 or 10).
MAX_MITER_LIMIT = 100.0
#: Most path segments (plus polyline/polygon points) in one icon.
MAX_SEGMENTS = 3_000
#: Most dashes the renderer would draw for one icon (estimated from outline length / dash period).
MAX_DASHES = 10_000
#: Most values in one stroke-dasharray.
MAX_DASH_VALUES = 64
#: Most drawn shapes (each is also rendered alone by the legibility checks).
MAX_SHAPES = 500

SHAPES = frozenset({"path", "circle", "ellipse", "rect", "line", "polyline", "polygon"})
Matrix = tuple[float, float, float, float, float, float]  # SVG a b c d e f
_IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)

# unambiguous (no two ways to split a run of digits), so a failed match never backtracks quadratically
_NUMBER_TEXT = r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?"
_NUMBER = re.compile(_NUMBER_TEXT)
_LENGTH = re.compile(rf"({_NUMBER_TEXT})(px|em|ex|ch|in|cm|mm|pt|pc|%)?")
_PLAIN = re.compile(_NUMBER_TEXT)
_LOOSE_NUMBER = re.compile(rf"{_NUMBER_TEXT}|[+-]?(?:nan|inf|infinity)", re.IGNORECASE)
_SEPARATOR = re.compile(r"[\s,]*")
_WHITESPACE = re.compile(r"\s*")
# CairoSVG: 1em = font-size (12pt = 16px by default), 1ex = 1ch = half of it, 96 px per inch.
_UNIT_PX = {None: 1.0, "px": 1.0, "em": 16.0, "ex": 8.0, "ch": 8.0, "in": 96.0, "cm": 96 / 2.54,
            "mm": 96 / 25.4, "pt": 96 / 72, "pc": 16.0}
_FIX_NUMBERS = "export the icon again from a vector editor; every coordinate must be an ordinary number"
_PATH_ARITY = {"m": 2, "l": 2, "h": 1, "v": 1, "c": 6, "s": 4, "q": 4, "t": 2, "a": 7, "z": 0}
_TRANSFORM = re.compile(r"\s*(matrix|translate|scale|rotate|skewX|skewY)\s*\(([^()]*)\)\s*,?")
_TRANSFORM_ARITY = {"matrix": (6,), "translate": (1, 2), "scale": (1, 2), "rotate": (1, 3),
                    "skewX": (1,), "skewY": (1,)}
_LENGTH_ATTRIBUTES = {
    "circle": ("cx", "cy", "r"), "ellipse": ("cx", "cy", "rx", "ry"),
    "rect": ("x", "y", "width", "height", "rx", "ry"), "line": ("x1", "y1", "x2", "y2"),
}
_HORIZONTAL = frozenset({"x", "cx", "x1", "x2", "width", "rx"})
_VERTICAL = frozenset({"y", "cy", "y1", "y2", "height", "ry"})
_PLAIN_NUMBER_PROPERTIES = ("opacity", "fill-opacity", "stroke-opacity", "stroke-miterlimit")
_INHERITED = ("stroke-width", "stroke-dasharray", "stroke-miterlimit")


def _where(tag: str, key: str, value: str) -> str:
    return f'<{tag}> {key}="{value[:40]}{"..." if len(value) > 40 else ""}"'


def check_number(value: float, source: str, where: str) -> float:
    """``value`` if it is finite and within ±:data:`MAX_NUMBER`; refuse otherwise."""
    if math.isnan(value):
        raise refuse(source, "bad-number", f"{where} is not a number (NaN)", _FIX_NUMBERS)
    if abs(value) > MAX_NUMBER:
        shown = "infinite" if math.isinf(value) else f"{abs(value):.3g}"
        raise refuse(source, "number-too-large",
                     f"{where} has a number beyond ±{MAX_NUMBER:.0e} ({shown})",
                     f"scale the drawing so every coordinate and size is within ±{MAX_NUMBER:,.0f}")
    return value


def is_plain_number(text: str) -> bool:
    """True for an ordinary decimal number such as ``2``, ``-0.5`` or ``1e-3``."""
    return bool(_PLAIN.fullmatch(text.strip()))


def parse_plain(text: str, source: str, where: str) -> float:
    """A plain number (no unit), as CairoSVG reads opacity, miter limits and transform arguments."""
    if not _PLAIN.fullmatch(text.strip()):
        raise refuse(source, "bad-number", f"{where} is not a plain number", "write it as a number such as 0.5")
    return check_number(float(text), source, where)


def parse_length(text: str, source: str, where: str, reference: float) -> float:
    """A length in user units: a number with an optional CSS unit; ``%`` is of ``reference``."""
    match = _LENGTH.fullmatch(text.strip())
    if not match:
        raise refuse(source, "bad-number", f"{where} is not a number with a unit",
                     "write it as a number, optionally with px, %, mm, cm, in, pt, pc or em")
    number = check_number(float(match.group(1)), source, where)
    if match.group(2) == "%":
        return number / 100 * reference
    return number * _UNIT_PX[match.group(2)]


def parse_view_box_numbers(text: str, source: str, what: str | None = None) -> tuple[float, float, float, float]:
    """The four viewBox numbers, refused unless finite, within range and with a usable size."""
    parts = [p for p in re.split(r"[\s,]+", text.strip()) if p]
    name = what or f"viewBox '{text[:60]}'"
    fix = 'set viewBox="0 0 WIDTH HEIGHT" on the <svg> element, with WIDTH and HEIGHT ' \
          f"between {MIN_VIEW_BOX_SIDE:g} and {MAX_VIEW_BOX_SIDE:,.0f}"
    if len(parts) != 4 or not all(_LOOSE_NUMBER.fullmatch(p) for p in parts):
        raise refuse(source, "bad-view-box", f"its {name} is not four numbers", fix)
    numbers = tuple(float(p) for p in parts)
    x, y, w, h = numbers
    if not all(math.isfinite(v) for v in numbers) or abs(x) > MAX_NUMBER or abs(y) > MAX_NUMBER:
        raise refuse(source, "bad-view-box", f"its {name} has a number that is not finite "
                     f"or beyond ±{MAX_NUMBER:,.0f}", fix)
    if not (MIN_VIEW_BOX_SIDE <= w <= MAX_VIEW_BOX_SIDE and MIN_VIEW_BOX_SIDE <= h <= MAX_VIEW_BOX_SIDE):
        raise refuse(source, "bad-view-box", f"its {name} has a width or height outside "
                     f"{MIN_VIEW_BOX_SIDE:g}..{MAX_VIEW_BOX_SIDE:,.0f}", fix)
    return numbers  # type: ignore[return-value]


def size_view_box(width: str | None, height: str | None, source: str) -> tuple[float, float, float, float] | None:
    """The box a root without viewBox draws in (its px ``width``/``height``), checked like a viewBox.

    ``None`` when width/height are absent or not plain px numbers: the loader then refuses the
    file as having no viewBox.
    """
    values = []
    for text in (width, height):
        text = (text or "").strip().removesuffix("px")
        if not _LOOSE_NUMBER.fullmatch(text):
            return None
        values.append(float(text))
    if all(math.isfinite(v) for v in values) and not all(v > 0 for v in values):
        return None  # zero or negative: no usable size, refused by the loader as "no-view-box"
    return parse_view_box_numbers(" ".join(["0", "0", *(repr(v) for v in values)]), source,
                                  what=f"width/height '{width}' x '{height}'")


# --- transforms -------------------------------------------------------------------------------------


def multiply(m: Matrix, n: Matrix) -> Matrix:
    """``m · n`` for SVG matrices (``n`` applied first)."""
    a, b, c, d, e, f = m
    g, h, i, j, k, l = n
    return (a * g + c * h, b * g + d * h, a * i + c * j, b * i + d * j, a * k + c * l + e, b * k + d * l + f)


def parse_transform(text: str, source: str, tag: str) -> Matrix:
    """The matrix of an SVG transform list; refuse anything CairoSVG would misread or choke on."""
    where = _where(tag, "transform", text)
    result, position = _IDENTITY, 0
    fix = "write the transform as matrix(), translate(), scale(), rotate(), skewX() or skewY() with numbers"
    while position < len(text):
        match = _TRANSFORM.match(text, position)
        if not match:
            if not text[position:].strip():
                break
            raise refuse(source, "bad-transform", f"{where} is not a transform list", fix)
        position = match.end()
        kind, inner = match.group(1), match.group(2).strip()
        args = [a for a in re.split(r"[\s,]+", inner) if a] if inner else []
        if len(args) not in _TRANSFORM_ARITY[kind]:
            raise refuse(source, "bad-transform", f"{where}: {kind}() takes "
                         f"{' or '.join(map(str, _TRANSFORM_ARITY[kind]))} numbers, not {len(args)}", fix)
        v = [parse_plain(a, source, where) for a in args]
        if kind == "matrix":
            step: Matrix = tuple(v)  # type: ignore[assignment]
        elif kind == "translate":
            step = (1.0, 0.0, 0.0, 1.0, v[0], v[1] if len(v) > 1 else 0.0)
        elif kind == "scale":
            step = (v[0], 0.0, 0.0, v[1] if len(v) > 1 else v[0], 0.0, 0.0)
        elif kind == "rotate":
            angle = math.radians(v[0])
            cos, sin = math.cos(angle), math.sin(angle)
            step = (cos, sin, -sin, cos, 0.0, 0.0)
            if len(v) == 3:
                step = multiply(multiply((1.0, 0.0, 0.0, 1.0, v[1], v[2]), step), (1.0, 0.0, 0.0, 1.0, -v[1], -v[2]))
        else:
            tangent = math.tan(math.radians(v[0]))
            step = (1.0, 0.0, tangent, 1.0, 0.0, 0.0) if kind == "skewX" else (1.0, tangent, 0.0, 1.0, 0.0, 0.0)
        result = multiply(result, step)
    return result


def singular_values(m: Matrix) -> tuple[float, float]:
    """(smallest, largest) scale factor of the linear part of ``m``."""
    a, b, c, d = m[:4]
    s1 = a * a + b * b + c * c + d * d
    s2 = math.sqrt(max((a * a + b * b - c * c - d * d) ** 2 + 4 * (a * c + b * d) ** 2, 0.0))
    return math.sqrt(max((s1 - s2) / 2, 0.0)), math.sqrt((s1 + s2) / 2)


# --- shapes -------------------------------------------------------------------------------------------


class _Outline:
    """What one shape costs and where it is: segments, outline length (upper bound), bounding box."""

    def __init__(self) -> None:
        self.segments = 0
        self.length = 0.0
        self.x0 = self.y0 = math.inf
        self.x1 = self.y1 = -math.inf

    def include(self, x: float, y: float, pad: float = 0.0) -> None:
        self.x0, self.y0 = min(self.x0, x - pad), min(self.y0, y - pad)
        self.x1, self.y1 = max(self.x1, x + pad), max(self.y1, y + pad)

    @property
    def empty(self) -> bool:
        return self.x0 > self.x1


def _radius_ratio(rx: float, ry: float, source: str, where: str) -> float:
    """``|ry / rx|`` for two non-zero radii, refused beyond :data:`MAX_RADIUS_RATIO` either way."""
    ratio = abs(ry / rx)
    if not 1 / MAX_RADIUS_RATIO <= ratio <= MAX_RADIUS_RATIO:
        raise refuse(source, "degenerate-shape", f"{where} has radii {abs(rx):.3g} and {abs(ry):.3g}, "
                     f"more than {MAX_RADIUS_RATIO:.0e} times apart", "draw it as a line or a thin rectangle")
    return ratio


def path_outline(d: str, source: str, tag: str = "path", budget: int = MAX_SEGMENTS) -> _Outline:
    """Parse SVG path data strictly; count segments, bound the length and the box of what is drawn.

    Stops with ``too-many-segments`` as soon as ``budget`` is spent, so a megabyte of path data
    costs no more than the budget's worth of parsing.
    """
    outline = _Outline()
    n, position = len(d), 0
    x = y = start_x = start_y = 0.0
    last_control: tuple[float, float] | None = None
    previous = ""

    def fail(problem: str) -> Exception:
        shown = d[max(0, position - 10): position + 10]
        return refuse(source, "bad-path", f"<{tag}> path data {problem} at character {position + 1} (near '{shown}')",
                      "export the path again; path data is commands (M, L, C, A, Z, ...) followed by numbers")

    def skip() -> None:
        nonlocal position
        position = _SEPARATOR.match(d, position).end()

    def number() -> float:
        nonlocal position
        skip()
        match = _NUMBER.match(d, position)
        if not match:
            raise fail("expects a number")
        position = match.end()
        return check_number(float(match.group()), source, f"<{tag}> path data")

    def flag() -> bool:
        nonlocal position
        skip()
        if position >= n or d[position] not in "01":
            raise fail("expects an arc flag (0 or 1)")
        position += 1
        return d[position - 1] == "1"

    position = _WHITESPACE.match(d).end()
    if position >= n:
        return outline  # empty path data draws nothing (SVG: "none")
    command = ""
    while True:
        skip()
        if position >= n:
            break
        char = d[position]
        if char.isalpha():
            if char.lower() not in _PATH_ARITY:
                raise fail(f"has an unknown command '{char}'")
            command = char
            position += 1
            if not previous and command.lower() != "m":
                raise fail("must start with M")
            if command.lower() == "z":
                outline.segments += 1
                outline.length += math.hypot(x - start_x, y - start_y)
                x, y, last_control, previous = start_x, start_y, None, command
                continue
        elif not command or command.lower() == "z":
            raise fail("has a number without a command")
        lower, relative = command.lower(), command.islower()
        ox, oy = (x, y) if relative else (0.0, 0.0)
        outline.segments += 1
        if outline.segments > budget:
            raise refuse(source, "too-many-segments", f"it has more than {MAX_SEGMENTS:,} path segments (counting up to a <{tag}>)",
                         "simplify the paths in your editor (fewer nodes); an icon needs tens to hundreds")
        start = (x, y)
        if lower == "m":
            x, y = ox + number(), oy + number()
            start_x, start_y = x, y
            outline.segments -= 1  # a move draws nothing
            command = "l" if relative else "L"  # further pairs are line-tos
            last_control, previous = None, "m"
            outline.include(x, y)
            continue
        elif lower == "l" or lower == "t":
            nx, ny = ox + number(), oy + number()
            if lower == "t":
                control = (2 * x - last_control[0], 2 * y - last_control[1]) if previous and previous.lower() in "qt" and last_control else (x, y)
                outline.include(*control)
                outline.length += math.dist(start, control) + math.dist(control, (nx, ny))
                last_control = control
            else:
                outline.length += math.hypot(nx - x, ny - y)
                last_control = None
            x, y = nx, ny
        elif lower == "h":
            nx = ox + number()
            outline.length += abs(nx - x)
            x, last_control = nx, None
        elif lower == "v":
            ny = oy + number()
            outline.length += abs(ny - y)
            y, last_control = ny, None
        elif lower in ("c", "s", "q"):
            if lower == "s":
                first = (2 * x - last_control[0], 2 * y - last_control[1]) if previous and previous.lower() in "cs" and last_control else (x, y)
                points = [first, (ox + number(), oy + number())]
            else:
                points = [(ox + number(), oy + number())]
                if lower == "c":
                    points.append((ox + number(), oy + number()))
            end = (ox + number(), oy + number())
            chain = [start, *points, end]
            outline.length += sum(math.dist(p, q) for p, q in zip(chain, chain[1:]))
            for p in points:
                outline.include(*p)
            last_control = points[-1]
            x, y = end
        else:  # arc
            rx, ry, rotation = number(), number(), number()
            flag(), flag()
            nx, ny = ox + number(), oy + number()
            last_control = None
            if rx and ry:
                ratio = _radius_ratio(rx, ry, source, f"<{tag}> arc")
                # the ellipse CairoSVG draws: radius R (grown to reach the end point) and R * ratio
                angle = math.radians(rotation)
                dx, dy = nx - x, ny - y
                ex = dx * math.cos(angle) + dy * math.sin(angle)
                ey = (-dx * math.sin(angle) + dy * math.cos(angle)) / ratio
                big = max(abs(rx), math.hypot(ex, ey) / 2) * max(1.0, ratio)
                outline.length += 2 * math.pi * big
                outline.include(x, y, 2 * big)
            else:
                outline.length += math.hypot(nx - x, ny - y)
            x, y = nx, ny
        outline.include(*start)
        outline.include(x, y)
        previous = command
    return outline


def _points_outline(text: str, source: str, tag: str, budget: int) -> _Outline:
    outline = _Outline()
    values = [v for v in re.split(r"[\s,]+", text.strip()) if v]
    if len(values) > 2 * budget + 2:
        raise refuse(source, "too-many-segments", f"it has more than {MAX_SEGMENTS:,} path segments (counting up to a <{tag}>)",
                     "simplify the shape in your editor (fewer points)")
    numbers = [parse_plain(v, source, _where(tag, "points", text)) for v in values]
    points = list(zip(numbers[0::2], numbers[1::2]))
    for p in points:
        outline.include(*p)
    chain = points + (points[:1] if tag == "polygon" else [])
    outline.length = sum(math.dist(p, q) for p, q in zip(chain, chain[1:]))
    outline.segments = max(len(points) - 1, 0)
    return outline


def shape_outline(element: ET.Element, view_box: tuple[float, float, float, float], source: str,
                  budget: int = MAX_SEGMENTS) -> _Outline:
    """The outline measures of one shape element (attributes already sanitized)."""
    tag = local_name(element.tag)
    if tag == "path":
        return path_outline(element.get("d", ""), source, tag, budget)
    if tag in ("polyline", "polygon"):
        return _points_outline(element.get("points", ""), source, tag, budget)
    _, _, w, h = view_box
    diagonal = math.hypot(w, h) / math.sqrt(2)
    values = {}
    for key in _LENGTH_ATTRIBUTES[tag]:
        text = element.get(key)
        if text is not None:
            reference = w if key in _HORIZONTAL else h if key in _VERTICAL else diagonal
            values[key] = parse_length(text, source, _where(tag, key, text), reference)
    get = values.get
    outline = _Outline()
    outline.segments = 1
    if tag == "circle":
        r = abs(get("r", 0.0))
        outline.include(get("cx", 0.0), get("cy", 0.0), r)
        outline.length = 2 * math.pi * r
    elif tag == "ellipse":
        rx, ry = abs(get("rx", 0.0)), abs(get("ry", 0.0))
        if rx and ry:
            _radius_ratio(rx, ry, source, "<ellipse>")
        outline.include(get("cx", 0.0), get("cy", 0.0), max(rx, ry))
        outline.length = 2 * math.pi * max(rx, ry)
    elif tag == "rect":
        x, y, w, h = get("x", 0.0), get("y", 0.0), get("width", 0.0), get("height", 0.0)
        outline.include(x, y)
        outline.include(x + w, y + h)
        outline.length = 2 * (abs(w) + abs(h))
    else:  # line
        x1, y1, x2, y2 = (get(k, 0.0) for k in ("x1", "y1", "x2", "y2"))
        outline.include(x1, y1)
        outline.include(x2, y2)
        outline.length = math.hypot(x2 - x1, y2 - y1)
    return outline


def _dash_pattern(text: str, source: str, tag: str, diagonal: float) -> tuple[float, int] | None:
    """(period, dashes per period) of a stroke-dasharray, or ``None`` when it draws solid lines."""
    if text.strip() in ("none", ""):
        return None
    where = _where(tag, "stroke-dasharray", text)
    values = [v for v in re.split(r"[\s,]+", text.strip()) if v]
    if len(values) > MAX_DASH_VALUES:
        raise refuse(source, "bad-number", f"{where} has more than {MAX_DASH_VALUES} values",
                     "use a short dash pattern such as '2 2'")
    lengths = [parse_length(v, source, where, diagonal) for v in values]
    if any(v < 0 for v in lengths):
        raise refuse(source, "bad-number", f"{where} has a negative dash length",
                     "dash lengths must be zero or positive")
    total = sum(lengths)
    if total <= 0:
        return None
    if len(lengths) % 2:
        return 2 * total, len(lengths)
    return total, len(lengths) // 2


# --- the walk -----------------------------------------------------------------------------------------


def check_bounds(root_attributes: Mapping[str, str], children: list[ET.Element],
                 view_box: tuple[float, float, float, float] | None, source: str) -> None:
    """Refuse the sanitized drawing if any value or the rendering work is out of bounds.

    ``view_box`` is the box the icon draws in (its viewBox, or its px width/height); without one the
    reach of shapes cannot be judged, and the callers refuse such a file anyway.
    """
    box = view_box or (0.0, 0.0, 24.0, 24.0)
    x, y, w, h = box
    side = max(w, h)
    centre = (x + w / 2, y + h / 2)
    diagonal = math.hypot(w, h) / math.sqrt(2)
    _check_presentation("svg", root_attributes, source, diagonal)
    totals = {"segments": 0, "dashes": 0.0, "shapes": 0}
    state = {k: root_attributes[k] for k in _INHERITED if k in root_attributes}
    for element, inherited, matrix in _walk(children, state, _IDENTITY, source):
        tag = local_name(element.tag)
        _check_presentation(tag, element.attrib, source, diagonal)
        if tag not in SHAPES:
            continue
        totals["shapes"] += 1
        if totals["shapes"] > MAX_SHAPES:
            raise refuse(source, "too-many-shapes", f"it draws more than {MAX_SHAPES} shapes",
                         "combine shapes into fewer paths in your editor")
        outline = shape_outline(element, box, source, MAX_SEGMENTS - totals["segments"])
        totals["segments"] += outline.segments
        if totals["segments"] > MAX_SEGMENTS:
            raise refuse(source, "too-many-segments", f"it has more than {MAX_SEGMENTS:,} path segments (counting up to a <{tag}>)",
                         "simplify the paths in your editor (fewer nodes); an icon needs tens to hundreds")
        dash = _dash_pattern(inherited.get("stroke-dasharray", "none"), source, tag, diagonal)
        if dash is not None:
            period, per_period = dash
            totals["dashes"] += outline.length / period * per_period
            if totals["dashes"] > MAX_DASHES:
                raise refuse(source, "too-many-dashes",
                             f"its dash pattern would draw more than {MAX_DASHES:,} dashes (at <{tag}>)",
                             "use a longer stroke-dasharray, or no dashes, on such long outlines")
        if outline.empty or view_box is None:
            continue
        width = abs(parse_length(inherited.get("stroke-width", "1"), source, "stroke-width", diagonal))
        miter = float(inherited.get("stroke-miterlimit", "4"))
        pad = width / 2 * max(1.0, miter)
        reach = MAX_REACH * side
        for px, py in ((outline.x0 - pad, outline.y0 - pad), (outline.x1 + pad, outline.y0 - pad),
                       (outline.x0 - pad, outline.y1 + pad), (outline.x1 + pad, outline.y1 + pad)):
            mx = matrix[0] * px + matrix[2] * py + matrix[4]
            my = matrix[1] * px + matrix[3] * py + matrix[5]
            if not (abs(mx - centre[0]) <= reach and abs(my - centre[1]) <= reach):
                raise refuse(source, "out-of-reach",
                             f"a <{tag}> reaches more than {MAX_REACH:,.0f} viewBox sides away from the viewBox",
                             "delete shapes far outside the artwork, or fix the coordinates or transforms")


def _walk(children: list[ET.Element], state: dict[str, str], matrix: Matrix,
          source: str) -> Iterator[tuple[ET.Element, dict[str, str], Matrix]]:
    """(element, inherited stroke properties, composed transform) for every element, depth first."""
    stack = [(child, state, matrix) for child in reversed(children)]
    while stack:
        element, parent_state, parent_matrix = stack.pop()
        tag = local_name(element.tag)
        own = dict(parent_state)
        own.update({k: v for k, v in element.attrib.items() if k in _INHERITED})
        composed = parent_matrix
        if "transform" in element.attrib:
            composed = multiply(parent_matrix, parse_transform(element.attrib["transform"], source, tag))
            small, large = singular_values(composed)
            if not (all(math.isfinite(v) for v in composed) and MIN_SCALE <= small and large <= MAX_SCALE):
                raise refuse(source, "degenerate-transform",
                             f"the transforms around a <{tag}> scale it by {small:.3g}..{large:.3g}, outside "
                             f"{MIN_SCALE:g}..{MAX_SCALE:g} (a zero or huge scale cannot be drawn)",
                             "remove the transform or apply it to the shapes in your editor")
            if any(abs(v) > MAX_NUMBER * MAX_SCALE for v in composed[4:]):
                raise refuse(source, "out-of-reach", f"the transforms around a <{tag}> move it too far",
                             "remove the transform or apply it to the shapes in your editor")
        yield element, own, composed
        stack.extend((child, own, composed) for child in reversed(list(element)))


def _check_presentation(tag: str, attributes: Mapping[str, str], source: str, diagonal: float) -> None:
    """Numeric presentation attributes: plain numbers where CairoSVG calls float(), lengths elsewhere."""
    for key in _PLAIN_NUMBER_PROPERTIES:
        text = attributes.get(key)
        if text is not None:
            value = parse_plain(text, source, _where(tag, key, text))
            if key == "stroke-miterlimit" and not 0 <= value <= MAX_MITER_LIMIT:
                raise refuse(source, "number-too-large", f"{_where(tag, key, text)} is outside 0..{MAX_MITER_LIMIT:g}",
                             "use the default stroke-miterlimit (4)")
    for key in ("stroke-width", "stroke-dashoffset"):
        text = attributes.get(key)
        if text is not None:
            parse_length(text, source, _where(tag, key, text), diagonal)
    text = attributes.get("stroke-dasharray")
    if text is not None:
        _dash_pattern(text, source, tag, diagonal)
