"""A badge description that is too short to say what the badge recognises.

What
    ``description`` has fewer than ``min_description_words`` words (default 5), or only repeats
    the title.

Why
    The description becomes the Open Badges ``description``, the SVG ``<desc>`` and part of the
    image's alt text. Screen-reader users and employers read it instead of the artwork.

Example
    ``description: History taking.``

Fix
    Write one sentence on what the holder can do: "Takes a complete, patient-centred history".
"""

from __future__ import annotations

import sys

CODE = "MB601"
NAME = "short-description"
SUMMARY = "Description missing, too short or only the title"
SEVERITY = "warning"


def check(context):
    text = context.design.description.strip()
    words = len(text.split())
    if words < context.config.min_description_words or text.rstrip(".").lower() == context.design.title.lower():
        yield context.violation(sys.modules[__name__],
                                f"description has {words} words; say what the holder can do "
                                f"(at least {context.config.min_description_words} words)",
                                location=context.badge_location("description"), tier=False)
