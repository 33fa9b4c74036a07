"""Text colour against its background below the WCAG contrast minimum.

What
    Every text run (title, subtitle, tier label, issuer mark) is measured against the colour it is
    drawn on, with the WCAG 2.2 contrast ratio. The threshold depends on the text's size *at the
    display size* (``display_sizes.text``, default 96 px): text is large when it is at least 24 px,
    or 18.67 px (14 pt) and bold. AA (SC 1.4.3) needs 4.5:1, or 3:1 for large text; AAA (SC 1.4.6,
    ``wcag: AAA``) needs 7:1 and 4.5:1. Translucent colours are composited over their backdrop first
    (a translucent background over white); ratios are never rounded (4.499 fails 4.5).

Why
    A 600 px master shown at 96 px scales a 60-unit title to 9.6 px: small text, so the 4.5:1 rule
    applies even though the master text looks big. Low-contrast text is unreadable for people with
    low vision and on phone screens in daylight.

Example
    A sand title (``#f2d49b``) on a gold face (``#dc9f14``): 1.6:1, needs 4.5:1.

Fix
    Change the palette's ``on-primary`` / ``on-tier`` role (or the badge's ``roles``) to a colour
    with enough contrast, e.g. ``ink`` on light faces and ``white`` on dark ones. The finding
    points at the line that sets the text's colour role (the badge's or the tier's ``roles``, the
    tier scheme, the brand's ``roles``, else the brand palette) and names the roles.
"""

from __future__ import annotations

import sys

from designer.base.color import contrast_ratio
from designer.lint.rounding import below
from designer.lint.wcag import WHITE, display_px, is_large, required_ratio

CODE = "MB101"
NAME = "text-contrast"
SUMMARY = "Text contrast below WCAG 1.4.3 (AA) or 1.4.6 (AAA) at the display size"
SEVERITY = "error"

def check(context):
    if context.artwork is None:
        return
    level = context.config.wcag
    for run in context.artwork.texts:
        size = display_px(context, run.size)
        needed = required_ratio(size, run.weight, level)
        background = run.background.over(WHITE)
        ratio = contrast_ratio(run.fill, background)
        if ratio < needed:
            kind = "large text" if is_large(size, run.weight) else "text"
            slot = context.design.template.text_slots[run.slot]
            yield context.violation(
                sys.modules[__name__],
                f"{run.slot} '{run.text}' {run.fill} ('{slot.fill_role}') on {background} ('{slot.background_role}'): "
                f"contrast {below(ratio, 2)}:1, {kind} at {size:.1f} px needs {needed:g}:1 (WCAG {level})",
                location=context.role_location(slot.fill_role), element=f"svg/path[@class='text-{run.slot}']")
