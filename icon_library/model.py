"""The icon value type and the fixed vocabulary of the library (grid, categories, emblems).

An :class:`Icon` is what the engine places on a badge: its catalog metadata plus the SVG split into
the three parts the engine needs — the ``view_box`` (to compute the placement transform), the root's
presentation attributes (so inherited paint is not lost when the icon is inlined) and the ``body``
markup (the children, already sanitized, with no namespace prefixes so it can be pasted into any
SVG document). It is frozen and hashable so a resolved ``Design`` that holds one can be a cache key.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from designer.base.geometry import fmt
from designer.icon_library.markup import format_attributes

#: The library grid: every built-in icon is drawn on a 24-unit square (Lucide's convention,
#: lucide.dev's icon design guide) with 1 unit of padding, so ink stays inside 1..23.
GRID_SIZE = 24.0
GRID_MIN = 1.0
GRID_MAX = 23.0

#: The root attributes every built-in icon carries, exactly (the icon format is fixed).
STANDARD_ROOT_ATTRIBUTES: dict[str, str] = {
    "fill": "none",
    "stroke": "currentColor",
    "stroke-width": "2",
    "stroke-linecap": "round",
    "stroke-linejoin": "round",
}

#: Catalog categories; an icon may be in several.
CATEGORIES: tuple[str, ...] = ("medicine", "specialty", "anatomy", "skill", "symbol", "place")

#: Emblem marks a catalog entry may declare, with what a designer must know about each
#: (Geneva Conventions; NHTSA's Star of Life registration). ``protected`` emblems must not be used as a generic "health" mark.
EMBLEMS: dict[str, dict[str, object]] = {
    "rod-of-asclepius": {
        "protected": False,
        "note": "One snake on a staff, no wings: the symbol of medicine.",
    },
    "caduceus": {
        "protected": False,
        "note": "Two snakes and wings: the staff of Hermes (commerce); widely misused for medicine.",
    },
    "red-cross": {
        "protected": True,
        "note": "Protected by the Geneva Conventions and national law; not a generic health mark.",
    },
    "red-crescent": {
        "protected": True,
        "note": "Protected by the Geneva Conventions and national law; not a generic health mark.",
    },
    "star-of-life": {
        "protected": True,
        "note": "Registered emblem of emergency medical services in several countries.",
    },
}

#: Presentation attributes that are inherited by children and therefore belong to ``root_attributes``.
ROOT_PRESENTATION_ATTRIBUTES: tuple[str, ...] = (
    "fill",
    "fill-opacity",
    "fill-rule",
    "stroke",
    "stroke-width",
    "stroke-linecap",
    "stroke-linejoin",
    "stroke-miterlimit",
    "stroke-opacity",
    "stroke-dasharray",
    "stroke-dashoffset",
    "clip-rule",
    "opacity",
)


@dataclass(frozen=True)
class Icon:
    """One icon of the library: catalog metadata plus sanitized SVG parts.

    ``root_items`` stores the root presentation attributes as an ordered tuple so the value stays
    hashable; read them through :attr:`root_attributes`, which returns a fresh ``dict``.
    """

    name: str
    title: str
    categories: tuple[str, ...]
    keywords: tuple[str, ...]
    licence: str
    notes: str
    emblem: str | None
    path: Path
    view_box: tuple[float, float, float, float]
    root_items: tuple[tuple[str, str], ...] = field(repr=False)
    body: str = field(repr=False)
    builtin: bool = field(default=True, compare=False)

    @property
    def root_attributes(self) -> dict[str, str]:
        """The presentation attributes of the root ``<svg>`` (fill, stroke, stroke-width, ...)."""
        return dict(self.root_items)

    def svg(self, *, color: str | None = None, size: float | None = None) -> str:
        """The icon as a standalone SVG document (what a renderer or a browser can show).

        ``color`` sets the ``color`` property that ``currentColor`` resolves to; ``size`` sets
        ``width``/``height`` in px. Both are for previews; the engine uses the parts instead.
        """
        attributes = {"xmlns": "http://www.w3.org/2000/svg", "viewBox": " ".join(fmt(v, 3) for v in self.view_box)}
        if size is not None:
            attributes["width"] = attributes["height"] = fmt(size, 3)
        attributes.update(self.root_items)
        if color is not None:
            attributes["color"] = color
        return f"<svg{format_attributes(attributes)}>{self.body}</svg>"

    @property
    def digest(self) -> str:
        """A sha256 of the artwork (not the metadata): part of a build's cache key."""
        return hashlib.sha256(self.svg().encode("utf-8")).hexdigest()

    @property
    def grid_size(self) -> float:
        """The larger side of the view box: the length that maps to the display size."""
        return max(self.view_box[2], self.view_box[3])
