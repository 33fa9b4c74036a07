"""Tier colour comparisons shared by the tier rules (MB301-MB303): one badge's tiers, pair by pair."""

from __future__ import annotations

from dataclasses import replace

from designer.base.perception import delta_e
from designer.lint.rounding import below


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
            shown = ", ".join(f"ΔE2000 {below(d, 1)} {label}" for label, d in close)
            violation = context.violation(
                rule, f"tier '{context.design.tier_id}' {mine} and tier '{lower.design.tier_id}' {theirs} "
                      f"are too similar: {shown} (needs {minimum:g})", location=where)
            yield violation if own_colours else replace(violation, badge=None)
