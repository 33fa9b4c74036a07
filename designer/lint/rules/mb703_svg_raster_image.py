"""A raster image embedded in the SVG master.

What
    An ``<image>`` element, or a ``data:`` URL of a raster type (PNG, JPEG, GIF, WebP, …) in any
    element or style — ``<feImage href="data:image/png;base64,…">``, a ``<pattern>`` fill, a
    ``url(data:image/jpeg…)`` in a style — in the master.

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

from designer.lint.svgtree import CSS_URL as _URL, elements, local, url_kind

CODE = "MB703"
NAME = "svg-raster-image"
SUMMARY = "SVG embeds a raster image"
SEVERITY = "error"


def rasters(svg: bytes):
    """``(element path, what)`` of every raster the master embeds."""
    for path, element in elements(svg):
        tag = local(element.tag)
        if tag == "image":
            yield path, "raster <image>"
            continue
        values = list(element.attrib.values()) + ([element.text] if tag == "style" and element.text else [])
        for value in values:
            if ":" not in value:  # a data: URL has its colon (character references are decoded by now)
                continue
            if url_kind(value) == "raster" or any(url_kind(u) == "raster" for u in _URL.findall(value)):
                yield path, f"data: raster image in <{tag}>"
                break


def check(context):
    if context.artwork is None:
        return
    for path, what in rasters(context.artwork.svg):
        yield context.violation(sys.modules[__name__], f"{what} in {path}", element=path,
                                location=context.badge_location("template"))
