"""Simulate colour-vision deficiency and greyscale on rendered images (studio previews).

The model is :mod:`designer.base.perception`, the one the tier lint rules and palette derivation
use, so what the studio shows is what the linter judges. Running ColorAide
per pixel would be far too slow for a live preview, so each model is sampled once on a 21³ grid of
sRGB colours and images are mapped through that table with trilinear interpolation (numpy).
"""

from __future__ import annotations

import io
from functools import lru_cache

import numpy as np
from PIL import Image

from designer.base.perception import VIEWS, simulate_rgb

GRID = 21


@lru_cache(maxsize=len(VIEWS))
def _table(kind: str) -> np.ndarray:
    steps = np.linspace(0, 255, GRID)
    table = np.empty((GRID, GRID, GRID, 3), dtype=np.float32)
    for i, r in enumerate(steps):
        for j, g in enumerate(steps):
            for k, b in enumerate(steps):
                table[i, j, k] = simulate_rgb((round(r), round(g), round(b)), kind)
    return table


def simulate_array(rgb: np.ndarray, kind: str) -> np.ndarray:
    """An ``H×W×3`` uint8 array as seen with ``kind``.

    A badge has few distinct colours (flat fills plus their anti-aliased edges), so only the
    distinct colours are interpolated and the result is mapped back to the pixels."""
    if kind == "normal":
        return rgb
    if kind not in VIEWS:
        raise ValueError(f"unknown vision '{kind}': use one of {', '.join(VIEWS)}")
    packed = (rgb[..., 0].astype(np.uint32) << 16) | (rgb[..., 1].astype(np.uint32) << 8) | rgb[..., 2]
    unique, inverse = np.unique(packed.ravel(), return_inverse=True)
    colours = np.stack([(unique >> 16) & 255, (unique >> 8) & 255, unique & 255], axis=-1).astype(np.uint8)
    return _interpolate(colours, _table(kind))[inverse].reshape(rgb.shape)


def _interpolate(rgb: np.ndarray, table: np.ndarray) -> np.ndarray:
    pos = rgb.astype(np.float32) * ((GRID - 1) / 255)
    lo = np.minimum(pos.astype(np.int32), GRID - 2)
    frac = pos - lo
    out = np.zeros(rgb.shape, dtype=np.float32)
    for dr in (0, 1):
        wr = frac[..., 0] if dr else 1 - frac[..., 0]
        for dg in (0, 1):
            wg = frac[..., 1] if dg else 1 - frac[..., 1]
            for db in (0, 1):
                wb = frac[..., 2] if db else 1 - frac[..., 2]
                weight = (wr * wg * wb)[..., None]
                out += weight * table[lo[..., 0] + dr, lo[..., 1] + dg, lo[..., 2] + db]
    return np.clip(np.rint(out), 0, 255).astype(np.uint8)


def simulate_png(png: bytes, kind: str) -> bytes:
    """A PNG as seen with ``kind`` (alpha kept)."""
    if kind == "normal":
        return png
    image = Image.open(io.BytesIO(png)).convert("RGBA")
    pixels = np.asarray(image)
    rgb = simulate_array(np.ascontiguousarray(pixels[..., :3]), kind)
    result = Image.fromarray(np.dstack([rgb, pixels[..., 3]]), "RGBA")
    out = io.BytesIO()
    result.save(out, format="PNG")
    return out.getvalue()
