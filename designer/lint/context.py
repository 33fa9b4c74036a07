"""``LintContext``: everything a rule may look at for one design, computed once and shared.

A context holds the resolved :class:`~designer.design.Design` (everything a rule may judge about
the artwork is in it or in the :class:`~designer.artwork.Artwork` composed from it: rules look
nothing up by name or path), the artwork or the compose error that stopped it, the configuration,
the badge set (for places in the file), the contexts of the same badge's other tiers (for tier
rules), and — lazily, only if a rule asks — the pixels behind the text and the text's coverage at
the text display size.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, NamedTuple

from designer.artwork import Artwork
from designer.badgeset.load import BadgeSet
from designer.design import Design
from designer.base.errors import Location, MedbadgeError
from designer.lint.config import LintConfig
from designer.lint.violation import Violation

if TYPE_CHECKING:
    from designer.lint.layers import Layers

_TEXT_PATH = re.compile(rb'<path class="text-[^"]*"[^>]*/>')
_ROOT = re.compile(rb"<svg\b[^>]*>")
_FILL = re.compile(rb'\sfill="[^"]*"')


class Drawing(NamedTuple):
    """One drawing of a design as it is shown: its artwork, its layers, the words that name it in
    a finding (``""`` for the master) and the size in pixels it is judged at."""

    artwork: Artwork
    layers: Layers
    label: str
    px: int


@dataclass(eq=False)
class LintContext:
    design: Design
    artwork: Artwork | None
    config: LintConfig
    badge_set: BadgeSet
    badge_index: int
    compose_error: MedbadgeError | None = None
    tiers: list[LintContext] = field(default_factory=list, repr=False)  # same badge, rank order
    run: list[LintContext] = field(default_factory=list, repr=False)  # every design of this lint run
    #: Values computed once for the whole run (e.g. the set's median icon size), by rule code.
    run_cache: dict = field(default_factory=dict, repr=False)

    # --- places in the badge set -------------------------------------------------------------
    def badge_location(self, *keys: str | int) -> Location:
        return self.badge_set.location("badges", self.badge_index, *keys)

    def role_location(self, role: str) -> Location:
        """Where the colour of ``role`` is set for this design: the badge's ``roles``, this tier's
        roles in an inline tier list, the tier scheme (for the tier roles), the brand's ``roles``,
        or else the brand palette line (the palette file's ``[roles]`` table)."""
        model = self.badge_set.model
        badge = model.badges[self.badge_index]
        if role in badge.roles:
            return self.badge_location("roles", role)
        if isinstance(model.tiers, list):
            for index, tier in enumerate(model.tiers):
                if tier.id == self.design.tier_id and role in tier.roles:
                    return self.badge_set.location("tiers", index, "roles", role)
        elif role.startswith(("tier", "on-tier")):
            return self.badge_set.location("tiers")
        if role in model.brand.roles:
            return self.badge_set.location("brand", "roles", role)
        return self.badge_set.location("brand", "palette")

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
    def layers(self) -> Layers | None:
        """The master's parts and their ink on the working grid (:mod:`designer.lint.layers`);
        ``None`` when compose failed or the master cannot be split into elements. Kept until
        :meth:`release`."""
        return self.fresh_layers()

    def fresh_layers(self) -> Layers | None:
        """:attr:`layers`, made anew and not kept: for a rule that measures *other* designs of the
        run (MB503's set median), so their rasters are not all held at once. Cheap: a part's render
        is cached by its bytes, so the design's own rules reuse it."""
        if self.artwork is None:
            return None
        from designer.lint.layers import Layers

        try:
            return Layers(self.artwork.svg, self.artwork.canvas)
        except Exception:  # noqa: BLE001 - an unparsable master is judged by the SVG rules instead
            return None

    @cached_property
    def variants(self) -> tuple[Drawing, ...]:
        """The drawings shipped in place of the master at the display sizes, when the template
        has size variants there (``[medium]`` at 96 px, ``[small]`` at 64 px: larger type and
        stars, texts hidden; the build renders those PNG sizes from them), largest size first.
        A variant that cannot be composed is left out here and reported by MB203
        (:attr:`variant_errors`)."""
        return self._variants[0]

    @property
    def variant_errors(self) -> tuple[tuple[int, MedbadgeError], ...]:
        """``(size, error)`` for each display size whose size variant could not be composed."""
        return self._variants[1]

    @cached_property
    def _variants(self):
        if self.artwork is None:
            return (), ()
        from designer.compose import compose
        from designer.compose.badge import small_variant
        from designer.lint.layers import Layers

        drawn: list[Drawing] = []
        errors: list[tuple[int, MedbadgeError]] = []
        seen = {self.artwork.svg}
        for px in sorted({self.config.text_display_px, self.config.icon_display_px}, reverse=True):
            if not small_variant(self.design, px):
                continue
            try:
                artwork = compose(self.design, px)
            except MedbadgeError as error:
                errors.append((px, error))
                continue
            if artwork.svg in seen:  # two display sizes drawn alike: judge the drawing once
                continue
            seen.add(artwork.svg)
            try:
                layers = Layers(artwork.svg, artwork.canvas)
            except Exception:  # noqa: BLE001 - an unparsable drawing is judged by the SVG rules
                continue
            drawn.append(Drawing(artwork, layers, f" in the {px} px drawing", px))
        return tuple(drawn), tuple(errors)

    def drawings(self) -> list[Drawing]:
        """Every drawing the badge is shown as: the master (label ``""``, judged at
        :attr:`master_px`) and each size variant (label ``" in the 96 px drawing"``), the drawing
        shown at the smallest size last."""
        found = [Drawing(self.artwork, self.layers, "", self.master_px)] \
            if self.artwork is not None and self.layers is not None else []
        return found + list(self.variants)

    @property
    def master_px(self) -> int:
        """The smallest size the master is shown at: the smallest display size its template draws
        no size variant for, else the first size above its variants (121 px when ``[medium]``
        reaches 120); gaps in the master are judged at that size."""
        from designer.compose.badge import small_variant, variants_end

        shown = [px for px in (self.config.text_display_px, self.config.icon_display_px)
                 if not small_variant(self.design, px)]
        return min(shown) if shown else variants_end(self.design.template) + 1

    def release(self) -> None:
        """Drop this design's rasters once its rules have run (a large set would otherwise hold
        every design's pixels at once); a later use computes them again from the cached parts."""
        for name in ("layers", "_variants", "text_rasters"):
            self.__dict__.pop(name, None)

    @property
    def smallest_display_px(self) -> int:
        """The smallest size the badge is shown at (the text and icon display sizes' minimum)."""
        return min(self.config.text_display_px, self.config.icon_display_px)

    def display_units(self, px: float, canvas: float, shown_at: int | None = None) -> float:
        """The canvas units that ``px`` pixels span when the drawing is shown at ``shown_at`` px
        (default: the smallest display size; on a 600-unit canvas shown at 64 px, 1 px is 9.4
        units): how every "at least N px when shown" limit becomes a length on the drawing."""
        return px * canvas / (shown_at or self.smallest_display_px)

    @cached_property
    def text_rasters(self) -> TextRasters | None:
        """The pixels behind the text (over white) and the text's coverage, at the text display size.

        The pixels behind the text come from the layers' composite (the master without its text,
        :mod:`designer.lint.layers`) averaged down to the display size when the working grid is a
        whole multiple of it (the default: 192 and 96 px), else from one CairoSVG render of the
        master without its text; the text paths are drawn by :mod:`designer.lint.textmask`
        (CairoSVG parses glyph outlines point by point in Python). ``None`` when compose failed
        or CairoSVG cannot draw the master."""
        if self.artwork is None:
            return None
        size = self.config.text_display_px
        layers = self.layers
        from designer.lint.layers import PAD_PX, WORK_PX

        if layers is not None and WORK_PX % size == 0:
            try:
                surface = layers.composite_surface
            except Exception:  # noqa: BLE001 - CairoSVG cannot draw a part: the slow path says so
                return _text_rasters(self.artwork.svg, size, self.artwork.canvas)
            return _rasters_from_composite(surface, self.artwork.svg, size, self.artwork.canvas, WORK_PX // size,
                                           PAD_PX)
        return _text_rasters(self.artwork.svg, size, self.artwork.canvas)


def _rasters_from_composite(surface, svg: bytes, size: int, canvas: int, factor: int, pad: int):
    """The pixels behind the text at ``size``: the composite over white, scaled down by cairo with
    a bilinear filter — at a whole factor of 2 each output pixel's sample falls between four grid
    pixels, so it is their mean (a box filter, as a render at that size would give)."""
    import cairocffi as cairo
    import numpy as np

    from designer.lint.layers import surface_pixels
    from designer.lint.textmask import UnsupportedPath, text_coverage

    target = cairo.ImageSurface(cairo.FORMAT_RGB24, size, size)
    context = cairo.Context(target)
    context.set_source_rgb(1, 1, 1)
    context.paint()
    context.scale(1 / factor, 1 / factor)
    context.set_source_surface(surface, -pad, -pad)
    context.get_source().set_filter(cairo.FILTER_BILINEAR if factor == 2 else cairo.FILTER_GOOD)
    context.paint()
    target.flush()
    behind = np.ascontiguousarray(surface_pixels(target)[..., 2::-1])
    text_paths = _TEXT_PATH.findall(svg)
    try:
        coverage = text_coverage(text_paths, size, canvas)
    except UnsupportedPath:
        return _text_rasters(svg, size, canvas)
    return TextRasters(behind, coverage)


@dataclass(frozen=True)
class TextRasters:
    """``behind``: ``n×n×3`` uint8 RGB behind the text, over white; ``coverage``: ``n×n`` uint8 alpha."""

    behind: object  # numpy.ndarray
    coverage: object  # numpy.ndarray


def _text_rasters(svg: bytes, size: int, canvas: int) -> TextRasters | None:
    from designer.lint.textmask import UnsupportedPath, text_coverage

    root = _ROOT.search(svg)
    if root is None:
        return None
    body = svg[root.end():svg.rindex(b"</svg>")]
    text_paths = _TEXT_PATH.findall(body)
    behind = _cairosvg_pixels(
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{canvas}" height="{canvas}" '
        f'viewBox="0 0 {canvas} {canvas}"><rect width="{canvas}" height="{canvas}" fill="#ffffff"/>'.encode()
        + _TEXT_PATH.sub(b"", body) + b"</svg>", size)
    if behind is None:
        return None
    try:
        coverage = text_coverage(text_paths, size, canvas)
    except UnsupportedPath:
        black = b"".join(_FILL.sub(b' fill="#000000"', p) for p in text_paths)
        pixels = _cairosvg_pixels(root.group(0) + black + b"</svg>", size)
        if pixels is None:
            return None
        coverage = pixels[..., 3].copy()
    return TextRasters(behind[..., 2::-1].copy(), coverage)  # opaque (white square): not premultiplied


def _cairosvg_pixels(svg: bytes, size: int):
    """``size × size × 4`` uint8 (cairo ARGB32 as B, G, R, A; premultiplied), or ``None`` when
    CairoSVG cannot draw the master (the SVG rules judge such a master instead)."""
    from designer.base.raster import render_pixels

    try:
        return render_pixels(svg, size)
    except Exception:  # noqa: BLE001 - CairoSVG and its XML parser raise many types
        return None
