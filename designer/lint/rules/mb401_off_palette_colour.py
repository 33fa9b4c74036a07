"""A colour that is not in the brand palette.

What
    Every resolved role colour of a design (from brand, tier or badge ``roles`` overrides) must be
    within ``palette_tolerance`` (default ΔE2000 2) of a colour of the brand palette
    (``brand.palette``). The finding points at the override that brought the colour in.

Why
    Brand teams approve palettes, including their contrast and colour-blind checks. A one-off hex
    in a badge bypasses that review and drifts from the brand.

Example
    ``roles: {accent: "#ff00ff"}`` on a badge of the harbour palette.

Fix
    Use a palette colour name (``roles: {accent: sand}``), or add the colour to the palette.
"""

from __future__ import annotations

import sys
from dataclasses import replace

from designer.base.perception import delta_e
from designer.lint.rounding import above

CODE = "MB401"
NAME = "off-palette-colour"
SUMMARY = "Colour not in the brand palette"
SEVERITY = "warning"


def check(context):
    model = context.badge_set.model
    allowed = [color for _, color in context.design.palette_colors]
    badge = model.badges[context.badge_index]
    for role, color in context.design.colors:
        nearest = min((delta_e(color, c) for c in allowed), default=99.0)
        if nearest <= context.config.palette_tolerance:
            continue
        if role in badge.roles:
            where, scope = context.badge_location("roles", role), {}
        elif role in model.brand.roles:
            where, scope = context.badge_set.location("brand", "roles", role), {"badge": None}
        else:
            where, scope = context.badge_set.location("tiers"), {}
        violation = context.violation(
            sys.modules[__name__],
            f"role '{role}' is {color}, not a colour of palette '{context.design.palette_name}' (nearest ΔE2000 {above(nearest, 1)})",
            location=where, tier=False)
        if scope:
            violation = replace(violation, **scope)
        yield violation
