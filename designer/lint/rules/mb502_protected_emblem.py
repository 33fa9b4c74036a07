"""A protected emblem used without a declared right.

What
    The badge's icon is a protected emblem: the red cross, the red crescent (Geneva Conventions
    and national law) or the Star of Life (a registered emblem of emergency medical services in
    several countries). The use is allowed only when the badge set declares the right to use it.

    **How a right is declared:** a suppression of this rule for the badge, whose reason names the
    authorisation::

        lint:
          suppress:
            - code: MB502
              badge: first-aid
              reason: "Issued by the national Red Cross society (licence 2024-17)"

Why
    The red cross on white is not a generic health mark; misuse is unlawful in most countries and
    weakens the emblem's protective meaning (Geneva Convention I, 1949, Articles 38 and 44; Additional Protocol III, 2005).

Example
    ``icon: red-cross`` on a first-aid badge of a medical school; or ``health-cross`` (or a user's
    ``first-aid.svg``) drawn in red on a white face.

Fix
    Use a neutral symbol (``health-cross`` in green or white, ``heart-pulse``), or declare the
    right as above.
"""

from __future__ import annotations

import sys

from designer.icon_library import EMBLEMS

CODE = "MB502"
NAME = "protected-emblem"
SUMMARY = "Protected emblem (red cross, red crescent, Star of Life) without a declared right"
SEVERITY = "error"


def check(context):
    icon = context.design.icon
    labelled = bool(icon.emblem and EMBLEMS.get(icon.emblem, {}).get("protected"))
    seen = looks_like_emblem(context)
    if not (labelled or seen):
        return
    if labelled and seen:
        what = f"is the protected {icon.emblem} emblem (catalog) and is drawn as one ({seen})"
    elif labelled:
        what = f"is the protected {icon.emblem} emblem"
    else:
        what = f"looks like a protected emblem: {seen}"
    yield context.violation(sys.modules[__name__],
                            f"icon '{icon.name}' {what}; declare the right to use it with a suppression and a "
                            f"reason, or use another symbol or colour", location=context.badge_location("icon"),
                            tier=False)


# --- appearance ------------------------------------------------------------------------------------
EMBLEM_RED_HUE = 29.2  # OkLCh hue of #ff0000 (ICRC's red is close: #ed1c24 is 27.5°)
HUE_TOLERANCE = 35.0
MIN_CHROMA = 0.10
LIGHT_FIELD = 0.5  # WCAG relative luminance of the field around the shape
MIN_PIXELS = 40  # a part smaller than this (on the 192 px grid) is too small to read as an emblem


def looks_like_emblem(context) -> str | None:
    """``"a red cross on #ffffff"`` or ``"a red crescent on …"`` when the drawn icon shows one, else ``None``."""
    artwork, layers = context.artwork, context.layers
    if artwork is None or layers is None:
        return None
    if not any(_reddish(c.r, c.g, c.b) for c in (*artwork.icon.colors, artwork.icon.color)):
        return None  # cheap test first: no red paint in the icon, no red emblem
    import numpy as np

    from designer.lint.layers import bounds, components, dilate, luminance

    ink = layers.ink("icon")
    box = bounds(ink)
    if box is None:
        return None
    top, left = max(box[0] - 3, 0), max(box[1] - 3, 0)
    window = (slice(top, box[2] + 4), slice(left, box[3] + 4))
    rgb, alpha = layers.colours(window)
    red = _red_mask(rgb) & (alpha > 0.5) & ink[window]
    for part in components(red):
        if part.sum() < MIN_PIXELS:
            continue
        shape = _fill_holes(part)
        kind = "cross" if _is_greek_cross(shape) else "crescent" if _is_crescent(shape) else None
        if kind is None:
            continue
        ring = dilate(shape, 2) & ~dilate(shape, 0) & ~red & (alpha > 0.99)
        if not ring.any():
            continue
        field = rgb[ring]
        field_luminance = luminance(field)
        if np.median(field_luminance) >= LIGHT_FIELD:
            r, g, b = (int(v) for v in np.median(field, axis=0))
            return f"a red {kind} on a light field (#{r:02x}{g:02x}{b:02x})"
    return None


def _reddish(r: int, g: int, b: int) -> bool:
    import numpy as np

    return bool(_red_mask(np.array([[[r, g, b]]], dtype=float))[0, 0])


def _oklch(rgb):
    """OkLCh lightness, chroma and hue (degrees) of ``…×3`` sRGB 0-255 (Björn Ottosson's Oklab)."""
    import numpy as np

    c = np.clip(rgb, 0, 255) / 255
    lin = np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)
    m1 = np.array([[0.4122214708, 0.5363325363, 0.0514459929], [0.2119034982, 0.6806995451, 0.1073969566],
                   [0.0883024619, 0.2817188376, 0.6299787005]])
    m2 = np.array([[0.2104542553, 0.7936177850, -0.0040720468], [1.9779984951, -2.4285922050, 0.4505937099],
                   [0.0259040371, 0.7827717662, -0.8086757660]])
    lab = np.cbrt(lin @ m1.T) @ m2.T
    chroma = np.hypot(lab[..., 1], lab[..., 2])
    hue = np.degrees(np.arctan2(lab[..., 2], lab[..., 1])) % 360
    return lab[..., 0], chroma, hue


def _red_mask(rgb):
    import numpy as np

    _, chroma, hue = _oklch(rgb)
    off = np.abs((hue - EMBLEM_RED_HUE + 180) % 360 - 180)
    return (chroma >= MIN_CHROMA) & (off <= HUE_TOLERANCE)


def _fill_holes(mask):
    """``mask`` with every region it encloses filled (the outside is what the border reaches)."""
    import numpy as np

    padded = np.pad(mask, 1)
    outside = np.zeros_like(padded)
    outside[0, :] = outside[-1, :] = outside[:, 0] = outside[:, -1] = True
    outside &= ~padded
    while True:
        grown = outside.copy()
        grown[1:, :] |= outside[:-1, :]
        grown[:-1, :] |= outside[1:, :]
        grown[:, 1:] |= outside[:, :-1]
        grown[:, :-1] |= outside[:, 1:]
        grown &= ~padded
        if (grown == outside).all():
            break
        outside = grown
    return ~outside[1:-1, 1:-1]


def _cells(shape):
    """The ink share of each cell of a 3 × 3 grid over the shape's box."""
    import numpy as np

    ys, xs = np.nonzero(shape)
    top, bottom, left, right = ys.min(), ys.max() + 1, xs.min(), xs.max() + 1
    height, width = bottom - top, right - left
    cut_y = [top + round(height * i / 3) for i in range(4)]
    cut_x = [left + round(width * i / 3) for i in range(4)]
    return np.array([[shape[cut_y[i]:cut_y[i + 1], cut_x[j]:cut_x[j + 1]].mean() for j in range(3)]
                     for i in range(3)]), width, height


def _sample(shape, fx: float, fy: float) -> float:
    """The ink share of a 3 × 3 pixel patch at ``(fx, fy)`` of the shape's box (0..1 each)."""
    import numpy as np

    ys, xs = np.nonzero(shape)
    y = int(round(ys.min() + fy * (ys.max() - ys.min())))
    x = int(round(xs.min() + fx * (xs.max() - xs.min())))
    return float(shape[max(y - 1, 0):y + 2, max(x - 1, 0):x + 2].mean())


def _is_greek_cross(shape) -> bool:
    """Four arms of about equal length meeting at right angles: the middle and the arm ends are
    ink, the four corners (a sixth of the way in along both axes) are empty — which a disc,
    a square or a ring is not."""
    _, width, height = _cells(shape)
    if not 0.75 <= width / height <= 1.33 or min(width, height) < 8:
        return False
    arms = [(0.5, 0.5), (0.5, 0.1), (0.1, 0.5), (0.9, 0.5), (0.5, 0.9)]
    corners = [(0.17, 0.17), (0.83, 0.17), (0.17, 0.83), (0.83, 0.83)]
    return min(_sample(shape, *p) for p in arms) >= 0.6 and max(_sample(shape, *p) for p in corners) <= 0.34


def _is_crescent(shape) -> bool:
    import numpy as np

    cells, width, height = _cells(shape)
    if not 0.35 <= width / height <= 0.95 or height < 8:  # the emblem stands upright, opening to a side
        return False
    ys, xs = np.nonzero(shape)
    fill = len(ys) / (np.pi / 4 * width * height)  # share of the ellipse in the box
    off = abs(xs.mean() - (xs.min() + xs.max()) / 2) / width  # its mass is on the closed side
    box = shape[ys.min():ys.max() + 1, xs.min():xs.max() + 1]
    mirrored = (box & box[::-1]).sum() / max((box | box[::-1]).sum(), 1)  # its tips mirror each other
    return 0.2 <= fill <= 0.7 and cells[1, 1] <= 0.35 and off >= 0.08 and mirrored >= 0.7
