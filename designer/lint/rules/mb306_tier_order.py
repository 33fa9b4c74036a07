"""Tiers whose rim lightness (in greyscale) or cue ink does not follow their rank.

What
    Walking a badge's tiers from the lowest rank to the highest:

    - the rim's colour (the ``tier`` role) seen in greyscale must get lighter at every step
      (``tier_lightness: rising``, the default) — or darker at every step with
      ``tier_lightness: falling``. Greyscale is the luminance-weighted grey of
      :func:`designer.base.perception.simulate_rgb` (0-255, as an image editor shows it);
    - the ink of the non-colour tier cues on the master (stars, laurel, the double border's
      groove; measured by :mod:`designer.lint.layers`) must not shrink from one tier to the next (by more than 2 %, the measuring
      noise of antialiasing).

    MB303 asks that tiers differ in greyscale; this rule asks that they differ *in order*.

Why
    A tier system is a scale: a reader who sees two badges side by side, or a greyscale print,
    should tell which is higher without a legend. Rim greys running 100 / 233 / 161 / 47 are all
    different, but the order cannot be read, and the first and third are confused. (WCAG 2.2 SC
    1.4.1: colour must not be the only means; lightness is what survives greyscale and every
    colour-vision deficiency.)

Example
    ``four-metals`` with bronze 100, silver 233, gold 161, navy 47 (greys): silver is lighter than
    gold, navy darker than all.

Fix
    Re-order or re-pick the tier colours so their lightness rises with rank (e.g. bronze, steel,
    gold, pale gold), or set ``tier_lightness: falling`` if the scheme darkens deliberately; give
    higher tiers more (or larger) cues, never fewer.
"""

from __future__ import annotations

import sys
from dataclasses import replace

from designer.base.perception import simulate_rgb

CODE = "MB306"
NAME = "tier-order"
SUMMARY = "Rim lightness in greyscale or cue ink not ordered by tier rank"
SEVERITY = "error"
CUE_PARTS = ("tier-pips", "tier-laurel", "rim-groove")


def grey(color) -> int:
    """The 0-255 greyscale value of an opaque colour."""
    return simulate_rgb((color.r, color.g, color.b), "greyscale")[0]


def cue_ink(context) -> float | None:
    """Canvas units² of tier-cue ink on the master (``None`` when it cannot be measured); kept for
    the run, so the top tier reads its lower tiers' figures without drawing them again."""
    key = (CODE, id(context))
    if key not in context.run_cache:
        context.run_cache[key] = _measure_cue_ink(context)
    return context.run_cache[key]


def _measure_cue_ink(context) -> float | None:
    layers = context.layers
    if layers is None:
        return None
    total = sum(float(layers.coverage(name).sum()) for name in CUE_PARTS)
    return total / layers.px_per_unit ** 2


def check(context):
    tiers = context.tiers
    if len(tiers) >= 2:
        cue_ink(context)  # measured while this tier's layers are at hand
    if len(tiers) < 2 or tiers[-1] is not context:  # judged once per badge, from its top tier
        return
    rule = sys.modules[__name__]
    rising = context.config.tier_lightness == "rising"
    greys = [(c.design.tier_id, grey(c.design.color("tier"))) for c in tiers]
    wrong = [(low, high) for low, high in zip(greys, greys[1:]) if (high[1] <= low[1] if rising else high[1] >= low[1])]
    if wrong:
        badge = context.badge_set.model.badges[context.badge_index]
        own = "tier" in badge.roles
        where = context.badge_location("roles", "tier") if own else context.badge_set.location("tiers")
        steps = ", ".join(f"'{low[0]}' {low[1]} → '{high[0]}' {high[1]}" for low, high in wrong)
        found = context.violation(
            rule, f"rim lightness in greyscale does not {'rise' if rising else 'fall'} with rank: "
                  f"{' / '.join(f'{t} {g}' for t, g in greys)} (0-255); out of order: {steps}",
            location=where, element="svg/path[@class='rim']", tier=False)
        yield found if own else replace(found, badge=None)  # a property of the tier scheme
    inks = [(c.design.tier_id, cue_ink(c)) for c in tiers]
    if all(ink is not None for _, ink in inks):
        shrinking = [(low, high) for low, high in zip(inks, inks[1:]) if high[1] < low[1] * 0.98]
        if shrinking:
            steps = ", ".join(f"'{low[0]}' {low[1]:.0f} → '{high[0]}' {high[1]:.0f} units²" for low, high in shrinking)
            yield context.violation(rule, f"tier cues carry less ink at a higher rank: {steps}",
                                    location=context.badge_set.location("tiers"), element="svg", tier=False)
