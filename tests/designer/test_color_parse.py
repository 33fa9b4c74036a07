"""Hex colours are parsed without ColorAide (fast start) and give exactly ColorAide's values."""

from __future__ import annotations

import random

from coloraide import Color as ColorAide

from designer.base import color


def test_hex_fast_path_equals_coloraide():
    rng = random.Random(7)
    for _ in range(2000):
        text = "#" + "".join(rng.choice("0123456789abcdefABCDEF") for _ in range(rng.choice([3, 4, 6, 8])))
        assert color._parse_cached.__wrapped__(text) == color.Color.from_coloraide(ColorAide(text)), text


def test_other_syntax_still_goes_through_coloraide():
    assert color.Color.parse("rgb(255 255 255 / 50%)") == color.Color(255, 255, 255, 0.5)
    assert str(color.Color.parse("teal")) == "#008080"
