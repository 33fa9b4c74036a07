"""Two tiers of a badge whose tier colours are too similar in normal colour vision.

What
    For every pair of tiers of the same badge, the tier colours (the ``tier`` role: the rim, the
    tails) must differ by CIEDE2000 ΔE ≥ ``tier_min_delta_e`` (default 10, the working threshold
    of colour-blind checkers). The finding is reported on the higher tier of the pair, once for
    the tier scheme (or per badge when a badge overrides the ``tier`` role).

Why
    The tier is the badge's message: a learner must see at once whether it is bronze or gold.
    ΔE2000 below about 10 is "the same colour" at thumbnail size.

Example
    Silver ``#c0c0c0`` and platinum ``#d0d0d8``: ΔE2000 ≈ 5.

Fix
    Give the tiers colours further apart in lightness (which also survives MB302 and MB303).
"""

from __future__ import annotations

import sys
from dataclasses import replace
from functools import lru_cache

from designer.color import Color

CODE = "MB301"
NAME = "tier-colours-similar"
SUMMARY = "Two tiers' colours closer than the ΔE2000 minimum"
SEVERITY = "error"


@lru_cache(maxsize=65536)
def delta_e(a: Color, b: Color, view: str | None = None) -> float:
    """CIEDE2000 between ``a`` and ``b`` as seen under ``view``: None, protan, deutan, tritan, grayscale.

    Cached: a badge set has a handful of tier and palette colours, compared for every design."""
    return seen_as(a, view).delta_e(seen_as(b, view), method="2000")


@lru_cache(maxsize=4096)
def seen_as(color: Color, view: str | None = None):
    """``color`` as a ColorAide colour, after the ``view`` simulation (``filter(..., out_space='srgb')``).

    Treat the result as read-only: it is cached and shared."""
    simulated = color.to_coloraide()
    return simulated if view is None else simulated.filter(view, out_space="srgb")


def tier_findings(context, rule, views: dict[str | None, str]):
    """Violations for each lower tier whose colour is too close to this tier's under some view."""
    mine = context.design.color("tier")
    minimum = context.config.tier_min_delta_e
    badge = context.badge_set.model.badges[context.badge_index]
    own_colours = "tier" in badge.roles  # else the colours come from the tier scheme: one finding for all badges
    where = context.badge_location("roles", "tier") if own_colours else context.badge_set.location("tiers")
    for lower in context.lower_tiers:
        theirs = lower.design.color("tier")
        close = [(label, delta_e(mine, theirs, view)) for view, label in views.items()]
        close = [(label, d) for label, d in close if d < minimum]
        if close:
            shown = ", ".join(f"ΔE2000 {d:.1f} {label}" for label, d in close)
            violation = context.violation(
                rule, f"tier '{context.design.tier_id}' {mine} and tier '{lower.design.tier_id}' {theirs} "
                      f"are too similar: {shown} (needs {minimum:g})", location=where)
            yield violation if own_colours else replace(violation, badge=None)


def check(context):
    yield from tier_findings(context, sys.modules[__name__], {None: "in normal vision"})
