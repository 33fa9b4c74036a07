"""The studio's cached calls: ``st.cache_data`` around pure API functions, keyed by their inputs.

Editing one field re-runs the script; everything not affected by the edit comes from these caches,
which is what keeps a re-render within the 300 ms budget (see benchmarks/bench_studio.py).
"""

from __future__ import annotations

import streamlit as st

import designer
from designer.preview import preview_png
from designer.studio.previews import preview_on_page


def compose(design: designer.Design, size: int | None = None) -> designer.Artwork:
    """The artwork of ``design`` drawn for ``size`` px (``None``: the master; 96 and 64 px are the
    template's thumbnail and mark drawings, as the build ships them), cached by the design's
    content hash (its template, icon and font files included), so an edited file on disk is a
    new design and is composed again."""
    return _compose(design.key(), size, design)


@st.cache_data(show_spinner=False, max_entries=256)
def _compose(key: str, size: int | None, _design: designer.Design) -> designer.Artwork:  # "_": not hashed
    return designer.compose(_design, size)


@st.cache_data(show_spinner=False, max_entries=512)
def preview(svg: bytes, size: int, vision: str, page: str) -> bytes:
    """The preview tile shown in the studio: ``svg`` at ``size`` px on ``page``, seen with ``vision``."""
    return preview_on_page(svg, size, vision, page)


@st.cache_data(show_spinner=False, max_entries=64)
def export_png(svg: bytes, size: int) -> bytes:
    """The PNG the Export tab offers: transparent, normal vision, exactly what ``medbadge build`` renders."""
    return preview_png(svg, size)


def lint_badge(text: str, badge_set, badge_id: str) -> list:
    """Lint one badge's designs (``badge_set`` is ``text`` validated); cached by the text and by the
    designs' content hashes, so an edited template, icon, palette or font file is linted again."""
    designs = designer.resolve(badge_set, badges=[badge_id])
    return _lint_badge(text, tuple(d.key() for d in designs), _badge_set=badge_set, _designs=designs)


@st.cache_data(show_spinner=False, max_entries=64)
def _lint_badge(text: str, design_keys: tuple[str, ...], _badge_set, _designs) -> list:
    from designer.lint import lint

    return lint(_badge_set, _designs)


def icon_png(name: str, search_paths: tuple[str, ...], size: int = 40, width: int = 96) -> bytes:
    """An icon centred on a wide transparent tile, so its name fits under it on one line."""
    from designer import icon_library

    icon = icon_library.get(name, search_paths)
    return _icon_png(icon.digest, icon, size, width)


@st.cache_data(show_spinner=False, max_entries=128)
def _icon_png(digest: str, _icon, size: int, width: int) -> bytes:
    import io

    from PIL import Image

    from designer.base.raster import render_png

    icon = _icon
    glyph = Image.open(io.BytesIO(render_png(icon.svg(color="#0b5563").encode("utf-8"), size)))
    tile = Image.new("RGBA", (width, size), (0, 0, 0, 0))
    tile.paste(glyph, ((width - size) // 2, 0))
    out = io.BytesIO()
    tile.save(out, format="PNG")
    return out.getvalue()
