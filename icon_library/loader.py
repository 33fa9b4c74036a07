"""Find icons by name on a search path: the built-in library first, then the user's folders.

Built-in data is read through :mod:`importlib.resources`, so the library works the same from a
checkout, an editable install or a wheel. User folders (``search_paths``) hold ``*.svg`` files and,
optionally, ``*.toml`` catalogs in the same format; an SVG with no catalog entry is still usable, with
a title made from its name. The first source that has a name wins, so a user icon cannot silently
replace a built-in one (the importer refuses such names).

User folders and their files are read when asked for, every time, and parsed once per content
(the caches are keyed by the bytes, never by a path or a modification time), so an icon imported
or edited a moment ago is what the next call returns. The built-in library is read once.
Every SVG, built-in or not, goes through the same safe parser and allow-list as an import.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from designer.base.files import read_bounded_text
from designer.base.errors import Location, MedbadgeError, did_you_mean, display_path, unknown_name
from designer.icon_library.catalog import CatalogEntry, parse_catalog
from designer.icon_library.markup import serialize_children
from designer.icon_library.model import CATEGORIES, ROOT_PRESENTATION_ATTRIBUTES, Icon
from designer.icon_library.ranking import rank
from designer.icon_library.safe_xml import MAX_BYTES, parse_svg_bytes, refuse
from designer.icon_library.sanitize import sanitize

SearchPaths = Sequence[str | os.PathLike[str]]


@dataclass(frozen=True)
class IconSource:
    """One place icons come from: catalog entries and SVG files, each keyed by icon name."""

    label: str
    builtin: bool
    entries: dict[str, CatalogEntry]
    files: dict[str, object]  # name -> Path or importlib Traversable

    def names(self) -> list[str]:
        return sorted(self.files)


@functools.cache
def builtin_source() -> IconSource:
    """The icons shipped in the package (``icon_library/icons`` + ``icon_library/catalog``)."""
    package = resources.files(__package__)
    entries: dict[str, CatalogEntry] = {}
    catalog_dir = package / "catalog"
    if catalog_dir.is_dir():
        for item in sorted(catalog_dir.iterdir(), key=lambda t: t.name):
            if item.name.endswith(".toml"):
                _merge(entries, parse_catalog(item.read_text("utf-8"), f"icon_library/catalog/{item.name}"))
    icons_dir = package / "icons"
    files = {}
    if icons_dir.is_dir():
        files = {item.name[:-4]: item for item in icons_dir.iterdir() if item.name.endswith(".svg")}
    return IconSource("built-in", True, entries, files)


def folder_source(folder: str | os.PathLike[str]) -> IconSource:
    """A user folder of icons, read as it is now (catalogs are parsed once per content)."""
    path = Path(folder).expanduser()
    if not path.is_dir():
        raise MedbadgeError(f"icon folder '{display_path(path)}' does not exist",
                            hint="check the path, or create it with 'medbadge icons import'")
    entries: dict[str, CatalogEntry] = {}
    files = {}
    for item in sorted(os.scandir(path), key=lambda e: e.name):
        if not item.is_file() or item.name.startswith(".") or not item.name.endswith((".svg", ".toml")):
            continue
        file = Path(item.path)
        if item.name.endswith(".toml"):
            _merge(entries, _parse_catalog_cached(_read_catalog(file), display_path(file)))
        else:
            files[item.name[:-4]] = file
    return IconSource(display_path(path), False, entries, files)


MAX_CATALOG_BYTES = 1024 * 1024


def _read_catalog(file: Path) -> str:
    return read_bounded_text(file, MAX_CATALOG_BYTES, "icon catalog")


@functools.lru_cache(maxsize=64)
def _parse_catalog_cached(text: str, label: str) -> dict[str, CatalogEntry]:
    return parse_catalog(text, label)


def _merge(entries: dict[str, CatalogEntry], new: dict[str, CatalogEntry]) -> None:
    for name, entry in new.items():
        if name in entries:
            raise MedbadgeError(f"icon '{name}' is listed twice", Location(entry.source),
                                hint=f"also in {entries[name].source}; keep one entry")
        entries[name] = entry


def sources(search_paths: SearchPaths = ()) -> list[IconSource]:
    """The built-in library followed by each user folder, in search order.

    A single path (``"brand/icons"``) is accepted as a one-folder search path rather than being
    iterated character by character.
    """
    if isinstance(search_paths, (str, os.PathLike)):
        search_paths = [search_paths]
    return [builtin_source(), *(folder_source(p) for p in search_paths)]


def names(search_paths: SearchPaths = ()) -> list[str]:
    """Every icon name on the search path, sorted."""
    return sorted({name for source in sources(search_paths) for name in source.files})


def get(name: str, search_paths: SearchPaths = ()) -> Icon:
    """The icon called ``name``: the first source that has an SVG for it wins.

    Raises :class:`~designer.base.errors.MedbadgeError` with a did-you-mean hint for unknown names.
    """
    all_sources = sources(search_paths)
    for source in all_sources:
        if name in source.files:
            return _load(source, name)
    for source in all_sources:
        if name in source.entries:
            raise MedbadgeError(f"icon '{name}' is in the catalog but its file {name}.svg is missing",
                                Location(source.entries[name].source), hint=f"add {name}.svg to {source.label}")
    raise unknown_name("icon", name, {n for s in all_sources for n in s.files})


def all_icons(search_paths: SearchPaths = ()) -> list[Icon]:
    """Every icon on the search path, in name order (parses every SVG once; cached after)."""
    return [get(name, search_paths) for name in names(search_paths)]


def search(query: str | None = None, category: str | None = None, search_paths: SearchPaths = ()) -> list[Icon]:
    """Icons matching ``query`` (best first) and/or in ``category`` (name order without a query).

    >>> [icon.name for icon in search("respiratory")][:1]
    ['lungs']
    """
    if category is not None and category not in CATEGORIES:
        raise MedbadgeError(f"unknown icon category '{category}'",
                            hint=did_you_mean(category, CATEGORIES) or f"choose from {', '.join(CATEGORIES)}")
    candidates = [entry_for(name, search_paths) for name in names(search_paths)]
    if category is not None:
        candidates = [e for e in candidates if category in e.categories]
    if query is not None and query.strip():
        candidates = rank(candidates, query)
    return [get(entry.name, search_paths) for entry in candidates]


def entry_for(name: str, search_paths: SearchPaths = ()) -> CatalogEntry:
    """The catalog entry of the icon ``get(name)`` would return (a default one for a bare SVG)."""
    for source in sources(search_paths):
        if name in source.files:
            return source.entries.get(name) or entry_for_bare_file(name, source)
    raise unknown_name("icon", name, names(search_paths))


def clear_cache() -> None:
    """Forget everything read so far (tests, or after editing built-in data in place)."""
    builtin_source.cache_clear()
    _parse_catalog_cached.cache_clear()
    _parse_icon.cache_clear()


def _load(source: IconSource, name: str) -> Icon:
    """Read the icon's file now and parse it once per content: an edited file is a new icon."""
    file = source.files[name]
    entry = source.entries.get(name) or entry_for_bare_file(name, source)
    if isinstance(file, Path):
        label = display_path(file)
        data = read_svg_file(file)
    else:
        label = f"icon_library/icons/{entry.name}.svg"
        data = file.read_bytes()  # type: ignore[attr-defined]
    return _parse_icon(entry, data, label, Path(str(file)), source.builtin)


def read_svg_file(file: Path) -> bytes:
    """An icon file's bytes, refusing a file larger than the parser takes before reading it whole."""
    label = display_path(file)
    try:
        with file.open("rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except OSError as error:
        raise refuse(label, "unreadable", f"cannot read the file ({error.strerror})", "check the path") from None
    if len(data) > MAX_BYTES:
        raise refuse(label, "too-large", f"it is larger than {MAX_BYTES:,} bytes", "simplify the drawing")
    return data


def entry_for_bare_file(name: str, source: IconSource) -> CatalogEntry:
    """A user SVG without a catalog entry still works; it just has no keywords or categories."""
    return CatalogEntry(name=name, title=name.replace("-", " ").capitalize(), categories=(), keywords=(),
                        licence="unspecified", source=source.label)


@functools.lru_cache(maxsize=512)
def _parse_icon(entry: CatalogEntry, data: bytes, label: str, path: Path, builtin: bool) -> Icon:
    clean = sanitize(parse_svg_bytes(data, label), label)
    view_box = clean.view_box or view_box_from_size(clean.width, clean.height, label)
    return Icon(
        name=entry.name, title=entry.title, categories=entry.categories, keywords=entry.keywords,
        licence=entry.licence, notes=entry.notes, emblem=entry.emblem, path=path,
        view_box=view_box, root_items=explicit_root_items(clean.root_attributes),
        body=serialize_children(clean.children), builtin=builtin)


def explicit_root_items(attributes: dict[str, str]) -> tuple[tuple[str, str], ...]:
    """Root presentation attributes in a fixed order, with fill and stroke always present.

    When an icon is inlined into a badge its paint would otherwise be inherited from the badge, so
    the SVG initial values (fill black, stroke none) are written out when the file leaves them
    implicit; the linter then sees the black and reports it as colour.
    """
    attributes = {"fill": "black", "stroke": "none", **attributes}
    return tuple((k, attributes[k]) for k in ROOT_PRESENTATION_ATTRIBUTES if k in attributes)


def view_box_from_size(width: str | None, height: str | None, label: str) -> tuple[float, float, float, float]:
    """An SVG without a viewBox draws in px user units: ``width``/``height`` give the box."""
    try:
        w, h = (float((v or "").removesuffix("px")) for v in (width, height))
        if w > 0 and h > 0:
            return (0.0, 0.0, w, h)
    except ValueError:
        pass
    raise refuse(label, "no-view-box", "it has no viewBox and no width/height in px",
                 'add viewBox="0 0 WIDTH HEIGHT" to the <svg> element')

