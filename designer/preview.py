"""Preview images of artwork: a PNG at a display size, optionally as seen with a colour-vision
deficiency or in greyscale. Pure functions; the studio caches them."""

from __future__ import annotations

from designer.base.raster import render_png
from designer.vision import simulate_png


def preview_png(svg: bytes, size: int, vision: str = "normal") -> bytes:
    """``svg`` rendered at ``size`` px as seen with ``vision`` (normal, protan, deutan, tritan,
    greyscale)."""
    return simulate_png(render_png(svg, size), vision)
