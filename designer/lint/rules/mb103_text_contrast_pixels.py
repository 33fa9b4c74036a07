"""Text contrast measured on the rendered pixels behind the text, at the display size.

What
    The badge is rendered at the text display size (default 96 px) with its outlined text removed
    (CairoSVG: the pixels behind the text), and the text's coverage is drawn from the same path
    data straight with cairo. At every pixel the text covers at least half of, the text colour is compared with the pixel
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

from designer.base.color import Color
from designer.lint.wcag import display_px, is_large, required_ratio

CODE = "MB103"
NAME = "text-contrast-pixels"
SUMMARY = "Text contrast against the rendered pixels behind it below WCAG at the display size"
SEVERITY = "error"
PERCENTILE = 0.10
MIN_COVERAGE = 0.5


def low_percentile_contrast(coverage, behind, box, fill: Color) -> float | None:
    """The 10th-percentile contrast of ``fill`` against ``behind`` where the text is dense.

    ``coverage`` is the text's alpha (``n×n`` uint8), ``behind`` the opaque pixels behind it
    (``n×n×3`` uint8, already over white); ``box`` is in pixels. Vectorised with numpy, but the
    arithmetic is :func:`designer.base.color.contrast_ratio`'s: WCAG coefficients, no rounding."""
    import numpy as np

    size = coverage.shape[1]
    left, top = max(0, int(box[0])), max(0, int(box[1]))
    right, bottom = min(size, int(box[2]) + 1), min(size, int(box[3]) + 1)
    if right <= left or bottom <= top:
        return None
    dense = coverage[top:bottom, left:right] >= MIN_COVERAGE * 255
    if not dense.any():
        return None
    under = behind[top:bottom, left:right][dense]
    luminance = _luminance(under)
    if fill.opaque:
        text = fill.relative_luminance()
    else:  # composite the translucent text over each pixel first, as contrast_ratio does
        rgb = np.array([fill.r, fill.g, fill.b], dtype=float)
        text = _luminance(np.rint(rgb * fill.alpha + under * (1 - fill.alpha)).astype(np.uint8))
    ratios = np.sort((np.maximum(luminance, text) + 0.05) / (np.minimum(luminance, text) + 0.05))
    return float(ratios[int(PERCENTILE * (len(ratios) - 1))])


def _luminance(rgb):
    """WCAG relative luminance of ``k×3`` uint8 pixels, summed in the same order as ``Color``."""
    linear = _LINEAR[rgb]
    return 0.2126 * linear[:, 0] + 0.7152 * linear[:, 1] + 0.0722 * linear[:, 2]


def _linear_table():
    import numpy as np

    values = np.arange(256) / 255
    return np.where(values <= 0.04045, values / 12.92, ((values + 0.055) / 1.055) ** 2.4)


_LINEAR = _linear_table()


def check(context):
    if context.artwork is None or not context.artwork.texts:
        return
    rasters = context.text_rasters
    if rasters is None:
        return
    scale = context.config.text_display_px / context.artwork.canvas
    level = context.config.wcag
    for run in context.artwork.texts:
        b = run.box
        box = (b.x * scale, b.y * scale, (b.x + b.width) * scale, (b.y + b.height) * scale)
        ratio = low_percentile_contrast(rasters.coverage, rasters.behind, box, run.fill)
        size = display_px(context, run.size)
        needed = required_ratio(size, run.weight, level)
        if ratio is not None and ratio < needed:
            kind = "large text" if is_large(size, run.weight) else "text"
            yield context.violation(
                sys.modules[__name__],
                f"{run.slot} '{run.text}': {int(PERCENTILE * 100)}th-percentile contrast {ratio:.2f}:1 against the "
                f"pixels behind it at {context.config.text_display_px} px; {kind} needs {needed:g}:1 (WCAG {level})",
                element=f"svg/path[@class='text-{run.slot}']")
