"""The studio's preview images: a badge at a display size, on the chosen page, as someone sees it.

The pages are the ones the diff report offers (:data:`designer.base.pages.PAGES`: white, light
grey, dark ``#121212``) plus greyscale — the badge on the white page through the greyscale view
of :mod:`designer.base.perception`, where a tier must read by lightness and cue alone. A preview
is opaque: the badge is drawn on a tile of the page colour with a margin around it, so its edge
is judged against the page (the halo is designed for 3:1 on white and on ``#121212``). The view
is applied to the whole tile, page included, because a person with a colour-vision deficiency
sees the page too.
"""

from __future__ import annotations

import io

from designer.base.pages import PAGES, page_colour
from designer.base.raster import render_image

GREYSCALE = "greyscale"
#: The choices of the studio's page control, in order.
PAGE_CHOICES = (*(page.key for page in PAGES), GREYSCALE)
PAGE_LABELS = {**{page.key: f"{page.label} ({page.colour})" for page in PAGES}, GREYSCALE: "Greyscale (on white)"}


def margin(size: int) -> int:
    """The page shown on each side of a ``size`` px badge: enough to judge its edge against the page."""
    return max(4, round(size * 0.08))


def tile_size(size: int) -> int:
    """The width and height of the preview tile of a ``size`` px badge."""
    return size + 2 * margin(size)


def seen_view(page: str, vision: str) -> str:
    """The view a preview is drawn with: greyscale on the greyscale page, else the chosen vision."""
    return GREYSCALE if page == GREYSCALE else vision


def preview_on_page(svg: bytes, size: int, vision: str, page: str) -> bytes:
    """``svg`` rendered at ``size`` px on a tile of ``page`` (a :data:`PAGE_CHOICES` key), seen
    with ``vision``, as an opaque PNG of :func:`tile_size` px square."""
    import numpy as np
    from PIL import Image, ImageColor

    from designer.vision import simulate_array

    if page not in PAGE_CHOICES:
        raise ValueError(f"unknown page '{page}': use one of {', '.join(PAGE_CHOICES)}")
    badge = render_image(svg, size)
    pad = margin(size)
    colour = page_colour("white" if page == GREYSCALE else page)
    tile = Image.new("RGBA", (tile_size(size),) * 2, ImageColor.getrgb(colour) + (255,))
    tile.alpha_composite(badge, (pad, pad))
    rgb = simulate_array(np.ascontiguousarray(np.asarray(tile.convert("RGB"))), seen_view(page, vision))
    out = io.BytesIO()
    Image.fromarray(rgb, "RGB").save(out, format="PNG")
    return out.getvalue()
