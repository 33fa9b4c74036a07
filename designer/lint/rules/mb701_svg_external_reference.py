"""An SVG master that refers to something outside itself.

What
    An ``href`` / ``xlink:href`` that is not a same-document fragment (``#id``), or a ``url(...)``
    in an attribute or style that is not a fragment, e.g. ``https://…``, ``file:…`` or a
    relative path.

Why
    Badge images are copied into LMS, wallets and e-mails; external references break (the image
    looks different everywhere), leak the viewer's IP to a third party, and are blocked by
    sanitizers. Open Badges images must be self-contained.

Example
    ``<use href="https://cdn.example/logo.svg#mark"/>`` in a custom template.

Fix
    Inline the referenced artwork into the template, or use an icon from the icon library.
"""

from __future__ import annotations

import sys

from designer.lint.svgtree import CSS_URL as _URL, elements, local, url_kind

CODE = "MB701"
NAME = "svg-external-reference"
SUMMARY = "SVG refers to an external resource"
SEVERITY = "error"


def external_references(svg: bytes):
    """``(element path, target)`` of every reference that leaves the document. Inline ``data:``
    URLs are not external (a ``data:`` raster is MB703's) and script URLs are MB702's."""
    for path, element in elements(svg):
        for name, value in element.attrib.items():
            if local(name) == "href" and value.strip() and url_kind(value) == "external":
                yield path, value
            for target in _URL.findall(value):
                if target.strip() and url_kind(target) == "external":
                    yield path, target
        if local(element.tag) == "style" and element.text:
            for target in _URL.findall(element.text):
                if url_kind(target) == "external":
                    yield path, target
            if "@import" in element.text:
                yield path, "@import"


def check(context):
    if context.artwork is None:
        return
    for path, target in external_references(context.artwork.svg):
        yield context.violation(sys.modules[__name__], f"external reference '{target[:80]}' in {path}", element=path,
                                location=context.badge_location("template"))
