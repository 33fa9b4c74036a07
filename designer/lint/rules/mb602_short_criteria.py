"""Criteria too short to say how the badge is earned.

What
    ``criteria`` has fewer than ``min_criteria_words`` words (default 5).

Why
    Open Badges requires criteria; a verifier (an employer, a residency programme) needs to know
    how the award was assessed, not just that it exists.

Example
    ``criteria: Pass the exam.``

Fix
    Say how it is assessed and by whom: "Directly observed examinations rated by two tutors".
"""

from __future__ import annotations

import sys

CODE = "MB602"
NAME = "short-criteria"
SUMMARY = "Criteria missing or too short"
SEVERITY = "warning"


def check(context):
    words = len(context.design.criteria.split())
    if words < context.config.min_criteria_words:
        yield context.violation(sys.modules[__name__],
                                f"criteria has {words} words; say how the badge is assessed "
                                f"(at least {context.config.min_criteria_words} words)",
                                location=context.badge_location("criteria"), tier=False)
