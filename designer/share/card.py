"""The share card: a 1200 × 627 Open Graph / LinkedIn link-preview image of one badge × tier.

The badge artwork on the left, on the brand's primary colour; on the right the title, the tier
and the issuer in the brand font, drawn as outlines by the same shaping and fitting code compose
uses (HarfBuzz, fontTools), so the card looks the same everywhere and needs no font installed; a
band in the tier colour along the bottom. 1200 × 627 (1.91:1) is the size LinkedIn and Open Graph
consumers show without cropping.

:func:`compose_card` is pure, like compose: a resolved design and its artwork in, an
:class:`~designer.artwork.Artwork` out — SVG bytes plus the text facts the linter's contrast and
legibility rules read, so the card is checked like a badge (:mod:`designer.share.checks`).
"""

from __future__ import annotations

import re
from dataclasses import replace
from html import escape

from designer.artwork import Artwork, ColorPair, TextRun
from designer.base.errors import TextFitError
from designer.base.frozen import FrozenMap
from designer.base.geometry import Box, fmt
from designer.design import Design
from designer.templates import TextSlot
from designer.text.fit import FittedText, fit_text_to_box
from designer.text.outlines import line_path

WIDTH, HEIGHT = 1200, 627
BADGE_BOX = Box(56, 63.5, 500, 500)
COLUMN_X, COLUMN_WIDTH = 620, 524
BAND_HEIGHT = 20
TIER_GAP = 40  # between the title's last line and the tier line
#: The card's text slots, like a template's: the room (x, top, width, height; the tier line's top
#: follows the title), size range and line limit, on the brand's primary colour.
_ROOM = {"card-title": (120, 252, 76, 40, 3), "card-tier": (0, 48, 40, 28, 1), "card-issuer": (478, 66, 32, 24, 2)}

_ROOT = re.compile(rb"<svg\b[^>]*>")


def card_slots(weights: list[int]) -> dict[str, TextSlot]:
    """The slots of a card whose design has faces of ``weights``: the title in the heaviest, the rest
    in the lightest."""
    return {name: TextSlot(name=name, box=(COLUMN_X, top, COLUMN_WIDTH, height), arc=None, max_size=largest,
                           min_size=smallest, max_lines=lines, weight=weights[-1] if name == "card-title" else weights[0],
                           fill_role="on-primary", background_role="primary")
            for name, (top, height, largest, smallest, lines) in _ROOM.items()}


def card_texts(design: Design) -> tuple[str, str, str]:
    """The three lines a card shows: title, tier, issuer."""
    return design.title, f"{design.cue.label} tier", design.issuer_name


def compose_card(design: Design, artwork: Artwork) -> Artwork:
    """The card of ``design`` (whose badge ``artwork`` compose made); raises what fitting raises.

    The returned artwork's design carries the card's slots in its template (``card-title``,
    ``card-tier``, ``card-issuer``), so the lint rules find each run's colour roles as for a badge."""
    background, ink = design.color("primary"), design.color("on-primary")
    slots = card_slots(sorted(weight for weight, _ in design.fonts))
    paths, runs, top = [], [], None
    for (name, slot), text in zip(slots.items(), card_texts(design)):
        fitted = _fit(design, slot, text)
        if name == "card-tier":
            top = top + TIER_GAP
        else:
            top = slot.box[1]
        d, ink_box = _left_aligned(fitted, COLUMN_X, top)
        paths.append(f'<path class="text-{name}" d="{d}" fill="{ink}"/>')
        families = tuple(dict.fromkeys(g.face.family for line in fitted.lines for g in line.glyphs))
        runs.append(TextRun(slot=name, text=text, lines=tuple(l.text for l in fitted.lines), size=fitted.size,
                            weight=slot.weight, cap_height=fitted.cap_height, families=families, box=ink_box,
                            slot_box=Box(COLUMN_X, top, COLUMN_WIDTH, slot.box[3]), fill=ink, background=background))
        top += fitted.cap_height + fitted.size * fitted.line_height * (len(fitted.lines) - 1)
    label = f"{design.title} — {design.cue.label}"
    svg = "\n".join([
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'role="img" aria-labelledby="{design.slug}-card-title">',
        f'<title id="{design.slug}-card-title">{escape(label)}</title>',
        f'<desc>{escape(card_alt_text(design))}</desc>',
        f'<rect class="card-background" width="{WIDTH}" height="{HEIGHT}" fill="{background}"/>',
        f'<rect class="card-band" y="{HEIGHT - BAND_HEIGHT}" width="{WIDTH}" height="{BAND_HEIGHT}" '
        f'fill="{design.color("tier")}"/>',
        _nested_badge(artwork.svg),
        *paths,
        "</svg>",
        "",
    ])
    pairs = tuple(ColorPair(f"text:{run.slot}", ink, background, "text") for run in runs)
    template = replace(design.template, text_slots=FrozenMap({**design.template.text_slots, **slots}))
    return replace(artwork, design=replace(design, template=template), svg=svg.encode("utf-8"), canvas=WIDTH,
                   texts=tuple(runs), pairs=pairs, template_slots=tuple(slots))


def card_alt_text(design: Design) -> str:
    """The card's alt text: what it shows, in reading order."""
    title, tier, issuer = card_texts(design)
    return f"{design.alt_text} Share card: {title}, {tier}, {issuer}."


def _fit(design: Design, slot: TextSlot, text: str) -> FittedText:
    what = f"the {slot.name.replace('-', ' ')} of badge '{design.badge_id}'"
    try:
        return fit_text_to_box(text, design.font_stack(slot.weight), width=slot.box[2], height=slot.box[3],
                               max_size=slot.max_size, min_size=slot.min_size, max_lines=slot.max_lines,
                               line_height=slot.line_height, what=what)
    except TextFitError as error:
        what_to_cut = {"card-title": "the badge's title", "card-tier": "the tier's label",
                       "card-issuer": "issuer.name"}[slot.name]
        raise TextFitError(error.message, design.location, hint=f"shorten {what_to_cut}, or turn share.card off: "
                           f"the share card has {COLUMN_WIDTH} px beside the badge") from None


def _left_aligned(fitted: FittedText, x: float, top: float) -> tuple[str, Box]:
    """Lines flush left from ``x``, the first capital's top at ``top``."""
    baseline, pitch = top + fitted.cap_height, fitted.size * fitted.line_height
    parts, ink = [], None
    for line in fitted.lines:
        d, bounds = line_path(line, fitted.size, x, baseline)
        parts.append(d)
        ink = bounds if ink is None else ink.union(bounds)
        baseline += pitch
    return "".join(parts), ink or Box(x, top, 0, 0)


def _nested_badge(svg: bytes) -> str:
    """The badge SVG as a nested ``<svg>`` placed in :data:`BADGE_BOX` (its own viewBox scales it)."""
    text = svg.decode("utf-8")
    if text.startswith("<?xml"):
        text = text[text.index("?>") + 2:].lstrip()
    match = _ROOT.match(text.encode("utf-8"))
    head = match.group(0).decode("utf-8") if match else "<svg>"
    view_box = re.search(r'viewBox="([^"]*)"', head)
    placed = (f'<svg x="{fmt(BADGE_BOX.x)}" y="{fmt(BADGE_BOX.y)}" width="{fmt(BADGE_BOX.width)}" '
              f'height="{fmt(BADGE_BOX.height)}" viewBox="{view_box.group(1) if view_box else "0 0 600 600"}" '
              f'aria-hidden="true">')
    return placed + text[len(head):].rstrip()
