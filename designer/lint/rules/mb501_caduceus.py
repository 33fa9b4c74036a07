"""The caduceus used on a medical badge.

What
    The badge's icon is the caduceus (two snakes, wings), the emblem of Hermes.

Why
    The symbol of medicine is the rod of Asclepius: one snake on a staff, no wings. The caduceus
    stands for commerce and messengers; its use for medicine is a well-known error that medical
    audiences notice (reference/FACTS.md §5).

Example
    ``icon: caduceus`` on a pharmacology badge.

Fix
    Use ``icon: rod-of-asclepius``.
"""

from __future__ import annotations

import sys

from designer import icon_library

CODE = "MB501"
NAME = "caduceus"
SUMMARY = "Caduceus used for medicine; use the rod of Asclepius"
SEVERITY = "warning"


def check(context):
    icon = icon_library.get(context.design.icon, context.design.icon_paths)
    if icon.emblem == "caduceus":
        yield context.violation(sys.modules[__name__],
                                f"icon '{icon.name}' is the caduceus (Hermes, commerce); use 'rod-of-asclepius' "
                                f"for medicine", location=context.badge_location("icon"), tier=False)
