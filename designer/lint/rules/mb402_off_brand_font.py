"""Text drawn in a font that is not the brand's.

What
    The brand font (``brand.font``) must be one of ``lint.brand_fonts`` when that list is given;
    and every text run must be drawn only in the brand font, its declared ``fallback_fonts`` or
    ``lint.brand_fonts`` — not in a script fallback the engine picked on its own.

Why
    Typeface is part of the brand; a silent fallback also changes the text's size and legibility
    (cap height differs between families).

Example
    ``lint: {brand_fonts: [Inter]}`` with ``brand.font: Atkinson Hyperlegible``; or an Arabic
    subtitle drawn in Noto Sans Arabic with no Arabic fallback declared.

Fix
    Set ``brand.font`` to the brand family; declare the fallbacks you approve in
    ``brand.fallback_fonts``.
"""

from __future__ import annotations

import sys
from dataclasses import replace

CODE = "MB402"
NAME = "off-brand-font"
SUMMARY = "Text in a font that is not the brand's"
SEVERITY = "warning"


def check(context):
    font = context.design.font
    brand_fonts = context.config.brand_fonts
    rule = sys.modules[__name__]
    if brand_fonts is not None and font.family not in brand_fonts:
        yield replace(context.violation(rule, f"font '{font.family}' is not a brand font ({', '.join(brand_fonts)})",
                                        location=context.badge_set.location("brand", "font"), tier=False), badge=None)
    if context.artwork is None:
        return
    approved = {font.family, *font.fallbacks, *(brand_fonts or ())}
    for run in context.artwork.texts:
        for family in run.families:
            if family not in approved:
                yield context.violation(rule, f"{run.slot} '{run.text}' is drawn in '{family}', not a brand font",
                                        location=context.badge_set.location("brand", "font"), tier=False)
