"""Text, icon, tier cues and ornaments that collide, or crowd each other or their frame.

What
    Measured on the composed master's ink (:mod:`designer.lint.layers`, 3.125 units a pixel on
    a 600 master), two checks:

    - *collisions*: any two of the texts (``text-*``), the icon, the stars (``tier-pips``), the
      laurel (``tier-laurel``), the top tier's crest in the small drawings (``tier-crest``) and
      the tier banner (``tier-ribbon``) that overlap, or leave less
      than ``min_gap_px`` (default 1 px) clear between them at the smallest size the drawing
      is shown at (the smaller of ``display_sizes``, default 64 px: 9.4 units on a 600 master;
      for a master whose template draws size variants at both display sizes, the first size
      above them, 121 px). A text on a banner is not a collision with its own banner;
    - *margins*: a text, the stars or the icon closer than the same minimum to the edge of the
      shape it sits on — the region of the rendered badge painted in its declared background
      colour (the face, the seal's band or disc, the banner): a star on the frame's ring is
      crowded though no other object is near — and a part drawn on another part (stars on a
      banner) closer than that to its edge. Where most of it is not on its declared background
      (a gradient, say), the margin is not judged (MB103 judges text contrast).

    A template's size variants (``[medium]`` and ``[small]``: the drawings the build ships at
    the text and icon display sizes, with larger type, icon and stars) are judged as well, each
    at its own size (1 px is 6.25 units at 96 px), their findings marked "in the 96 px drawing".

Why
    At 64-96 px a gap under one screen pixel closes: letters merge with the frame or the laurel
    and the title reads as one blot with the ornament. Designers keep text clear of frames
    (Gestalt proximity: what touches reads as one thing) and keep ornaments off the icon.

Example
    At the top tier the laurel sprigs reach the title and the icon (0 units apart); a second
    title line sits 2 units above the banner.

Fix
    Shrink or move the ornament, give the text slot more inner margin in the template, or
    shorten the text so it sets smaller.
"""

from __future__ import annotations

import sys

from designer.lint.layers import bounds, dilate, gap_px
from designer.lint.rounding import below
from designer.lint.wcag import WHITE

CODE = "MB207"
NAME = "crowding"
SUMMARY = "Parts that overlap or crowd each other or their frame at the smallest display size"
SEVERITY = "error"

OBJECTS = ("icon", "tier-pips", "tier-laurel", "tier-crest", "tier-ribbon", "issuer-mark")
SHOWN = {"icon": "the icon", "tier-pips": "the stars", "tier-laurel": "the laurel", "tier-crest": "the crest",
         "tier-ribbon": "the banner",
         "issuer-mark": "the issuer mark"}
#: A pixel is on a text's background when every channel is this close to the background colour.
SAME_COLOUR = 24


def _shown(artwork, name: str) -> str:
    if name.startswith("text-"):
        run = artwork.text(name[5:])
        return f"{name[5:].replace('_', ' ')} '{run.text}'" if run else name
    return SHOWN.get(name, name)


def _verb(name: str, singular: str, plural: str) -> str:
    """``singular`` or ``plural`` to agree with the part ``name`` ("the stars touch their ...")."""
    return plural if name == "tier-pips" else singular


def _lies_on(inner, outer) -> bool:
    """Whether ``inner``'s ink lies (95 %) within ``outer``'s painted area: a mark drawn on a shape
    (stars on a banner), whose edge is then its frame, not a collision."""
    count = int(inner.sum())
    return count > 0 and int((inner & outer).sum()) >= 0.95 * count


def check(context):
    for drawing in context.drawings():
        yield from _judge(context, drawing.artwork, drawing.layers, drawing.label, drawing.px)


def _judge(context, artwork, layers, label: str, display: int):
    import numpy as np

    rule = sys.modules[__name__]
    needed_units = context.display_units(context.config.min_gap_px, layers.canvas, display)
    within = needed_units * layers.px_per_unit
    present = list(dict.fromkeys(n for n in layers.names() if n.startswith("text-") or n in OBJECTS))
    inks = {n: layers.ink(n) for n in present}
    boxes = {n: bounds(m) for n, m in inks.items()}
    inks = {n: m for n, m in inks.items() if boxes[n] is not None}
    names = list(inks)
    reach = int(np.ceil(within)) + 1

    def near(a: str, b: str) -> bool:  # boxes within reach of each other (most pairs are not)
        (ta, la, ba, ra), (tb, lb, bb, rb) = boxes[a], boxes[b]
        return ta - reach <= bb and tb - reach <= ba and la - reach <= rb and lb - reach <= ra

    def inside(a: str, b: str) -> bool:  # a's box within b's: a may be drawn on b
        (ta, la, ba, ra), (tb, lb, bb, rb) = boxes[a], boxes[b]
        return tb <= ta and lb <= la and ba <= bb and ra <= rb
    own_banner = {f"text-{slot}" for slot, spec in context.design.template.text_slots.items() if spec.ribbon}

    def clearance(gap: float) -> str:
        units = layers.units(gap)
        return f"{below(units, 1)} units ({below(units * display / layers.canvas, 2)} px at {display} px)"

    keep = f"keep {context.config.min_gap_px:g} px ({needed_units:.1f} units) clear"
    seated_on_part: set[str] = set()  # parts drawn on another part: their margin is judged here
    for i, a in enumerate(names):
        for b in names[i + 1:]:
            if {a, b} & own_banner and "tier-ribbon" in (a, b) or not near(a, b):
                continue
            inner, outer = ((a, b) if inside(a, b) and _lies_on(inks[a], inks[b]) else
                            (b, a) if inside(b, a) and _lies_on(inks[b], inks[a]) else (None, None))
            if inner is not None:  # one sits on the other (stars on a banner): keep clear of its edge
                seated_on_part.add(inner)
                gap = gap_px(inks[inner], ~inks[outer], within)
                if gap is not None:
                    yield context.violation(
                        rule, f"{_shown(artwork, inner)} "
                              f"{_verb(inner, 'touches', 'touch') if gap == 0 else _verb(inner, 'is', 'are') + ' ' + clearance(gap) + ' from'} "
                              f"the edge of {_shown(artwork, outer)}{label}; {keep}", element=f"svg/*[@class='{inner}']")
                continue
            gap = gap_px(inks[a], inks[b], within)
            if gap is not None:
                how = "touch" if gap == 0 else f"are {clearance(gap)} apart"
                yield context.violation(rule, f"{_shown(artwork, a)} and {_shown(artwork, b)} {how}{label}; {keep}",
                                        element=f"svg/*[@class='{a}']")

    # Each text, the stars and the icon against the edge of the region painted in the colour
    # they are declared on (the face, the seal's band or disc): a star on a frame ring, or a
    # title on the rim, is crowded even though no other object is near.
    backgrounds = {p.element: p.background for p in artwork.pairs}
    seated = [(f"text-{run.slot}", run.background) for run in artwork.texts]
    seated += [(name, backgrounds[pair]) for name, pair in (("tier-pips", "pips"), ("icon", "icon"))
               if pair in backgrounds and name not in seated_on_part]
    for name, background in seated:
        if name not in inks:
            continue
        text = inks[name]
        box = bounds(text)
        reach = int(np.ceil(within)) + 2
        top, left = max(box[0] - reach, 0), max(box[1] - reach, 0)
        window = (slice(top, box[2] + reach + 1), slice(left, box[3] + reach + 1))
        colour = background.over(WHITE)
        rgb, alpha = layers.colours(window)
        same = (np.abs(rgb - np.array([colour.r, colour.g, colour.b])).max(axis=2) <= SAME_COLOUR) & (alpha > 0.99)
        under = text[window]
        if name.startswith("text-"):  # the composite has no text: what lies under it is its background
            around, itself = under, under
        else:  # a part is in the composite: judge the ring of pixels round it, and leave out its own paint
            around = dilate(under, 3) & ~dilate(under, 1)
            itself = layers.alpha(name)[window] > 0
        if not around.any() or same[around].mean() < 0.5:  # mostly not on its declared background
            continue
        others = np.zeros(under.shape, bool)
        for other in inks:  # collisions with other parts are the first check's: all they paint,
            if other != name and not (other == "tier-ribbon" and name in own_banner):  # edges too
                others |= layers.alpha(other)[window] > 0
        others &= ~dilate(under, 1)
        frame = ~(same | others | itself)
        gap = gap_px(under, frame, within)
        if gap is not None:
            how = _verb(name, "touches", "touch") if gap == 0 else f"{_verb(name, 'is', 'are')} {clearance(gap)} from"
            yield context.violation(rule, f"{_shown(artwork, name)} {how} the edge of {_verb(name, 'its', 'their')} background {colour}{label}; "
                                          f"{keep}",
                                    element=f"svg/*[@class='{name}']")
