"""WCAG 2.2 thresholds for text and graphics, shared by the contrast rules (MB101-MB103) and the card checks.

"Large scale" text is at least 18 point, or 14 point and bold (WCAG 2.2, definition of *large
scale*; 1 pt = 96/72 CSS px). Text needs 4.5:1 at AA (SC 1.4.3) and 7:1 at AAA (SC 1.4.6); large
text needs 3:1 and 4.5:1. Graphical objects need 3:1 (SC 1.4.11: ``designer.base.color.GRAPHIC_RATIO``,
which resolve and palette derivation use too).
"""

from __future__ import annotations

from designer.base.color import Color

LARGE_PX = 18 * 96 / 72  # 18 pt = 24 px
LARGE_BOLD_PX = 14 * 96 / 72  # 14 pt = 18.67 px
#: A translucent background is composited over the page, which is white unless told otherwise.
WHITE = Color(255, 255, 255)


def is_large(size_px: float, weight: int) -> bool:
    """WCAG "large scale" text at ``size_px`` CSS pixels.

    >>> is_large(24, 400), is_large(18.7, 700), is_large(18.6, 700), is_large(20, 400)
    (True, True, False, False)
    """
    return size_px >= LARGE_PX or (weight >= 700 and size_px >= LARGE_BOLD_PX)


def required_ratio(size_px: float, weight: int, level: str) -> float:
    """The contrast text of this size and weight needs at ``level`` (AA or AAA)."""
    large = is_large(size_px, weight)
    if level == "AAA":
        return 4.5 if large else 7.0
    return 3.0 if large else 4.5


def display_px(context, canvas_units: float) -> float:
    """A length on the master (canvas units) in CSS px at the text display size."""
    return canvas_units * context.config.text_display_px / context.artwork.canvas
