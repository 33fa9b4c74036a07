"""Badge silhouettes as path data, computed in Python at any inset.

A badge is drawn as nested copies of one silhouette: the dark outer edge, the tier-coloured rim,
the light keyline and the face, each ``inset`` canvas units inside the last. Every silhouette
therefore answers one question — "your outline, ``inset`` units in" — for a 600-unit canvas.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from designer.base.geometry import fmt, polar

Shape = Callable[[float], str]


def circle_path(cx: float, cy: float, r: float) -> str:
    return (f"M{fmt(cx - r)} {fmt(cy)}A{fmt(r)} {fmt(r)} 0 1 0 {fmt(cx + r)} {fmt(cy)}"
            f"A{fmt(r)} {fmt(r)} 0 1 0 {fmt(cx - r)} {fmt(cy)}Z")


def rounded_polygon(points: list[tuple[float, float]], radius: float) -> str:
    """A closed polygon whose corners are rounded with circular-looking quadratic joins."""
    n = len(points)
    d = []
    for i in range(n):
        prev, here, nxt = points[i - 1], points[i], points[(i + 1) % n]
        def toward(a, b, dist):
            length = math.hypot(b[0] - a[0], b[1] - a[1])
            t = min(dist / length, 0.5)
            return (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t)
        start, end = toward(here, prev, radius), toward(here, nxt, radius)
        d.append(("M" if i == 0 else "L") + f"{fmt(start[0])} {fmt(start[1])}")
        d.append(f"Q{fmt(here[0])} {fmt(here[1])} {fmt(end[0])} {fmt(end[1])}")
    return "".join(d) + "Z"


def circle(cx: float = 300, cy: float = 300, radius: float = 294) -> Shape:
    return lambda inset: circle_path(cx, cy, radius - inset)


def inset_polygon(points: list[tuple[float, float]], inset: float) -> list[tuple[float, float]]:
    """The convex polygon ``points`` (clockwise on screen) with every side moved ``inset`` inwards."""
    n = len(points)
    lines = []
    for i in range(n):
        (x0, y0), (x1, y1) = points[i], points[(i + 1) % n]
        length = math.hypot(x1 - x0, y1 - y0)
        nx, ny = -(y1 - y0) / length, (x1 - x0) / length  # the inward normal of a clockwise side
        lines.append(((x0 + nx * inset, y0 + ny * inset), (x1 - x0, y1 - y0)))
    corners = []
    for i in range(n):
        (p, d), (q, e) = lines[i - 1], lines[i]
        cross = d[0] * e[1] - d[1] * e[0]
        t = ((q[0] - p[0]) * e[1] - (q[1] - p[1]) * e[0]) / cross
        corners.append((p[0] + d[0] * t, p[1] + d[1] * t))
    return corners


def hexagon(cx: float = 300, cy: float = 300, radius: float = 296, corner: float = 34, width: float = 1.0) -> Shape:
    """Pointy-top hexagon, ``width`` times as wide as a regular one (a regular hexagon as tall as a
    square covers a quarter less, so it looks smaller beside it); an inset of ``i`` moves each side
    ``i`` inwards."""
    outline = [(cx + (x - cx) * width, y) for x, y in (polar(cx, cy, radius, a) for a in range(0, 360, 60))]
    def path(inset: float) -> str:
        return rounded_polygon(inset_polygon(outline, inset), max(corner - inset * 0.5, 4))
    return path


def rounded_square(x: float = 22, y: float = 22, size: float = 556, corner: float = 110) -> Shape:
    def path(inset: float) -> str:
        s = size - 2 * inset
        pts = [(x + inset, y + inset), (x + inset + s, y + inset), (x + inset + s, y + inset + s), (x + inset, y + inset + s)]
        return rounded_polygon(pts, max(corner - inset, 6))
    return path


def shield(left: float = 44, right: float = 556, top: float = 8, shoulder: float = 300, bottom: float = 594,
           corner: float = 40) -> Shape:
    """A heater shield: flat top with rounded corners, straight sides, curved flanks to a point."""
    def path(inset: float) -> str:
        l, r, t = left + inset, right - inset, top + inset
        b = bottom - inset * 1.9  # the point is acute: move it further to keep the band even
        s = shoulder
        cx = (l + r) / 2
        c = max(corner - inset * 0.6, 4)
        return (f"M{fmt(l)} {fmt(t + c)}Q{fmt(l)} {fmt(t)} {fmt(l + c)} {fmt(t)}"
                f"L{fmt(r - c)} {fmt(t)}Q{fmt(r)} {fmt(t)} {fmt(r)} {fmt(t + c)}L{fmt(r)} {fmt(s)}"
                f"C{fmt(r)} {fmt(s + (b - s) * 0.52)} {fmt(cx + (r - cx) * 0.5)} {fmt(b - (b - s) * 0.16)} {fmt(cx)} {fmt(b)}"
                f"C{fmt(cx - (cx - l) * 0.5)} {fmt(b - (b - s) * 0.16)} {fmt(l)} {fmt(s + (b - s) * 0.52)} {fmt(l)} {fmt(s)}Z")
    return path


def rosette(cx: float = 300, cy: float = 268, radius: float = 262, points: int = 24, depth: float = 16,
            smooth_from: float = 40) -> Shape:
    """A scalloped disc (award rosette). Layers inset by ``smooth_from`` or more are plain circles,
    so the scallops read as the rim and the face stays calm."""
    def path(inset: float) -> str:
        if inset >= smooth_from:
            return circle_path(cx, cy, radius - depth - inset)
        r_in, r_out = radius - depth - inset, radius - inset
        step = 360 / points
        d = []
        for i in range(points):
            a0, a1 = i * step, (i + 1) * step
            p0, p1 = polar(cx, cy, r_in, a0), polar(cx, cy, r_in, a1)
            ctrl = polar(cx, cy, r_out + depth * 0.9, (a0 + a1) / 2)
            if i == 0:
                d.append(f"M{fmt(p0[0])} {fmt(p0[1])}")
            d.append(f"Q{fmt(ctrl[0])} {fmt(ctrl[1])} {fmt(p1[0])} {fmt(p1[1])}")
        return "".join(d) + "Z"
    return path


SHAPES: dict[str, Callable[..., Shape]] = {
    "circle": circle,
    "hexagon": hexagon,
    "rounded-square": rounded_square,
    "shield": shield,
    "rosette": rosette,
}
