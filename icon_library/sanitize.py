"""Reduce a parsed, untrusted SVG to the drawing subset icons use: an allow-list, not a deny-list.

Two kinds of content are treated differently, on purpose:

* **hostile** content — anything that runs code, loads something or hides a second document:
  ``<script>``, ``on*`` event handlers, ``javascript:`` URLs, ``<foreignObject>``, ``<image>`` and
  embedded rasters (``data:``), ``<use>`` (it pulls in content by reference, possibly external),
  links, animation (``<set>`` can rewrite an ``href`` after sanitizing), any ``href`` that is not a
  local ``#id``, CSS ``url()`` to anything but ``#id``, ``@import`` and backslash escapes (which
  could spell either past a text check). A file holding any of these is *refused* as a whole: it
  was not made as a plain icon, and silently repairing it would hide that.
* **harmless noise** — editor metadata, ``<title>``, ``<defs>``, gradients, classes, ids, simple
  ``style`` declarations. It is *dropped* (``style`` fill/stroke declarations become attributes), and
  every drop is listed in :attr:`CleanSVG.dropped` so the importer can tell the user.

What survives is ``g, path, circle, ellipse, rect, line, polyline, polygon`` with geometry,
``transform`` and presentation attributes only. The checks run over the *whole* tree, including
parts that would be dropped, so nothing hostile can hide in a ``<metadata>`` block.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field

from designer.icon_library import bounds
from designer.icon_library.markup import SVG_NS, local_name, namespace
from designer.icon_library.model import ROOT_PRESENTATION_ATTRIBUTES
from designer.icon_library.safe_xml import refuse

SHAPE_ATTRIBUTES: dict[str, frozenset[str]] = {
    "g": frozenset(),
    "path": frozenset({"d"}),
    "circle": frozenset({"cx", "cy", "r"}),
    "ellipse": frozenset({"cx", "cy", "rx", "ry"}),
    "rect": frozenset({"x", "y", "width", "height", "rx", "ry"}),
    "line": frozenset({"x1", "y1", "x2", "y2"}),
    "polyline": frozenset({"points"}),
    "polygon": frozenset({"points"}),
}
PRESENTATION = frozenset(ROOT_PRESENTATION_ATTRIBUTES)
COMMON_ATTRIBUTES = PRESENTATION | {"transform"}

# local element name (lower case) -> (reason code, why it is refused)
REFUSED_ELEMENTS: dict[str, tuple[str, str]] = {
    "script": ("script", "a <script> element (an icon must not run code)"),
    "handler": ("script", "a <handler> element (an icon must not run code)"),
    "listener": ("script", "a <listener> element (an icon must not run code)"),
    "foreignobject": ("foreign-object", "a <foreignObject> (it embeds HTML or other documents)"),
    "image": ("raster-image", "an <image> (linked or embedded raster images are not icons)"),
    "feimage": ("raster-image", "an <feImage> filter (it loads images)"),
    "use": ("use", "a <use> element (it pulls in content by reference; convert it to plain shapes)"),
    "a": ("link", "an <a> link"),
    "iframe": ("foreign-object", "an <iframe>"),
    "embed": ("foreign-object", "an <embed>"),
    "object": ("foreign-object", "an <object>"),
    "audio": ("foreign-object", "an <audio> element"),
    "video": ("foreign-object", "a <video> element"),
    "canvas": ("foreign-object", "a <canvas> element"),
    "animate": ("animation", "an <animate> element (animation can rewrite attributes after checking)"),
    "animatemotion": ("animation", "an <animateMotion> element"),
    "animatetransform": ("animation", "an <animateTransform> element"),
    "animatecolor": ("animation", "an <animateColor> element"),
    "set": ("animation", "a <set> element (it can rewrite attributes after checking)"),
    "discard": ("animation", "a <discard> element"),
}
_SCRIPTISH = re.compile(r"(javascript|vbscript)\s*:|expression\s*\(", re.IGNORECASE)
# a colour CairoSVG parses without raising: #rgb, #rgba, #rrggbb, #rrggbbaa, a name, or rgb()/hsl() with
# three (rgb, hsl, hsla) or four (rgba, hsl, hsla) comma-separated numbers ("rgb(,,,)" or "rgb(1.2.3,0,0)" made CairoSVG raise ValueError)
_COMPONENT = r"\s*[+-]?(?:\d{1,9}(?:\.\d{0,9})?|\.\d{1,9})%?\s*"
_PLAIN_PAINT = re.compile(rf"^(?:#(?:[0-9a-fA-F]{{3,4}}|[0-9a-fA-F]{{6}}|[0-9a-fA-F]{{8}})|[a-zA-Z]{{1,40}}"
                          rf"|(?:rgb|hsla?)\({_COMPONENT}(?:,{_COMPONENT}){{2}}\)"
                          rf"|(?:rgba|hsla?)\({_COMPONENT}(?:,{_COMPONENT}){{3}}\))$")
_FIX_PLAIN = "export the icon again as plain shapes (in Inkscape: Save As > Plain SVG)"


@dataclass
class CleanSVG:
    """The drawing left after sanitizing: root attributes and children, plus what was dropped."""

    root_attributes: dict[str, str]
    children: list[ET.Element]
    view_box: tuple[float, float, float, float] | None
    width: str | None = None
    height: str | None = None
    dropped: list[str] = field(default_factory=list)

    def note(self, text: str) -> None:
        if text not in self.dropped:
            self.dropped.append(text)


def sanitize(root: ET.Element, source: str) -> CleanSVG:
    """Refuse hostile content anywhere in ``root``, then copy only allow-listed parts."""
    if local_name(root.tag) != "svg" or namespace(root.tag) not in (SVG_NS, ""):
        raise refuse(source, "not-svg", f"the root element is <{local_name(str(root.tag))}>, not <svg>",
                     "give the path of an SVG file")
    for element in root.iter():
        check_element(element, source)
    attributes = merged_attributes(root, source)
    clean = CleanSVG(
        root_attributes={k: v for k, v in attributes.items() if k in PRESENTATION},
        children=[],
        view_box=parse_view_box(attributes.get("viewBox"), source),
        width=attributes.get("width"),
        height=attributes.get("height"),
    )
    for key in attributes:
        if key not in PRESENTATION and key not in ("viewBox", "width", "height", "style"):
            clean.note(f"attribute '{key}' on <svg>")
    for child in root:
        kept = _copy_allowed(child, clean, source)
        if kept is not None:
            clean.children.append(kept)
    _plain_root_stroke_width(clean, source)
    drawing_box = clean.view_box or bounds.size_view_box(clean.width, clean.height, source)
    bounds.check_bounds(clean.root_attributes, clean.children, drawing_box, source)
    return clean


def _plain_root_stroke_width(clean: CleanSVG, source: str) -> None:
    """The root stroke-width is read as a plain number when the icon is placed on a badge: ``2px``
    becomes ``2`` (the same length); anything else that is not a plain number is refused."""
    text = clean.root_attributes.get("stroke-width")
    if text is None:
        return
    plain = text.strip().removesuffix("px").strip()
    if not bounds.is_plain_number(plain):
        raise refuse(source, "bad-number", f'its <svg> stroke-width="{text[:40]}" is not a plain number',
                     'write the stroke width on the <svg> element as a number, e.g. stroke-width="2"')
    if plain != text:
        clean.root_attributes["stroke-width"] = plain
        clean.note(f"unit of the root stroke-width '{text[:20]}' (now {plain})")


def check_element(element: ET.Element, source: str) -> None:
    """Raise if this one element is hostile (its tag, any attribute, or its CSS text)."""
    if not isinstance(element.tag, str):  # comments and PIs kept by a custom tree builder
        return
    name = local_name(element.tag).lower()
    if name in REFUSED_ELEMENTS:
        reason, what = REFUSED_ELEMENTS[name]
        raise refuse(source, reason, f"it contains {what}", _FIX_PLAIN)
    for key, value in element.attrib.items():
        attribute = local_name(key).lower()
        if attribute.startswith("on"):
            raise refuse(source, "event-handler", f"<{name}> has an event handler '{attribute}=' (it runs code)",
                         "delete the on... attributes")
        if attribute == "href" and not value.strip().startswith("#"):
            raise refuse(source, "external-href", f"<{name}> refers to '{value[:60]}' (only local #id references are allowed)",
                         "embed the artwork as shapes instead of linking it")
        check_css_text(value, source, f"attribute '{attribute}' of <{name}>")
    if name == "style":
        check_css_text(element.text or "", source, "a <style> element")


def check_css_text(text: str, source: str, where: str) -> None:
    """Refuse script URLs, ``@import`` and any ``url()`` that is not a local ``#id``."""
    if "\\" in text:  # CSS escapes could spell url( or @import past every check below
        raise refuse(source, "css-escape", f"{where} contains a backslash escape",
                     "write values plainly; icons need no escaped characters")
    if _SCRIPTISH.search(text):
        raise refuse(source, "script", f"{where} holds a script URL or CSS expression", "delete it")
    if "@import" in text.lower():
        raise refuse(source, "css-import", f"{where} uses CSS @import (it loads an external stylesheet)",
                     "delete the @import rule")
    target = first_non_local_url(text)
    if target is not None:
        raise refuse(source, "css-url", f"{where} uses url({target}) (an external or embedded resource)",
                     "use a plain colour; the library makes every colour currentColor")


def first_non_local_url(text: str) -> str | None:
    """The start (up to 60 characters) of the first ``url(...)`` not pointing at a local ``#id``.

    One linear pass: a regular expression with a lazy ``.*?`` took quadratic time on
    ``url(url(url(...`` (12 s for 40 kB). Only the opening of each ``url(`` is read — spaces, an
    optional quote, spaces — so an unclosed ``url(`` is judged like a closed one.

    >>> first_non_local_url("fill:url( '#g1' );stroke:URL( 'http://x/a.svg')")
    'http://x/a.svg'
    >>> first_non_local_url("fill:url(#g1)") is None
    True
    """
    lowered, position, n = text.lower(), 0, len(text)
    while (start := lowered.find("url(", position)) >= 0:
        i = start + 4
        while i < n and text[i].isspace():
            i += 1
        if i < n and text[i] in "'\"":
            i += 1
            while i < n and text[i].isspace():
                i += 1
        if i >= n or text[i] != "#":
            end = text.find(")", i, i + 60)
            return text[i: end if end >= 0 else i + 60].strip().rstrip("'\"").strip()
        position = start + 4
    return None


def merged_attributes(element: ET.Element, source: str) -> dict[str, str]:
    """The element's attributes by local name, with ``style`` declarations folded in (CSS wins)."""
    attributes = {local_name(k): v.strip() for k, v in element.attrib.items() if namespace(k) in ("", SVG_NS)}
    for declaration in attributes.get("style", "").split(";"):
        prop, _, value = declaration.partition(":")
        prop, value = prop.strip().lower(), value.replace("!important", "").strip()
        if prop and value:
            attributes[prop] = value
    attributes.pop("style", None)
    return attributes


def _copy_allowed(element: ET.Element, clean: CleanSVG, source: str) -> ET.Element | None:
    if not isinstance(element.tag, str):
        return None
    name = local_name(element.tag)
    if namespace(element.tag) not in (SVG_NS, "") or name not in SHAPE_ATTRIBUTES:
        clean.note(f"<{name}> element")
        return None
    attributes = merged_attributes(element, source)
    if attributes.get("display") == "none" or attributes.get("visibility") == "hidden":
        clean.note("hidden elements")
        return None
    allowed = SHAPE_ATTRIBUTES[name] | COMMON_ATTRIBUTES
    kept = {}
    for key, value in attributes.items():
        if key not in allowed:
            clean.note(f"attribute '{key}'")
        elif key in ("fill", "stroke") and value.lower().startswith("url("):
            kept[key] = "currentColor"  # gradients/patterns are not kept, so their paint cannot be either
            clean.note("gradient or pattern paint (now currentColor)")
        elif key in ("fill", "stroke") and not _PLAIN_PAINT.match(value):
            kept[key] = "currentColor"  # var(), context-fill(), icc-color(): nothing we can resolve
            clean.note(f"unrecognised paint '{value[:40]}' (now currentColor)")
        else:
            kept[key] = value
    copy = ET.Element(f"{{{SVG_NS}}}{name}", kept)
    if name == "g":
        for child in element:
            child_copy = _copy_allowed(child, clean, source)
            if child_copy is not None:
                copy.append(child_copy)
    elif len(element):
        clean.note(f"children of <{name}>")
    return copy


def parse_view_box(text: str | None, source: str) -> tuple[float, float, float, float] | None:
    """``"0 0 24 24"`` -> ``(0.0, 0.0, 24.0, 24.0)``; ``None`` when absent; refuse when malformed.

    >>> parse_view_box("0,0 512 512", "x.svg")
    (0.0, 0.0, 512.0, 512.0)
    """
    if text is None:
        return None
    return bounds.parse_view_box_numbers(text, source)
