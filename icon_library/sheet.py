"""Specimen sheets: every icon at 24, 48 and 96 px with its name, as a PNG and as an HTML page.

A specimen is how a designer *sees* the library: whether the icons share a weight and a grid, and
which ones survive at badge sizes. The PNG is rendered with CairoSVG (icons) and Pillow (labels in
Atkinson Hyperlegible, the project's default face); the HTML page inlines the sanitized SVG of each
icon so it can be opened anywhere without files beside it. Both are deterministic: icons in name
order, fixed layout, no timestamps or metadata, so regenerating an unchanged library gives the same
bytes.
"""

from __future__ import annotations

import html
import io
import math
import os
from collections.abc import Sequence
from pathlib import Path

import fontpkg
from PIL import Image, ImageDraw, ImageFont

from designer.base.files import write_all_atomic, write_atomic
from designer.icon_library.model import Icon
from designer.icon_library.raster import render_rgba

SIZES = (24, 48, 96)
COLUMNS = 4
CELL_WIDTH, CELL_HEIGHT = 300, 172
MARGIN, HEADER = 32, 72
INK = "#1f2933"
MUTED = "#5f6b7a"
RULE = "#d9dee5"
BACKGROUND = "#ffffff"


def _font(size: int, weight: int = 400) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(fontpkg.path("Atkinson Hyperlegible", weight=weight)), size)


def render_png_sheet(icons: Sequence[Icon], *, title: str = "medbadge icon library") -> bytes:
    """The specimen as PNG bytes: a grid of cells, each icon at every size in :data:`SIZES`."""
    rows = max(1, math.ceil(len(icons) / COLUMNS))
    width = 2 * MARGIN + COLUMNS * CELL_WIDTH
    height = MARGIN + HEADER + rows * CELL_HEIGHT + MARGIN
    sheet = Image.new("RGBA", (width, height), BACKGROUND)
    draw = ImageDraw.Draw(sheet)
    draw.text((MARGIN, MARGIN), title, font=_font(28, 700), fill=INK)
    sizes = " / ".join(str(s) for s in SIZES)
    draw.text((MARGIN, MARGIN + 38), f"{len(icons)} icons at {sizes} px · 24-unit grid · 2-unit stroke · currentColor",
              font=_font(16), fill=MUTED)
    name_font, title_font = _font(17, 700), _font(14)
    for index, icon in enumerate(icons):
        column, row = index % COLUMNS, index // COLUMNS
        left = MARGIN + column * CELL_WIDTH
        top = MARGIN + HEADER + row * CELL_HEIGHT
        draw.rectangle((left, top, left + CELL_WIDTH - 1, top + CELL_HEIGHT - 1), outline=RULE, width=1)
        x = left + 16
        baseline = top + 16 + max(SIZES)  # icons sit on a common baseline, smallest first
        for size in SIZES:
            image = render_rgba(icon.svg(color=INK, size=size), size, size)
            sheet.alpha_composite(image, (x, baseline - size))
            x += size + 20
        draw.text((left + 16, baseline + 12), icon.name, font=name_font, fill=INK)
        draw.text((left + 16, baseline + 34), _shorten(icon.title, 34), font=title_font, fill=MUTED)
    buffer = io.BytesIO()
    sheet.convert("RGB").save(buffer, format="PNG", optimize=False)
    return buffer.getvalue()


def render_html_sheet(icons: Sequence[Icon], *, title: str = "medbadge icon library") -> str:
    """The specimen as one self-contained HTML page with inline SVG (no scripts, no external files)."""
    figures = []
    for icon in icons:
        svgs = "".join(icon.svg(size=size).replace("<svg ", '<svg role="img" aria-hidden="true" ', 1)
                       for size in SIZES)
        emblem = f' <span class="emblem">{html.escape(icon.emblem)}</span>' if icon.emblem else ""
        figures.append(
            f'<figure id="{html.escape(icon.name)}"><div class="sizes">{svgs}</div>'
            f"<figcaption><b>{html.escape(icon.name)}</b>{emblem}<br>{html.escape(icon.title)}"
            f'<br><small>{html.escape(", ".join(icon.categories))} · {html.escape(icon.licence)}</small>'
            "</figcaption></figure>")
    style = (f"body{{font-family:'Atkinson Hyperlegible',system-ui,sans-serif;color:{INK};margin:2rem}}"
             "main{display:grid;grid-template-columns:repeat(auto-fill,minmax(260px,1fr));gap:12px}"
             f"figure{{margin:0;padding:12px;border:1px solid {RULE};border-radius:6px}}"
             ".sizes{display:flex;align-items:flex-end;gap:16px;height:100px}"
             f"figcaption{{margin-top:8px}}small,.emblem{{color:{MUTED}}}")
    return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            f"<title>{html.escape(title)}</title><style>{style}</style></head><body>"
            f"<h1>{html.escape(title)}</h1><p>{len(icons)} icons at {' / '.join(map(str, SIZES))} px.</p>"
            f"<main>{''.join(figures)}</main></body></html>\n")


def write_png_sheet(path: str | os.PathLike[str], icons: Sequence[Icon]) -> Path:
    """Render and write the PNG specimen atomically; returns the path written."""
    return write_atomic(Path(path), render_png_sheet(icons), make_parents=True)


def write_html_sheet(path: str | os.PathLike[str], icons: Sequence[Icon]) -> Path:
    """Render and write the HTML specimen atomically; returns the path written."""
    return write_atomic(Path(path), render_html_sheet(icons).encode("utf-8"), make_parents=True)


def write_sheets(png_path: str | os.PathLike[str], icons: Sequence[Icon],
                 html_path: str | os.PathLike[str] | None = None) -> list[Path]:
    """Write the PNG specimen (and the HTML one) together: both files or, on any failure, neither.

    Missing folders are created and removed again if the write fails; a read-only or full folder
    is a :class:`~designer.base.errors.MedbadgeError` naming the file.
    """
    from designer.icon_library.importer import make_folders, remove_folders

    files = [(Path(png_path), render_png_sheet(icons))]
    if html_path is not None:
        files.append((Path(html_path), render_html_sheet(icons).encode("utf-8")))
    created: list[Path] = []
    try:
        for path, _data in files:
            created += make_folders(path.parent if str(path.parent) else Path("."))
        write_all_atomic(files)
    except BaseException:
        remove_folders(created)
        raise
    return [path for path, _data in files]


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
