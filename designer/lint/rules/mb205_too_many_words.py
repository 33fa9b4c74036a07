"""A title or subtitle with too many words for a badge.

What
    The title and the subtitle each have at most ``max_title_words`` words (default 6).

Why
    Badge text is read at a glance on a 96 px thumbnail; long titles shrink to illegible sizes or
    wrap onto arcs. Detail belongs in the description and criteria.

Example
    ``title: Safe and Effective Prescribing in Hospital and Community Settings`` (9 words).

Fix
    Keep the title to the skill's name; move the rest to ``subtitle`` or ``description``.
"""

from __future__ import annotations

import sys

CODE = "MB205"
NAME = "too-many-words"
SUMMARY = "Title or subtitle longer than the word limit"
SEVERITY = "warning"


def check(context):
    limit = context.config.max_title_words
    for key in ("title", "subtitle"):
        text = getattr(context.design, key)
        words = len(text.split()) if text else 0
        if words > limit:
            yield context.violation(sys.modules[__name__], f"{key} has {words} words, at most {limit}",
                                    location=context.badge_location(key), tier=False)
