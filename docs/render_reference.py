"""Regenerate the reference renders shown in the README and the docs.

    python docs/render_reference.py

Writes ``docs/img/example-tiers.png`` (one badge of each domain in all four tiers, at 150 px),
``docs/img/example-sizes.png`` (one badge at 300, 96 and 64 px) and ``docs/img/redesign-after.png``
(six badges in the four tiers at 96 px, on white, on #121212 and in greyscale: the "after" of the
README's before/after) from the bundled example, through the public API and CairoSVG — what
users get.
"""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image

import designer
from designer.base.raster import render_png

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "medical-school" / "badges.yaml"
OUT = ROOT / "docs" / "img"
SHOWN = ["history-taking", "safe-prescribing", "patient-communication", "psychiatry"]  # one per domain
#: The badges of the before/after picture (the "before" was drawn from the same six in 0.1.0).
COMPARED = ["history-taking", "clinical-procedures", "professionalism", "paediatrics", "patient-safety", "urgent-care"]


def _png(artwork, size: int) -> Image.Image:
    return Image.open(io.BytesIO(render_png(artwork.svg, size))).convert("RGBA")


def main() -> None:
    designs = designer.resolve(designer.load(EXAMPLE), badges=SHOWN)
    cell, pad = 150, 10
    by_badge = {b: [d for d in designs if d.badge_id == b] for b in SHOWN}
    sheet = Image.new("RGBA", (pad + 4 * (cell + pad), pad + len(SHOWN) * (cell + pad)), "white")
    for row, badge in enumerate(SHOWN):
        for col, design in enumerate(by_badge[badge]):
            image = _png(designer.compose(design), cell)
            sheet.alpha_composite(image, (pad + col * (cell + pad), pad + row * (cell + pad)))
    OUT.mkdir(parents=True, exist_ok=True)
    sheet.convert("RGB").save(OUT / "example-tiers.png", optimize=True)

    design = by_badge["history-taking"][2]
    sizes = [300, 96, 64]
    strip = Image.new("RGBA", (pad + sum(s + pad for s in sizes), 300 + 2 * pad), "white")
    x = pad
    for size in sizes:
        # composed for its size, as the build does (the 96 px thumbnail and the 64 px mark drawings)
        strip.alpha_composite(_png(designer.compose(design, size), size), (x, pad + (300 - size) // 2))
        x += size + pad
    strip.convert("RGB").save(OUT / "example-sizes.png", optimize=True)

    _redesign_after()


def _redesign_after(size: int = 96, gap: int = 14) -> None:
    """Six badges × four tiers at ``size`` px, each composed for that size, on white, on #121212
    and in greyscale, side by side."""
    from PIL import ImageOps

    designs = designer.resolve(designer.load(EXAMPLE), badges=COMPARED)
    by_badge = {b: [d for d in designs if d.badge_id == b] for b in COMPARED}
    width, height = gap + len(COMPARED) * (size + gap), gap + 4 * (size + gap)
    panels = []
    for page, grey in (("white", False), ("#121212", False), ("white", True)):
        panel = Image.new("RGBA", (width, height), page)
        for col, badge in enumerate(COMPARED):
            for row, design in enumerate(by_badge[badge]):
                panel.alpha_composite(_png(designer.compose(design, size), size),
                                      (gap + col * (size + gap), gap + row * (size + gap)))
        panel = panel.convert("RGB")
        panels.append(ImageOps.grayscale(panel).convert("RGB") if grey else panel)
    sheet = Image.new("RGB", (3 * width, height), "white")
    for index, panel in enumerate(panels):
        sheet.paste(panel, (index * width, 0))
    sheet.save(OUT / "redesign-after.png", optimize=True)


if __name__ == "__main__":
    main()
