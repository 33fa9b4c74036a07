"""Check the names a badge set uses — icons, templates, palettes, roles, tiers — against the
catalogs, collecting every problem with its place and a did-you-mean."""

from __future__ import annotations

from typing import TYPE_CHECKING

from designer import icon_library
from designer import palettes
from designer import templates
from designer.base.color import Color, ColorParseError
from designer.base.errors import MedbadgeError, unknown_name

if TYPE_CHECKING:
    from designer.badgeset.load import BadgeSet


def check_references(badge_set: BadgeSet) -> list[MedbadgeError]:
    model = badge_set.model
    problems: list[MedbadgeError] = []
    paths = model.paths
    icon_paths = badge_set.resolve_paths(paths.icons)
    template_paths = badge_set.resolve_paths(paths.templates)
    palette_paths = badge_set.resolve_paths(paths.palettes)

    for kind in ("icons", "templates", "palettes"):
        for index, (given, folder) in enumerate(zip(getattr(paths, kind), badge_set.resolve_paths(getattr(paths, kind)))):
            if not folder.exists():
                problems.append(MedbadgeError(f"{kind} folder '{given}' does not exist", badge_set.location("paths", kind, index),
                                              hint=f"paths are relative to the badge set's folder, {badge_set.base_dir.resolve()}"))
    if problems:
        return problems  # the catalogs below would only repeat the same complaint

    palette = None
    try:
        palette = palettes.get(model.brand.palette, palette_paths)
    except MedbadgeError as error:
        problems.append(_at(error, badge_set.location("brand", "palette")))

    tier_ids: list[str] = []
    if isinstance(model.tiers, str):
        schemes = palettes.tier_schemes()
        if model.tiers not in schemes:
            problems.append(unknown_name("tier scheme", model.tiers, schemes, badge_set.location("tiers")))
        else:
            tier_ids = [t.id for t in schemes[model.tiers].tiers]
            if palette is not None:
                for tier in schemes[model.tiers].tiers:
                    problems += _role_problems(tier.roles, palette, badge_set, ("tiers",))
    else:
        tier_ids = [t.id for t in model.tiers]
        for index, tier in enumerate(model.tiers):
            if palette is not None:
                problems += _role_problems(tier.roles, palette, badge_set, ("tiers", index, "roles"))

    if palette is not None:
        problems += _role_problems(model.brand.roles, palette, badge_set, ("brand", "roles"))

    template_names = templates.names(template_paths)
    if model.defaults.template not in template_names:
        problems.append(unknown_name("template", model.defaults.template, template_names,
                                     badge_set.location("defaults", "template")))
    for index, tier in enumerate(model.defaults.tiers or []):
        if tier_ids and tier not in tier_ids:
            problems.append(unknown_name("tier", tier, tier_ids, badge_set.location("defaults", "tiers", index)))

    for name, domain in model.domains.items():
        if domain.template not in template_names:
            problems.append(unknown_name("template", domain.template, template_names,
                                         badge_set.location("domains", name, "template")))

    icon_names = icon_library.names(icon_paths)
    for b, badge in enumerate(model.badges):
        if badge.icon not in icon_names:
            problems.append(unknown_name("icon", badge.icon, icon_names, badge_set.location("badges", b, "icon")))
        if badge.template is not None and badge.template not in template_names:
            problems.append(unknown_name("template", badge.template, template_names,
                                         badge_set.location("badges", b, "template")))
        if badge.domain is not None and badge.domain not in model.domains:
            problems.append(unknown_name("domain", badge.domain, sorted(model.domains),
                                         badge_set.location("badges", b, "domain")))
        for t, tier in enumerate(badge.tiers or []):
            if tier_ids and tier not in tier_ids:
                problems.append(unknown_name("tier", tier, tier_ids, badge_set.location("badges", b, "tiers", t)))
        if palette is not None:
            problems += _role_problems(badge.roles, palette, badge_set, ("badges", b, "roles"))
    return problems


def _role_problems(roles, palette, badge_set, where) -> list[MedbadgeError]:
    problems = []
    for role, ref in roles.items():
        if role not in palettes.ALL_ROLES:
            problems.append(unknown_name("role", role, palettes.ALL_ROLES, badge_set.location(*where, role)))
            continue
        if ref in palette.colors or ref in palette.roles:
            continue
        try:
            Color.parse(ref)
        except ColorParseError as refused:
            if "(" in ref:  # written as a colour function, rgb(...): say what is wrong with it
                problems.append(MedbadgeError(str(refused), badge_set.location(*where, role),
                                              hint="e.g. rgb(11 85 99) or #0b5563"))
                continue
            if ref.startswith("#"):  # meant as a hex colour: say what is wrong with it, not "unknown name"
                problems.append(MedbadgeError(f"'{ref}' is not a valid hex colour", badge_set.location(*where, role),
                                              hint="write 3, 4, 6 or 8 hex digits after #, e.g. #0b5563"))
                continue
            names = dict.fromkeys([*palette.colors, *palette.roles])  # a colour and a role may share a name
            error = unknown_name("colour", ref, names, badge_set.location(*where, role))
            error.hint = (error.hint or "") + "; or give a colour such as #0b5563"
            problems.append(error)
    return problems


def _at(error: MedbadgeError, location) -> MedbadgeError:
    return MedbadgeError(error.message, location, hint=error.hint)
