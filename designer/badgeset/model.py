"""The badge set file's schema (pydantic v2).

A badge set describes one issuer's badges: who issues them, the brand (palette, font), the tier
scheme, defaults and the badges. Field names are the YAML keys. Unknown keys are errors (a typo
in a design file must not be silently ignored). Cross-references (icons, templates, palettes,
roles, tiers) are checked afterwards in :mod:`designer.badgeset.references`, where the catalogs are.
"""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

SLUG = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
Slug = Annotated[str, Field(pattern=SLUG, description="lower-case words joined by hyphens")]
NonEmpty = Annotated[str, Field(min_length=1)]
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Issuer(Strict):
    id: Annotated[str, Field(pattern=r"^https?://")]
    name: NonEmpty
    url: Annotated[str, Field(pattern=r"^https?://")]
    email: str
    description: str | None = None

    @field_validator("email")
    @classmethod
    def _email(cls, value: str) -> str:
        if not EMAIL.match(value):
            raise ValueError("is not an e-mail address (name@example.org)")
        return value


class Brand(Strict):
    palette: NonEmpty
    font: NonEmpty = "Atkinson Hyperlegible"
    fallback_fonts: list[NonEmpty] = []
    issuer_mark: str | None = Field(default=None, max_length=12)
    require_issuer_mark: bool = False
    roles: dict[str, NonEmpty] = {}


class TierSpec(Strict):
    id: Slug
    label: NonEmpty
    pips: Annotated[int, Field(ge=0, le=5)] = 0
    border: Literal["single", "double"] = "single"
    laurel: bool = False
    roles: dict[str, NonEmpty] = {}


class Alignment(Strict):
    framework: NonEmpty
    code: str | None = None
    name: NonEmpty
    url: Annotated[str, Field(pattern=r"^https?://")] | None = None


class SearchPaths(Strict):
    icons: list[str] = []
    palettes: list[str] = []
    templates: list[str] = []


class Defaults(Strict):
    template: NonEmpty = "seal"
    tiers: list[Slug] | None = None
    achievement_type: NonEmpty = "Badge"


class Domain(Strict):
    """A competency domain: its badges share one silhouette (the family rule), so a list of badges
    reads as groups by shape before any text is read."""

    title: NonEmpty
    template: NonEmpty


class Badge(Strict):
    id: Slug
    title: NonEmpty
    subtitle: str | None = None
    icon: NonEmpty
    domain: Slug | None = None
    template: str | None = None
    description: NonEmpty
    criteria: NonEmpty
    criteria_url: Annotated[str, Field(pattern=r"^https?://")] | None = None
    alignment: list[Alignment] = []
    tags: list[NonEmpty] = []
    tiers: list[Slug] | None = None
    roles: dict[str, NonEmpty] = {}
    achievement_type: str | None = None


class Credentials(Strict):
    """How ``medbadge issue`` signs OB 3.0 credentials (docs/credentials.md); owned by designer/openbadges."""

    signing_key: NonEmpty | None = None  # private key PEM, or a key folder from `medbadge keys rotate`; relative to this file
    issuer_id: Annotated[str, Field(pattern=r"^(https://\S+|did:web:\S+|did:key(:z\S+)?)$")] | None = None
    proof: Literal["vc-jwt", "data-integrity"] = "vc-jwt"


class Share(Strict):
    """Share renditions and pages ``medbadge build`` adds (docs/share.md); owned by designer/share."""

    card: bool = False  # 1200x627 Open Graph / LinkedIn card per badge and tier
    email: bool = False  # e-mail-signature PNG, 80 px shown at 2x
    print: bool = False  # vector print PDF
    pages: bool = False  # a public HTML page per badge and tier
    credential_pages: bool = False  # a public page per issued credential (medbadge issue)
    recipient_name: bool = False  # show the recipient's name on those pages: personal data, off by default


class BadgeSetModel(Strict):
    version: Literal[1] = 1
    issuer: Issuer
    brand: Brand
    tiers: Slug | Annotated[list[TierSpec], Field(min_length=1)] = "four-metals"
    defaults: Defaults = Defaults()
    domains: dict[Slug, Domain] = {}
    paths: SearchPaths = SearchPaths()
    badges: Annotated[list[Badge], Field(min_length=1)]
    lint: dict = {}
    credentials: Credentials = Credentials()
    share: Share = Share()

    def template_of(self, index: int) -> tuple[str, tuple[str | int, ...]]:
        """The template badge ``index`` is drawn with and the keys of the line that chose it: the
        badge's own ``template``, else its domain's, else ``defaults.template``."""
        badge = self.badges[index]
        domain = self.domains.get(badge.domain) if badge.domain else None
        if badge.template:
            return badge.template, ("badges", index, "template")
        if domain is not None:
            return domain.template, ("domains", badge.domain, "template")
        return self.defaults.template, ("defaults", "template")

    @model_validator(mode="after")
    def _unique_ids(self) -> BadgeSetModel:
        seen: set[str] = set()
        for badge in self.badges:
            if badge.id in seen:
                raise ValueError(f"badge id '{badge.id}' is used twice: ids must be unique")
            seen.add(badge.id)
        if isinstance(self.tiers, list):
            ids = [t.id for t in self.tiers]
            if len(set(ids)) != len(ids):
                raise ValueError("tier ids must be unique")
        return self
