"""Script or event handlers in the SVG master.

What
    A ``<script>`` or ``<foreignObject>`` element, an ``on*`` event attribute (``onload``), or a
    ``javascript:`` link in the master SVG.

Why
    Badge images are displayed by third parties; script in an image is an XSS vector, is stripped
    or rejected by badge platforms, and has no place in artwork.

Example
    ``<svg onload="track()">`` in a custom template.

Fix
    Remove the script from the template; badges are static images.
"""

from __future__ import annotations

import sys

from designer.lint.svgtree import elements, local

CODE = "MB702"
NAME = "svg-script"
SUMMARY = "SVG contains script or event handlers"
SEVERITY = "error"


def scripts(svg: bytes):
    for path, element in elements(svg):
        if local(element.tag) in ("script", "foreignObject"):
            yield path, f"<{local(element.tag)}> element"
        for name, value in element.attrib.items():
            if local(name).lower().startswith("on"):
                yield path, f"event attribute {local(name)}"
            elif "javascript:" in value.replace(" ", "").lower():
                yield path, "javascript: link"


def check(context):
    if context.artwork is None:
        return
    for path, what in scripts(context.artwork.svg):
        yield context.violation(sys.modules[__name__], f"{what} in {path}", element=path,
                                location=context.badge_location("template"))
