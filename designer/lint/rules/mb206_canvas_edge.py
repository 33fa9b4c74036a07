"""Artwork cut by the canvas edge, or touching it at the smallest display size.

What
    The composed master is drawn on a grid that reaches 50 units past every canvas edge
    (:mod:`designer.lint.layers`). Artwork painted outside the canvas is *clipped*: the image
    cuts it off (reported with how far it runs out and which parts do). Artwork inside the
    canvas but closer to its edge than ``min_canvas_margin_px`` (default 1 px) at the smallest
    display size (``display_sizes``: the smaller of text and icon, default 64 px; 9.4 units on a
    600 master) *touches* the edge: at that size it paints the image's outermost pixel row. A
    template's size variants (``[medium]``, ``[small]``: the drawings shipped at 96 and 64 px)
    are judged too, each at the display size it is drawn for.

Why
    A PNG is a rectangle: whatever runs past the canvas is lost, and a shape that reaches the last
    pixel row looks cut flat in a list of badges, where the next image starts at that pixel. Icon
    grids keep a clear border for this reason (Lucide: at least 1 px of padding on its 24 px
    grid; Material Design system icons: 2 dp padding on 24 dp).

Example
    Rosette tails that end at y = 620 on a 600-unit canvas: clipped by 20 units at the bottom.

Fix
    Keep every part, outlines and strokes included, at least 1 px of the smallest display size
    inside the canvas: shorten the tails, or shrink the silhouette in the template.
"""

from __future__ import annotations

import sys

from designer.lint.layers import INK, PAD_PX, WORK_PX, bounds
from designer.lint.rounding import above, below

CODE = "MB206"
NAME = "canvas-edge"
SUMMARY = "Artwork clipped by the canvas edge, or touching it at the smallest display size"
SEVERITY = "error"


def _overshoot(box) -> dict[str, int]:
    """Pixels of ``box`` (top, left, bottom, right) past each canvas side it crosses."""
    top, left, bottom, right = box
    far = PAD_PX + WORK_PX - 1
    sides = {"top": PAD_PX - top, "left": PAD_PX - left, "bottom": bottom - far, "right": right - far}
    return {side: px for side, px in sides.items() if px > 0}


def check(context):
    for drawing in context.drawings():
        yield from _judge(context, drawing.layers, drawing.label, drawing.px)


def _judge(context, layers, label: str, display: int):
    rule = sys.modules[__name__]
    box = bounds(layers.artwork_alpha >= INK)
    if box is None:
        return
    where = context.badge_location("template")
    outside = _overshoot(box)
    if outside:
        parts = [p for p in dict.fromkeys(layers.names())
                 if (b := bounds(layers.ink(p))) is not None and _overshoot(b)]
        runs = ", ".join(f"{above(layers.units(px), 0)} units past the {side}" for side, px in outside.items())
        more = " or more" if max(outside.values()) >= PAD_PX else ""
        yield context.violation(
            rule, f"artwork is clipped by the canvas{label}: {', '.join(parts) or 'the artwork'} "
                  f"run{'s' if len(parts) == 1 else ''} out ({runs}{more})", location=where, element="svg")
        return
    margins = _margins(layers.artwork_alpha)
    side, margin_px = min(margins.items(), key=lambda item: item[1])
    margin = layers.units(margin_px)
    needed = context.display_units(context.config.min_canvas_margin_px, layers.canvas, display)
    if margin < needed:
        yield context.violation(
            rule, f"artwork touches the canvas edge{label}: {below(margin, 1)} units clear at the {side} "
                  f"({below(margin * display / layers.canvas, 2)} px at {display} px), needs "
                  f"{context.config.min_canvas_margin_px:g} px ({needed:.1f} units)",
            location=where, element="svg")


def _margins(alpha) -> dict[str, float]:
    """Clear pixels between the artwork and each canvas side, to a fraction of a pixel: each row
    (column) on the way in adds what its most-covered pixel leaves clear, up to the first fully
    covered one."""
    import numpy as np

    inside = alpha[PAD_PX:PAD_PX + WORK_PX, PAD_PX:PAD_PX + WORK_PX]
    profiles = {"top": inside.max(axis=1), "bottom": inside.max(axis=1)[::-1],
                "left": inside.max(axis=0), "right": inside.max(axis=0)[::-1]}
    found = {}
    for side, profile in profiles.items():
        solid = np.flatnonzero(profile >= 0.999)
        stop = int(solid[0]) if len(solid) else len(profile)
        found[side] = float((1 - profile[:stop]).sum())
    return found
