"""How a colour is seen: colour-vision deficiency and greyscale simulation, and colour difference.

One model for the whole toolkit, so what the studio shows, what palette derivation aims for and
what the tier lint rules judge are the same: ColorAide's filters — Viénot, Brettel & Mollon 1999
for protanopia and deuteranopia, Brettel, Viénot & Mollon 1997 for tritanopia — and its greyscale
filter (the luminance of the colour), all returning sRGB; the difference is CIEDE2000
(CIE 142-2001). The views are spelt one way everywhere: ``normal``, ``protan``, ``deutan``,
``tritan``, ``greyscale``.
"""

from __future__ import annotations

from functools import lru_cache

from designer.base.color import Color

VIEWS = ("normal", "protan", "deutan", "tritan", "greyscale")
#: ColorAide's filter name for each simulated view.
_FILTERS = {"protan": "protan", "deutan": "deutan", "tritan": "tritan", "greyscale": "grayscale"}


def _check(view: str) -> None:
    if view not in VIEWS:
        raise ValueError(f"unknown view '{view}': use one of {', '.join(VIEWS)}")


@lru_cache(maxsize=4096)
def seen_as(color: Color, view: str = "normal"):
    """``color`` as a ColorAide sRGB colour after the ``view`` simulation (cached: treat as read-only)."""
    _check(view)
    simulated = color.to_coloraide()
    return simulated if view == "normal" else simulated.filter(_FILTERS[view], out_space="srgb")


@lru_cache(maxsize=65536)
def delta_e(a: Color, b: Color, view: str = "normal") -> float:
    """CIEDE2000 between ``a`` and ``b`` as seen under ``view``.

    >>> round(delta_e(Color.parse("#c0c0c0"), Color.parse("#ffd700"), "greyscale"), 1) < 10
    True
    """
    return seen_as(a, view).delta_e(seen_as(b, view), method="2000")


def simulate_rgb(rgb: tuple[int, int, int], view: str) -> tuple[int, int, int]:
    """One 8-bit sRGB colour as seen under ``view`` (the exact model; images use a table of it)."""
    if view == "normal":
        _check(view)
        return rgb
    out = seen_as(Color(*rgb), view)
    r, g, b = (min(255, max(0, round(c * 255))) for c in out.coords(nans=False))
    return (r, g, b)
