"""The pages a badge is previewed on: one definition for every preview that offers a choice.

A badge is seen on a white page, on the light grey of a learning platform or a chat app, and on a
dark-mode page; a change that only shows on one of them is still a change. The dark page is
``#121212``, the surface colour of Material Design's dark theme (material.io, "Dark theme"), and
the same page the lint rule MB104 checks a badge's outer edge against by default. Greyscale is
not a page but a view (:data:`designer.base.perception.VIEWS`); the previews that offer it show
the badge in greyscale on the white page.

>>> [page.key for page in PAGES]
['white', 'light', 'dark']
>>> page_colour("dark")
'#121212'
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple, TypeVar

F = TypeVar("F")


class Page(NamedTuple):
    key: str
    label: str
    colour: str  # "#rrggbb"


PAGES = (Page("white", "White", "#ffffff"), Page("light", "Light grey", "#e9ebee"), Page("dark", "Dark", "#121212"))


def page_colour(key: str) -> str:
    """The colour of the page called ``key`` (``white``, ``light``, ``dark``)."""
    for page in PAGES:
        if page.key == key:
            return page.colour
    raise ValueError(f"unknown page '{key}': use one of {', '.join(p.key for p in PAGES)}")


def preview_file(files: Iterable[F], pixels: int) -> F | None:
    """The file a preview of ``pixels`` px shows, among one design's ``files`` (anything with
    ``kind`` and ``pixels``): the smallest PNG at least that big, else the largest PNG, else the SVG."""
    files = list(files)
    pngs = sorted((f for f in files if f.kind == "png" and f.pixels), key=lambda f: f.pixels)
    big = [f for f in pngs if f.pixels >= pixels]
    if big:
        return big[0]
    if pngs:
        return pngs[-1]
    return next((f for f in files if f.kind == "svg"), None)
