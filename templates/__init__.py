"""Badge templates: ``<name>.svg.j2`` (strict, dumb Jinja2 SVG) plus ``<name>.toml`` (slots).

The TOML declares the canvas, the silhouette (built in Python by :mod:`designer.compose.shapes`)
and the slots (icon box, title box or arc, subtitle, tier ribbon, pips, issuer mark); each text
slot names the colour roles of its text and of what it sits on. Geometry is computed in Python; the Jinja template only places it. The
environment autoescapes (user text is escaped) and uses ``StrictUndefined`` (a missing value is an
error, not an empty string).
"""

from __future__ import annotations

import hashlib
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import jinja2

from designer.base.files import read_bounded_text
from designer.base.frozen import FrozenMap
from designer.base.errors import Location, MedbadgeError, display_path, unknown_name


TEXT_SLOTS = ("title", "subtitle", "tier_label", "issuer_mark")
MAX_TEMPLATE_BYTES = 256 * 1024


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
    """A template as resolved: its slot geometry and every Jinja source it renders from.

    ``sources`` holds the template and each partial (``_*.svg.j2``) it may include, as
    ``(file name, text)``, so rendering reads no file and ``digest`` identifies the template by
    content (an edited TOML or Jinja file is a new template)."""

    name: str
    title: str
    description: str
    shape: str
    canvas: int
    icon_box: tuple[float, float, float, float]
    text_slots: Mapping[str, TextSlot]
    params: Mapping[str, Any]
    sources: tuple[tuple[str, str], ...] = field(repr=False)
    digest: str = ""
    origins: tuple[tuple[str, str], ...] = field(default=(), repr=False, compare=False)  # name → file shown in errors

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
    """Read the template ``name`` from the search path (user folders override built-ins).

    The files are read on every call — that is how an edit is seen — and parsed once per content.
    """
    folders = _folders(tuple(str(p) for p in search_paths))
    for folder in reversed(folders):
        entry = folder / f"{name}.toml"
        if entry.is_file():
            sources, origins = _sources(name, folders)
            return replace(_spec(name, str(entry), _read(entry), sources), origins=origins)
    raise unknown_name("template", name, names(search_paths))


def _read(entry: Any) -> str:
    return read_bounded_text(entry, MAX_TEMPLATE_BYTES, "template")


def _sources(name: str, folders: list[Any]):
    """The template's Jinja file and every partial on the path, later folders overriding earlier;
    and where each came from (for error messages)."""
    found: dict[str, str] = {}
    origins: dict[str, str] = {}
    for folder in folders:
        if not folder.is_dir():
            continue
        for entry in sorted(folder.iterdir(), key=lambda e: e.name):
            if entry.name == f"{name}.svg.j2" or (entry.name.startswith("_") and entry.name.endswith(".svg.j2")):
                found[entry.name] = _read(entry)
                origins[entry.name] = display_path(str(entry))
    return tuple(sorted(found.items())), tuple(sorted(origins.items()))


@lru_cache(maxsize=64)
def _spec(name: str, where: str, text: str, sources: tuple[tuple[str, str], ...]) -> TemplateSpec:
    location = Location(where)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise MedbadgeError(f"not valid TOML: {error}", location) from None
    if f"{name}.svg.j2" not in dict(sources):
        raise MedbadgeError(f"template '{name}' has no {name}.svg.j2 beside its TOML", location,
                            hint="a template is a .toml file and a .svg.j2 file of the same name")
    try:
        slots = data["slots"]
        text_slots = {
            slot: TextSlot(
                name=slot,
                box=tuple(body["box"]) if "box" in body else None,
                arc=FrozenMap(body["arc"]) if "arc" in body else None,
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
        digest = hashlib.sha256("\0".join([text, *(f"{n}\0{s}" for n, s in sources)]).encode()).hexdigest()
        return TemplateSpec(
            name=name,
            title=data["title"],
            description=data.get("description", ""),
            shape=data["shape"],
            canvas=int(data.get("canvas", 600)),
            icon_box=tuple(slots["icon"]["box"]),
            text_slots=FrozenMap(text_slots),
            params=FrozenMap({k: v for k, v in data.items() if k not in ("slots",)} | {"slots": slots}),
            sources=sources,
            digest=digest,
        )
    except (KeyError, IndexError, TypeError, ValueError) as error:
        raise MedbadgeError(f"template '{name}' is incomplete: {error!r}", location,
                            hint="see docs/templates.md for the keys a template declares") from None


@lru_cache(maxsize=16)
def environment(sources: tuple[tuple[str, str], ...], origins: tuple[tuple[str, str], ...] = ()) -> jinja2.Environment:
    """The strict Jinja2 environment over a resolved template's sources (cached by content):
    autoescape for ``.svg.j2``, StrictUndefined, deterministic whitespace, no file access."""
    texts, shown = dict(sources), dict(origins)

    def source(name: str):
        return None if name not in texts else (texts[name], shown.get(name, name), lambda: True)

    return jinja2.Environment(
        loader=jinja2.FunctionLoader(source),
        autoescape=jinja2.select_autoescape(enabled_extensions=("svg.j2", "svg", "html", "xml"), default=True),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def render(spec: TemplateSpec, context: Mapping[str, Any]) -> str:
    """Render a resolved template with ``context`` (values computed in Python; no arithmetic here)."""
    return environment(spec.sources, spec.origins).get_template(spec.source_name).render(context)
