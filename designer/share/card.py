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
from designer.base.geometry import Box, fmt
from designer.design import Design
from designer.text.fit import FittedText, fit_text_to_box
from designer.text.outlines import line_path

WIDTH, HEIGHT = 1200, 627
BADGE_BOX = Box(56, 63.5, 500, 500)
COLUMN_X, COLUMN_WIDTH = 620, 524
BAND_HEIGHT = 20
#: (slot, top, room height, largest size, smallest size, lines) — geometry, in card pixels.
TITLE = ("card-title", 120, 252, 76, 40, 3)
TIER = ("card-tier", 0, 48, 40, 28, 1)  # placed 40 px under the title
ISSUER = ("card-issuer", 478, 66, 32, 24, 2)

_ROOT = re.compile(rb"<svg\b[^>]*>")


def card_texts(design: Design) -> tuple[str, str, str]:
    """The three lines a card shows: title, tier, issuer."""
    return design.title, f"{design.cue.label} tier", design.issuer_name


def compose_card(design: Design, artwork: Artwork) -> Artwork:
    """The card of ``design`` (whose badge ``artwork`` compose made); raises what fitting raises."""
    background, ink = design.color("primary"), design.color("on-primary")
    weights = sorted(weight for weight, _ in design.fonts)
    title, tier, issuer = card_texts(design)
    laid = []
    fitted = _fit(design, TITLE, title, weights[-1])
    laid.append((TITLE, title, fitted, weights[-1], TITLE[1]))
    title_height = fitted.cap_height + fitted.size * fitted.line_height * (len(fitted.lines) - 1)
    tier_top = TITLE[1] + title_height + 40
    laid.append((TIER, tier, _fit(design, TIER, tier, weights[0]), weights[0], tier_top))
    laid.append((ISSUER, issuer, _fit(design, ISSUER, issuer, weights[0]), weights[0], ISSUER[1]))

    paths, runs = [], []
    for (slot, _, height, *_rest), text, fitted, weight, top in laid:
        d, ink_box = _left_aligned(fitted, COLUMN_X, top)
        paths.append(f'<path class="text-{slot}" d="{d}" fill="{ink}"/>')
        families = tuple(dict.fromkeys(g.face.family for line in fitted.lines for g in line.glyphs))
        runs.append(TextRun(slot=slot, text=text, lines=tuple(l.text for l in fitted.lines), size=fitted.size,
                            weight=weight, cap_height=fitted.cap_height, families=families, box=ink_box,
                            slot_box=Box(COLUMN_X, top, COLUMN_WIDTH, height), fill=ink, background=background))
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
    return replace(artwork, svg=svg.encode("utf-8"), canvas=WIDTH, texts=tuple(runs), pairs=pairs,
                   template_slots=tuple(run.slot for run in runs))


def card_alt_text(design: Design) -> str:
    """The card's alt text: what it shows, in reading order."""
    title, tier, issuer = card_texts(design)
    return f"{design.alt_text} Share card: {title}, {tier}, {issuer}."


def _fit(design: Design, slot, text: str, weight: int) -> FittedText:
    name, _, height, largest, smallest, lines = slot
    what = f"the {name.replace('-', ' ')} of badge '{design.badge_id}'"
    try:
        return fit_text_to_box(text, design.font_stack(weight), width=COLUMN_WIDTH, height=height,
                               max_size=largest, min_size=smallest, max_lines=lines, what=what)
    except TextFitError as error:
        raise TextFitError(error.message, design.location, hint="shorten the text: the share card has "
                           f"{COLUMN_WIDTH} px beside the badge") from None


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
