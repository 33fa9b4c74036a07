"""Script or event handlers in the SVG master.

What
    A ``<script>`` or ``<foreignObject>`` element, an ``on*`` event attribute (``onload``), or a
    ``javascript:`` (or ``vbscript:``) URL in any attribute or ``url(…)`` of the master SVG — read as
    a browser reads it: character references decoded and tabs, newlines and spaces removed, so
    ``java&#x9;script:`` is a script (WHATWG URL standard, basic URL parser).

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

from designer.lint.svgtree import CSS_URL as _URL, elements, local, url_kind

#: Attributes whose value is a URL (or, for animations, a ``;``-separated list of values that may
#: set one: ``<animate attributeName="href" values="javascript:…">``).
_URL_ATTRIBUTES = {"href", "src", "action", "formaction"}
_ANIMATION_VALUES = {"to", "from", "values", "by"}

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
            elif _has_script_url(local(name), value):
                yield path, "javascript: link"
        if local(element.tag) == "style" and element.text and any(url_kind(u) == "script"
                                                                    for u in _URL.findall(element.text)):
            yield path, "javascript: in a style sheet"


def _has_script_url(name: str, value: str) -> bool:
    if name in _URL_ATTRIBUTES and url_kind(value) == "script":
        return True
    if name in _ANIMATION_VALUES and any(url_kind(part) == "script" for part in value.split(";")):
        return True
    return any(url_kind(target) == "script" for target in _URL.findall(value))


def check(context):
    if context.artwork is None:
        return
    for path, what in scripts(context.artwork.svg):
        yield context.violation(sys.modules[__name__], f"{what} in {path}", element=path,
                                location=context.badge_location("template"))
