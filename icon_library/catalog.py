"""Read and validate icon catalog files (TOML tables keyed by icon name).

A catalog says what an icon *means*: its title, categories, search keywords, licence, an optional
emblem mark and notes. The built-in catalog is every ``icon_library/catalog/*.toml``; a user icon
folder may carry its own ``*.toml`` beside its SVGs. Entries are validated strictly — an unknown
category or emblem, a misspelt key or a missing licence is an error naming the file and line —
because a catalog typo would otherwise surface much later as an icon nobody can find.

    [stethoscope]
    title = "Stethoscope"
    categories = ["medicine"]
    keywords = ["auscultation", "doctor", "clinical examination"]
    licence = "CC0-1.0"
    notes = "Drawn for medbadge."
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass

from designer.base.errors import Location, MedbadgeError, did_you_mean
from designer.icon_library.model import CATEGORIES, EMBLEMS

NAME_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
KNOWN_KEYS = ("title", "categories", "keywords", "licence", "emblem", "notes")


@dataclass(frozen=True)
class CatalogEntry:
    """One validated catalog table; ``source`` is the catalog file it came from (for messages)."""

    name: str
    title: str
    categories: tuple[str, ...]
    keywords: tuple[str, ...]
    licence: str
    notes: str = ""
    emblem: str | None = None
    source: str = ""


def check_icon_name(name: str, location: Location | None = None) -> None:
    """Icon names are lower-case kebab-case so they work as file names, YAML values and CSS ids."""
    if not NAME_PATTERN.match(name):
        raise MedbadgeError(f"invalid icon name '{name}'", location,
                            hint="use lower-case letters, digits and single hyphens, e.g. 'blood-drop'")


def parse_catalog(text: str, source: str) -> dict[str, CatalogEntry]:
    """Parse one catalog file's text; ``source`` is the file name used in error messages."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise MedbadgeError(f"invalid TOML: {error}", Location(source)) from None
    entries = {}
    for name, table in data.items():
        location = Location(source, _line_of_table(text, name))
        entries[name] = _entry(name, table, source, location)
    return entries


def _entry(name: str, table: object, source: str, location: Location) -> CatalogEntry:
    check_icon_name(name, location)
    if not isinstance(table, dict):
        raise MedbadgeError(f"icon '{name}' must be a table ([{name}])", location)
    for key in table:
        if key not in KNOWN_KEYS:
            raise MedbadgeError(f"unknown key '{key}' in icon '{name}'", location,
                                hint=did_you_mean(key, KNOWN_KEYS) or f"known keys: {', '.join(KNOWN_KEYS)}")
    title = _string(table, "title", name, location, required=True)
    licence = _string(table, "licence", name, location, required=True)
    categories = _strings(table, "categories", name, location)
    if not categories:
        raise MedbadgeError(f"icon '{name}' needs at least one category", location,
                            hint=f"choose from {', '.join(CATEGORIES)}")
    for category in categories:
        if category not in CATEGORIES:
            raise MedbadgeError(f"unknown category '{category}' in icon '{name}'", location,
                                hint=did_you_mean(category, CATEGORIES) or f"choose from {', '.join(CATEGORIES)}")
    emblem = _string(table, "emblem", name, location) or None
    if emblem is not None and emblem not in EMBLEMS:
        raise MedbadgeError(f"unknown emblem '{emblem}' in icon '{name}'", location,
                            hint=did_you_mean(emblem, EMBLEMS) or f"choose from {', '.join(EMBLEMS)}")
    return CatalogEntry(
        name=name,
        title=title,
        categories=tuple(categories),
        keywords=tuple(k.strip().lower() for k in _strings(table, "keywords", name, location) if k.strip()),
        licence=licence,
        notes=_string(table, "notes", name, location),
        emblem=emblem,
        source=source,
    )


def _string(table: dict, key: str, name: str, location: Location, *, required: bool = False) -> str:
    value = table.get(key, "")
    if not isinstance(value, str):
        raise MedbadgeError(f"'{key}' of icon '{name}' must be a string", location)
    if required and not value.strip():
        raise MedbadgeError(f"icon '{name}' has no '{key}'", location, hint=f"add {key} = \"...\"")
    return value.strip()


def _strings(table: dict, key: str, name: str, location: Location) -> list[str]:
    value = table.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise MedbadgeError(f"'{key}' of icon '{name}' must be a list of strings", location)
    return value


def _line_of_table(text: str, name: str) -> int | None:
    """The 1-based line of ``[name]`` so errors point at it (tomllib does not keep positions)."""
    pattern = re.compile(rf"^[ \t]*\[[ \t]*(?:\"{re.escape(name)}\"|{re.escape(name)})[ \t]*\]", re.MULTILINE)
    match = pattern.search(text)
    return text.count("\n", 0, match.start()) + 1 if match else None


def toml_string(value: str) -> str:
    """A TOML basic string (JSON escapes are a subset of TOML's).

    >>> toml_string('Say "hi"')
    '"Say \\\\"hi\\\\""'
    """
    import json

    return json.dumps(value, ensure_ascii=False)


def format_entry(entry: CatalogEntry) -> str:
    """One catalog table as TOML text, in the key order the built-in catalogs use."""
    lines = [f"[{entry.name}]", f"title = {toml_string(entry.title)}",
             "categories = [" + ", ".join(toml_string(c) for c in entry.categories) + "]",
             "keywords = [" + ", ".join(toml_string(k) for k in entry.keywords) + "]",
             f"licence = {toml_string(entry.licence)}"]
    if entry.emblem:
        lines.append(f"emblem = {toml_string(entry.emblem)}")
    if entry.notes:
        lines.append(f"notes = {toml_string(entry.notes)}")
    return "\n".join(lines) + "\n"
