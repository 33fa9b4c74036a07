"""Encode one design's share renditions, in the build worker that has just composed its badge.

Plain values in, ``(file name, bytes, kind, pixels)`` out — the worker writes and records them
beside the badge's own files, so they are cached, reused and listed in the manifest the same way.
Every PNG carries the build's descriptive text in iTXt chunks (the one chunk writer); the PDF its
document metadata.
"""

from __future__ import annotations

from designer.artwork import Artwork
from designer.base import raster
from designer.base.png import with_text_chunks
from designer.design import Design
from designer.share import pdf
from designer.share.card import HEIGHT, WIDTH, card_alt_text, compose_card
from designer.share.selection import document_date

#: The e-mail signature image: shown at 80 px, stored at 2× for high-density screens.
EMAIL_DISPLAY_PX, EMAIL_SCALE = 80, 2
_ORDER = ("Title", "Description", "Author", "Copyright", "Software")


def render_renditions(design: Design, artwork: Artwork, tree, wanted: tuple[str, ...],
                      text: dict[str, str]) -> list[tuple[str, bytes, str, int | None]]:
    """The files of the renditions in ``wanted`` (``card``, ``email``, ``print``).

    ``tree`` is the badge SVG already parsed for its PNGs (``None`` to parse here); ``text`` the
    PNG text the badge's own PNGs carry (Title, Description, Author, Copyright, Software)."""
    files = []
    name = f"{design.title} — {design.cue.label}"
    if "card" in wanted:
        card = compose_card(design, artwork)
        fields = text | {"Title": f"{name} (share card)", "Description": card_alt_text(design)}
        png = with_text_chunks(raster.render_png(card.svg, WIDTH, HEIGHT), _ordered(fields))
        files.append((f"{design.slug}-card.png", png, "card", WIDTH))
    if "email" in wanted:
        pixels = EMAIL_DISPLAY_PX * EMAIL_SCALE
        png = with_text_chunks(raster.render_png(tree if tree is not None else artwork.svg, pixels), _ordered(text))
        files.append((f"{design.slug}-email@{EMAIL_SCALE}x.png", png, "email", pixels))
    if "print" in wanted:
        info = {"Title": name, "Author": text.get("Author", design.issuer_name), "Subject": design.alt_text,
                "Keywords": ", ".join([*design.tags, design.cue.label]), "Creator": text.get("Software", "medbadge")}
        files.append((f"{design.slug}-print.pdf", pdf.print_pdf(artwork.svg, info, document_date()), "print", None))
    return files


def _ordered(fields: dict[str, str]) -> dict[str, str]:
    return {key: fields[key] for key in _ORDER if key in fields}
