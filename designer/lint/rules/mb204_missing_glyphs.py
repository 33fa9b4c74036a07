"""Characters that no configured font can draw.

What
    Composing the badge failed because a text has characters missing from the brand font, its
    fallbacks and the script fallbacks (e.g. Greek or CJK text with a Latin-only font).

Why
    Missing glyphs show as empty boxes ("tofu") or vanish; the badge would say something else.

Example
    ``title: Ωmega Skills`` with Atkinson Hyperlegible (Latin only).

Fix
    Add a ``brand.fallback_fonts`` entry that covers the script, or change the text.
"""

from __future__ import annotations

import sys

from designer.base.errors import MissingGlyphsError

CODE = "MB204"
NAME = "missing-glyphs"
SUMMARY = "Characters no configured font can draw"
SEVERITY = "error"


def check(context):
    error = context.compose_error
    if isinstance(error, MissingGlyphsError):
        yield context.violation(sys.modules[__name__], error.text, location=context.badge_location("title"))
