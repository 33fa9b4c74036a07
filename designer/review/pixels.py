"""Before, after and pixel-difference images of one changed design.

Both sides are read at the same size — the PNG of the asset set closest to the preview size, or
the SVG master drawn by the one rasteriser when a set has no PNGs — and composited over white, so
a change in transparency shows as it would on a white page. A pixel has changed when any channel
differs by more than :data:`TOLERANCE` (anti-aliasing jitter of one or two levels is not a change).
The difference image shows the new artwork faded to light grey with every changed pixel in
magenta, its strength the size of the change: a reviewer sees *where* it changed at a glance.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

from designer.base.errors import Location, MedbadgeError, display_path
from designer.base.files import read_bounded
from designer.review.assetsets import DesignFiles

#: The size the report shows a design at (the asset set's "large display" PNG).
PREVIEW_PX = 340
#: Channel difference (0-255) below which a pixel counts as unchanged.
TOLERANCE = 2
MAX_IMAGE_BYTES = 64 * 1024 * 1024
MAX_SIDE_PX = 4096  # the largest PNG size a build writes (assetset.options.MAX_SIZE)
MAGENTA = (214, 0, 122)


@dataclass(frozen=True)
class Pictures:
    """PNG bytes of each side (``None`` for the side a design is missing from) and the difference."""

    before: bytes | None
    after: bytes | None
    difference: bytes | None = None
    changed_pixels: int = 0
    total_pixels: int = 0

    @property
    def changed_fraction(self) -> float:
        return self.changed_pixels / self.total_pixels if self.total_pixels else 0.0


def pictures(before: tuple[Path, DesignFiles] | None, after: tuple[Path, DesignFiles] | None,
             card: bool = False, encode: bool = True) -> Pictures:
    """The images of one design from its two asset sets (``(root, files)`` per side, or ``None``):
    its badge at the preview size, or with ``card`` its share card. Without ``encode`` (a diff
    that writes no report) only the counts are made: no picture is encoded as PNG."""
    import numpy as np

    png = _png if encode else (lambda image: None)

    old, old_png = _image(*before, card) if before else (None, None)
    new, new_png = _image(*after, card) if after else (None, None)
    if old is None or new is None:
        return Pictures(old_png or png(old), new_png or png(new))
    if old.size != new.size:  # a side built with other sizes: compare at the new side's size
        old, old_png = old.resize(new.size), None
    a, b = _over_white(old), _over_white(new)
    delta = np.abs(a.astype(np.int16) - b.astype(np.int16)).max(axis=2)
    changed = delta > TOLERANCE
    if not encode:
        return Pictures(None, None, None, int(changed.sum()), int(changed.size))
    faded = (b.mean(axis=2, keepdims=True) * 0.25 + 255 * 0.75).repeat(3, axis=2)
    strength = np.clip(delta / 96.0, 0.35, 1.0)[..., None]
    mark = faded * (1 - strength) + np.array(MAGENTA, dtype=np.float64) * strength
    picture = np.where(changed[..., None], mark, faded).astype(np.uint8)
    from PIL import Image

    return Pictures(old_png or png(old), new_png or png(new), png(Image.fromarray(picture, "RGB")),
                    int(changed.sum()), int(changed.size))


def _image(root: Path, design: DesignFiles, card: bool = False):
    """The picture as an RGBA image and, when the asset set has it as a PNG, that PNG's bytes (the
    report shows the file itself: no re-encoding)."""
    from PIL import Image, UnidentifiedImageError

    entry = design.card() if card else design.preview(PREVIEW_PX)
    if entry is None:
        return None, None
    path = root / entry.path
    data = read_bounded(path, MAX_IMAGE_BYTES, "image")
    try:
        if entry.kind == "svg":
            from designer.base import raster

            return raster.render_image(data, PREVIEW_PX), None
        image = Image.open(io.BytesIO(data))
        if image.format != "PNG":
            raise ValueError(f"a {image.format} file, not a PNG")
        if max(image.size) > MAX_SIDE_PX:  # checked before the pixels are decoded
            raise ValueError(f"{image.size[0]} x {image.size[1]} px is larger than a build makes")
        image.load()
        return image.convert("RGBA"), data
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError, Image.DecompressionBombError) as error:
        raise MedbadgeError(f"the image cannot be read: {error}", Location(display_path(path)),
                            hint="rebuild the asset set with `medbadge build`") from None


def _over_white(image):
    import numpy as np

    rgba = np.asarray(image, dtype=np.float64)
    alpha = rgba[..., 3:4] / 255.0
    return np.rint(rgba[..., :3] * alpha + 255.0 * (1 - alpha)).astype(np.uint8)


def _png(image) -> bytes | None:
    if image is None:
        return None
    out = io.BytesIO()
    image.save(out, "PNG", optimize=False, compress_level=1)  # a review picture: speed over size
    return out.getvalue()
