"""Text that does not fit its slot even at the template's minimum size and line limit.

What
    Composing the badge failed with a text-fit error: the title, subtitle or another text is too
    long for its slot at the smallest allowed size. The linter reports it instead of stopping.
    The template's size variants (``[medium]``, ``[small]``) are composed at the display sizes
    too, since the build draws those PNG sizes from them: a text that fits the master but not a
    variant's slot is reported "in the 96 px drawing".

Why
    The badge cannot be drawn at all; shrinking the text further would also break MB201.

Example
    ``title: Advanced Interprofessional Simulation-Based Teamwork Leadership Practice`` on a
    seal.

Fix
    Shorten the text (put detail in the subtitle or description) or choose a template with a
    wider slot.
"""

from __future__ import annotations

import sys

from designer.base.errors import TextFitError

CODE = "MB203"
NAME = "text-overflow"
SUMMARY = "Text does not fit its slot"
SEVERITY = "error"


def check(context):
    error = context.compose_error
    if isinstance(error, TextFitError):
        yield context.violation(sys.modules[__name__], error.text, location=context.badge_location("title"))
        return
    for px, error in context.variant_errors:
        if isinstance(error, TextFitError):
            yield context.violation(sys.modules[__name__], f"{error.text} (in the {px} px drawing)",
                                    location=context.badge_location("title"))
