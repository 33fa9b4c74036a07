"""Text contrast measured on the rendered pixels behind the text, at the display size.

What
    The badge is rendered at the text display size (default 96 px) with its outlined text removed
    (CairoSVG: the pixels behind the text), and the text's coverage is drawn from the same path
    data straight with cairo. At every pixel the text covers at least half of, the text colour is
    compared with the pixel *behind* the text (from the text-less render, composited over white).
    The text is judged **glyph by glyph**: each glyph's 10th-percentile ratio must meet the same
    threshold as MB101 (4.5:1 for small text at AA, 3:1 for large; AAA raises them), so one
    unreadable letter fails the run however well the others read. The finding gives the worst
    glyph and the share of the run's pixels below the threshold. Gradients, overlapping shapes,
    ornaments or a rim that runs under the text are therefore judged as seen, not as the
    template's nominal background colour.

Why
    MB101 trusts the background colour the template declares. When a title on an arc runs over
    the keyline, or a ribbon overlaps the rim, part of the text sits on another colour and may be
    unreadable even though the declared pair passes. A percentile over the whole run hides one
    lost letter (7 % of the pixels); a reader still cannot read the word.

Example
    A title whose last letter crosses from the dark face onto the light sand keyline: that glyph
    at 1.4:1, 7 % of the title's pixels below 4.5:1.

Fix
    Shorten the text or move it into its slot so it stays on one background, or choose colours
    that contrast with every shape the text crosses.
"""

from __future__ import annotations

import re
import sys
from functools import lru_cache

from designer.base.color import Color
from designer.lint.rounding import above, below
from designer.lint.wcag import display_px, is_large, required_ratio

CODE = "MB103"
NAME = "text-contrast-pixels"
SUMMARY = "Text contrast against the rendered pixels behind it below WCAG at the display size"
SEVERITY = "error"
PERCENTILE = 0.10
_TEXT_PATH = re.compile(rb'<path class="text-([^"]*)"[^>]*/>')
MIN_COVERAGE = 0.5


def pixel_ratios(coverage, behind, box, fill: Color):
    """The contrast of ``fill`` against ``behind`` at each pixel of ``box`` the text covers densely
    (a 1-D float array, possibly empty).

    ``coverage`` is the text's alpha (``n×n`` uint8), ``behind`` the opaque pixels behind it
    (``n×n×3`` uint8, already over white); ``box`` is ``(x0, y0, x1, y1)`` in pixels. Vectorised
    with numpy, but the arithmetic is :func:`designer.base.color.contrast_ratio`'s: WCAG
    coefficients, no rounding."""
    import numpy as np

    size = coverage.shape[1]
    left, top = max(0, int(box[0])), max(0, int(box[1]))
    right, bottom = min(size, int(box[2]) + 1), min(size, int(box[3]) + 1)
    if right <= left or bottom <= top:
        return np.zeros(0)
    dense = coverage[top:bottom, left:right] >= MIN_COVERAGE * 255
    if not dense.any():
        return np.zeros(0)
    under = behind[top:bottom, left:right][dense]
    luminance = _luminance(under)
    if fill.opaque:
        text = fill.relative_luminance()
    else:  # composite the translucent text over each pixel first, as contrast_ratio does
        rgb = np.array([fill.r, fill.g, fill.b], dtype=float)
        text = _luminance(np.rint(rgb * fill.alpha + under * (1 - fill.alpha)).astype(np.uint8))
    return (np.maximum(luminance, text) + 0.05) / (np.minimum(luminance, text) + 0.05)


def low_percentile_contrast(coverage, behind, box, fill: Color) -> float | None:
    """The 10th-percentile contrast of ``fill`` against ``behind`` where the text is dense in ``box``."""
    import numpy as np

    ratios = np.sort(pixel_ratios(coverage, behind, box, fill))
    if not len(ratios):
        return None
    return float(ratios[int(PERCENTILE * (len(ratios) - 1))])


def _luminance(rgb):
    """WCAG relative luminance of ``k×3`` uint8 pixels, summed in the same order as ``Color``."""
    linear = _linear_table()[rgb]
    return 0.2126 * linear[:, 0] + 0.7152 * linear[:, 1] + 0.0722 * linear[:, 2]


@lru_cache(maxsize=1)
def _linear_table():
    """The 256 linearised sRGB levels (made on first use: importing the rule loads no numpy)."""
    import numpy as np

    values = np.arange(256) / 255
    return np.where(values <= 0.04045, values / 12.92, ((values + 0.055) / 1.055) ** 2.4)


def check(context):
    if context.artwork is None or not context.artwork.texts:
        return
    rasters = context.text_rasters
    if rasters is None:
        return
    import numpy as np

    from designer.lint.textmask import UnsupportedPath, glyph_boxes

    scale = context.config.text_display_px / context.artwork.canvas
    level = context.config.wcag
    paths = {m.group(1).decode(): m.group(0) for m in _TEXT_PATH.finditer(context.artwork.svg)}
    for run in context.artwork.texts:
        b = run.box
        size = display_px(context, run.size)
        needed = required_ratio(size, run.weight, level)
        everything = pixel_ratios(rasters.coverage, rasters.behind,
                                  (b.x * scale, b.y * scale, (b.x + b.width) * scale, (b.y + b.height) * scale),
                                  run.fill)
        if not len(everything) or everything.min() >= needed:
            continue  # no pixel of the run falls short: no glyph can
        try:
            glyphs = glyph_boxes(paths.get(run.slot, b""))
        except UnsupportedPath:
            glyphs = []
        glyphs = glyphs or [(b.x, b.y, b.x + b.width, b.y + b.height)]
        worst, worst_index = None, 0
        for index, (x0, y0, x1, y1) in enumerate(glyphs):
            ratio = low_percentile_contrast(rasters.coverage, rasters.behind,
                                            (x0 * scale, y0 * scale, x1 * scale, y1 * scale), run.fill)
            if ratio is not None and (worst is None or ratio < worst):
                worst, worst_index = ratio, index
        if worst is None or worst >= needed:
            continue
        share = float(np.mean(everything < needed))
        kind = "large text" if is_large(size, run.weight) else "text"
        which = f"glyph {worst_index + 1} of {len(glyphs)}" if len(glyphs) > 1 else "the run"
        yield context.violation(
            sys.modules[__name__],
            f"{run.slot} '{run.text}': {which} has {int(PERCENTILE * 100)}th-percentile contrast {below(worst, 2)}:1 "
            f"against the pixels behind it at {context.config.text_display_px} px, {above(share * 100, 0)} % of the "
            f"text's pixels are below {needed:g}:1; {kind} needs {needed:g}:1 (WCAG {level})",
            element=f"svg/path[@class='text-{run.slot}']")
