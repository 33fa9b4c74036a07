"""Brand palettes and tier schemes: TOML data files plus a small loader.

A palette (``palettes/<name>.toml``) names colours and maps *roles* (``primary``, ``on-primary``,
``tier``, ...) to them. Designs refer to roles, never to raw hex, so a brand change is one file.
A tier scheme (``palettes/tier-schemes.toml``) gives each tier a rank, a label, role overrides and a
non-colour cue. Users add their own palette files by path; the built-ins come first on the search
path. Data is read with importlib.resources so a wheel install works like a checkout.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from types import MappingProxyType

from designer.base.color import Color, ColorParseError
from designer.base.files import read_bounded_text
from designer.base.errors import Location, MedbadgeError, unknown_name

#: Every role a template may ask for. Palettes must give the first group; tier schemes override
#: the tier group per tier.
BRAND_ROLES = ("primary", "primary-deep", "on-primary", "accent", "outline")
TIER_ROLES = ("tier", "tier-edge", "on-tier")
#: Roles a palette may leave out. ``halo``: the thin outermost ring, chosen to reach 3:1 on light
#: and dark pages (WCAG 2.2 SC 1.4.11); without it the badge's outer edge is drawn in ``outline``.
#: ``tier-shade``: a darker tone of the tier's metal for the outer band of the rim (a bevel, so a
#: pale metal still reads as metal on a white page); without it the rim is one flat colour.
OPTIONAL_ROLES = ("halo", "tier-shade")
#: Roles :mod:`designer.resolve` works out when nothing sets them. ``tier-star``: the tier's stars
#: where they ride on its ribbon (the 96 and 64 px drawings) — the face's text colour where that
#: reaches 3:1 on the metal (a graphic needs 3:1, WCAG 2.2 SC 1.4.11, where the tier word needs
#: 4.5:1, so white stars may sit on a steel whose word is dark), else the tier's text colour.
COMPUTED_ROLES = ("tier-star",)
ALL_ROLES = BRAND_ROLES + TIER_ROLES + OPTIONAL_ROLES + COMPUTED_ROLES


@dataclass(frozen=True)
class Palette:
    """A named set of colours and the roles that point at them."""

    name: str
    title: str
    description: str
    colors: Mapping[str, Color]
    roles: Mapping[str, str]
    source: str = ""

    def color(self, ref: str) -> Color:
        """A colour by palette name, by role, or a literal colour string."""
        if ref in self.colors:
            return self.colors[ref]
        if ref in self.roles:
            return self.color(self.roles[ref])
        return Color.parse(ref)

    def role(self, role: str) -> Color:
        return self.color(self.roles[role])


@dataclass(frozen=True)
class Tier:
    """One tier of a scheme: rank 1 is the lowest. ``cue`` holds the non-colour cues."""

    id: str
    label: str
    rank: int
    roles: Mapping[str, str] = field(default_factory=dict)
    pips: int = 0
    border: str = "single"  # single | double
    laurel: bool = False


@dataclass(frozen=True)
class TierScheme:
    name: str
    title: str
    tiers: tuple[Tier, ...]

    def get(self, tier_id: str) -> Tier:
        for tier in self.tiers:
            if tier.id == tier_id:
                return tier
        raise unknown_name("tier", tier_id, [t.id for t in self.tiers])


def _builtin_dir() -> resources.abc.Traversable:
    return resources.files(__name__)


def _palette_files(search_paths: Iterable[str | Path] = ()) -> dict[str, object]:
    found: dict[str, object] = {}
    for entry in _builtin_dir().iterdir():
        if entry.name.endswith(".toml") and entry.name != "tier-schemes.toml":
            found[entry.name[: -len(".toml")]] = entry
    for folder in search_paths:
        folder = Path(folder)
        if folder.is_file() and folder.suffix == ".toml":
            found[folder.stem] = folder
        elif folder.is_dir():
            for path in sorted(folder.glob("*.toml")):
                found[path.stem] = path
    return found


def names(search_paths: Iterable[str | Path] = ()) -> list[str]:
    """Names of every palette on the search path (built-ins first)."""
    return sorted(_palette_files(search_paths))


def get(name: str, search_paths: Iterable[str | Path] = ()) -> Palette:
    """Load a palette by name; an unknown name gets a did-you-mean.

    The file is read on every call (so an edit is seen at once) and parsed once per content."""
    files = _palette_files(tuple(search_paths))
    if name not in files:
        raise unknown_name("palette", name, files)
    entry = files[name]
    return _parse_palette(name, str(entry), _read_text(entry))


@lru_cache(maxsize=64)
def _parse_palette(name: str, where: str, text: str) -> Palette:
    data = _parse_toml(text, where)
    try:
        colors = {key: Color.parse(value) for key, value in data.get("colors", {}).items()}
    except ColorParseError as error:
        raise MedbadgeError(str(error), Location(where)) from None
    roles = dict(data.get("roles", {}))
    missing = [role for role in BRAND_ROLES if role not in roles]
    if missing:
        raise MedbadgeError(f"palette '{name}' does not give the roles {', '.join(missing)}", Location(where),
                            hint=f"add them under [roles]; every palette needs {', '.join(BRAND_ROLES)}")
    palette = Palette(name, data.get("title", name), data.get("description", ""), MappingProxyType(colors),
                      MappingProxyType(roles), where)
    for role, ref in roles.items():
        try:
            palette.color(ref)
        except ColorParseError:
            raise unknown_name("colour", ref, colors, Location(where)) from None
    return palette


MAX_PALETTE_BYTES = 256 * 1024


def _read_text(entry: object) -> str:
    return read_bounded_text(entry, MAX_PALETTE_BYTES, "palette")


def _parse_toml(text: str, where: str) -> dict:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise MedbadgeError(f"not valid TOML: {error}", Location(where)) from None


def tier_schemes() -> Mapping[str, TierScheme]:
    """The built-in tier schemes by name."""
    entry = _builtin_dir() / "tier-schemes.toml"
    return _parse_tier_schemes(str(entry), _read_text(entry))


@lru_cache(maxsize=4)
def _parse_tier_schemes(where: str, text: str) -> Mapping[str, TierScheme]:
    data = _parse_toml(text, where)
    return MappingProxyType({name: tier_scheme_from_data(name, body) for name, body in data.items()})


def tier_scheme_from_data(name: str, body: Mapping) -> TierScheme:
    tiers = tuple(
        Tier(
            id=t["id"], label=t["label"], rank=rank, roles=MappingProxyType(dict(t.get("roles", {}))),
            pips=int(t.get("pips", 0)), border=t.get("border", "single"), laurel=bool(t.get("laurel", False)),
        )
        for rank, t in enumerate(body["tiers"], start=1)
    )
    return TierScheme(name, body.get("title", name), tiers)
