"""``resolve``: BadgeSet → Designs (one per badge × tier), with every asset they depend on loaded.

Resolving is where files are read: the brand palette, each badge's template (TOML and Jinja
sources), its icon (parsed and sanitised), and every font face its texts need, script fallbacks
included. A :class:`~designer.design.Design` therefore carries its whole input, and compose, lint
and the build never look anything up by name or path. Files are read on every call — so a
long-lived studio or a second build in one process sees each edit — and each file once per call.

Colours are applied in this order (later wins): palette roles → brand role overrides → the tier's
role overrides → the badge's role overrides. Every role ends as a concrete colour; a computed
role none of them sets (``tier-star``, :data:`designer.palettes.COMPUTED_ROLES`) is worked out last.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from designer import icon_library, palettes, templates
from designer.badgeset.load import BadgeSet
from designer.base.color import GRAPHIC_RATIO, contrast_ratio
from designer.base.errors import Location, MedbadgeError, unknown_name
from designer.design import AlignmentRef, Design, FontSpec, TierCue
from designer.text.fonts import FaceRef, FontStack, read_face, stack_for


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
    palette = _at(lambda: palettes.get(model.brand.palette, badge_set.resolve_paths(model.paths.palettes)),
                  badge_set.location("brand", "palette"))
    palette_colors = tuple(sorted(palette.colors.items()))
    wanted_badges = _check_filter("badge", badges, [b.id for b in model.badges])
    wanted_tiers = _check_filter("tier", tiers, [t.id for t in scheme.tiers])
    icon_paths = tuple(str(p) for p in badge_set.resolve_paths(model.paths.icons))
    template_paths = tuple(str(p) for p in badge_set.resolve_paths(model.paths.templates))
    font = FontSpec(model.brand.font, tuple(model.brand.fallback_fonts))
    loaded = _Loader(badge_set, icon_paths, template_paths, font)

    designs: list[Design] = []
    for index, badge in enumerate(model.badges):
        if wanted_badges is not None and badge.id not in wanted_badges:
            continue
        tier_ids = badge.tiers or model.defaults.tiers or [t.id for t in scheme.tiers]
        where = badge_set.location("badges", index)
        template_name, chosen_at = model.template_of(index)
        template = loaded.template(template_name, badge_set.location(*chosen_at))
        icon = loaded.icon(badge.icon, badge_set.location("badges", index, "icon"))
        for tier in scheme.tiers:
            if tier.id not in tier_ids or (wanted_tiers is not None and tier.id not in wanted_tiers):
                continue
            roles = dict(palette.roles) | dict(model.brand.roles) | dict(tier.roles) | dict(badge.roles)
            if "tier-star" not in roles and {"on-primary", "tier", "on-tier"} <= roles.keys():
                roles["tier-star"] = _star_role(palette, roles)
            colors = tuple(sorted((role, palette.color(ref)) for role, ref in roles.items()
                                  if role in palettes.ALL_ROLES))
            texts = tuple(t for t in (badge.title, badge.subtitle, tier.label, model.brand.issuer_mark) if t)
            designs.append(Design(
                badge_id=badge.id,
                tier_id=tier.id,
                tier_count=len(scheme.tiers),
                title=badge.title,
                subtitle=badge.subtitle,
                issuer_name=model.issuer.name,
                issuer_mark=model.brand.issuer_mark,
                colors=colors,
                palette_name=palette.name,
                palette_colors=palette_colors,
                template=template,
                icon=icon,
                font=font,
                fonts=loaded.fonts(template, texts),
                cue=_cue(tier),
                description=badge.description,
                criteria=badge.criteria,
                alignment=tuple(AlignmentRef(a.framework, a.name, a.code, a.url) for a in badge.alignment),
                tags=tuple(badge.tags),
                location=where,
            ))
    return designs


class _Loader:
    """Reads each asset once per :func:`resolve` call; errors are placed at the badge set line
    that named the asset."""

    def __init__(self, badge_set: BadgeSet, icon_paths: tuple[str, ...], template_paths: tuple[str, ...],
                 font: FontSpec):
        self.badge_set, self.icon_paths, self.template_paths, self.font = badge_set, icon_paths, template_paths, font
        self._templates: dict[str, templates.TemplateSpec] = {}
        self._icons: dict[str, icon_library.Icon] = {}
        self._faces: dict[tuple[str, int, str | None], FaceRef] = {}
        self._stacks: dict[tuple, tuple[tuple[int, FontStack], ...]] = {}

    def template(self, name: str, where: Location) -> templates.TemplateSpec:
        if name not in self._templates:
            self._templates[name] = _at(lambda: templates.get(name, self.template_paths), where)
        return self._templates[name]

    def icon(self, name: str, where: Location) -> icon_library.Icon:
        if name not in self._icons:
            self._icons[name] = _at(lambda: icon_library.get(name, self.icon_paths), where)
        return self._icons[name]

    def _read(self, family: str, weight: int, base_dir: Path | None) -> FaceRef:
        key = (family, weight, str(base_dir) if base_dir else None)
        if key not in self._faces:
            self._faces[key] = read_face(family, weight, base_dir)
        return self._faces[key]

    def fonts(self, template: templates.TemplateSpec, texts: tuple[str, ...]) -> tuple[tuple[int, FontStack], ...]:
        weights = tuple(sorted({slot.weight for slot in template.text_slots.values()}))
        key = (weights, texts)
        if key not in self._stacks:
            where = self.badge_set.location("brand", "font")
            self._stacks[key] = tuple(
                (weight, _at(lambda: stack_for(self.font.family, self.font.fallbacks, weight, texts,
                                               self.badge_set.base_dir, self._read), where))
                for weight in weights)
        return self._stacks[key]


def _at(load, where: Location):
    """``load()``, with an error that has no place of its own placed at ``where``."""
    try:
        return load()
    except MedbadgeError as error:
        raise error.place(where) from None


def _star_role(palette: palettes.Palette, roles: dict[str, str]) -> str:
    """The colour of the stars on the tier ribbon: the face's text colour (white, on a dark face)
    where it stands out from the metal at 3:1 (WCAG 2.2 SC 1.4.11, a graphic), else the tier's
    text colour — light stars on the darker metals, dark on the lighter."""
    light, metal = palette.color(roles["on-primary"]), palette.color(roles["tier"])
    return roles["on-primary"] if contrast_ratio(light, metal) >= GRAPHIC_RATIO else roles["on-tier"]


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
