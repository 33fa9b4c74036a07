"""Geometry values and the one function that writes numbers into SVG.

All geometry is computed in Python (templates only place it). Every number that reaches SVG text
goes through :func:`fmt`, so the output is byte-stable across runs and platforms.
"""

from __future__ import annotations

import math
from dataclasses import dataclass


def fmt(value: float, digits: int = 2) -> str:
    """A number as SVG text: rounded to ``digits`` decimals, no trailing zeros, no ``-0``.

    It is called for every point of every glyph outline, so it stays a single format and strip.

    >>> fmt(3.14159), fmt(2.0), fmt(-0.0001), fmt(12.5), fmt(100.0), fmt(99.6, 0)
    ('3.14', '2', '0', '12.5', '100', '100')
    """
    if digits <= 0:
        text = "%d" % round(value)
    else:
        text = ("%.*f" % (digits, value)).rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


@dataclass(frozen=True)
class Box:
    """An axis-aligned box in canvas units.

    >>> Box(10, 20, 100, 50).center
    (60.0, 45.0)
    """

    x: float
    y: float
    width: float
    height: float

    @property
    def center(self) -> tuple[float, float]:
        return (self.x + self.width / 2, self.y + self.height / 2)

    @property
    def right(self) -> float:
        return self.x + self.width

    @property
    def bottom(self) -> float:
        return self.y + self.height

    def union(self, other: Box) -> Box:
        x, y = min(self.x, other.x), min(self.y, other.y)
        return Box(x, y, max(self.right, other.right) - x, max(self.bottom, other.bottom) - y)


@dataclass(frozen=True)
class Arc:
    """A circular arc for text: centre, radius, and the angle (degrees, 0 = up, clockwise) of its
    middle. ``span`` is the usable angle; text is centred on ``middle``. ``bottom=True`` reads along
    the bottom of a circle (letters upright, their tops towards the centre)."""

    cx: float
    cy: float
    radius: float
    middle: float
    span: float
    bottom: bool = False

    @property
    def length(self) -> float:
        return math.radians(self.span) * self.radius


def polar(cx: float, cy: float, radius: float, angle_deg: float) -> tuple[float, float]:
    """The point at ``angle_deg`` (0 = up, clockwise) on a circle."""
    a = math.radians(angle_deg)
    return (cx + radius * math.sin(a), cy - radius * math.cos(a))
