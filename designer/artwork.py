"""``Artwork``: what :func:`designer.compose` returns — the SVG bytes and the facts about them.

The linter reads these facts, not regexes over SVG: every text run with its font, size, weight,
box and the colour behind it; every colour pair that must contrast; the icon's placement; the
tier's cues. Boxes are in canvas units (the master is ``canvas`` × ``canvas``).
"""

from __future__ import annotations

from dataclasses import dataclass

from designer.base.color import Color
from designer.design import Design, TierCue
from designer.base.geometry import Box


@dataclass(frozen=True)
class TextRun:
    slot: str  # title | subtitle | ribbon | issuer_mark
    text: str
    lines: tuple[str, ...]
    size: float  # font size in canvas units
    weight: int
    cap_height: float  # canvas units
    families: tuple[str, ...]
    box: Box  # ink bounds
    slot_box: Box  # the room the slot gives
    fill: Color
    background: Color
    on_arc: bool = False


@dataclass(frozen=True)
class ColorPair:
    """Two colours that meet and must contrast: ``kind`` is ``text`` or ``graphic``."""

    element: str
    foreground: Color
    background: Color
    kind: str


@dataclass(frozen=True)
class IconPlacement:
    name: str
    box: Box  # where the 24-unit icon grid is drawn
    stroke_width: float  # canvas units
    color: Color  # the role colour (on-primary) that currentColor becomes
    background: Color
    colors: tuple[Color, ...] = ()  # every colour the icon is drawn in, hard-coded ones included


@dataclass(frozen=True)
class Artwork:
    design: Design
    svg: bytes
    canvas: int
    texts: tuple[TextRun, ...]
    pairs: tuple[ColorPair, ...]
    icon: IconPlacement
    template_slots: tuple[str, ...]

    @property
    def cue(self) -> TierCue:
        return self.design.cue

    @property
    def tier_color(self) -> Color:
        return self.design.color("tier")

    def text(self, slot: str) -> TextRun | None:
        return next((t for t in self.texts if t.slot == slot), None)
