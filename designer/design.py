"""``Design``: one badge in one tier with every default applied — an immutable, hashable value.

A Design is everything :func:`designer.compose` needs and nothing it has to look up in the badge
set again: texts, the template and icon names, the resolved colour of every role, the fonts, and
the tier's non-colour cues. Its :meth:`Design.key` (with the toolkit version and the contents of
the template, icon and font files) is the cache key for incremental builds.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass

from designer.base.color import Color
from designer.base.errors import Location


@dataclass(frozen=True)
class TierCue:
    """How a tier is told apart without colour (WCAG 2.2 SC 1.4.1)."""

    rank: int
    label: str
    pips: int
    border: str  # single | double
    laurel: bool

    @property
    def count(self) -> int:
        """How many distinct non-colour cues the tier shows (the label always counts)."""
        return 1 + (self.pips > 0) + (self.border == "double") + self.laurel


@dataclass(frozen=True)
class FontSpec:
    family: str  # a fontpkg family name or a .ttf/.otf path
    fallbacks: tuple[str, ...] = ()
    title_weight: int = 700
    body_weight: int = 700


@dataclass(frozen=True)
class AlignmentRef:
    framework: str
    name: str
    code: str | None = None
    url: str | None = None


@dataclass(frozen=True)
class Design:
    badge_id: str
    tier_id: str
    tier_count: int
    title: str
    subtitle: str | None
    issuer_name: str
    issuer_mark: str | None
    template: str
    icon: str
    colors: tuple[tuple[str, Color], ...]
    font: FontSpec
    cue: TierCue
    description: str
    criteria: str
    alignment: tuple[AlignmentRef, ...] = ()
    tags: tuple[str, ...] = ()
    location: Location | None = None
    base_dir: str = "."
    icon_paths: tuple[str, ...] = ()
    template_paths: tuple[str, ...] = ()

    @property
    def slug(self) -> str:
        """``<badge>-<tier>``: the stem of every file made from this design."""
        return f"{self.badge_id}-{self.tier_id}"

    def color(self, role: str) -> Color:
        for name, value in self.colors:
            if name == role:
                return value
        raise KeyError(role)

    @property
    def alt_text(self) -> str:
        """The one generated sentence used as alt text, SVG ``<desc>`` lead and OB image caption."""
        subject = self.title if not self.subtitle else f"{self.title} ({self.subtitle})"
        return (f"{self.cue.label} tier badge for {subject}, issued by {self.issuer_name}; "
                f"tier {self.cue.rank} of {self.tier_count}.")

    def key(self) -> str:
        """A stable hash of the design's content (location excluded: moving a badge in the file
        does not change its artwork)."""
        data = asdict(self)
        data.pop("location")
        data["colors"] = [[name, str(color)] for name, color in self.colors]
        blob = json.dumps(data, sort_keys=True, default=str).encode()
        return hashlib.sha256(blob).hexdigest()
