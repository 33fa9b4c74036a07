"""Alt text or a description too long to be read aloud with the image.

What
    Two texts are read out by screen readers with the badge image (the SVG ``<title>`` and
    ``<desc>``, the PNG *Description*, the Open Badges ``image.caption``):

    - the generated alt text (the tier, the badge title, the issuer) is reported when it is over
      ``ALT_CHARACTERS`` (140) characters — usually because of a very long title or issuer name;
    - the ``description`` is reported when it has more than ``max_description_words`` (default
      80) words: about half a minute of speech, read in one go before the listener can move on.

    The 140 characters follow the Government of Canada's Digital Accessibility Toolkit
    (*Alternative text and long description — best practices*): a text alternative is kept to
    about 125 characters, and an image that needs more than 140 needs a long description
    offered separately, not read with the image.

Why
    Alt text cannot be paused or skimmed: a screen reader reads it in one sequence, and some
    truncate it. A 160-word description makes every badge in a wallet a minute of listening;
    the detail belongs in the criteria (``criteria``), which a reader opens when they want it.

Example
    A 160-word ``description`` listing every assessed station of an OSCE.

Fix
    Say in one or two sentences what the holder can do; move the assessment detail to
    ``criteria``.
"""

from __future__ import annotations

import sys

CODE = "MB603"
NAME = "long-description"
SUMMARY = "Alt text or description too long to be read aloud with the image"
SEVERITY = "warning"
ALT_CHARACTERS = 140


def check(context):
    rule = sys.modules[__name__]
    design = context.design
    if context.tiers and context.tiers[0] is not context:
        return  # the description is the badge's, the same in every tier: once is enough
    words = len(design.description.split())
    limit = context.config.max_description_words
    if words > limit:
        yield context.violation(rule, f"description has {words} words, more than {limit} to be read aloud with the "
                                      f"image; keep it to what the holder can do and move detail to criteria",
                                location=context.badge_location("description"), tier=False)
    alt = max((c.design.alt_text for c in context.tiers or [context]), key=len)  # the longest tier label
    if len(alt) > ALT_CHARACTERS:
        yield context.violation(rule, f"alt text has {len(alt)} characters, more than {ALT_CHARACTERS}: '{alt[:60]}…'",
                                location=context.badge_location("title"), tier=False)
