"""Lay a text into a template slot (box or arc) and return its outline path and facts."""

from __future__ import annotations

from dataclasses import dataclass

from designer.base.color import Color
from designer.design import Design
from designer.base.errors import MedbadgeError, TextFitError
from designer.base.geometry import Arc, Box
from designer.text.fit import FittedText, fit_text_to_arc, fit_text_to_box
from designer.text.outlines import arc_path, line_path
from designer import templates
from designer.compose import ornaments
from designer.compose.paint import Paint

SLOT_NAMES = {"title": "title", "subtitle": "subtitle", "tier_label": "tier label", "issuer_mark": "issuer mark"}


@dataclass(frozen=True)
class LaidText:
    slot: str
    text: str
    fitted: FittedText
    d: str
    ink: Box
    room: Box
    on_arc: bool
    ribbon_markup: str = ""


def lay_out(design: Design, slot: templates.TextSlot, text: str, colors: dict[str, Color]) -> LaidText:
    """Fit ``text`` into ``slot`` and outline it; errors name the badge, tier and slot."""
    stack = design.font_stack(slot.weight)
    what = f"the {SLOT_NAMES.get(slot.name, slot.name)} of badge '{design.badge_id}' ({design.template.name} template)"
    try:
        if slot.arc is not None:
            arc = Arc(**slot.arc)
            fitted = fit_text_to_arc(text, stack, arc, max_size=slot.max_size, min_size=slot.min_size, what=what)
            d, ink = arc_path(fitted.lines[0], fitted.size, arc)
            room = Box(arc.cx - arc.radius - fitted.size, arc.cy - arc.radius - fitted.size,
                       2 * (arc.radius + fitted.size), 2 * (arc.radius + fitted.size))
            return LaidText(slot.name, text, fitted, d, ink, room, True)
        box = Box(*slot.box)
        ribbon_markup = ""
        room = box
        if slot.ribbon:
            # the ribbon crosses the silhouette, so its edge is the badge's halo: 3:1 on any page
            edge = colors.get("halo", colors["tier-edge"])
            ribbon_markup = ornaments.ribbon(box, slot.notch, Paint(colors["tier"]), Paint(edge), 5)
            room = ornaments.ribbon_box_for_text(box, slot.notch)
        fitted = fit_text_to_box(text, stack, width=room.width, height=room.height, max_size=slot.max_size,
                                 min_size=slot.min_size, max_lines=slot.max_lines, line_height=slot.line_height,
                                 what=what)
        d, ink = _box_paths(fitted, room)
        return LaidText(slot.name, text, fitted, d, ink, room, False, ribbon_markup)
    except TextFitError as error:
        raise TextFitError(error.message, design.location, hint=error.hint) from None
    except MedbadgeError as error:
        if error.location is None:  # keep the type (MissingGlyphsError, ...) and add the place
            raise type(error)(f"{what}: {error.message}", design.location, hint=error.hint) from None
        raise


def _box_paths(fitted: FittedText, room: Box) -> tuple[str, Box]:
    """Centre the lines in the box: horizontally per line, vertically on cap height."""
    size, pitch = fitted.size, fitted.size * fitted.line_height
    block = fitted.cap_height + pitch * (len(fitted.lines) - 1)
    baseline = room.y + (room.height - block) / 2 + fitted.cap_height
    parts, ink = [], None
    for line in fitted.lines:
        x = room.x + (room.width - line.width * size) / 2
        d, bounds = line_path(line, size, x, baseline)
        parts.append(d)
        ink = bounds if ink is None else ink.union(bounds)
        baseline += pitch
    return "".join(parts), ink or Box(0, 0, 0, 0)
