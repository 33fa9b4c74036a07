"""Colour-vision simulation of images matches ColorAide's models (what the tier lint uses)."""

from __future__ import annotations

import io
import random

import numpy as np
from coloraide import Color as CAColor
from PIL import Image

from designer.base.perception import simulate_rgb
from designer.vision import simulate_array, simulate_png


def test_table_matches_the_exact_model():
    rng = random.Random(7)
    colours = [(rng.randrange(256), rng.randrange(256), rng.randrange(256)) for _ in range(200)]
    array = np.array([colours], dtype=np.uint8)
    for kind in ("protan", "deutan", "tritan", "greyscale"):
        fast = simulate_array(array, kind)[0]
        errors = sorted(max(abs(int(a) - b) for a, b in zip(got, simulate_rgb(rgb, kind)))
                        for rgb, got in zip(colours, fast))
        # a preview, not a measurement: small interpolation error, a little more where a model
        # clips to the gamut edge (Brettel's tritan planes)
        assert errors[int(len(errors) * 0.95)] <= 3, (kind, errors[-10:])
        assert errors[-1] <= 12, (kind, errors[-10:])


def test_red_and_green_collapse_for_deuteranopes_but_not_in_normal_vision():
    red, green = (200, 40, 40), (40, 160, 40)

    def delta(a, b):
        return CAColor("srgb", [c / 255 for c in a]).delta_e(CAColor("srgb", [c / 255 for c in b]), method="2000")

    assert delta(red, green) > 50
    assert delta(simulate_rgb(red, "deutan"), simulate_rgb(green, "deutan")) < delta(red, green) / 2
    grey = simulate_rgb((220, 159, 20), "greyscale")
    assert grey[0] == grey[1] == grey[2]


def test_png_keeps_size_and_alpha():
    image = Image.new("RGBA", (40, 30), (200, 40, 40, 0))
    image.paste((40, 160, 40, 255), (10, 10, 30, 20))
    out = Image.open(io.BytesIO(simulate_png(_png(image), "protan")))
    assert out.size == (40, 30) and out.mode == "RGBA"
    assert out.getpixel((0, 0))[3] == 0 and out.getpixel((15, 15))[3] == 255
    assert out.getpixel((15, 15))[:3] != (40, 160, 40)
    assert simulate_png(_png(image), "normal") == _png(image)


def _png(image: Image.Image) -> bytes:
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()
