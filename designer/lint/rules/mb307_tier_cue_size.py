"""Tier cues too small to read at the smallest display size.

What
    At the smallest display size (the smaller of ``display_sizes``, default 64 px) a tier must
    still be told by at least one of its non-colour cues:

    - its stars or pips (``tier-pips``, measured on the master's ink, one per run of inked
      columns), when each is at least ``min_cue_px`` (default 4 px) across and neighbours are at
      least ``min_gap_px`` (default 1 px) apart, so they can be counted; or
    - its tier label, when its cap height there is at least ``min_cap_height_px`` (default 5 px;
      MB201 judges all text at the text display size, the cue is judged where the tier must
      still be told).

    The badge is reported when it has such cues and none of them is readable at that size; the
    message gives each cue's size.

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


def pip_runs(ink) -> list[tuple[int, int, int]]:
    """``(first column, last column, height in rows)`` of each run of inked columns."""
    import numpy as np

    columns = ink.any(axis=0)
    runs, start = [], None
    for x, inked in enumerate(np.append(columns, False)):
        if inked and start is None:
            start = x
        elif not inked and start is not None:
            box = bounds(ink[:, start:x])
            runs.append((start, x - 1, box[2] - box[0] + 1))
            start = None
    return runs


def check(context):
    layers = context.layers
    if layers is None:
        return
    config = context.config
    display = context.smallest_display_px
    px = display / layers.canvas  # display pixels per canvas unit
    cues, readable = [], False
    runs = pip_runs(layers.ink("tier-pips"))
    if runs:
        size = layers.units(min(min(last - first + 1, height) for first, last, height in runs)) * px
        gaps = [layers.units(b[0] - a[1] - 1) * px for a, b in zip(runs, runs[1:])]
        big, apart = size >= config.min_cue_px, not gaps or min(gaps) >= config.min_gap_px
        readable |= big and apart
        shown = f"{len(runs)} star{'s' if len(runs) > 1 else ''} {(f'{size:.2f}' if big else below(size, 2))} px across"
        shown += f" (needs {config.min_cue_px:g})" if not big else ""
        if gaps:
            gap = min(gaps)
            shown += f", {(f'{gap:.2f}' if apart else below(gap, 2))} px apart" + ("" if apart else f" (needs {config.min_gap_px:g})")
        cues.append(shown)
    label = context.artwork.text("tier_label")
    if label is not None:
        cap = label.cap_height * px
        ok = cap >= config.min_cap_height_px
        readable |= ok
        cues.append(f"tier label cap height {(f'{cap:.2f}' if ok else below(cap, 2))} px"
                    + ("" if ok else f" (needs {config.min_cap_height_px:g})"))
    if cues and not readable:
        yield context.violation(sys.modules[__name__],
                                f"no tier cue is readable at {display} px: {'; '.join(cues)}",
                                location=context.badge_set.location("tiers"), element="svg/g[@class='tier-pips']")
