"""The coverage of a master's outlined text, drawn straight with cairo (for MB103).

The text runs of a composed master are single ``<path class="text-…">`` elements of absolute
``M L H V Q C Z`` commands (glyph outlines from fontTools' SVG pen). CairoSVG parses such paths
point by point in Python, which made the text mask the slowest step of the linter; this module
parses the ``d`` data with one regular expression and draws it on an 8-bit alpha surface with the
same cairo library, fill rule (non-zero) and antialiasing CairoSVG would use. Anything else
(relative or arc commands) raises :class:`UnsupportedPath`, and the caller falls back to CairoSVG.

>>> coverage = text_coverage([b'<path class="text-title" d="M0 0H300V300H0Z"/>'], 4, 600)
>>> coverage.tolist()
[[255, 255, 0, 0], [255, 255, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0]]
"""

from __future__ import annotations

import re
from functools import lru_cache

_D = re.compile(rb'\sd="([^"]*)"')
_TOKEN = re.compile(rb"[A-Za-z]|[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")
_ARITY = {b"M": 2, b"L": 2, b"H": 1, b"V": 1, b"Q": 4, b"C": 6, b"Z": 0}


class UnsupportedPath(ValueError):
    """Path data this fast drawer does not handle (the caller renders with CairoSVG instead)."""


def text_coverage(paths: list[bytes], size: int, canvas: int, pad: int = 0):
    """An ``size × size`` uint8 array: how much of each pixel the text ``paths`` cover (255 = all).

    With ``pad``, the grid reaches ``pad`` pixels past every canvas edge (``size + 2 pad`` square),
    as :mod:`designer.lint.layers` draws it. Each path is drawn once per size (cached by its
    bytes: a title is the same in every tier) and the runs, which do not overlap, are combined."""
    import numpy as np

    full = size + 2 * pad
    out = np.zeros((full, full), np.uint8)
    for element in paths:
        np.maximum(out, _path_coverage(element, size, canvas, pad), out=out)
    return out


@lru_cache(maxsize=1024)
def _path_coverage(element: bytes, size: int, canvas: int, pad: int):
    import cairocffi as cairo
    import numpy as np

    full = size + 2 * pad
    surface = cairo.ImageSurface(cairo.FORMAT_A8, full, full)
    context = cairo.Context(surface)
    context.translate(pad, pad)
    context.scale(size / canvas, size / canvas)
    context.set_fill_rule(cairo.FILL_RULE_WINDING)
    found = _D.search(element)
    if found is not None:
        context.new_path()
        _trace(context, found.group(1))
        context.fill()
    surface.flush()
    stride = surface.get_stride()
    data = np.frombuffer(bytes(surface.get_data()), dtype=np.uint8).reshape(full, stride)
    coverage = np.ascontiguousarray(data[:, :full])
    coverage.flags.writeable = False
    return coverage


def _segments(d: bytes):
    """``(command, values)`` for each command of absolute path data ``d``, with each pair after an
    ``M`` given as an ``L`` (SVG 1.1 §8.3.2) and ``Z`` with no values; raises :class:`UnsupportedPath`."""
    tokens = _TOKEN.findall(d)
    command = None
    i, count = 0, len(tokens)
    while i < count:
        token = tokens[i]
        if token[:1].isalpha():
            command = token
            if command not in _ARITY:
                raise UnsupportedPath(f"path command {command.decode()!r}")
            i += 1
            if command == b"Z":
                yield command, ()
                continue
        elif command is None or command == b"Z":
            raise UnsupportedPath("numbers before a command")
        n = _ARITY[command]
        if i + n > count:
            raise UnsupportedPath("truncated path data")
        yield command, [float(t) for t in tokens[i:i + n]]
        i += n
        if command == b"M":
            command = b"L"


def _trace(context, d: bytes) -> None:
    x = y = start_x = start_y = 0.0
    for command, v in _segments(d):
        if command == b"Z":
            context.close_path()
            x, y = start_x, start_y
        elif command == b"M":
            x, y = start_x, start_y = v
            context.move_to(x, y)
        elif command == b"L":
            x, y = v
            context.line_to(x, y)
        elif command == b"H":
            x = v[0]
            context.line_to(x, y)
        elif command == b"V":
            y = v[0]
            context.line_to(x, y)
        elif command == b"Q":  # quadratic as the equivalent cubic
            qx, qy, ex, ey = v
            context.curve_to(x + 2 / 3 * (qx - x), y + 2 / 3 * (qy - y),
                             ex + 2 / 3 * (qx - ex), ey + 2 / 3 * (qy - ey), ex, ey)
            x, y = ex, ey
        else:  # C
            context.curve_to(*v)
            x, y = v[4], v[5]


@lru_cache(maxsize=2048)
def glyph_boxes(path: bytes) -> list[tuple[float, float, float, float]]:
    """The ink boxes ``(x0, y0, x1, y1)`` of the glyphs in one outlined text path, in reading order.

    Each subpath (``M`` … ``Z``) is boxed by its points (control points included: a box that is at
    most a little large); a box whose centre lies inside another is part of that glyph (an ``o``
    and its counter). Neighbouring letters, whose boxes may overlap a little (kerning, an arc),
    stay apart; an ``i``'s dot is measured on its own. Sorted left to right.

    >>> glyph_boxes(b' d="M0 0H10V10H0ZM2 2H8V8H2ZM20 0H30V10H20Z"')
    [(0.0, 0.0, 10.0, 10.0), (20.0, 0.0, 30.0, 10.0)]
    """
    found = _D.search(path)
    if found is None:
        return []
    boxes: list[list[float]] = []
    x = y = 0.0
    current: list[float] | None = None
    for command, v in _segments(found.group(1)):
        if command == b"Z":
            continue
        if command == b"M":
            current = [v[0], v[1], v[0], v[1]]
            boxes.append(current)
        if command == b"H":
            points = [(v[0], y)]
        elif command == b"V":
            points = [(x, v[0])]
        else:
            points = list(zip(v[0::2], v[1::2]))
        for px, py in points:
            if current is None:
                current = [px, py, px, py]
                boxes.append(current)
            current[0], current[1] = min(current[0], px), min(current[1], py)
            current[2], current[3] = max(current[2], px), max(current[3], py)
        x, y = points[-1]
    merged: list[list[float]] = []
    for box in sorted(boxes, key=lambda b: (b[2] - b[0]) * (b[3] - b[1]), reverse=True):  # outer contours first
        cx, cy = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
        for other in merged:
            if other[0] <= cx <= other[2] and other[1] <= cy <= other[3]:
                other[0], other[1] = min(other[0], box[0]), min(other[1], box[1])
                other[2], other[3] = max(other[2], box[2]), max(other[3], box[3])
                break
        else:
            merged.append(list(box))
    return [tuple(b) for b in sorted(merged, key=lambda b: b[0])]
