"""Tier cues too small to read at the smallest display size.

What
    At the smallest display size (the smaller of ``display_sizes``, default 64 px) a tier must
    still be told by at least one of its non-colour cues:

    - its stars or pips (``tier-pips``, measured on the drawing's ink, each connected shape one
      pip, in a row or on an arc), when each is at least ``min_cue_px`` (default 4 px) across and neighbours are at
      least ``min_gap_px`` (default 1 px) apart, so they can be counted; or
    - its tier label, when its cap height there is at least ``min_cap_height_px`` (default 5 px;
      MB201 judges all text at the text display size, the cue is judged where the tier must
      still be told).

    The badge is reported when it has such cues and none of them is readable at that size; the
    message gives each cue's size. Where the template has a size variant for that size
    (``[small]``: the drawing the build ships there), that drawing is judged, not the master.

    Thresholds: one CSS reference pixel is about 1.3 minutes of arc at arm's length (CSS Values
    and Units, *absolute lengths*: the reference pixel is 0.0213°); 4 px is then about 5 arc minutes, the size of a
    20/20 Snellen letter — the smallest shape whose form a normal eye resolves — and a 1 px gap
    is just above the 1 arc minute a normal eye separates. Text needs about 5 px of cap height
    (Legge & Bigelow, Journal of Vision 11(5), 2011).

Why
    The tier is the badge's second message, and a 64 px thumbnail (Sertifier's icon test) is
    where it is most often seen. There, 26-unit stars 8 units apart become 2.8 px specks under
    1 px apart that merge into a bar, and a 46-unit tier word has 3 px capitals.

Example
    Four 26-unit stars 8 units apart and a 46-unit tier word on a 600 master: 2.77 px stars with
    0.85 px gaps, and 3.3 px capitals, at 64 px.

Fix
    Draw fewer, larger cues (two large stars rather than four small ones, at least 38 units
    with 10-unit gaps on a 600 master), or set the tier word larger.
"""

from __future__ import annotations

import sys

from designer.lint.layers import bounds
from designer.lint.rounding import below

CODE = "MB307"
NAME = "tier-cue-size"
SUMMARY = "No tier cue (stars, pips or tier word) readable at the smallest display size"
SEVERITY = "error"


def pips_of(layers) -> tuple[list[int], list[float]]:
    """:func:`pips` of a drawing's ``tier-pips``, computed once per distinct pips part (the same
    stars recur in every badge of a template and tier)."""
    part = layers.part("tier-pips")
    if part is None:
        return [], []
    key = (layers.root, layers.support, part.source, layers.canvas)
    if key not in _PIPS:
        if len(_PIPS) > 512:
            _PIPS.clear()
        _PIPS[key] = pips(layers.ink("tier-pips"))
    return _PIPS[key]


_PIPS: dict = {}


def pips(ink) -> tuple[list[int], list[float]]:
    """The size (pixels: the smaller side of its box) of each star or pip — each 8-connected part
    of the ink — and the clear pixels between each and its nearest neighbour."""
    import numpy as np

    from designer.lint.layers import bounds, components, gap_px

    parts = [p for p in components(ink) if p.sum() >= 4]  # antialiasing dust is not a pip
    sizes = []
    for part in parts:
        top, left, bottom, right = bounds(part)
        sizes.append(min(bottom - top + 1, right - left + 1))
    gaps = []
    for i, part in enumerate(parts):
        near = [gap_px(part, other, float(ink.shape[0])) for j, other in enumerate(parts) if j != i]
        near = [g for g in near if g is not None]
        if near:
            gaps.append(float(np.min(near)))
    return sizes, gaps


def check(context):
    drawings = context.drawings()
    if not drawings:
        return
    artwork, layers, label, _ = drawings[-1]  # what is shown at the smallest size: the small variant if any
    config = context.config
    display = context.smallest_display_px
    px = display / layers.canvas  # display pixels per canvas unit
    cues, readable = [], False
    sizes, gaps = pips_of(layers)
    if sizes:
        size = layers.units(min(sizes)) * px
        gaps = [layers.units(g) * px for g in gaps]
        big, apart = size >= config.min_cue_px, not gaps or min(gaps) >= config.min_gap_px
        readable |= big and apart
        shown = f"{len(sizes)} star{'s' if len(sizes) > 1 else ''} {(f'{size:.2f}' if big else below(size, 2))} px across"
        shown += f" (needs {config.min_cue_px:g})" if not big else ""
        if gaps:
            gap = min(gaps)
            shown += f", {(f'{gap:.2f}' if apart else below(gap, 2))} px apart" + ("" if apart else f" (needs {config.min_gap_px:g})")
        cues.append(shown)
    tier_label = artwork.text("tier_label")
    if tier_label is not None:
        cap = tier_label.cap_height * px
        ok = cap >= config.min_cap_height_px
        readable |= ok
        cues.append(f"tier label cap height {(f'{cap:.2f}' if ok else below(cap, 2))} px"
                    + ("" if ok else f" (needs {config.min_cap_height_px:g})"))
    if cues and not readable:
        yield context.violation(sys.modules[__name__],
                                f"no tier cue is readable at {display} px{label}: {'; '.join(cues)}",
                                location=context.badge_set.location("tiers"), element="svg/g[@class='tier-pips']")
