"""Open Badges JSON for one design: an OB 2.0 BadgeClass and an OB 3.0 Achievement.

Pure functions from a :class:`~designer.design.Design` plus the issuer and a few badge-level
fields to plain dicts, so the Open Badges code (baking, issuing) can reuse them. Ids are stable
URLs: the place each file has in the hosted asset set, under a base URL derived from the issuer id
(``https://host/issuer`` → ``https://host/``), never a timestamp or a random value — two builds
give the same JSON (deterministic: the manifest diff shows what a change did).

Shapes follow 1EdTech Open Badges 2.0 (§ BadgeClass) and Open Badges 3.0 (§ Achievement): OB 2.0 BadgeClass ``{type, id, name, description, image,
criteria{narrative}, issuer}``; OB 3.0 Achievement with ``type`` an array, ``image`` an Image
object (a bare string fails the schema) and a ``creator`` Profile whose ``type`` is an array.
Tiers are one Achievement per tier (OB 3.0 has no level property).
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urljoin

from designer.design import Design

OB2_CONTEXT = "https://w3id.org/openbadges/v2"
OB3_CONTEXT = ["https://www.w3.org/ns/credentials/v2",
               "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"]


@dataclass(frozen=True)
class IssuerInfo:
    id: str
    name: str
    url: str
    email: str
    description: str | None = None


@dataclass(frozen=True)
class BadgeInfo:
    """Badge-level fields a Design does not carry (they do not change the artwork)."""

    criteria_url: str | None = None
    achievement_type: str = "Badge"


def base_url_for(issuer_id: str) -> str:
    """Where the asset set is hosted by default: the folder that holds the issuer id.

    >>> base_url_for("https://badges.example.org/issuer")
    'https://badges.example.org/'
    """
    return urljoin(issuer_id, "./")


def asset_url(base_url: str, relative_path: str) -> str:
    """The hosted URL of a file of the asset set (``relative_path`` as in the manifest)."""
    return (base_url if base_url.endswith("/") else base_url + "/") + relative_path


def badge_name(design: Design) -> str:
    return f"{design.title} — {design.cue.label}"


def badge_description(design: Design) -> str:
    return f"{design.description} {design.cue.label} tier ({design.cue.rank} of {design.tier_count})."


def badgeclass(design: Design, issuer: IssuerInfo, badge: BadgeInfo, *, id: str, image: str) -> dict:
    """The OB 2.0 BadgeClass (hosted JSON) for one badge × tier."""
    criteria: dict = {"narrative": design.criteria}
    if badge.criteria_url:
        criteria["id"] = badge.criteria_url
    data = {
        "@context": OB2_CONTEXT,
        "type": "BadgeClass",
        "id": id,
        "name": badge_name(design),
        "description": badge_description(design),
        "image": image,
        "criteria": criteria,
        "issuer": issuer.id,
        "tags": [*design.tags, design.cue.label],
    }
    alignment = [_alignment(a, ob3=False) for a in design.alignment if a.url]
    if alignment:
        data["alignment"] = alignment
    return data


def achievement(design: Design, issuer: IssuerInfo, badge: BadgeInfo, *, id: str, image: str) -> dict:
    """The OB 3.0 Achievement for one badge × tier; ``image.caption`` is the design's alt text."""
    criteria: dict = {"narrative": design.criteria}
    if badge.criteria_url:
        criteria["id"] = badge.criteria_url
    data = {
        "@context": OB3_CONTEXT,
        "id": id,
        "type": ["Achievement"],
        "name": badge_name(design),
        "description": badge_description(design),
        "criteria": criteria,
        "image": {"id": image, "type": "Image", "caption": design.alt_text},
        "achievementType": badge.achievement_type,
        "tag": [*design.tags, design.cue.label],
        "creator": profile(issuer),
    }
    alignment = [_alignment(a, ob3=True) for a in design.alignment if a.url]
    if alignment:
        data["alignment"] = alignment
    return data


def profile(issuer: IssuerInfo) -> dict:
    """The OB 3.0 Profile of the issuer (``type`` must be an array holding "Profile")."""
    data = {"id": issuer.id, "type": ["Profile"], "name": issuer.name, "url": issuer.url, "email": issuer.email}
    if issuer.description:
        data["description"] = issuer.description
    return data


def _alignment(ref, *, ob3: bool) -> dict:
    # Both versions require targetName and targetUrl; alignments without a URL are left out.
    data = {"type": ["Alignment"]} if ob3 else {}
    data |= {"targetName": ref.name, "targetUrl": ref.url, "targetFramework": ref.framework}
    if ref.code:
        data["targetCode"] = ref.code
    return data


def hosted_image_path(design: Design, sizes=None) -> str:
    """The image a hosted BadgeClass / Achievement points at, as ``medbadge build`` chooses it: the
    largest PNG of the asset set (its upload master), by default of the default sizes.

    ``medbadge issue`` uses the same path so that the Achievement embedded in a credential equals
    the hosted ``.achievement.json`` with the same id.
    """
    from designer.assetset.options import DEFAULT_SIZES, parse_sizes

    largest = max(parse_sizes(DEFAULT_SIZES) if sizes is None else sizes, key=lambda size: size.pixels)
    return f"{design.badge_id}/{design.slug}-{largest.suffix}.png"


def png_text(design: Design, issuer_name: str, software: str) -> dict[str, str]:
    """The descriptive PNG text chunks of an artwork, in the order ``medbadge build`` writes them."""
    return {"Title": badge_name(design), "Description": design.alt_text, "Author": issuer_name,
            "Copyright": f"© {issuer_name}", "Software": software}


def issuer_ob2(issuer: IssuerInfo) -> dict:
    """The OB 2.0 Issuer (hosted at the issuer id for hosted verification)."""
    data = {"@context": OB2_CONTEXT, "type": "Issuer", "id": issuer.id, "name": issuer.name, "url": issuer.url,
            "email": issuer.email}
    if issuer.description:
        data["description"] = issuer.description
    return data


def lint_status(findings: dict[str, list] | None) -> dict | None:
    """Each design's lint status for the manifest (``None`` when the build did not lint): the worst
    severity found (``clean`` when none) and the findings, so ``medbadge diff`` can show both sides'
    status from the manifests alone.

    >>> lint_status({"a-gold": []})
    {'a-gold': {'status': 'clean', 'findings': []}}
    """
    if findings is None:
        return None
    order = ("error", "warning", "info")
    status = {}
    for slug, found in sorted(findings.items()):
        worst = min((v.severity for v in found), key=lambda s: order.index(s) if s in order else len(order),
                    default="clean")
        status[slug] = {"status": worst, "findings": [{"code": v.code, "severity": v.severity, "message": v.message}
                                                      for v in found]}
    return status
