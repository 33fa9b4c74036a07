"""The print rendition: the badge as a vector PDF, drawn by CairoSVG in safe mode, with metadata.

Vector, so it prints sharp at any size; the page is :data:`PRINT_MM` square (a portfolio or
certificate badge; scale it freely). The document info — title, author (the issuer), subject (the
alt text), keywords (the tags), creator — is set through cairo's PDF metadata, and both dates
come from :func:`designer.share.selection.document_date`, so the bytes are a function of the input.
"""

from __future__ import annotations

import io

from designer.base import raster
from designer.base.interrupt import deferred

PRINT_MM = 50
_PX_PER_MM = 96 / 25.4  # CairoSVG's unit is the CSS px (96 per inch)


def print_pdf(svg: bytes, info: dict[str, str], date: str) -> bytes:
    """A ``PRINT_MM`` mm square PDF of ``svg`` with ``info`` (Title, Author, Subject, Keywords, Creator)."""
    import cairocffi
    from cairosvg.surface import PDFSurface

    keys = {"Title": cairocffi.PDF_METADATA_TITLE, "Author": cairocffi.PDF_METADATA_AUTHOR,
            "Subject": cairocffi.PDF_METADATA_SUBJECT, "Keywords": cairocffi.PDF_METADATA_KEYWORDS,
            "Creator": cairocffi.PDF_METADATA_CREATOR}
    out = io.BytesIO()
    size = PRINT_MM * _PX_PER_MM
    with deferred():  # cairo writes through a Python callback: let Ctrl-C wait for it
        surface = PDFSurface(raster.parse(svg), out, 96, output_width=size, output_height=size)
        for name, value in info.items():
            surface.cairo.set_metadata(keys[name], value)
        surface.cairo.set_metadata(cairocffi.PDF_METADATA_CREATE_DATE, date)
        surface.cairo.set_metadata(cairocffi.PDF_METADATA_MOD_DATE, date)
        surface.finish()
    return out.getvalue()
