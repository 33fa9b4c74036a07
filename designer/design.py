"""``Design``: one badge in one tier, fully resolved — an immutable value compose can draw alone.

A Design holds everything its artwork depends on, already loaded: the texts, the resolved colour
of every role and the brand palette's colours, the template (its slot geometry and Jinja sources),
the sanitised icon drawing, every font face its texts need (script fallbacks included, as bytes)
and the tier's non-colour cues. Nothing below :func:`designer.resolve` looks anything up by name
or path, so :meth:`Design.key` — a hash of this content — is the only cache key a build needs.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from functools import cached_property

from designer.base.color import Color
from designer.base.errors import Location
from designer.icon_library.model import Icon
from designer.templates import TemplateSpec
from designer.text.fonts import FontStack


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
    """The brand's font choice by name (for reports and the brand rules); the faces are in ``fonts``."""

    family: str  # a fontpkg family name or a .ttf/.otf path
    fallbacks: tuple[str, ...] = ()


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
    colors: tuple[tuple[str, Color], ...]
    palette_name: str
    palette_colors: tuple[tuple[str, Color], ...]  # every named colour of the brand palette
    template: TemplateSpec
    icon: Icon
    font: FontSpec
    fonts: tuple[tuple[int, FontStack], ...]  # weight → the faces that draw this design's texts
    cue: TierCue
    description: str
    criteria: str
    alignment: tuple[AlignmentRef, ...] = ()
    tags: tuple[str, ...] = ()
    location: Location | None = field(default=None, compare=False)

    @property
    def slug(self) -> str:
        """``<badge>-<tier>``: the stem of every file made from this design."""
        return f"{self.badge_id}-{self.tier_id}"

    def color(self, role: str) -> Color:
        for name, value in self.colors:
            if name == role:
                return value
        raise KeyError(role)

    def font_stack(self, weight: int) -> FontStack:
        for have, stack in self.fonts:
            if have == weight:
                return stack
        raise KeyError(weight)

    @property
    def alt_text(self) -> str:
        """The one generated sentence used as alt text, SVG ``<desc>`` lead and OB image caption."""
        subject = self.title if not self.subtitle else f"{self.title} ({self.subtitle})"
        return (f"{self.cue.label} tier badge for {subject}, issued by {self.issuer_name}; "
                f"tier {self.cue.rank} of {self.tier_count}.")

    def key(self) -> str:
        """A SHA-256 of the design's content: the loaded template, icon drawing and font files
        included, its place in the badge set file and the files' paths excluded (moving a badge or
        a folder does not change its artwork)."""
        return self._key

    @cached_property
    def _key(self) -> str:  # computed once per value (a frozen dataclass still has a __dict__)
        return _key(self)

    def __hash__(self) -> int:
        return hash(self._key)


def _key(design: Design) -> str:
    icon = design.icon
    data = {
        "texts": [design.badge_id, design.tier_id, design.tier_count, design.title, design.subtitle,
                  design.issuer_name, design.issuer_mark, design.description, design.criteria],
        "colors": [[name, str(color)] for name, color in design.colors],
        "palette": [design.palette_name, [[name, str(color)] for name, color in design.palette_colors]],
        "template": [design.template.name, design.template.digest],
        "icon": [icon.name, icon.emblem, icon.title, icon.digest],
        "font": [design.font.family, list(design.font.fallbacks)],
        "fonts": [[weight, [[f.family, f.weight, f.sha256] for f in stack.faces]] for weight, stack in design.fonts],
        "cue": [design.cue.rank, design.cue.label, design.cue.pips, design.cue.border, design.cue.laurel],
        "alignment": [[a.framework, a.name, a.code, a.url] for a in design.alignment],
        "tags": list(design.tags),
    }
    return hashlib.sha256(json.dumps(data, sort_keys=True, ensure_ascii=False).encode()).hexdigest()
