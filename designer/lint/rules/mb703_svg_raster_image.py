"""A raster image embedded in the SVG master.

What
    An ``<image>`` element (an embedded PNG/JPEG, even as a ``data:`` URI) in the master.

Why
    The master must stay vector: raster parts blur when the badge is scaled to 680 px, bloat the
    file, and cannot be recoloured per tier or checked for contrast by this linter.

Example
    A template that places the school crest as ``<image href="data:image/png;base64,…"/>``.

Fix
    Import the artwork as an SVG icon (``medbadge icons import``) or redraw it as paths.
"""

from __future__ import annotations

import sys

from designer.lint.svgtree import elements, local

CODE = "MB703"
NAME = "svg-raster-image"
SUMMARY = "SVG embeds a raster image"
SEVERITY = "error"


def check(context):
    if context.artwork is None:
        return
    for path, element in elements(context.artwork.svg):
        if local(element.tag) == "image":
            yield context.violation(sys.modules[__name__], f"raster <image> in {path}", element=path,
                                    location=context.badge_location("template"))
