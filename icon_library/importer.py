"""Import a third-party SVG icon safely into a user icon folder, normalised to the library grid.

Icons from other sets (Health Icons, Font Awesome, Tabler, a designer's Illustrator export) arrive
with their own grid, colours and editor clutter, and an SVG is a document format that can carry
scripts and network references. The import is therefore a pipeline with a hard gate first:

1. **parse safely** (:mod:`icon_library.safe_xml`): size bound checked before reading, entities and
   DTDs refused, node count and depth bounded while streaming;
2. **sanitize** (:mod:`icon_library.sanitize`): hostile content refuses the file, noise is dropped;
3. **normalise colours**: every fill and stroke becomes ``currentColor`` (or stays ``none``), so the
   badge palette decides the colour, as for built-in icons;
4. **fit to the grid**: the source view box (grown to include any ink that spills out of it) is
   scaled uniformly and centred into 1..23 of a 0 0 24 24 view box, by one wrapping ``<g>`` whose
   ``transform`` and paint attributes restore what the source root meant;
5. **check the result**: the normalised SVG is parsed and sanitized again exactly as the loader will
   read it (the wrapping ``<g>`` adds one level of nesting and a few bytes), so an import never
   writes a file that the library would then refuse;
6. **write atomically**: the SVG and the amended catalog are written to temporary files beside their
   targets and swapped in with ``os.replace``; a refused or failed import writes nothing (folders it
   had to create are removed again, and a write error is a :class:`MedbadgeError`, not a traceback).

Every refusal is an :class:`~designer.base.errors.UnsafeSVGError` with a ``reason`` code.
"""

from __future__ import annotations

import math
import os
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from designer.base.errors import Location, MedbadgeError, UnsafeSVGError, display_path
from designer.icon_library.catalog import CatalogEntry, check_icon_name, format_entry, parse_catalog
from designer.base.files import write_all_atomic, write_error
from designer.icon_library.loader import builtin_source, get, view_box_from_size
from designer.icon_library.markup import SVG_NS, format_attributes, serialize_children, serialize_element
from designer.icon_library.model import CATEGORIES, GRID_MAX, GRID_MIN, STANDARD_ROOT_ATTRIBUTES, Icon
from designer.base.geometry import fmt
from designer.icon_library.raster import ink_box
from designer.icon_library.safe_xml import MAX_BYTES, MAX_NODES, parse_svg_bytes, parse_svg_file, refuse
from designer.icon_library.sanitize import CleanSVG, sanitize

CATALOG_FILE = "catalog.toml"
_WHITES = {"white", "#fff", "#ffffff", "rgb(255,255,255)", "rgb(255, 255, 255)"}
# What an SVG root leaves implicit (SVG initial values); the wrapper writes them out because the
# library root sets different ones (stroke currentColor, width 2, round caps).
_INITIAL_PAINT = {"fill": "black", "stroke": "none", "stroke-width": "1",
                  "stroke-linecap": "butt", "stroke-linejoin": "miter"}


@dataclass(frozen=True)
class ImportReport:
    """What an import produced and what it changed on the way (for the user to review)."""

    icon: Icon
    svg_path: Path
    catalog_path: Path
    changes: tuple[str, ...]


def import_icon(source_path: str | os.PathLike[str], name: str, dest_dir: str | os.PathLike[str], *,
                title: str | None = None, keywords: Iterable[str] = (), categories: Iterable[str] = ("symbol",),
                licence: str = "unspecified", notes: str = "", max_bytes: int = MAX_BYTES,
                max_nodes: int = MAX_NODES) -> ImportReport:
    """Sanitize ``source_path``, normalise it and add it to ``dest_dir`` as ``<name>.svg``.

    ``dest_dir`` becomes a user icon folder: pass it in ``search_paths`` (or the badge set's icon
    paths) to use the icon. ``licence`` should be the SPDX id of the source set's licence.
    """
    check_icon_name(name)
    categories = tuple(categories)
    for category in categories:
        if category not in CATEGORIES:
            raise MedbadgeError(f"unknown category '{category}'", hint=f"choose from {', '.join(CATEGORIES)}")
    source = display_path(source_path)
    if not os.path.lexists(source_path):  # a typo in the path, not an unsafe file
        raise MedbadgeError("no such file", Location(source), hint="check the path to the SVG file")
    clean = sanitize(parse_svg_file(source_path, max_bytes=max_bytes, max_nodes=max_nodes), source)
    changes = [f"dropped {what}" for what in clean.dropped]
    svg_text = normalised_svg(clean, source, changes)
    check_output(svg_text, source)

    dest = Path(dest_dir)
    svg_path, catalog_path = dest / f"{name}.svg", dest / CATALOG_FILE
    entry = CatalogEntry(name=name, title=(title or name.replace("-", " ").capitalize()).strip(),
                         categories=categories, keywords=tuple(k.strip().lower() for k in keywords if k.strip()),
                         licence=licence.strip() or "unspecified",
                         notes=notes or f"Imported from {Path(source_path).name} by medbadge icons import.")
    old_catalog, catalog_text = _amended_catalog(entry, svg_path, catalog_path)
    created = make_folders(dest)
    try:
        write_all_atomic([(svg_path, svg_text.encode("utf-8")), (catalog_path, catalog_text.encode("utf-8"))])
    except BaseException:
        remove_folders(created)
        raise
    try:
        icon = get(name, search_paths=[dest])
    except BaseException:  # e.g. another catalog in the folder is broken: take the import back
        _undo(svg_path, catalog_path, old_catalog, created)
        raise
    return ImportReport(icon, svg_path, catalog_path, tuple(changes))


def check_output(svg_text: str, source: str) -> None:
    """Read the normalised SVG back as the loader will; refuse the *source* if that would fail."""
    try:
        sanitize(parse_svg_bytes(svg_text.encode("utf-8"), source), source)
    except UnsafeSVGError as error:
        raise refuse(source, error.reason, f"after fitting it to the grid, {error.message.removeprefix('unsafe SVG refused: ')}",
                     (error.hint or "fix: simplify the icon").removeprefix("fix: ")
                     + " (the import adds one group and a few bytes)") from None


def make_folders(folder: Path) -> list[Path]:
    """Create ``folder`` and missing parents; return the ones created (deepest last)."""
    missing = []
    probe = folder
    while not probe.exists() and probe != probe.parent:
        missing.append(probe)
        probe = probe.parent
    created = []
    for path in reversed(missing):
        try:
            path.mkdir()
        except FileExistsError:
            continue
        except OSError as error:
            remove_folders(created)
            raise write_error(error, path) from None
        created.append(path)
    return created


def remove_folders(created: list[Path]) -> None:
    """Remove folders :func:`make_folders` created, if they are still empty."""
    for path in reversed(created):
        try:
            path.rmdir()
        except OSError:
            pass


def _undo(svg_path: Path, catalog_path: Path, old_catalog: str | None, created: list[Path]) -> None:
    try:
        svg_path.unlink()
        if old_catalog is None:
            catalog_path.unlink()
        else:
            write_all_atomic([(catalog_path, old_catalog.encode("utf-8"))])
    except (OSError, MedbadgeError):
        pass
    remove_folders(created)


def normalised_svg(clean: CleanSVG, source: str, changes: list[str]) -> str:
    """The sanitized drawing recoloured to currentColor and fitted into 1..23 of a 24 grid."""
    view_box = clean.view_box or view_box_from_size(clean.width, clean.height, source)
    paint = {**_INITIAL_PAINT, **clean.root_attributes}
    recolour(paint, changes)
    for child in clean.children:
        for element in child.iter():
            recolour(element.attrib, changes)
    body = serialize_children(clean.children)
    ink = ink_box(body, view_box, paint)
    if ink is None:
        raise refuse(source, "empty", "it draws nothing visible", "check that the file is the icon you meant")
    x, y, w, h = view_box
    box = (min(x, ink[0]), min(y, ink[1]), max(x + w, ink[2]), max(y + h, ink[3]))
    if box != (x, y, x + w, y + h):
        changes.append("some ink lay outside the viewBox; the icon was fitted to all of its ink")
    width, height = box[2] - box[0], box[3] - box[1]
    room = GRID_MAX - GRID_MIN
    digits = _scale_digits(room / max(width, height))
    scale = math.floor(room / max(width, height) * 10**digits) / 10**digits  # round down: never past the grid
    dx = GRID_MIN + (room - width * scale) / 2 - box[0] * scale
    dy = GRID_MIN + (room - height * scale) / 2 - box[1] * scale
    if (scale, round(dx, 4), round(dy, 4)) != (1.0, 0.0, 0.0):
        changes.append(f"scaled by {fmt(scale, digits)} and centred in 1..23 of the 24 grid")
    wrapper = ET.Element(f"{{{SVG_NS}}}g", {
        "transform": f"matrix({fmt(scale, digits)} 0 0 {fmt(scale, digits)} "
                     f"{fmt(dx, 4)} {fmt(dy, 4)})",
        **paint,
    })
    wrapper.extend(clean.children)
    root = {"xmlns": SVG_NS, "viewBox": "0 0 24 24", **STANDARD_ROOT_ATTRIBUTES}
    return f"<svg{format_attributes(root)}>{serialize_element(wrapper)}</svg>\n"


def _scale_digits(scale: float) -> int:
    """Decimals that keep six significant digits of the scale (six decimals from 0.1 up, as before)."""
    return 6 + max(0, -math.floor(math.log10(scale)) - 1)


def recolour(attributes: dict[str, str], changes: list[str]) -> None:
    """Make every fill and stroke ``currentColor`` or ``none`` (in place), noting what changed."""
    for key in ("fill", "stroke"):
        value = attributes.get(key)
        if value is None:
            continue
        lowered = value.strip().lower()
        if lowered in ("none", "transparent"):
            attributes[key] = "none"
        elif lowered == "currentcolor":
            attributes[key] = "currentColor"
        elif lowered == "inherit":
            del attributes[key]
        else:
            if lowered in _WHITES:
                _note(changes, "white shapes became currentColor: knock-outs drawn in white fill in; redraw them as holes")
            attributes[key] = "currentColor"
            _note(changes, "colours changed to currentColor")


def _note(changes: list[str], text: str) -> None:
    if text not in changes:
        changes.append(text)


def _amended_catalog(entry: CatalogEntry, svg_path: Path, catalog_path: Path) -> tuple[str | None, str]:
    """(the catalog as it is, or None) and the catalog with ``entry`` appended, checked by parsing
    it back before anything is written."""
    where = Location(display_path(catalog_path))
    if entry.name in builtin_source().files:
        raise MedbadgeError(f"'{entry.name}' is already a built-in icon", where,
                            hint="choose another name; the built-in icon would always win")
    try:
        existing = catalog_path.read_text("utf-8") if catalog_path.exists() else ""
    except (OSError, UnicodeDecodeError) as error:
        raise MedbadgeError(f"cannot read the catalog ({getattr(error, 'strerror', None) or error})", where,
                            hint="check the file's permissions and that it is UTF-8 text") from None
    original = existing if catalog_path.exists() else None
    if entry.name in parse_catalog(existing, where.path) or svg_path.exists():
        raise MedbadgeError(f"icon '{entry.name}' already exists in {display_path(svg_path.parent)}", where,
                            hint="choose another name, or delete the old file and its catalog entry first")
    if not existing:
        existing = "# Icons imported with 'medbadge icons import' (format: docs/icons.md).\n"
    separator = "\n" if existing.endswith("\n") else "\n\n"
    amended = existing + separator + format_entry(entry)
    parse_catalog(amended, where.path)  # our own output must read back; fail before writing if not
    return original, amended

