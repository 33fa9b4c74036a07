"""Incremental builds: which designs can be reused from the previous asset set.

A design's cache key is a hash of everything its rendered files depend on: ``Design.key()``, the
toolkit (its version and the source of the engine, so a code change invalidates the cache), the
versions of CairoSVG and Pillow, the content of the template files, the icon and the font files,
the requested sizes and formats, and the PNG metadata texts. The key and the file records of each
design are kept in ``<dist>/.medbadge-cache/state.json``, inside the asset set, so the state is
swapped in and out atomically together with the files it describes.
"""

from __future__ import annotations

import hashlib
import json
from functools import lru_cache
from importlib import metadata
from pathlib import Path

import designer
from designer import icon_library
from designer import templates
from designer.assetset.render import FileRecord
from designer.design import Design
from designer.text.fonts import face_for

CACHE_DIR = ".medbadge-cache"
STATE_FILE = f"{CACHE_DIR}/state.json"
STATE_VERSION = 1

#: The engine source that decides what a design's files contain (not the linter, CLI or studio:
#: editing those must not throw the cache away).
RENDER_CODE = ("__init__.py", "design.py", "artwork.py", "color.py", "geometry.py", "raster.py",
               "compose/*.py", "text/*.py", "build/*.py")


def design_cache_key(design: Design, request: str) -> str:
    """The cache key of ``design``'s rendered files for this build ``request`` (sizes, formats, texts)."""
    parts = [design.key(), toolkit_fingerprint(), template_fingerprint(design.template, design.template_paths),
             icon_fingerprint(design.icon, design.icon_paths), font_fingerprint(design), request]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


@lru_cache(maxsize=1)
def toolkit_fingerprint() -> str:
    digest = hashlib.sha256(designer.__version__.encode())
    for package in ("cairosvg", "pillow", "uharfbuzz", "fonttools"):
        try:
            digest.update(f"{package}={metadata.version(package)}".encode())
        except metadata.PackageNotFoundError:
            pass
    root = Path(designer.__file__).parent
    for path in sorted(p for part in RENDER_CODE for p in root.glob(part)):
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


@lru_cache(maxsize=64)
def template_fingerprint(name: str, search_paths: tuple[str, ...]) -> str:
    """The template's TOML and Jinja files plus every partial (``_*.svg.j2``) it could include."""
    digest = hashlib.sha256()
    folders = [Path(templates.__file__).parent, *(Path(p) for p in search_paths)]
    for folder in folders:
        if not folder.is_dir():
            continue
        for path in sorted(folder.iterdir()):
            if path.name in (f"{name}.toml", f"{name}.svg.j2") or (path.name.startswith("_")
                                                                   and path.name.endswith(".svg.j2")):
                digest.update(str(path).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


@lru_cache(maxsize=256)
def icon_fingerprint(name: str, search_paths: tuple[str, ...]) -> str:
    icon = icon_library.get(name, search_paths)
    return hashlib.sha256(f"{icon.view_box}{icon.root_items}{icon.body}".encode()).hexdigest()


def font_fingerprint(design: Design) -> str:
    families = (design.font.family, *design.font.fallbacks)
    return hashlib.sha256("".join(_font_file_hash(f, w, design.base_dir)
                                  for f in families for w in (400, 700)).encode()).hexdigest()


@lru_cache(maxsize=64)
def _font_file_hash(family: str, weight: int, base_dir: str) -> str:
    path = face_for(family, weight, Path(base_dir)).path
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def load_state(dist: Path) -> dict[str, dict]:
    """``slug → {"key", "files"}`` of the previous build (empty when there is none or it is unreadable)."""
    try:
        data = json.loads((dist / STATE_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict) or data.get("version") != STATE_VERSION:
        return {}
    return data.get("designs", {})


def state_json(entries: dict[str, tuple[str, tuple[FileRecord, ...]]]) -> bytes:
    designs = {slug: {"key": key, "files": [f.as_json() for f in files]}
               for slug, (key, files) in sorted(entries.items())}
    return (json.dumps({"version": STATE_VERSION, "designs": designs}, indent=1, sort_keys=True) + "\n").encode()


def reusable_files(dist: Path, entry: dict | None, key: str) -> tuple[FileRecord, ...] | None:
    """The previous files of a design when its key matches and every file is still there, intact."""
    if not entry or entry.get("key") != key:
        return None
    records = []
    for item in entry.get("files", []):
        try:
            record = FileRecord(**item)
            data = (dist / record.path).read_bytes()
        except (OSError, TypeError):
            return None  # gone, or a state file from another version
        if hashlib.sha256(data).hexdigest() != record.sha256:
            return None  # edited or damaged since: render again
        records.append(record)
    return tuple(records)
