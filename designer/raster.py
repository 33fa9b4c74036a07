"""Rasterise SVG with CairoSVG (in its safe mode: no external files or URLs are fetched)."""

from __future__ import annotations

import cairosvg


def render_png(svg: bytes, size: int) -> bytes:
    """A ``size`` × ``size`` PNG of a square SVG master."""
    return cairosvg.svg2png(bytestring=svg, output_width=size, output_height=size, unsafe=False)
