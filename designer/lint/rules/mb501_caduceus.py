"""The caduceus used on a medical badge.

What
    The badge's icon is the caduceus (two snakes, wings), the emblem of Hermes.

Why
    The symbol of medicine is the rod of Asclepius: one snake on a staff, no wings. The caduceus
    stands for commerce and messengers; its use for medicine is a well-known error that medical
    audiences notice (Friedlander, *The Golden Wand of Medicine*, 1992; Wilcox & Whitham, Annals of Internal Medicine 138(8), 2003).

Example
    ``icon: caduceus`` on a pharmacology badge.

Fix
    Use ``icon: rod-of-asclepius``.
"""

from __future__ import annotations

import sys


CODE = "MB501"
NAME = "caduceus"
SUMMARY = "Caduceus used for medicine; use the rod of Asclepius"
SEVERITY = "warning"


def check(context):
    icon = context.design.icon
    if icon.emblem == "caduceus":
        yield context.violation(sys.modules[__name__],
                                f"icon '{icon.name}' is the caduceus (Hermes, commerce); use 'rod-of-asclepius' "
                                f"for medicine", location=context.badge_location("icon"), tier=False)
