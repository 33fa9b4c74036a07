"""``compose``: Design → Artwork. Pure: it reads no file (resolve loaded everything) and writes nothing.

Builds the silhouette layers, places the icon, fits and outlines the texts, draws the tier
ornaments, renders the strict Jinja2 template and records the facts the linter needs.
"""

from __future__ import annotations

from designer.compose.badge import compose, small_variant

__all__ = ["compose", "small_variant"]
