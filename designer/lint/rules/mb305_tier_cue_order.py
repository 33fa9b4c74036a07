"""A higher tier with fewer non-colour cues than a lower one.

What
    Each tier's cue count (:attr:`designer.design.TierCue.count`: the label, plus pips, a double
    border, a laurel) must not go down as the rank goes up.

Why
    Cues are read as "more is higher": a distinguished badge with fewer stars than an advanced one
    reads as the lower award, whatever its colour.

Example
    ``advanced`` with 3 pips and a double border, ``distinguished`` with 0 pips and a single border.

Fix
    Order the cues in the tier scheme so each tier has at least the cues of the one below.
"""

from __future__ import annotations

import sys
from dataclasses import replace

CODE = "MB305"
NAME = "tier-cue-order"
SUMMARY = "Higher tier shows fewer non-colour cues than a lower tier"
SEVERITY = "warning"


def check(context):
    mine = context.design.cue
    for lower in context.lower_tiers:
        theirs = lower.design.cue
        if mine.count < theirs.count or mine.pips < theirs.pips:
            yield replace(context.violation(
                sys.modules[__name__],
                f"tier '{context.design.tier_id}' (rank {mine.rank}, {mine.count} cues, {mine.pips} pips) shows fewer "
                f"cues than '{lower.design.tier_id}' (rank {theirs.rank}, {theirs.count} cues, {theirs.pips} pips)",
                location=context.badge_set.location("tiers")), badge=None)  # a property of the scheme
