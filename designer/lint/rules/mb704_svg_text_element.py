"""Live ``<text>`` in the SVG master instead of outlined paths.

What
    A ``<text>``, ``<tspan>`` or ``<textPath>`` element in the master.

Why
    medbadge outlines all text with HarfBuzz so the badge looks the same everywhere. A live text
    element is drawn in whatever font the viewer has — other widths, overflow, tofu — and none of
    the legibility checks (MB201, MB103) measured it.

Example
    A custom template with ``<text x="300" y="560">{{ issuer }}</text>``.

Fix
    Put the text in a text slot of the template so the engine fits and outlines it.
"""

from __future__ import annotations

import sys

from designer.lint.svgtree import elements, local

CODE = "MB704"
NAME = "svg-text-element"
SUMMARY = "SVG has un-outlined <text>"
SEVERITY = "error"


def check(context):
    if context.artwork is None:
        return
    for path, element in elements(context.artwork.svg):
        if local(element.tag) in ("text", "tspan", "textPath"):
            words = "".join(element.itertext()).strip()
            message = f"un-outlined <{local(element.tag)}> '{words[:40]}' in {path}"
            yield context.violation(sys.modules[__name__], message, element=path,
                                    location=context.badge_location("template"))
