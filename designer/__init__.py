"""medbadge's engine: badge set file → validated model → designs → artwork (SVG + facts).

The public API is the pipeline's stages; the CLI and the studio are thin shells over it::

    import designer
    badge_set = designer.load("examples/medical-school/badges.yaml")
    designs = designer.resolve(badge_set)            # one Design per badge × tier
    artwork = designer.compose(designs[0])           # SVG bytes + facts for the linter
"""

from designer.artwork import Artwork
from designer.badgeset.load import BadgeSet, load
from designer.compose import compose
from designer.design import Design
from designer.errors import MedbadgeError
from designer.resolve import resolve

__version__ = "0.1.0"

__all__ = ["Artwork", "BadgeSet", "Design", "MedbadgeError", "compose", "load", "resolve", "__version__"]
