"""``LintContext``: everything a rule may look at for one design, computed once and shared.

A context holds the :class:`~designer.design.Design`, its :class:`~designer.artwork.Artwork` (or the
compose error that stopped it), the configuration, the badge set, the contexts of the same badge's
other tiers (for tier rules), and — lazily, only if a rule asks — rasters of the artwork at the
smallest text display size, with and without its text, and the text alone as a coverage mask (CairoSVG).
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from functools import cached_property

from designer.artwork import Artwork
from designer.badgeset.load import BadgeSet
from designer.design import Design
from designer.errors import Location, MedbadgeError
from designer.lint.config import LintConfig
from designer.lint.violation import Violation

_TEXT_PATH = re.compile(rb'<path class="text-[^"]*"[^>]*/>')
_ROOT = re.compile(rb"<svg\b[^>]*>")
_FILL = re.compile(rb'\sfill="[^"]*"')


@dataclass(eq=False)
class LintContext:
    design: Design
    artwork: Artwork | None
    config: LintConfig
    badge_set: BadgeSet
    badge_index: int
    compose_error: MedbadgeError | None = None
    tiers: list[LintContext] = field(default_factory=list, repr=False)  # same badge, rank order

    # --- places in the badge set -------------------------------------------------------------
    def badge_location(self, *keys: str | int) -> Location:
        return self.badge_set.location("badges", self.badge_index, *keys)

    def violation(self, rule, message: str, *, location: Location | None = None, element: str | None = None,
                  tier: str | None | bool = True) -> Violation:
        """A violation of ``rule`` (a rule module) about this design; severity comes from the config."""
        return Violation(
            code=rule.CODE, name=rule.NAME, severity=self.config.severity_of(rule.CODE, rule.NAME, rule.SEVERITY),
            message=message, badge=self.design.badge_id,
            tier=self.design.tier_id if tier is True else (tier or None),
            location=location or self.badge_location(), element=element,
        )

    @property
    def lower_tiers(self) -> list[LintContext]:
        return [c for c in self.tiers if c.design.cue.rank < self.design.cue.rank]

    # --- rasters (only made when a rule asks) --------------------------------------------------
    @cached_property
    def raster(self):
        """The artwork as an RGBA Pillow image at the text display size (``None`` if compose failed)."""
        return None if self.artwork is None else _rgba(self.artwork.svg, self.config.text_display_px)

    @cached_property
    def raster_without_text(self):
        """The same raster with every outlined text path removed: the pixels behind the text."""
        if self.artwork is None:
            return None
        return _rgba(_TEXT_PATH.sub(b"", self.artwork.svg), self.config.text_display_px)


    @cached_property
    def text_mask(self):
        """Only the outlined text, drawn black on transparent: its alpha is the text's coverage."""
        if self.artwork is None:
            return None
        svg = self.artwork.svg
        root = _ROOT.search(svg)
        paths = [_FILL.sub(b' fill="#000000"', p) for p in _TEXT_PATH.findall(svg)]
        return _rgba(root.group(0) + b"".join(paths) + b"</svg>", self.config.text_display_px)


def _rgba(svg: bytes, size: int):
    from PIL import Image

    from designer.raster import render_png

    try:
        return Image.open(io.BytesIO(render_png(svg, size))).convert("RGBA")
    except Exception:  # noqa: BLE001 - a master CairoSVG cannot draw is judged by the SVG rules instead
        return None
