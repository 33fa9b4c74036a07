"""A tier told apart from another tier of the badge by colour alone.

What
    The non-colour cues a tier *shows* are counted from the artwork: the tier label (when the
    template has a ``tier_label`` slot), pips (when it has a ``pips`` slot), a double border and a
    laurel (when it has a ``laurel`` slot). A tier is reported when it shows no non-colour cue, or
    exactly the same cues as another tier of the badge.

Why
    WCAG 2.2 SC 1.4.1 (Use of Color, level A): colour must not be the only visual means of
    conveying information. The tier is information.

Example
    A custom tier scheme with ``pips: 0`` everywhere, single borders, and a template without a
    tier label slot.

Fix
    Give each tier distinct ``pips``, ``border`` or ``laurel`` in the tier scheme, or use a
    template that shows the tier label.
"""

from __future__ import annotations

import sys

CODE = "MB304"
NAME = "tier-cue-missing"
SUMMARY = "Tier distinguished by colour alone (WCAG 1.4.1)"
SEVERITY = "error"


def visible_cues(context) -> tuple:
    """The cues a tier's artwork shows, as a comparable tuple (empty when there are none)."""
    slots = context.artwork.template_slots
    cue = context.design.cue
    shown = []
    if "tier_label" in slots:
        shown.append(("label", cue.label))
    if "pips" in slots and cue.pips:
        shown.append(("pips", cue.pips))
    if cue.border == "double":
        shown.append(("border", "double"))
    if "laurel" in slots and cue.laurel:
        shown.append(("laurel", True))
    return tuple(shown)


def check(context):
    if context.artwork is None or context.design.tier_count < 2:
        return
    mine = visible_cues(context)
    if not mine:
        yield context.violation(sys.modules[__name__], f"tier '{context.design.tier_id}' shows no non-colour cue",
                                location=context.badge_set.location("tiers"))
        return
    for lower in context.lower_tiers:
        if lower.artwork is not None and visible_cues(lower) == mine:
            yield context.violation(
                sys.modules[__name__],
                f"tiers '{lower.design.tier_id}' and '{context.design.tier_id}' show the same non-colour cues",
                location=context.badge_set.location("tiers"))
