"""``resolve``: BadgeSet → Designs (one per badge × tier). Pure: no files are written.

Defaults are applied in this order (later wins): palette roles → brand role overrides → the
tier's role overrides → the badge's role overrides. Every role ends as a concrete colour.
"""

from __future__ import annotations

from collections.abc import Iterable

from designer import palettes
from designer.badgeset.load import BadgeSet
from designer.design import AlignmentRef, Design, FontSpec, TierCue
from designer.base.errors import MedbadgeError, unknown_name


def tier_scheme(badge_set: BadgeSet) -> palettes.TierScheme:
    tiers = badge_set.model.tiers
    if isinstance(tiers, str):
        return palettes.tier_schemes()[tiers]
    return palettes.tier_scheme_from_data("custom", {"tiers": [t.model_dump() for t in tiers]})


def resolve(badge_set: BadgeSet, *, badges: Iterable[str] | None = None,
            tiers: Iterable[str] | None = None) -> list[Design]:
    """Every design of the set, in file order (badges) and rank order (tiers).

    ``badges`` / ``tiers`` filter by id; an unknown id is an error with a did-you-mean.
    """
    model = badge_set.model
    scheme = tier_scheme(badge_set)
    palette = palettes.get(model.brand.palette, badge_set.resolve_paths(model.paths.palettes))
    wanted_badges = _check_filter("badge", badges, [b.id for b in model.badges])
    wanted_tiers = _check_filter("tier", tiers, [t.id for t in scheme.tiers])
    icon_paths = tuple(str(p) for p in badge_set.resolve_paths(model.paths.icons))
    template_paths = tuple(str(p) for p in badge_set.resolve_paths(model.paths.templates))
    font = FontSpec(model.brand.font, tuple(model.brand.fallback_fonts))

    designs: list[Design] = []
    for index, badge in enumerate(model.badges):
        if wanted_badges is not None and badge.id not in wanted_badges:
            continue
        tier_ids = badge.tiers or model.defaults.tiers or [t.id for t in scheme.tiers]
        for tier in scheme.tiers:
            if tier.id not in tier_ids or (wanted_tiers is not None and tier.id not in wanted_tiers):
                continue
            roles = dict(palette.roles) | dict(model.brand.roles) | dict(tier.roles) | dict(badge.roles)
            colors = tuple(sorted((role, palette.color(ref)) for role, ref in roles.items()
                                  if role in palettes.ALL_ROLES))
            designs.append(Design(
                badge_id=badge.id,
                tier_id=tier.id,
                tier_count=len(scheme.tiers),
                title=badge.title,
                subtitle=badge.subtitle,
                issuer_name=model.issuer.name,
                issuer_mark=model.brand.issuer_mark,
                template=badge.template or model.defaults.template,
                icon=badge.icon,
                colors=colors,
                font=font,
                cue=_cue(tier),
                description=badge.description,
                criteria=badge.criteria,
                alignment=tuple(AlignmentRef(a.framework, a.name, a.code, a.url) for a in badge.alignment),
                tags=tuple(badge.tags),
                location=badge_set.location("badges", index),
                base_dir=str(badge_set.base_dir),
                icon_paths=icon_paths,
                template_paths=template_paths,
            ))
    return designs


def _cue(tier: palettes.Tier) -> TierCue:
    return TierCue(rank=tier.rank, label=tier.label, pips=tier.pips, border=tier.border, laurel=tier.laurel)


def _check_filter(kind: str, wanted: Iterable[str] | None, known: list[str]) -> set[str] | None:
    if wanted is None:
        return None
    wanted = set(wanted)
    for name in sorted(wanted):
        if name not in known:
            raise unknown_name(kind, name, known)
    if not wanted:
        raise MedbadgeError(f"no {kind} selected")
    return wanted
