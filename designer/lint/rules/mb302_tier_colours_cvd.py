"""Two tiers of a badge that look alike to colour-blind viewers.

What
    Like MB301, but after simulating protanopia, deuteranopia (Viénot 1999) and tritanopia (Brettel
    1997) with ColorAide's ``filter('protan'|'deutan'|'tritan', out_space='srgb')``: every pair of
    tier colours must still differ by CIEDE2000 ≥ ``tier_min_delta_e`` (default 10).

Why
    About 1 in 12 men has a red-green deficiency. The classic complaint: bronze and gold are the
    same colour to them, so the tier is invisible (Viénot, Brettel & Mollon 1999; Brettel, Viénot & Mollon 1997).

Example
    A red-brown bronze and an olive gold of the same lightness: ΔE2000 ≈ 4 under deuteranopia.

Fix
    Separate the tiers in lightness, not only in hue; keep the non-colour cues (MB304).
"""

from __future__ import annotations

import sys

from designer.lint.tiers import tier_findings

CODE = "MB302"
NAME = "tier-colours-cvd"
SUMMARY = "Two tiers' colours too similar under protan, deutan or tritan simulation"
SEVERITY = "error"
VIEWS = {"protan": "under protanopia", "deutan": "under deuteranopia", "tritan": "under tritanopia"}


def check(context):
    yield from tier_findings(context, sys.modules[__name__], VIEWS)
