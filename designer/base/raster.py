"""The one rasteriser: SVG to pixels with CairoSVG, always in its safe mode.

Safe mode (``unsafe=False``) means CairoSVG opens no file and no URL that an SVG names. Every
render in medbadge — the asset set's PNGs, previews, lint measurements, icon checks and specimen
sheets — goes through this module, so they all draw the same pixels for the same SVG.

A parsed tree can be drawn at several sizes (the build parses each master once for all its PNG
sizes); the pixels can be had as PNG bytes, as a Pillow image, or straight from cairo's buffer as
a numpy array (no PNG encode and decode) for measurements.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING, Any

from designer.base.interrupt import deferred

if TYPE_CHECKING:  # heavy imports happen on first use, not when a command starts
    from PIL import Image


def parse(svg: bytes) -> Any:
    """CairoSVG's tree of ``svg`` (safe mode); raises whatever CairoSVG or its XML parser raises."""
    from cairosvg.parser import Tree

    return Tree(bytestring=svg, unsafe=False)


def _surface(svg: bytes | Any, width: int, height: int, output: io.BytesIO | None):
    from cairosvg.surface import PNGSurface

    tree = parse(svg) if isinstance(svg, (bytes, bytearray)) else svg
    return PNGSurface(tree, output, 96, output_width=width, output_height=height)


def render_png(svg: bytes | Any, width: int, height: int | None = None) -> bytes:
    """A ``width`` × ``height`` (default square) PNG of ``svg`` (bytes or a :func:`parse` tree)."""
    output = io.BytesIO()
    with deferred():  # cairo writes through a Python callback: let Ctrl-C wait for it
        _surface(svg, width, height or width, output).finish()
    return output.getvalue()


def render_image(svg: bytes | Any, width: int, height: int | None = None) -> Image.Image:
    """The render as an RGBA Pillow image."""
    from PIL import Image

    image = Image.open(io.BytesIO(render_png(svg, width, height)))
    image.load()
    return image.convert("RGBA")


def render_pixels(svg: bytes | Any, size: int):
    """``size × size × 4`` uint8 straight from cairo's buffer: B, G, R, A, premultiplied alpha."""
    import numpy as np

    with deferred():
        surface = _surface(svg, size, size, None)
        surface.cairo.flush()
    stride = surface.cairo.get_stride()
    data = np.frombuffer(bytes(surface.cairo.get_data()), dtype=np.uint8).reshape(size, stride)
    return data[:, : size * 4].reshape(size, size, 4)
