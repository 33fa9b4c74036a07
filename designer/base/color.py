"""Colour as a small immutable value, and the WCAG contrast arithmetic.

Colours in a badge are 8-bit sRGB (that is what ends up in the SVG and the PNG), with an optional
alpha. Parsing of CSS colour syntax is delegated to ColorAide; everything the linter compares is
done on the quantised 8-bit value, so what is measured is what is drawn.

The WCAG 2.2 relative luminance uses the spec's own coefficients (0.2126, 0.7152, 0.0722) and the
0.04045 linearisation threshold — not a colour library's exact sRGB matrix, which flips pass/fail
for hundreds of 8-bit colours next to the 4.5 and 3.0 thresholds (WCAG 2.2, definition of relative luminance).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # ColorAide is imported when a colour is first parsed or converted, not at start-up
    from coloraide import Color as _CAColor


class ColorParseError(ValueError):
    """A string that is not a colour; the message says what forms are accepted."""


@dataclass(frozen=True, order=True)
class Color:
    """An 8-bit sRGB colour with alpha in 0..1.

    >>> Color.parse("#0B5563")
    Color.parse('#0b5563')
    >>> str(Color.parse("rgb(255 255 255 / 50%)"))
    '#ffffff80'
    """

    r: int
    g: int
    b: int
    alpha: float = 1.0

    @classmethod
    def parse(cls, text: str) -> Color:
        return _parse_cached(text.strip())

    def __str__(self) -> str:
        base = f"#{self.r:02x}{self.g:02x}{self.b:02x}"
        if self.alpha >= 1.0:
            return base
        return base + f"{round(self.alpha * 255):02x}"

    def __repr__(self) -> str:
        return f"Color.parse({str(self)!r})"

    @property
    def hex(self) -> str:
        """``#rrggbb`` without alpha (for SVG attributes; alpha goes to ``*-opacity``)."""
        return f"#{self.r:02x}{self.g:02x}{self.b:02x}"

    @property
    def opaque(self) -> bool:
        return self.alpha >= 1.0

    def over(self, backdrop: Color) -> Color:
        """This colour composited over an opaque ``backdrop`` in sRGB (WCAG measures the result)."""
        if self.opaque:
            return self
        a = self.alpha

        def mix(top: int, bottom: int) -> int:
            return round(top * a + bottom * (1 - a))

        return Color(mix(self.r, backdrop.r), mix(self.g, backdrop.g), mix(self.b, backdrop.b), 1.0)

    def relative_luminance(self) -> float:
        """WCAG 2.2 relative luminance of the opaque colour (alpha ignored: composite first)."""
        return 0.2126 * _linear(self.r) + 0.7152 * _linear(self.g) + 0.0722 * _linear(self.b)

    def to_coloraide(self) -> _CAColor:
        from coloraide import Color as _CAColor

        return _CAColor("srgb", [self.r / 255, self.g / 255, self.b / 255], self.alpha)

    @classmethod
    def from_coloraide(cls, color: _CAColor) -> Color:
        srgb = color.convert("srgb")
        if not srgb.in_gamut():
            srgb = srgb.fit(method="oklch-chroma")
        r, g, b = (min(255, max(0, round(c * 255))) for c in srgb.coords(nans=False))
        return cls(r, g, b, round(float(srgb.alpha(nans=False)), 4))


_HEX = re.compile(r"#([0-9a-fA-F]{3,4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})")


def _parse_hex(digits: str) -> Color:
    """``#rgb``, ``#rgba``, ``#rrggbb``, ``#rrggbbaa`` without ColorAide (whose import alone costs a
    tenth of a second): palettes are written in hex, so most commands never need it."""
    if len(digits) <= 4:
        digits = "".join(c * 2 for c in digits)
    r, g, b = (int(digits[i:i + 2], 16) for i in (0, 2, 4))
    alpha = round(int(digits[6:8], 16) / 255, 4) if len(digits) == 8 else 1.0
    return Color(r, g, b, alpha)


@lru_cache(maxsize=4096)
def _parse_cached(text: str) -> Color:
    hex_match = _HEX.fullmatch(text)
    if hex_match:
        return _parse_hex(hex_match.group(1))
    from coloraide import Color as _CAColor

    try:
        parsed = _CAColor(text)
    except (ValueError, TypeError):
        raise ColorParseError(
            f"'{text}' is not a colour: use #rrggbb, #rgb, rgb(...), hsl(...) or a CSS colour name"
        ) from None
    if not _in_range(parsed):
        raise ColorParseError(
            f"'{text}' is not a colour: its numbers must be finite and in range "
            "(rgb 0-255 or 0%-100%, hsl and hwb 0%-100%, alpha 0-1)"
        )
    return Color.from_coloraide(parsed)


def _in_range(color: _CAColor) -> bool:
    """Whether every number of a parsed colour is finite and in range, so that converting it can
    neither overflow (``rgb(1e308,0,0)``) nor turn an absurd value into some colour silently.

    A channel the colour space bounds (sRGB's red, green and blue, saturation, whiteness, alpha)
    must lie in its range; a hue may be any finite angle; an unbounded channel (Lab's a and b,
    a chroma) may go as far again beyond its usual range, which is past every real colour."""
    from coloraide.channels import FLG_ANGLE as _ANGLE

    channels = color.CS_MAP[color.space()].CHANNELS
    values = [*color.coords(nans=False), color.alpha(nans=False)]
    limits = [*channels, None]
    for value, channel in zip(values, limits):
        if not math.isfinite(value):
            return False
        if channel is None:  # alpha
            low, high, bound = 0.0, 1.0, True
        else:
            low, high, bound = channel.low, channel.high, channel.bound
            if channel.flags & _ANGLE:
                continue
        slack = 1e-9 if bound else high - low
        if not low - slack <= value <= high + slack:
            return False
    return True


def _linear(channel: int) -> float:
    c = channel / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


#: The contrast a graphical object needs against what is next to it (WCAG 2.2 SC 1.4.11).
GRAPHIC_RATIO = 3.0


def contrast_ratio(foreground: Color, background: Color) -> float:
    """WCAG contrast ratio, 1..21, of ``foreground`` composited over an opaque ``background``.

    Never rounded: 4.499 fails a 4.5 threshold.

    >>> round(contrast_ratio(Color.parse("#777777"), Color.parse("#ffffff")), 3)
    4.478
    >>> round(contrast_ratio(Color.parse("#767676"), Color.parse("#ffffff")), 3)
    4.542
    """
    fg = foreground.over(background)
    l1, l2 = fg.relative_luminance(), background.relative_luminance()
    lighter, darker = max(l1, l2), min(l1, l2)
    return (lighter + 0.05) / (darker + 0.05)
