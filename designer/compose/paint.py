"""Colours as SVG paint: what is measured is what is drawn.

A role colour may be translucent (``#ffffff99``); the linter composites it over its backdrop
(WCAG measures the result), so the SVG must draw it with the same opacity. :class:`Paint` writes a
colour as attributes — ``fill="#ffffff" fill-opacity="0.6"`` — for templates (as markup) and for
svgwrite ornaments (as keyword arguments). ``str(paint)`` is the bare ``#rrggbb``.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from designer.base.color import Color
from designer.base.geometry import fmt


@dataclass(frozen=True)
class Paint:
    color: Color

    def __str__(self) -> str:
        return self.color.hex

    @property
    def opacity(self) -> str | None:
        """The alpha as SVG writes it, or ``None`` for an opaque colour (4 decimals: 8-bit exact)."""
        return None if self.color.opaque else fmt(self.color.alpha, 4)

    def attributes(self, prop: str) -> Markup:
        """`` fill="#rrggbb"`` (with `` fill-opacity="…"`` when translucent), for ``prop`` fill or stroke."""
        text = f' {prop}="{self.color.hex}"'
        if self.opacity is not None:
            text += f' {prop}-opacity="{self.opacity}"'
        return Markup(text)

    @property
    def fill(self) -> Markup:
        return self.attributes("fill")

    @property
    def stroke(self) -> Markup:
        return self.attributes("stroke")

    def svgwrite(self, prop: str) -> dict[str, str]:
        """The same as keyword arguments for svgwrite (``fill=..., fill_opacity=...``)."""
        out = {prop: self.color.hex}
        if self.opacity is not None:
            out[f"{prop}_opacity"] = self.opacity
        return out
