"""Text whose cap height is too small to read at the smallest display size.

What
    For each text run, the cap height (canvas units, from the font) is scaled to the text display
    size (``display_sizes.text``, default 96 px, the project's smallest thumbnail): cap height × 96
    / 600. Below ``min_cap_height_px`` (default 5 px) the run is reported. Where the template
    draws a size variant for the text display size (``[medium]``: the 96 px thumbnail, with its
    own type sizes), that drawing's texts are measured too, at that size.

Why
    Badges are shown as thumbnails: 90-110 px in LMS and Credly lists. Spot text whose capitals are
    under ~5 px on screen is not reliably readable (Legge & Bigelow, "Does print size matter for reading?", Journal of Vision 11(5), 2011).

Example
    A 40-character title shrunk to 28 units: cap height 18.7 units → 3.0 px at 96 px.

Fix
    Shorten the title (move words to the subtitle or the description), or pick a template whose
    title slot has more room.
"""

from __future__ import annotations

import sys

from designer.lint.rounding import below

CODE = "MB201"
NAME = "cap-height"
SUMMARY = "Text cap height below the minimum at the smallest display size"
SEVERITY = "error"


def check(context):
    if context.artwork is None:
        return
    minimum = context.config.min_cap_height_px
    shown = [(context.artwork, context.config.text_display_px, "")]
    shown += [(d.artwork, d.px, d.label) for d in context.variants]
    for artwork, px, label in shown:
        px_per_unit = px / artwork.canvas
        for run in artwork.texts:
            cap = run.cap_height * px_per_unit
            if cap < minimum:
                yield context.violation(
                    sys.modules[__name__],
                    f"{run.slot} '{run.text}'{label}: cap height {below(cap, 2)} px at {px} px display, "
                    f"needs {minimum:g} px", element=f"svg/path[@class='text-{run.slot}']")
