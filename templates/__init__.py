"""Badge templates: ``<name>.svg.j2`` (strict, dumb Jinja2 SVG) plus ``<name>.toml`` (slots).

The TOML declares the canvas, the silhouette (built in Python by :mod:`designer.compose.shapes`),
the slots (icon box, title box or arc, subtitle, tier ribbon, pips, issuer mark) and the colour
roles the template uses. Geometry is computed in Python; the Jinja template only places it. The
environment autoescapes (user text is escaped) and uses ``StrictUndefined`` (a missing value is an
error, not an empty string).
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import Any

import jinja2

from designer.base.errors import Location, MedbadgeError, unknown_name


TEXT_SLOTS = ("title", "subtitle", "tier_label", "issuer_mark")


@dataclass(frozen=True)
class TextSlot:
    """Where a text goes: a box (``box``) or an arc (``arc``), its size range and line limit."""

    name: str
    box: tuple[float, float, float, float] | None
    arc: Mapping[str, float] | None
    max_size: float
    min_size: float
    max_lines: int
    weight: int
    fill_role: str
    background_role: str
    line_height: float = 1.12
    ribbon: bool = False
    notch: float = 0.0


@dataclass(frozen=True)
class TemplateSpec:
    name: str
    title: str
    description: str
    shape: str
    canvas: int
    roles: tuple[str, ...]
    icon_box: tuple[float, float, float, float]
    text_slots: Mapping[str, TextSlot]
    params: Mapping[str, Any]
    folder: str

    @property
    def source_name(self) -> str:
        return f"{self.name}.svg.j2"


def _folders(search_paths: Iterable[str | Path]) -> list[Any]:
    return [resources.files(__name__), *(Path(p) for p in search_paths)]


def names(search_paths: Iterable[str | Path] = ()) -> list[str]:
    """Every template name on the search path (files starting with ``_`` are partials)."""
    found: set[str] = set()
    for folder in _folders(search_paths):
        if folder.is_dir():
            for entry in folder.iterdir():
                if entry.name.endswith(".toml") and not entry.name.startswith("_"):
                    found.add(entry.name[: -len(".toml")])
    return sorted(found)


def get(name: str, search_paths: Iterable[str | Path] = ()) -> TemplateSpec:
    return _get(name, tuple(str(p) for p in search_paths))


@lru_cache(maxsize=64)
def _get(name: str, search_paths: tuple[str, ...]) -> TemplateSpec:
    for folder in reversed(_folders(search_paths)):  # user folders override built-ins
        entry = folder / f"{name}.toml"
        if entry.is_file():
            return _spec_from_toml(name, entry, folder)
    raise unknown_name("template", name, names(search_paths))


def _spec_from_toml(name: str, entry: Any, folder: Any) -> TemplateSpec:
    where = Location(str(entry))
    try:
        data = tomllib.loads(entry.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as error:
        raise MedbadgeError(f"not valid TOML: {error}", where) from None
    try:
        slots = data["slots"]
        text_slots = {
            slot: TextSlot(
                name=slot,
                box=tuple(body["box"]) if "box" in body else None,
                arc=MappingProxyType(dict(body["arc"])) if "arc" in body else None,
                max_size=float(body["size"][0]),
                min_size=float(body["size"][1]),
                max_lines=int(body.get("lines", 1)),
                weight=int(body.get("weight", 700)),
                fill_role=body["fill"],
                background_role=body["on"],
                line_height=float(body.get("line_height", 1.12)),
                ribbon=bool(body.get("ribbon", False)),
                notch=float(body.get("notch", 0)),
            )
            for slot, body in slots.items()
            if slot in TEXT_SLOTS
        }
        return TemplateSpec(
            name=name,
            title=data["title"],
            description=data.get("description", ""),
            shape=data["shape"],
            canvas=int(data.get("canvas", 600)),
            roles=tuple(data["roles"]),
            icon_box=tuple(slots["icon"]["box"]),
            text_slots=MappingProxyType(text_slots),
            params=MappingProxyType({k: v for k, v in data.items() if k not in ("slots",)} | {"slots": slots}),
            folder=str(folder),
        )
    except (KeyError, IndexError, TypeError, ValueError) as error:
        raise MedbadgeError(f"template '{name}' is incomplete: {error!r}", where,
                            hint="see docs/templates.md for the keys a template declares") from None


@lru_cache(maxsize=16)
def environment(search_paths: tuple[str, ...] = ()) -> jinja2.Environment:
    """The strict Jinja2 environment: autoescape for ``.svg.j2``, StrictUndefined, no cache of
    user text, deterministic whitespace."""
    loaders = [jinja2.FileSystemLoader(p) for p in reversed(search_paths)]
    loaders.append(jinja2.PackageLoader(__name__, ""))
    return jinja2.Environment(
        loader=jinja2.ChoiceLoader(loaders),
        autoescape=jinja2.select_autoescape(enabled_extensions=("svg.j2", "svg", "html", "xml"), default=True),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
