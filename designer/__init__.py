"""medbadge's engine: badge set file → validated model → resolved designs → artwork (SVG + facts).

The public API is the pipeline's stages; the CLI and the studio are thin shells over it::

    import designer
    badge_set = designer.load("examples/medical-school/badges.yaml")
    designs = designer.resolve(badge_set)            # one Design per badge × tier, every asset loaded
    artwork = designer.compose(designs[0])           # SVG bytes + facts for the linter
    violations = designer.lint(badge_set)

Names are imported on first use (PEP 562), so ``import designer`` — and every command's start —
loads no renderer, font engine or colour library until something needs it. ``__version__`` is the
installed distribution's version (the one place it is written is pyproject.toml), read with
importlib.metadata on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from designer.base.lazy import lazy_exports

#: public name → the module that defines it
_EXPORTS = {
    "Artwork": "designer.artwork",
    "BadgeSet": "designer.badgeset.load",
    "load": "designer.badgeset.load",
    "Design": "designer.design",
    "resolve": "designer.resolve",
    "compose": "designer.compose",
    "lint": "designer.lint",
    "build": "designer.assetset",
    "bake": "designer.openbadges",
    "unbake": "designer.openbadges",
    "verify": "designer.openbadges",
    "MedbadgeError": "designer.base.errors",
}

__all__ = [*_EXPORTS, "__version__"]

if TYPE_CHECKING:
    from designer.artwork import Artwork
    from designer.assetset import build
    from designer.badgeset.load import BadgeSet, load
    from designer.base.errors import MedbadgeError
    from designer.compose import compose
    from designer.design import Design
    from designer.lint import lint
    from designer.openbadges import bake, unbake, verify
    from designer.resolve import resolve


_export, __dir__ = lazy_exports(__name__, _EXPORTS)


def __getattr__(name: str) -> object:
    if name != "__version__":
        return _export(name)
    from importlib.metadata import PackageNotFoundError, version  # ~30 ms: only when asked

    try:
        found = version("medbadge")
    except PackageNotFoundError:  # a source tree that was never installed
        found = "0+unknown"
    globals()["__version__"] = found
    return found
