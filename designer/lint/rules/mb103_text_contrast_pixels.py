"""Text contrast measured on the rendered pixels behind the text, at the display size.

What
    The badge is rendered at the text display size (default 96 px) with CairoSVG twice: with its
    outlined text removed (the pixels behind the text), and the text alone (its coverage). At every
    pixel the text covers at least half of, the text colour is compared with the pixel
    *behind* the text (from the text-less render, composited over white). The 10th-percentile
    ratio must meet the same threshold as MB101 (4.5:1 for small text at AA, 3:1 for large; AAA
    raises them). Gradients, overlapping shapes, ornaments or a rim that runs under the text are
    therefore judged as seen, not as the template's nominal background colour.

Why
    MB101 trusts the background colour the template declares. When a title on an arc runs over
    the keyline, or a ribbon overlaps the rim, part of the text sits on another colour and may be
    unreadable even though the declared pair passes.

Example
    A title that crosses from the dark face onto the light sand keyline: 10% of its pixels are on
    sand at 1.3:1.

Fix
    Shorten the text or move it into its slot so it stays on one background, or choose colours
    that contrast with every shape the text crosses.
"""

from __future__ import annotations

import sys

from designer.color import Color, contrast_ratio
from designer.lint.rules.mb101_text_contrast import display_px, is_large, required_ratio

CODE = "MB103"
NAME = "text-contrast-pixels"
SUMMARY = "Text contrast against the rendered pixels behind it below WCAG at the display size"
SEVERITY = "error"
PERCENTILE = 0.10
MIN_COVERAGE = 0.5


def low_percentile_contrast(mask, behind, box, fill: Color) -> float | None:
    """The 10th-percentile contrast of ``fill`` against ``behind`` where ``mask`` (text coverage) is dense."""
    size = mask.width
    left, top = max(0, int(box[0])), max(0, int(box[1]))
    right, bottom = min(size, int(box[2]) + 1), min(size, int(box[3]) + 1)
    if right <= left or bottom <= top:
        return None
    crop = (left, top, right, bottom)
    ratios = sorted(contrast_ratio(fill, _over_white(under))
                    for covered, under in zip(_pixels(mask.crop(crop)), _pixels(behind.crop(crop)))
                    if covered[3] >= MIN_COVERAGE * 255)
    if not ratios:
        return None
    return ratios[int(PERCENTILE * (len(ratios) - 1))]


def _pixels(image):
    """RGBA tuples of an RGBA image, row by row."""
    data = image.tobytes()
    return zip(*[iter(data)] * 4)


def _over_white(rgba) -> Color:
    r, g, b, a = rgba
    return Color(r, g, b, a / 255).over(Color(255, 255, 255))


def check(context):
    if context.artwork is None or not context.artwork.texts:
        return
    mask, behind = context.text_mask, context.raster_without_text
    if mask is None or behind is None:
        return
    scale = context.config.text_display_px / context.artwork.canvas
    level = context.config.wcag
    for run in context.artwork.texts:
        b = run.box
        box = (b.x * scale, b.y * scale, (b.x + b.width) * scale, (b.y + b.height) * scale)
        ratio = low_percentile_contrast(mask, behind, box, run.fill)  # composited per pixel
        size = display_px(context, run.size)
        needed = required_ratio(size, run.weight, level)
        if ratio is not None and ratio < needed:
            kind = "large text" if is_large(size, run.weight) else "text"
            yield context.violation(
                sys.modules[__name__],
                f"{run.slot} '{run.text}': {int(PERCENTILE * 100)}th-percentile contrast {ratio:.2f}:1 against the "
                f"pixels behind it at {context.config.text_display_px} px; {kind} needs {needed:g}:1 (WCAG {level})",
                element=f"svg/path[@class='text-{run.slot}']")
