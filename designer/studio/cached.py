"""The studio's cached calls: ``st.cache_data`` around pure API functions, keyed by their inputs.

Editing one field re-runs the script; everything not affected by the edit comes from these caches,
which is what keeps a re-render within the 300 ms budget (see benchmarks/bench_studio.py).
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

import designer
from designer.preview import preview_png


@st.cache_data(show_spinner=False, max_entries=256)
def compose(design: designer.Design) -> designer.Artwork:
    return designer.compose(design)


@st.cache_data(show_spinner=False, max_entries=512)
def preview(svg: bytes, size: int, vision: str) -> bytes:
    return preview_png(svg, size, vision)


@st.cache_data(show_spinner=False, max_entries=64)
def lint_badge(text: str, path: str, badge_id: str) -> list:
    from designer.badgeset.load import loads
    from designer.lint import lint

    badge_set = loads(text, Path(path))
    return lint(badge_set, designer.resolve(badge_set, badges=[badge_id]))


@st.cache_data(show_spinner=False, max_entries=128)
def icon_png(name: str, search_paths: tuple[str, ...], size: int = 40, width: int = 96) -> bytes:
    """An icon centred on a wide transparent tile, so its name fits under it on one line."""
    import io

    from PIL import Image

    from designer import icon_library
    from designer.base.raster import render_png

    icon = icon_library.get(name, search_paths)
    glyph = Image.open(io.BytesIO(render_png(icon.svg(color="#0b5563").encode("utf-8"), size)))
    tile = Image.new("RGBA", (width, size), (0, 0, 0, 0))
    tile.paste(glyph, ((width - size) // 2, 0))
    out = io.BytesIO()
    tile.save(out, format="PNG")
    return out.getvalue()
