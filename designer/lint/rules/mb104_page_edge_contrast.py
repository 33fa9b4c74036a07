"""A badge whose outline fades into the page it is shown on (WCAG 2.2 SC 1.4.11).

What
    The badge is rendered without its text (:mod:`designer.lint.layers`) and laid on each page
    background in ``page_backgrounds`` (default white ``#ffffff`` and ``#121212``, the dark
    surface of Material Design's dark theme). Along the badge's outline, the painted colour must
    reach 3:1 against the page — or, if the outermost colour does not, a ring just inside it (an
    outer keyline) must: every point of the outline needs a pixel at 3:1 within
    ``min_gap_px`` (default 1 px) of the smallest display size (9.4 units on a 600 master at
    64 px). The badge is reported for a page where more than 5 % of its outline has none.

Why
    The silhouette is how a badge is recognised in a list or a wallet, and pages are white or
    dark. SC 1.4.11 asks 3:1 for graphical objects against adjacent colours: here the adjacent
    colour is the page. A navy rim on a dark page, or a pale silver on white, leaves the badge a
    floating face with no edge.

Example
    A ``#06252c`` outer edge and a ``#1b2a4a`` navy rim on ``#121212``: 1.2:1 and 1.3:1; the
    sand keyline that would reach 3:1 is 37 units inside the outline.

Fix
    Give the palette an outer ring (``halo``) that reaches 3:1 on both pages, or tier colours
    that do; or set ``page_backgrounds`` to the pages the badges are really shown on.
"""

from __future__ import annotations

import sys

from designer.base.color import Color, contrast_ratio
from designer.lint.layers import INK, dilate, edge_pixels, luminance
from designer.lint.rounding import above, below
from designer.base.color import GRAPHIC_RATIO

CODE = "MB104"
NAME = "page-edge-contrast"
SUMMARY = "Badge outline below 3:1 against a light or dark page (WCAG 1.4.11)"
SEVERITY = "error"
LOST_SHARE = 0.05


def check(context):
    layers = context.layers
    if layers is None:
        return
    import numpy as np

    ink = layers.composite_alpha >= round(INK * 255)
    if not ink.any():
        return
    edge = edge_pixels(ink)
    if not len(edge):  # ink everywhere on the grid (art far past the canvas, MB206's): no outline
        return
    outline = np.zeros_like(ink)
    outline[edge[:, 0], edge[:, 1]] = True
    reach = max(1, round(context.display_units(context.config.min_gap_px, layers.canvas) * layers.px_per_unit))
    band = dilate(outline, reach + 1) & ink  # only pixels near the outline matter: measure only those
    rows, cols = np.nonzero(band)
    band_rgb, band_alpha = layers.colours((rows, cols))
    band_alpha = band_alpha[:, None]
    solid = band_alpha[:, 0] > 0.99
    on_outline = outline[rows, cols]
    for page_text in context.config.page_backgrounds:
        page = Color.parse(page_text)
        seen = band_rgb * band_alpha + np.array([page.r, page.g, page.b]) * (1 - band_alpha)
        lum = luminance(seen)
        page_lum = page.relative_luminance()
        ratio = (np.maximum(lum, page_lum) + 0.05) / (np.minimum(lum, page_lum) + 0.05)
        good = np.zeros_like(ink)
        good[rows[solid & (ratio >= GRAPHIC_RATIO)], cols[solid & (ratio >= GRAPHIC_RATIO)]] = True
        lost = on_outline & ~dilate(good, reach)[rows, cols]
        share = lost.sum() / on_outline.sum()
        if share <= LOST_SHARE:
            continue
        lost_grid = np.zeros_like(ink)
        lost_grid[rows[lost], cols[lost]] = True
        near = dilate(lost_grid, 2)[rows, cols] & solid & (ratio < GRAPHIC_RATIO)  # what paints where it fades
        colour = _most_common(seen[near] if near.any() else seen[lost])
        yield context.violation(
            sys.modules[__name__],
            f"on a {page} page the badge's outline fades for {above(share * 100, 0)} % of its length: the outer "
            f"colour {colour} is {below(contrast_ratio(colour, page), 2)}:1 and no colour within "
            f"{layers.units(reach):.1f} units of the edge reaches {GRAPHIC_RATIO:g}:1 (WCAG 1.4.11)",
            location=context.badge_set.location("brand", "palette"), element="svg")


def _most_common(pixels) -> Color:
    import numpy as np

    packed = np.rint(pixels).astype(np.int64) @ np.array([65536, 256, 1])
    values, counts = np.unique(packed, return_counts=True)
    top = int(values[counts.argmax()])
    return Color(top >> 16, (top >> 8) & 255, top & 255)
