"""Regenerate the pictures of the starter sets in docs/init.md.

    python docs/render_init.py

For each built-in framework, runs ``medbadge init --framework NAME --template mixed --no-input``
and ``medbadge build`` in a scratch folder, then lays the built 96 px PNGs out as one picture,
``docs/img/init-<framework>.png``: a row per badge, its tiers side by side, two badges to a row.
The pictures are what a school gets before it edits anything.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

import designer
from designer import frameworks
from designer.cli import main as medbadge
from designer.text.fonts import font_path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "img"
SIZE = 96
GAP = 8
COLUMNS = 2
LABEL = 22


def picture(badge_set: Path, dist: Path) -> Image.Image:
    model = designer.load(badge_set).model
    tiers = [tier.id for tier in model.tiers] if isinstance(model.tiers, list) else [
        t.id for t in designer.palettes.tier_schemes()[model.tiers].tiers]
    cell_w = len(tiers) * (SIZE + GAP) + 3 * GAP
    cell_h = SIZE + LABEL + GAP
    rows = -(-len(model.badges) // COLUMNS)
    sheet = Image.new("RGB", (COLUMNS * cell_w + GAP, rows * cell_h + GAP), "white")
    draw = ImageDraw.Draw(sheet)
    font = ImageFont.truetype(str(font_path("Atkinson Hyperlegible", 400)[0]), 14)
    for index, badge in enumerate(model.badges):
        x0, y0 = GAP + (index % COLUMNS) * cell_w, GAP + (index // COLUMNS) * cell_h
        code = badge.alignment[0].code if badge.alignment else ""
        label = badge.title if code in ("", badge.title) else f"{code}  {badge.title}"
        draw.text((x0, y0), label, fill="#222222", font=font)
        for column, tier in enumerate(tiers):
            image = Image.open(dist / badge.id / f"{badge.id}-{tier}-{SIZE}.png").convert("RGBA")
            sheet.paste(image, (x0 + column * (SIZE + GAP), y0 + LABEL), image)
    return sheet


def main() -> int:
    with tempfile.TemporaryDirectory() as scratch:
        for name in frameworks.names():
            target = Path(scratch) / name
            code = medbadge(["init", str(target), "--school", "Northfield School of Medicine", "--url",
                             "https://northfield-med.example", "--framework", name, "--template", "mixed",
                             "--no-input"])
            code = code or medbadge(["build", str(target / "badges.yaml"), "-o", str(target / "dist"),
                                     "--sizes", str(SIZE), "--format", "png", "-q"])
            if code:
                return code
            out = OUT / f"init-{name}.png"
            picture(target / "badges.yaml", target / "dist").quantize(colors=128).save(out, optimize=True)
            print(f"wrote {out.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
