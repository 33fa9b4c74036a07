"""Place an icon by its ink, not by its grid, so every icon in a set has one optical size.

Icons drawn on the same 24-unit grid still differ in how much of it they fill: a handshake spans
20 × 12 units, a clipboard 16 × 20, a globe 20 × 20. Scaled grid-to-box they look 11 px or
18 px tall on the same 96 px badge. A designer sizes them by eye so they weigh the same; here
that is done by measure: the icon is scaled so the *geometric mean* of its ink box's sides
(the side of a square of the same area) is a fixed share of the slot, never letting its longer
side run more than 10 % past that, and centred on its ink rather than on its grid.

The ink box is measured by rendering (:func:`designer.icon_library.raster.ink_box`): the honest
way to include stroke width, caps and curves. It is a pure function of the icon's markup, so it
is memoised by content.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

from designer.base.geometry import Box

#: The side of the square of the ink box's area, as a share of the icon slot's side.
OPTICAL_SHARE = 0.80
#: The longer ink side, at most, as a multiple of that optical side: a long icon (a handshake is
#: half again as wide as tall) gives up some area rather than outgrow its neighbours' extent.
#: Material Design's product-icon keylines differ by at most 11 % in these measures.
LONG_SIDE_LIMIT = 1.10


@dataclass(frozen=True)
class IconFit:
    scale: float  # canvas units per icon unit
    x: float  # translate applied before the scale
    y: float
    grid: Box  # where the icon's view box lands on the canvas
    ink: Box  # where its ink lands


def fit_icon(body: str, view_box: tuple[float, float, float, float], root_items: tuple[tuple[str, str], ...],
             slot: Box) -> IconFit:
    """The scale and offset that give the icon's ink the set's optical size, centred in ``slot``.

    An icon with no measurable ink falls back to fitting its view box."""
    vx, vy, vw, vh = view_box
    ink = measured_ink(body, view_box, root_items)
    if ink is None:
        ix0, iy0, ix1, iy1 = vx, vy, vx + vw, vy + vh
    else:
        ix0, iy0, ix1, iy1 = ink
    ink_w, ink_h = max(ix1 - ix0, 1e-6), max(iy1 - iy0, 1e-6)
    side = min(slot.width, slot.height)
    optical = OPTICAL_SHARE * side
    scale = min(optical / math.sqrt(ink_w * ink_h), LONG_SIDE_LIMIT * optical / max(ink_w, ink_h))
    centre_x, centre_y = slot.x + slot.width / 2, slot.y + slot.height / 2
    x = centre_x - (ix0 + ink_w / 2) * scale
    y = centre_y - (iy0 + ink_h / 2) * scale
    grid = Box(x + vx * scale, y + vy * scale, vw * scale, vh * scale)
    return IconFit(scale, x, y, grid, Box(x + ix0 * scale, y + iy0 * scale, ink_w * scale, ink_h * scale))


@lru_cache(maxsize=256)
def measured_ink(body: str, view_box: tuple[float, float, float, float],
                 root_items: tuple[tuple[str, str], ...]) -> tuple[float, float, float, float] | None:
    """The icon's ink box (x0, y0, x1, y1) in its own units, measured on a 480 px render."""
    from designer.icon_library.raster import ink_box  # CairoSVG: only when a badge is composed

    return ink_box(body, view_box, dict(root_items))
