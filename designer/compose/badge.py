"""Compose one badge: silhouette layers, icon, texts, tier ornaments → SVG + facts."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from functools import lru_cache, partial

from markupsafe import Markup

from designer import templates
from designer.artwork import Artwork, ColorPair, IconPlacement, TextRun
from designer.base.color import Color
from designer.base.frozen import FrozenMap
from designer.base.geometry import Box, fmt
from designer.compose import ornaments
from designer.compose.icon_fit import fit_icon
from designer.compose.paint import Paint
from designer.compose.shapes import SHAPES
from designer.compose.text_slots import LaidText, lay_out
from designer.design import Design

ICON_STROKE = 2.0  # the library's stroke width on its 24-unit grid
SHADE = 0.38  # the share of the rim's width the tier's darker shade takes, on its outer side
#: A template's size variants, smallest first: a badge drawn at or below a variant's ``max_px``
#: is drawn with it (``[small]``: the 64 px mark; ``[medium]``: the 96 px thumbnail).
VARIANTS = ("small", "medium")


def compose(design: Design, size: int | None = None) -> Artwork:
    """The artwork for ``design``: SVG bytes (text outlined) and the facts the linter reads.

    ``size`` is the pixel size the artwork is drawn for; ``None`` (the master) or any size above
    the template's size variants gives the full design. At or below a variant's ``max_px`` the
    badge is drawn with that variant (:func:`variant_of`): at 96 px (``[medium]``) the details
    that would be a pixel's fuzz — wreath, groove, a second text line — give their room to larger
    type and stars; at 64 px (``[small]``) the badge is a *mark*: the texts (their capitals would
    be 3 px) give their room to a larger icon and larger stars, so what is shown can be seen.
    Below a size in the template's ``[hide_below]`` a text gives way (the rounded square's
    subtitle under 128 px). A pure function of the resolved design and the size: it reads no
    file and looks nothing up by name."""
    spec = design.template
    variant = variant_of(spec, size)  # {} for the master
    # A template's ``[hide_below]`` drops a text below a size (a subtitle that would be 4 px tall).
    hidden = frozenset(variant.get("hide", ())) | {
        slot for slot, px in spec.params.get("hide_below", {}).items() if size is not None and size < px}
    colors = {name: color for name, color in design.colors}
    paint = {name: Paint(color) for name, color in colors.items()}
    # A variant's ``layers`` table overrides the template's ring widths (at 96 and 64 px a 5-unit
    # dark edge is under a pixel, so the palest metal would meet a white page with nothing between).
    layers_cfg = {**spec.params.get("layers", {}), **variant.get("layers", {})}
    edge, rim = layers_cfg.get("edge", 7), layers_cfg.get("rim", 30)
    keyline, band = layers_cfg.get("keyline", 6), layers_cfg.get("band", 0)
    # At small sizes a wreath is a 1 px squiggle: a template's ``[small] laurel = "ring"`` makes the
    # top tier's cue one bold ring of its metal instead, drawn as a wide keyline (a frame layer, so
    # the ribbon crosses it as it crosses the rim).
    ring = design.cue.laurel and variant.get("laurel") == "ring"
    if ring:
        keyline = layers_cfg.get("ring", 16)
    # The ring is drawn in the metal's deep shade where the palette has one: a pale top metal
    # would otherwise fade into a white page at 64 px, and the strong gold ring is what marks it.
    keyline_role = ("tier-shade" if "tier-shade" in colors else "tier") if ring else "accent"
    # The halo is the outermost ring, in a colour that reaches 3:1 on light and on dark pages; a
    # palette without a ``halo`` role draws no halo and its dark edge is the outline.
    halo = layers_cfg.get("halo", 5) if "halo" in colors else 0
    shape = _shape(spec.shape, tuple(sorted(spec.params.get("shape_params", {}).items())))
    face_inset = halo + edge + rim + keyline
    layers = {
        "halo": shape(0) if halo else "",
        "edge": shape(halo),
        "rim": shape(halo + edge),
        # The metal's darker shade as the outer band of the rim (a bevel), its centre line here;
        # at thumbnail sizes a bevel is one more thin ring to blur, so a size variant draws none.
        "shade": shape(halo + edge + rim * SHADE / 2) if "tier-shade" in colors and not variant else "",
        # The double border's groove parts the shade from the metal; at small sizes three rings
        # would shimmer, so there the stars alone carry the rank.
        "groove": (shape(halo + edge + rim * SHADE) if "tier-shade" in colors else shape(halo + edge + rim / 2))
        if design.cue.border == "double" and not variant else "",
        "keyline": shape(halo + edge + rim),
        "face": shape(face_inset),
        "inner": shape(face_inset + band) if band else "",
    }
    face_color = colors["primary-deep"] if band else colors["primary"]

    marked = _shows_issuer_mark(design, spec) and "issuer_mark" not in hidden
    laid = _texts(design, spec, colors, hidden, marked, variant.get("texts", {}))
    drop = _title_drop(spec, laid, marked, variant.get("texts", {}))
    icon, icon_markup = _icon(design, spec, colors, variant.get("icon_box"), marked, drop, variant.get("icon_stroke"))
    slots = spec.params["slots"]
    pip_slot = dict(variant.get("pips", slots.get("pips", {})))
    if marked and "pips" in spec.params.get("with_issuer_mark", {}) and "pips" not in variant:
        pip_slot = dict(spec.params["with_issuer_mark"]["pips"])
    if drop and "center" in pip_slot and pip_slot.get("on", "primary") != "tier":  # stars on the face drop with the icon
        pip_slot["center"] = (pip_slot["center"][0], pip_slot["center"][1] + drop)
    # stars are accent with a dark edge on the face; on a ribbon they take the ribbon's text colour
    star_fill, star_edge = paint[pip_slot.get("fill", "accent")], paint[pip_slot.get("stroke", "outline")]
    if "arc" in pip_slot:
        a = pip_slot["arc"]
        pip_markup = ornaments.pips_on_arc(design.cue.pips, a["cx"], a["cy"], a["radius"], a.get("middle", 180),
                                           pip_slot.get("size", 28), pip_slot.get("gap", 8), star_fill, star_edge)
    else:
        pip_markup = ornaments.pips(design.cue.pips, *pip_slot.get("center", (300, 100)), pip_slot.get("size", 28),
                                    pip_slot.get("gap", 8), star_fill, star_edge)
    band = _bare_ribbon(spec, hidden, paint, halo, variant.get("ribbon_box"))
    pip_markup = band + pip_markup  # at small sizes the tier ribbon, without its word, carries the stars
    laurel_markup = ""
    if design.cue.laurel and "laurel" in slots and not ring:
        ls = dict(variant.get("laurel", slots["laurel"]))
        if marked and "laurel" in spec.params.get("with_issuer_mark", {}):
            ls = dict(spec.params["with_issuer_mark"]["laurel"])
        cx, cy = ls["center"]
        cy += drop  # the wreath round the icon drops with it
        laurel_markup = ornaments.laurel(cx, cy, ls["radius"], ls["leaf"], paint["accent"],
                                         *ls.get("angles", (215, 325)))
    if ring and "crest" in variant:  # the top tier's wreath, at small sizes: one star set into the frame
        c = variant["crest"]
        laurel_markup += ornaments.crest(*c["center"], c["size"], paint[keyline_role], paint["outline"])
    tails = ""
    if "tails" in spec.params:
        t = spec.params["tails"]
        tails = ornaments.rosette_tails(300, t["top"], t["bottom"], t["spread"], t["width"], paint["tier"],
                                        paint["halo"] if halo else paint["outline"], 2 * halo or 5)

    context = {
        "canvas": spec.canvas,
        "ids": {"title": f"{design.slug}-title", "desc": f"{design.slug}-desc"},
        "label": f"{design.title} — {design.cue.label}",
        "description": f"{design.alt_text} {design.description}",
        "layers": layers,
        "groove_width": fmt(max(rim * 0.2, 5)),
        "shade_width": fmt(rim * SHADE),
        # the fine accent line round a banded face; a size variant may draw it bolder, or not at all
        "inner_ring": fmt(layers_cfg.get("inner_ring", 3)),
        "colors": {
            "halo": paint["halo"] if halo else paint["outline"],
            "outline": paint["outline"], "tier": paint["tier"], "tier_edge": paint["tier-edge"],
            "tier_shade": paint.get("tier-shade", paint["tier"]),
            "accent": paint["accent"], "face": Paint(face_color), "primary": paint["primary"],
            "keyline": paint[keyline_role],
        },
        "ornaments": {"pips": Markup(pip_markup), "laurel": Markup(laurel_markup), "tails": Markup(tails)},
        "icon": icon_markup,
        "texts": [
            {"slot": t.slot, "d": t.d, "text": t.text, "fill": paint[spec.text_slots[t.slot].fill_role],
             "ribbon": Markup(t.ribbon_markup)}
            for t in laid
        ],
    }
    svg = templates.render(spec, context)
    svg = "\n".join(line for line in svg.splitlines() if line.strip()) + "\n"

    return Artwork(
        design=design,
        svg=svg.encode("utf-8"),
        canvas=spec.canvas,
        texts=tuple(_text_fact(t, spec, colors) for t in laid),
        pairs=_pairs(design, spec, colors, face_color, laid, icon, pip_slot, keyline_role),
        icon=icon,
        template_slots=tuple(spec.params["slots"]),
    )


def _shape(name: str, params: tuple) -> Callable[[float], str]:
    """The outline of silhouette ``name`` at an inset, memoised by its parameters and the inset:
    every badge of a template draws the same rings."""
    try:
        hash(params)
    except TypeError:  # a parameter that is a list: not hashable, drawn without the memo
        return SHAPES[name](**dict(params))
    return partial(_outline, name, params)


@lru_cache(maxsize=1024)
def _outline(name: str, params: tuple, inset: float) -> str:
    return SHAPES[name](**dict(params))(inset)


def variants_end(spec) -> int:
    """The largest size any of template ``spec``'s variants is drawn at (0 without variants):
    above it, the master is what is shown."""
    return max((spec.params[name].get("max_px", 0) for name in VARIANTS if spec.params.get(name)), default=0)


def variant_of(spec, size: int | None) -> dict:
    """The size variant of template ``spec`` a badge drawn at ``size`` px uses: the smallest of
    its ``[small]`` and ``[medium]`` tables whose ``max_px`` the size does not exceed, else ``{}``
    (the master). A variant may hide texts (``hide``), move or resize the icon (``icon_box``), the
    stars (``pips``) and the bare ribbon (``ribbon_box``), draw the top tier's wreath as one ring
    (``laurel = "ring"``), change the ring widths (``layers``, over the template's ``[layers]``)
    and give a text slot another box, largest size or line count (``texts``). A table with
    ``extends = "small"`` is that table with its own keys over it (a key it gives replaces the
    other's whole), so a 96 px drawing that is the 64 px mark redrawn says only what differs."""
    if size is None:
        return {}
    for name in VARIANTS:
        table = spec.params.get(name)
        if table and size <= table.get("max_px", 0):
            base = spec.params.get(table["extends"], {}) if "extends" in table else {}
            return {**base, **table} if base else table
    return {}


def small_variant(design: Design, size: int | None) -> bool:
    """Whether ``design`` drawn at ``size`` px differs from its master: a size variant of its
    template (:func:`variant_of`), or a size below which it drops a text (``[hide_below]``)."""
    if size is None:
        return False
    if variant_of(design.template, size):
        return True
    return any(size < px for px in design.template.params.get("hide_below", {}).values())


def _bare_ribbon(spec, hidden: frozenset[str], paint: dict[str, Paint], halo: float, box=None) -> str:
    """The tier ribbon without its word (at small sizes); ``box`` (the template's ``[small]
    ribbon_box``) may move it, e.g. down over a point the face would otherwise show below it."""
    slot = spec.text_slots.get("tier_label")
    if "tier_label" not in hidden or slot is None or not slot.ribbon:
        return ""
    return ornaments.ribbon(Box(*(box or slot.box)), slot.notch, paint["tier"], paint["halo"] if halo else paint["tier-edge"], 5)


def _shows_issuer_mark(design: Design, spec) -> bool:
    """Whether this badge draws the brand's issuer mark: the brand has one and the template a slot.
    A template may then move its stars and icon to make room (its ``[with_issuer_mark]`` table)."""
    return bool(design.issuer_mark) and "issuer_mark" in spec.text_slots


def _texts(design: Design, spec, colors: dict[str, Color], hidden: frozenset[str], marked: bool,
           resized) -> list[LaidText]:
    wanted = [("title", design.title), ("subtitle", design.subtitle), ("tier_label", design.cue.label),
              ("issuer_mark", design.issuer_mark)]
    return [lay_out(design, _slot(spec, slot, marked, resized), text, colors)
            for slot, text in wanted if text and slot in spec.text_slots and slot not in hidden]


def _slot(spec, name: str, marked: bool, resized):
    """Text slot ``name`` as drawn: moved for the issuer mark (``[with_issuer_mark]``), then
    changed by the size variant (its ``texts`` table)."""
    moved = spec.params.get("with_issuer_mark", {}) if marked else {}
    return _resized(_moved(spec.text_slots[name], moved.get(f"{name}_box")), resized.get(name))


def _title_drop(spec, laid: list[LaidText], marked: bool, resized) -> float:
    """How far the stars, the icon and the wreath drop to meet a title that sets on fewer lines
    than its slot allows.

    A text is centred in its box, so a one-line title in a two-line slot leaves half a free line
    above it (the icon seems to float) and half below (a dead band over the ribbon). Dropping by
    half the free line keeps the gap a full title has, and the group of stars, icon and title
    sits centred in the room above the ribbon."""
    title = next((t for t in laid if t.slot == "title" and not t.on_arc), None)
    if title is None:
        return 0.0
    fitted = title.fitted
    free_lines = _slot(spec, "title", marked, resized).max_lines - len(fitted.lines)
    return max(fitted.size * fitted.line_height * free_lines / 2, 0.0)


def _moved(slot, box):
    """``slot`` with its box replaced (a template's ``[with_issuer_mark]`` may move the title)."""
    return slot if box is None else replace(slot, box=tuple(box))


def _resized(slot, change):
    """``slot`` as a size variant's ``texts`` table changes it: ``box``, ``arc`` (the keys it
    gives, e.g. a smaller ``radius``), ``max_size``, ``lines``, ``line_height``.

    The smallest size stays the master's: a title that fits the master never stops the build at
    96 px (MB201 still judges its capitals there)."""
    if not change:
        return slot
    arc = FrozenMap({**slot.arc, **change.get("arc", {})}) if slot.arc is not None else None
    return replace(slot, box=tuple(change.get("box", slot.box)) if slot.box is not None else None, arc=arc,
                   max_size=float(change.get("max_size", slot.max_size)),
                   max_lines=int(change.get("lines", slot.max_lines)),
                   line_height=float(change.get("line_height", slot.line_height)))


def _icon(design: Design, spec, colors: dict[str, Color], small_box=None,
          marked: bool = False, drop: float = 0.0, stroke_width: float | None = None) -> tuple[IconPlacement, dict]:
    """Place the icon; a size variant's ``icon_stroke`` draws its lines heavier (in icon units),
    as type is cut heavier for small sizes: a 2-unit line on a 20 px icon is a grey 1.7 px hair."""
    icon = design.icon
    root = dict(icon.root_attributes)
    if stroke_width is not None and root.get("stroke", "none") != "none":
        root["stroke-width"] = fmt(float(stroke_width))
    x, y, w, h = small_box or (spec.params.get("with_issuer_mark", {}).get("icon_box", spec.icon_box)
                               if marked else spec.icon_box)
    icon_box = (x, y + drop, w, h)
    fit = fit_icon(icon.body, icon.view_box, tuple(sorted(root.items())), Box(*icon_box))
    scale, x, y = fit.scale, fit.x, fit.y
    color = colors["on-primary"]
    attributes = []
    for name, value in root.items():
        attributes.append((name, color.hex if value == "currentColor" else value))
    if not color.opaque:  # drawn as one translucent layer, as the linter composites it
        attributes.append(("opacity", Paint(color).opacity))
    body = icon.body.replace("currentColor", color.hex)
    stroke = float(root.get("stroke-width", ICON_STROKE)) * scale
    placement = IconPlacement(icon.name, fit.grid, stroke, color, colors["primary"],
                              _drawn_colors(attributes, body, color))
    markup = {"transform": f"translate({fmt(x)} {fmt(y)}) scale({fmt(scale, 4)})", "attributes": attributes,
              "body": Markup(body)}
    return placement, markup


_PAINT = re.compile(r'\b(?:fill|stroke|stop-color|color)="([^"]*)"')


def _drawn_colors(attributes: list[tuple[str, str]], body: str, role_color: Color) -> tuple[Color, ...]:
    """Every colour the icon is drawn in: the role colour where it uses ``currentColor``, and any
    colour its file hard-codes (so the contrast rules measure what the SVG shows)."""
    values = [v for k, v in attributes if k in ("fill", "stroke")] + _PAINT.findall(body)
    found: dict[Color, None] = {}
    for value in values:
        if value in ("none", "transparent") or value.startswith("url("):
            continue
        try:
            parsed = Color.parse(value)
        except ValueError:
            continue
        if parsed.hex == role_color.hex:
            found[role_color] = None
        else:  # inside the icon group, whose opacity is the role colour's alpha
            found[Color(parsed.r, parsed.g, parsed.b, round(parsed.alpha * role_color.alpha, 4))] = None
    return tuple(found) or (role_color,)


def _text_fact(laid: LaidText, spec, colors: dict[str, Color]) -> TextRun:
    slot = spec.text_slots[laid.slot]
    families = tuple(dict.fromkeys(g.face.family for line in laid.fitted.lines for g in line.glyphs))
    return TextRun(
        slot=laid.slot, text=laid.text, lines=tuple(l.text for l in laid.fitted.lines), size=laid.fitted.size,
        weight=slot.weight, cap_height=laid.fitted.cap_height, families=families, box=laid.ink,
        slot_box=laid.room, fill=colors[slot.fill_role], background=colors[slot.background_role],
        on_arc=laid.on_arc,
    )


def _pairs(design, spec, colors, face_color, laid, icon, pip_slot, keyline_role="accent") -> tuple[ColorPair, ...]:
    pairs = [ColorPair(f"text:{t.slot}", colors[spec.text_slots[t.slot].fill_role],
                       colors[spec.text_slots[t.slot].background_role], "text") for t in laid]
    for drawn in icon.colors:  # each colour of the icon must stand out from the face on its own
        name = "icon" if drawn == icon.color else f"icon:{drawn}"
        pairs.append(ColorPair(name, drawn, icon.background, "graphic"))
    if design.cue.pips:
        pairs.append(ColorPair("pips", colors[pip_slot.get("fill", "accent")], colors[pip_slot.get("on", "primary")],
                               "graphic"))
    if design.cue.laurel and keyline_role == "accent":  # (as a ring, the laurel is the keyline)
        pairs.append(ColorPair("laurel", colors["accent"], colors["primary"], "graphic"))
    # The rim shows the tier colour; it meets the dark edge outside and the keyline inside.
    pairs.append(ColorPair("rim/edge", colors["tier"], colors["outline"], "graphic"))
    pairs.append(ColorPair("rim/keyline", colors["tier"], colors[keyline_role], "graphic"))
    pairs.append(ColorPair("keyline/face", colors[keyline_role], face_color, "graphic"))
    return tuple(pairs)
