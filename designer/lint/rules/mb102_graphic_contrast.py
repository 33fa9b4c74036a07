"""A graphical object that does not stand out from its neighbour (WCAG 2.2 SC 1.4.11).

What
    Every colour pair the artwork reports as ``graphic`` (icon on face, pips, laurel, rim, keyline)
    needs 3:1. An object that meets *two* neighbours — the rim between the dark outer edge and the
    light keyline — is reported as several pairs named ``rim/edge``, ``rim/keyline``; it passes when
    it reaches 3:1 against **at least one** neighbour, because its outline is then visible on that
    side and the shape is distinguishable (SC 1.4.11 asks that the object can be identified, not that
    every edge contrasts). Translucent colours are composited over their backdrop first.

Why
    The icon and the tier ornaments carry the badge's meaning; below 3:1 they fade into the face,
    especially at 64 px and for low-vision users.

Example
    A white icon on a pale sand face: 1.4:1, needs 3:1. A bronze rim that fails against the dark
    edge (2.7:1) but passes against the sand keyline (4.1:1) is fine.

Fix
    Change the role colours so the object reaches 3:1 against its background (or one neighbour).
"""

from __future__ import annotations

import sys

from designer.base.color import GRAPHIC_RATIO, contrast_ratio
from designer.lint.rounding import below
from designer.lint.wcag import WHITE

CODE = "MB102"
NAME = "graphic-contrast"
SUMMARY = "Graphical object below 3:1 against every neighbour (WCAG 1.4.11)"
SEVERITY = "error"
NEEDED = GRAPHIC_RATIO
#: The colour role that paints each graphic the artwork reports (the finding points at it).
ROLES = {"icon": "on-primary", "pips": "accent", "laurel": "accent", "rim": "tier", "keyline": "accent",
         "halo": "halo"}


def check(context):
    if context.artwork is None:
        return
    groups: dict[str, list] = {}
    for pair in context.artwork.pairs:
        if pair.kind == "graphic":
            groups.setdefault(pair.element.split("/")[0], []).append(pair)
    for name, pairs in groups.items():
        ratios = [(contrast_ratio(p.foreground, p.background.over(WHITE)), p) for p in pairs]
        if max(r for r, _ in ratios) >= NEEDED:
            continue
        detail = "; ".join(f"{p.foreground} on {p.background} {below(r, 2)}:1" for r, p in ratios)
        against = "its background" if len(pairs) == 1 else "any neighbour"
        if name.startswith("icon:"):  # a colour the icon's file hard-codes
            where = context.badge_location("icon")
        else:
            where = context.role_location(ROLES.get(name, "primary"))
        yield context.violation(sys.modules[__name__],
                                f"{name} does not reach {NEEDED:g}:1 against {against}: {detail}",
                                location=where, element=f"svg/*[@class='{name}']")
