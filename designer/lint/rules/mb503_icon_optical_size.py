"""An icon that looks bigger, smaller or heavier than the other icons of the set.

What
    Each badge's icon is measured on the composed master's ink (:mod:`designer.lint.layers`):
    its ink box (the drawn extent, not the 24-unit grid it sits on) and its ink area. Across the
    badges linted together, the median of each measure is the set's optical size. An icon is
    reported when

    - the geometric mean of its ink box's sides (its *optical size*), or the box's longer side,
      departs from the set's median by more than ``icon_size_tolerance`` (default 15 %), or
    - its ink area is under half or over twice the median (it reads much lighter or heavier).

    The 15 % follows the keyline shapes of Material Design's system-icon grid (24 dp): a circle
    of 20, a square of 18 and 16 × 20 rectangles look the same size and differ by at most 11 %
    in these measures; the rest is room for antialiasing. A set of fewer than three badges has
    no median to judge against.

Why
    Badges are seen side by side, in a wallet or a list of ten. An icon that fills less of its
    badge than its neighbours (a wide handshake fitted to the width, 11 px tall where the others
    are 16-18 px at 96 px) reads as a less important badge, or as a mistake.

Example
    A handshake whose ink box is 131 × 88 units where the set's icons are about 110 units: its
    longer side is 17 % over the median.

Fix
    Redraw or refit the icon to the set's live area (the icon's ink box, not its grid), or give
    wide icons a taller drawing.
"""

from __future__ import annotations

import math
import statistics
import sys

from designer.lint.layers import bounds
from designer.lint.rounding import above, below

CODE = "MB503"
NAME = "icon-optical-size"
SUMMARY = "Icon ink box or ink area far from the set's median"
SEVERITY = "warning"
MIN_SET = 3


def measures(context) -> tuple[float, float, float] | None:
    """``(optical size, longer side, ink area)`` of the icon in canvas units, or ``None`` (kept for
    the run: each badge's icon is measured once)."""
    key = (CODE, id(context))
    if key not in context.run_cache:
        context.run_cache[key] = _measure(context)
    return context.run_cache[key]


def _measure(context):
    # The set median measures every badge before most have run their rules: fresh layers, not
    # ``context.layers``, so the run does not hold every badge's rasters until it reaches them.
    layers = context.fresh_layers()
    if layers is None:
        return None
    box = bounds(layers.ink("icon"))
    if box is None:
        return None
    width, height = layers.units(box[3] - box[1] + 1), layers.units(box[2] - box[0] + 1)
    area = float(layers.coverage("icon").sum()) / layers.px_per_unit ** 2
    return math.sqrt(width * height), max(width, height), area


def _set_medians(context):
    if CODE not in context.run_cache:
        context.run_cache[CODE] = _medians(context)
    return context.run_cache[CODE]


def _medians(context):
    firsts = {id(c.tiers[0] if c.tiers else c): (c.tiers[0] if c.tiers else c) for c in context.run or [context]}
    found = [m for m in (measures(c) for c in firsts.values()) if m is not None]
    if len(found) < MIN_SET:
        return None
    return tuple(statistics.median(m[i] for m in found) for i in range(3))


def check(context):
    if context.tiers and context.tiers[0] is not context:  # one finding per badge: the icon is the same in every tier
        return
    mine = measures(context)
    if mine is None:
        return
    medians = _set_medians(context)
    if medians is None:
        return
    tolerance = context.config.icon_size_tolerance
    optical, longer, area = mine
    problems = []
    for label, value, median in (("optical size", optical, medians[0]), ("longer side", longer, medians[1])):
        off = value / median - 1
        if abs(off) > tolerance:
            problems.append(f"{label} {value:.0f} units is {above(abs(off) * 100, 0)} % "
                            f"{'over' if off > 0 else 'under'} the set's median {median:.0f}")
    if area < medians[2] / 2 or area > medians[2] * 2:
        ratio = area / medians[2]
        shown = above(ratio, 2) if ratio > 1 else below(ratio, 2)
        problems.append(f"ink area {area:.0f} units² is {shown}× the set's median {medians[2]:.0f} "
                        f"(keep within ½× to 2×)")
    if problems:
        icon = context.artwork.icon.name
        yield context.violation(sys.modules[__name__],
                                f"icon '{icon}' looks out of scale with the set: {'; '.join(problems)} "
                                f"(tolerance {tolerance:.0%})", location=context.badge_location("icon"),
                                element="svg/g[@class='icon']", tier=False)
