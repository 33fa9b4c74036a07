"""Render icon markup with CairoSVG and measure the ink, for the importer, the checks and the sheet.

Measuring by rendering is the honest way to know where an icon's ink is: it accounts for stroke
width, caps and joins, curves, arcs and transforms exactly as a renderer draws them, with no SVG
geometry code of our own to get wrong. Renders use CairoSVG's safe mode (``unsafe=False``) and only
ever receive markup this library produced from sanitized trees, so no file or URL is ever opened.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

from PIL import Image

from designer.base import raster
from designer.icon_library.markup import SVG_NS, format_attributes
from designer.base.geometry import fmt

#: Alpha (0..255) a pixel needs to count as ink: anti-aliased fringes below a quarter are ignored,
#: so an edge is located to within about half a pixel.
INK_ALPHA = 64

Box = tuple[float, float, float, float]  # x0, y0, x1, y1


def standalone_svg(body: str, view_box: Box | tuple[float, ...], root_attributes: Mapping[str, str],
                   *, width: float, height: float, color: str = "#000000") -> str:
    """A complete SVG document around ``body`` (``view_box`` given as x, y, width, height)."""
    attributes = {
        "xmlns": SVG_NS,
        "width": fmt(width, 3),
        "height": fmt(height, 3),
        "viewBox": " ".join(_number(v) for v in view_box),
        **root_attributes,
        "color": color,
    }
    return f"<svg{format_attributes(attributes)}>{body}</svg>"


def _number(value: float) -> str:
    """A viewBox number with six significant digits (three decimals are too few for a small box)."""
    return fmt(value, max(3, 6 - math.floor(math.log10(abs(value))) - 1) if value else 3)


def render_rgba(svg: str, width: int, height: int) -> Image.Image:
    """Rasterise SVG markup to an RGBA image of exactly ``width`` x ``height`` pixels."""
    return raster.render_image(svg.encode("utf-8"), width, height)


def alpha_bbox(image: Image.Image, threshold: int = INK_ALPHA) -> tuple[int, int, int, int] | None:
    """The pixel box (left, top, right, bottom; right/bottom exclusive) of pixels with alpha > threshold."""
    mask = image.getchannel("A").point(lambda a: 255 if a > threshold else 0)
    return mask.getbbox()


def ink_box(body: str, view_box: tuple[float, float, float, float], root_attributes: Mapping[str, str],
            *, px_per_unit: float | None = None, margin: float = 0.5, threshold: int = INK_ALPHA) -> Box | None:
    """Where the ink of ``body`` is, in user units, including ink *outside* the view box.

    The drawing is rendered through a view box grown by ``margin`` (a fraction of its size) on every
    side, so geometry that spills out of the declared box is seen rather than clipped. Returns
    ``None`` for an icon with no visible ink. Precision is one pixel: ``1 / px_per_unit`` units
    (default: 480 pixels across the grown box).
    """
    x, y, w, h = view_box
    side = max(w, h)
    # one square canvas from the grown box's top-left corner: the pixels come straight from cairo's
    # buffer (no PNG encode and decode), which makes a measurement several times cheaper
    grown = (x - margin * side, y - margin * side, side * (1 + 2 * margin))
    if px_per_unit is None:
        px_per_unit = 480 / (w + 2 * margin * side)
    size = max(1, round(grown[2] * px_per_unit))
    svg = standalone_svg(body, (grown[0], grown[1], grown[2], grown[2]), root_attributes, width=size, height=size)
    alpha = raster.render_pixels(svg.encode("utf-8"), size)[:, :, 3]
    rows = (alpha > threshold).any(axis=1).nonzero()[0]
    if not len(rows):
        return None
    columns = (alpha > threshold).any(axis=0).nonzero()[0]
    unit = grown[2] / size
    left, top, right, bottom = int(columns[0]), int(rows[0]), int(columns[-1]) + 1, int(rows[-1]) + 1
    return (grown[0] + left * unit, grown[1] + top * unit, grown[0] + right * unit, grown[1] + bottom * unit)


def render_icon_png(svg: str, size: int) -> bytes:
    """A square PNG of an icon document at ``size`` px (used by ``medbadge icons show -o``)."""
    return raster.render_png(svg.encode("utf-8"), size)
