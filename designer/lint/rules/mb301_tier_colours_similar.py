"""Two tiers of a badge whose tier colours are too similar in normal colour vision.

What
    For every pair of tiers of the same badge, the tier colours (the ``tier`` role: the rim, the
    tails) must differ by CIEDE2000 ΔE ≥ ``tier_min_delta_e`` (default 10, the working threshold
    of colour-blind checkers). The finding is reported on the higher tier of the pair, once for
    the tier scheme (or per badge when a badge overrides the ``tier`` role).

Why
    The tier is the badge's message: a learner must see at once whether it is bronze or gold.
    ΔE2000 below about 10 is "the same colour" at thumbnail size.

Example
    Silver ``#c0c0c0`` and platinum ``#d0d0d8``: ΔE2000 ≈ 5.

Fix
    Give the tiers colours further apart in lightness (which also survives MB302 and MB303).
"""

from __future__ import annotations

import sys

from designer.lint.tiers import tier_findings

CODE = "MB301"
NAME = "tier-colours-similar"
SUMMARY = "Two tiers' colours closer than the ΔE2000 minimum"
SEVERITY = "error"


def check(context):
    yield from tier_findings(context, sys.modules[__name__], {"normal": "in normal vision"})
