"""A colour that is not in the brand palette.

What
    Every resolved role colour of a design (from brand, tier or badge ``roles`` overrides) must be
    within ``palette_tolerance`` (default ΔE2000 2) of a colour of the brand palette
    (``brand.palette``). The finding points at the override that brought the colour in.

    Then every colour the composed SVG master paints is read back — each ``fill``, ``stroke``,
    ``stop-color`` (gradient stops), ``flood-color``, ``lighting-color`` and ``color``, as
    attributes, in ``style`` attributes and in ``<style>`` sheets — and each that is neither a
    palette colour nor a resolved role colour (within the tolerance) is reported once per
    design, with the element that paints it: a colour a user template or an icon file hard-codes
    bypasses the roles and would otherwise never be checked.

Why
    Brand teams approve palettes, including their contrast and colour-blind checks. A one-off hex
    in a badge bypasses that review and drifts from the brand.

Example
    ``roles: {accent: "#ff00ff"}`` on a badge of the harbour palette; a user template with
    ``<stop offset="1" stop-color="#c21f6a"/>`` in a gradient.

Fix
    Use a palette colour name (``roles: {accent: sand}``), or add the colour to the palette; in a
    template, paint with the role colours the template is given instead of a literal.
"""

from __future__ import annotations

import re
import sys
from dataclasses import replace
from functools import lru_cache


from designer.base.color import Color
from designer.base.perception import delta_e
from designer.lint.rounding import above
from designer.lint.svgtree import elements, local

CODE = "MB401"
NAME = "off-palette-colour"
SUMMARY = "Colour not in the brand palette"
SEVERITY = "warning"


def check(context):
    yield from _svg_findings(context)
    model = context.badge_set.model
    allowed = tuple(color for _, color in context.design.palette_colors)
    badge = model.badges[context.badge_index]
    for role, color in context.design.colors:
        nearest = _nearest(color, allowed)
        if nearest <= context.config.palette_tolerance:
            continue
        if role in badge.roles:
            where, scope = context.badge_location("roles", role), {}
        elif role in model.brand.roles:
            where, scope = context.badge_set.location("brand", "roles", role), {"badge": None}
        else:
            where, scope = context.badge_set.location("tiers"), {}
        violation = context.violation(
            sys.modules[__name__],
            f"role '{role}' is {color}, not a colour of palette '{context.design.palette_name}' (nearest ΔE2000 {above(nearest, 1)})",
            location=where, tier=False)
        if scope:
            violation = replace(violation, **scope)
        yield violation


@lru_cache(maxsize=4096)
def _nearest(colour: Color, allowed: tuple[Color, ...]) -> float:
    """The CIEDE2000 distance from ``colour`` to the closest of ``allowed`` (99 when there is none):
    the same roles and palette recur on every design of a set, so each pair is compared once."""
    return min((delta_e(colour, c) for c in allowed), default=99.0)


PAINTS = ("fill", "stroke", "stop-color", "flood-color", "lighting-color", "color")
_DECLARATION = re.compile(r"(?<![\w-])(fill|stroke|stop-color|flood-color|lighting-color|color)\s*:\s*([^;}!]+)")
_NOT_A_COLOUR = {"none", "currentcolor", "transparent", "inherit", "initial", "unset", "context-fill",
                 "context-stroke"}


def painted_colours(svg: bytes):
    """``(colour, property, element path, top-level class)`` for every colour the master paints."""
    tops: dict[str, str] = {}
    for path, element in elements(svg):
        depth = path.count("/")
        if depth == 1:
            tops[path] = (element.get("class") or "").split(" ")[0]
        top = tops.get("/".join(path.split("/")[:2]), "") if depth >= 1 else ""
        found = [(local(k), v) for k, v in element.attrib.items() if local(k) in PAINTS]
        found += _DECLARATION.findall(element.get("style", ""))
        if local(element.tag) == "style" and element.text:
            found += _DECLARATION.findall(element.text)
        for prop, value in found:
            value = value.strip()
            if not value or value.lower() in _NOT_A_COLOUR or value.lower().startswith("url("):
                continue
            try:
                yield Color.parse(value), prop, path, top
            except ValueError:
                continue


def _svg_findings(context):
    if context.artwork is None:
        return
    tolerance = context.config.palette_tolerance
    allowed = [c for _, c in context.design.palette_colors] + [c for _, c in context.design.colors]
    opaque_allowed = tuple(Color(c.r, c.g, c.b) for c in allowed)
    exact = {c.hex for c in allowed}
    reported: set[str] = set()
    for colour, prop, path, top in painted_colours(context.artwork.svg):
        opaque = Color(colour.r, colour.g, colour.b)
        if opaque.hex in reported or opaque.hex in exact:
            continue
        nearest = _nearest(opaque, opaque_allowed)
        if nearest <= tolerance:
            continue
        reported.add(opaque.hex)
        from_icon = top == "icon"
        source = f"icon '{context.design.icon.name}'" if from_icon else f"template '{context.design.template.name}'"
        yield context.violation(
            sys.modules[__name__],
            f"{source} paints {opaque.hex} ({prop} of {path}), not a colour of palette "
            f"'{context.design.palette_name}' (nearest ΔE2000 {above(nearest, 1)})",
            location=context.badge_location("icon" if from_icon else "template"), element=path)
