"""Competency frameworks a school can start a badge set from: TOML data files plus a small loader.

A framework (``frameworks/<name>.toml``) names its publisher, version, URL, the primary source to
cite and a usage note, then lists its *items* (an EPA, a competency, a role). Each item keeps the
official code and name beside a *short title* that fits every template's title slot, a
description and a criteria draft (medbadge's own wording), and the search terms that choose its
icon. A framework with a developmental scale (entrustment-supervision levels, milestone levels,
stages of training) lists four of its *levels*; ``medbadge init`` turns them into the tiers.

Built-ins are read with importlib.resources so a wheel install works like a checkout; a school's
own list (CSV or YAML) is read by :mod:`designer.starter.school_list` and validated here by
:func:`framework_from_data`, so both give the same placed messages.

>>> epas = get("aamc-core-epas")
>>> len(epas.items), epas.items[0].code, epas.levels[0].label
(13, 'EPA 1', 'Direct')
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from designer.base.errors import BadgeSetError, Location, MedbadgeError, unknown_name
from designer.base.files import read_bounded_text

#: How many levels a framework's scale gives the badge tiers (the four metals of the palettes).
LEVEL_COUNT = 4
#: Longest short title: the seal sets its title on one arc, the other templates on up to two lines.
MAX_TITLE_CHARS = 24
MAX_LABEL_CHARS = 20
MAX_FRAMEWORK_BYTES = 256 * 1024
MAX_ITEMS = 200
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_URL = re.compile(r"^https?://\S+$")

Keys = tuple[Any, ...]
Locate = Callable[[Keys], Location]


@dataclass(frozen=True)
class Level:
    """One level of a framework's developmental scale; ``label`` is the tier label on the badge."""

    id: str
    label: str
    name: str


@dataclass(frozen=True)
class Item:
    """One competency: the official code and name, and what a starter badge says about it."""

    id: str
    code: str
    name: str
    title: str
    description: str
    criteria: str
    icon_terms: tuple[str, ...]


@dataclass(frozen=True)
class Framework:
    """A competency framework with its provenance, items and (optionally) levels."""

    name: str
    title: str
    alignment_name: str
    publisher: str
    version: str
    url: str
    source: str
    usage: str
    items: tuple[Item, ...]
    levels: tuple[Level, ...] = ()
    scale: str = ""
    scale_source: str = ""

    def item(self, item_id: str) -> Item:
        for item in self.items:
            if item.id == item_id:
                return item
        raise unknown_name("framework item", item_id, [i.id for i in self.items])


def _builtin_dir() -> resources.abc.Traversable:
    return resources.files(__name__)


def names() -> list[str]:
    """The built-in frameworks, by name (the file name without ``.toml``)."""
    return sorted(entry.name[:-5] for entry in _builtin_dir().iterdir() if entry.name.endswith(".toml"))


def get(name: str) -> Framework:
    """A built-in framework by name; an unknown name gets a did-you-mean."""
    known = names()
    if name not in known:
        raise unknown_name("framework", name, known)
    entry = _builtin_dir() / f"{name}.toml"
    return _parse(name, f"frameworks/{name}.toml", read_bounded_text(entry, MAX_FRAMEWORK_BYTES, "framework"))


@lru_cache(maxsize=8)
def _parse(name: str, shown: str, text: str) -> Framework:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise MedbadgeError(f"not valid TOML: {error}", Location(shown)) from None
    return framework_from_data(name, data, lambda keys: Location(shown))


# ------------------------------------------------------------------ validation

#: Keys of a framework file (True: required). A school's own list needs only a title and its items;
#: the built-ins give every key (tests/frameworks checks), so their provenance travels with them.
_FRAMEWORK_KEYS = {"title": True, "alignment_name": False, "publisher": False, "version": False, "url": False,
                   "source": False, "usage": False, "items": True, "scale": False, "scale_source": False,
                   "levels": False}
_ITEM_KEYS = {"code": True, "name": True, "title": True, "description": True, "criteria": True,
              "icon_terms": False, "id": False}
_LEVEL_KEYS = {"id": True, "label": True, "name": True}


def slug(text: str) -> str:
    """A badge id from a title: lower-case words joined by hyphens.

    >>> slug("Orders & Prescriptions"), slug("Health Advocate")
    ('orders-prescriptions', 'health-advocate')
    """
    return "-".join(re.findall(r"[a-z0-9]+", text.lower()))


def framework_from_data(name: str, data: Any, locate: Locate) -> Framework:
    """Validate framework ``data`` (from TOML, YAML or CSV rows); raise one error per problem.

    ``locate(keys)`` gives the place of a key path such as ``("items", 3, "title")`` in the file
    the data came from, so every message names its line and column where the format has them.
    """
    problems: list[MedbadgeError] = []
    if not isinstance(data, Mapping):
        raise MedbadgeError("a framework must be a mapping with title, url and items", locate(()))
    fields = _fields(data, (), _FRAMEWORK_KEYS, locate, problems)
    url = fields.get("url", "")
    if url and not _URL.match(url):
        problems.append(MedbadgeError(f"url '{url}' is not an http(s) address", locate(("url",)),
                                      hint="give the page where the framework is published"))
    items = _items(data.get("items"), locate, problems)
    levels = _levels(data.get("levels"), locate, problems)
    if problems:
        raise BadgeSetError(problems)
    return Framework(name=name, title=fields["title"], alignment_name=fields.get("alignment_name", fields["title"]),
                     publisher=fields.get("publisher", ""), version=fields.get("version", ""), url=url,
                     source=fields.get("source", ""), usage=fields.get("usage", ""), items=items, levels=levels, scale=fields.get("scale", ""),
                     scale_source=fields.get("scale_source", ""))


def _fields(data: Mapping, here: Keys, known: Mapping[str, bool], locate: Locate,
            problems: list[MedbadgeError]) -> dict[str, str]:
    """The text fields of one table: unknown keys, missing required keys and non-text values are problems."""
    found: dict[str, str] = {}
    for key in data:
        if key not in known:
            problems.append(unknown_name("key", str(key), known, locate((*here, key))))
    for key, required in known.items():
        if key in ("items", "levels", "icon_terms"):
            continue
        value = data.get(key)
        if value is None or (isinstance(value, str) and not value.strip()):
            if required:
                problems.append(MedbadgeError(f"'{key}' is missing or empty", locate(here),
                                              hint=f"add {key}: a short text"))
            continue
        if not isinstance(value, str):
            problems.append(MedbadgeError(f"'{key}' must be text, not {type(value).__name__}", locate((*here, key)),
                                          hint="quote it"))
            continue
        found[key] = " ".join(value.split())
    return found


def _items(rows: Any, locate: Locate, problems: list[MedbadgeError]) -> tuple[Item, ...]:
    if not isinstance(rows, Sequence) or isinstance(rows, str) or not rows:
        problems.append(MedbadgeError("a framework needs a non-empty list of items", locate(("items",)),
                                      hint="one entry per competency with code, name, title, description, criteria"))
        return ()
    if len(rows) > MAX_ITEMS:
        problems.append(MedbadgeError(f"{len(rows)} items is more than the {MAX_ITEMS} a badge set can hold",
                                      locate(("items",))))
        return ()
    items: list[Item] = []
    seen: dict[str, int] = {}
    for index, row in enumerate(rows):
        here = ("items", index)
        if not isinstance(row, Mapping):
            problems.append(MedbadgeError("an item must be a mapping", locate(here)))
            continue
        before = len(problems)
        fields = _fields(row, here, _ITEM_KEYS, locate, problems)
        title = fields.get("title", "")
        if len(title) > MAX_TITLE_CHARS:
            problems.append(MedbadgeError(f"title '{title}' has {len(title)} characters; a badge title fits "
                                          f"{MAX_TITLE_CHARS}", locate((*here, "title")),
                                          hint="keep the official wording in 'name' and shorten the title"))
        item_id = fields.get("id") or slug(title)
        if title and not _SLUG.match(item_id):
            problems.append(MedbadgeError(f"id '{item_id}' must be lower-case words joined by hyphens",
                                          locate((*here, "id" if "id" in fields else "title"))))
        if item_id in seen:
            problems.append(MedbadgeError(f"item id '{item_id}' is used twice (first by item {seen[item_id] + 1})",
                                          locate((*here, "id" if "id" in fields else "title")),
                                          hint="give one of them a different title or an id"))
        seen.setdefault(item_id, index)
        terms = _terms(row.get("icon_terms"), (*here, "icon_terms"), locate, problems)
        if len(problems) == before:
            items.append(Item(item_id, fields["code"], fields["name"], title, fields["description"],
                              fields["criteria"], terms or (title,)))
    return tuple(items)


def _terms(value: Any, here: Keys, locate: Locate, problems: list[MedbadgeError]) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = value.split(";")
    if not isinstance(value, Sequence) or not all(isinstance(t, str) for t in value):
        problems.append(MedbadgeError("icon_terms must be a list of words or phrases", locate(here)))
        return ()
    return tuple(t.strip() for t in value if t.strip())


def _levels(rows: Any, locate: Locate, problems: list[MedbadgeError]) -> tuple[Level, ...]:
    if rows is None:
        return ()
    if not isinstance(rows, Sequence) or isinstance(rows, str) or len(rows) != LEVEL_COUNT:
        problems.append(MedbadgeError(f"levels must list exactly {LEVEL_COUNT} levels, lowest first",
                                      locate(("levels",)), hint="they become the badge tiers (four metals)"))
        return ()
    levels: list[Level] = []
    for index, row in enumerate(rows):
        here = ("levels", index)
        if not isinstance(row, Mapping):
            problems.append(MedbadgeError("a level must be a mapping with id, label and name", locate(here)))
            continue
        before = len(problems)
        fields = _fields(row, here, _LEVEL_KEYS, locate, problems)
        if "id" in fields and not _SLUG.match(fields["id"]):
            problems.append(MedbadgeError(f"level id '{fields['id']}' must be lower-case words joined by hyphens",
                                          locate((*here, "id"))))
        if len(fields.get("label", "")) > MAX_LABEL_CHARS:
            problems.append(MedbadgeError(f"level label '{fields['label']}' is longer than {MAX_LABEL_CHARS} "
                                          "characters", locate((*here, "label")), hint="shorten it; keep the full name in 'name'"))
        if len(problems) == before:
            levels.append(Level(fields["id"], fields["label"], fields["name"]))
    if len({level.id for level in levels}) != len(levels):
        problems.append(MedbadgeError("level ids must be unique", locate(("levels",))))
    return tuple(levels)
