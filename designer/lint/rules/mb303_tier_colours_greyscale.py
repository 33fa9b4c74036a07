"""Two tiers of a badge that look alike in greyscale.

What
    Like MB301, after converting both tier colours to greyscale (ColorAide
    ``filter('grayscale', out_space='srgb')``): the pair must differ by CIEDE2000 ≥
    ``tier_min_delta_e`` (default 10).

Why
    Badges are printed on certificates in black and white, shown on e-ink, and seen by people
    with achromatopsia. Silver ``#c0c0c0`` and gold ``#ffd700`` are only ΔE2000 ≈ 6 apart in grey.

Example
    Silver ``#c0c0c0`` and gold ``#ffd700`` on adjacent tiers.

Fix
    Make the tier colours differ in lightness (darker bronze, lighter silver).
"""

from __future__ import annotations

import sys

from designer.lint.tiers import tier_findings

CODE = "MB303"
NAME = "tier-colours-greyscale"
SUMMARY = "Two tiers' colours too similar in greyscale"
SEVERITY = "error"


def check(context):
    yield from tier_findings(context, sys.modules[__name__], {"greyscale": "in greyscale"})
