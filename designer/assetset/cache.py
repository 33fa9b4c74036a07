"""Incremental builds: which designs can be reused from the previous asset set.

A design's files are reused when its cache key is unchanged. The key is a hash of exactly two
things: the design's content (:meth:`designer.design.Design.key` — resolve has loaded the
template, icon drawing, fonts and colours into it, so an edited file changes it wherever the file
lives) and the version of the code that renders it (:func:`render_code_fingerprint`): the source
of every project module the renderer imports, found by following its imports — not a hand-kept
list — plus the versions of the libraries that draw and encode the files. The build request
(sizes, formats, PNG texts) is part of the key too. Keys and the file records of each design are
kept in ``<dist>/.medbadge-cache/state.json``, inside the asset set, so the state is swapped in and
out atomically together with the files it describes.
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from functools import lru_cache
from importlib import metadata
from pathlib import Path

import designer
from designer.assetset.records import FileRecord
from designer.design import Design

CACHE_DIR = ".medbadge-cache"
STATE_FILE = f"{CACHE_DIR}/state.json"
STATE_VERSION = 2
MAX_STATE_BYTES = 64 * 1024 * 1024
#: The module whose work a design's files are: everything it imports, transitively, is hashed.
RENDER_ENTRY = "designer.assetset.render"
#: Third-party code that writes bytes into a design's files.
RENDER_LIBRARIES = ("cairosvg", "cairocffi", "pillow", "uharfbuzz", "fonttools", "jinja2", "svgwrite", "isal")


def design_cache_key(design: Design, request: str) -> str:
    """The cache key of ``design``'s rendered files for this build ``request`` (sizes, formats, texts)."""
    return hashlib.sha256("\n".join([design.key(), render_code_fingerprint(), request]).encode()).hexdigest()


@lru_cache(maxsize=1)
def render_code_fingerprint() -> str:
    """A hash of the renderer's code: every project module :data:`RENDER_ENTRY` imports, with its
    source, plus the toolkit's and the rendering libraries' versions."""
    digest = hashlib.sha256(designer.__version__.encode())
    for package in RENDER_LIBRARIES:
        try:
            digest.update(f"{package}={metadata.version(package)}".encode())
        except metadata.PackageNotFoundError:
            pass
    for name, path in sorted(render_modules().items()):
        digest.update(name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


@lru_cache(maxsize=1)
def render_modules() -> dict[str, Path]:
    """``module name → source file`` of every project module reachable from :data:`RENDER_ENTRY`
    through ``import`` statements anywhere in a module (function-level imports included).

    Modules are located, not imported (importing the whole engine here would cost more than the
    no-op build it serves)."""
    found: dict[str, Path] = {}
    locations: dict[str, list[str]] = {}
    todo = [RENDER_ENTRY]
    while todo:
        name = todo.pop()
        if name in found:
            continue
        spec = _find(name, locations)
        if spec is None or not spec.origin or not spec.origin.endswith(".py"):
            continue
        found[name] = Path(spec.origin)
        todo.extend(_project_imports(found[name]))
    return found


def _find(name: str, locations: dict[str, list[str]]):
    """The module spec of ``name`` from the import system's finders, without importing anything."""
    parent = name.rpartition(".")[0]
    if parent and parent not in locations:
        if _find(parent, locations) is None:
            return None
    path = locations.get(parent) if parent else None
    for finder in sys.meta_path:
        find_spec = getattr(finder, "find_spec", None)
        spec = find_spec(name, path) if find_spec else None
        if spec is not None:
            if spec.submodule_search_locations is not None:
                locations[name] = list(spec.submodule_search_locations)
            return spec
    return None


#: ``import designer.x[, ...]`` and ``from designer.x import a, b`` (parenthesised lists too), at any
#: indentation: a text scan, not a parse, because it runs at the start of every build.
_IMPORT = re.compile(r"^[ \t]*(?:import[ \t]+([\w., \t]+)|from[ \t]+(designer[\w.]*)[ \t]+import[ \t]+"
                     r"(\([^)]*\)|[^\n#]+))", re.MULTILINE)
_DOCSTRING = re.compile(r'("""|\'\'\')[\s\S]*?\1')
_TYPE_CHECKING = re.compile(r"^if TYPE_CHECKING:[^\n]*\n(?:(?:[ \t]+[^\n]*)?\n)*", re.MULTILINE)


def _project_imports(path: Path) -> list[str]:
    """The ``designer`` modules ``path`` imports (each parent package too: importing runs it)."""
    names: list[str] = []
    # Examples in docstrings and annotation-only imports do not run.
    code = _TYPE_CHECKING.sub("", _DOCSTRING.sub("", path.read_text(encoding="utf-8")))
    for plain, base, imported in _IMPORT.findall(code):
        if plain:
            names += [part.split()[0] for part in plain.split(",") if part.strip()]
        else:
            names.append(base)  # `from pkg import module` imports pkg.module when it is one
            names += [f"{base}.{part.split()[0]}" for part in imported.strip("()").replace("\n", " ").split(",")
                      if part.strip() and not part.strip().startswith("#")]
    out = []
    for full in names:
        parts = full.split(".")
        if parts[0] == "designer":
            out += [".".join(parts[:i]) for i in range(1, len(parts) + 1)]
    return out


def load_state(dist: Path) -> dict[str, dict]:
    """``slug → {"key", "files"}`` of the previous build (empty when there is none or it is unreadable)."""
    try:
        with open(dist / STATE_FILE, "rb") as handle:
            data = json.loads(handle.read(MAX_STATE_BYTES + 1))  # past the bound: not JSON, so {}
    except (OSError, ValueError, RecursionError):
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
            parts = Path(record.path).parts
            if Path(record.path).is_absolute() or ".." in parts or not parts:
                return None  # a state file that names a place outside the asset set is not ours
            path = dist / record.path
            if path.stat().st_size != record.bytes:
                return None  # changed since: render again (and never read a file of any size)
            data = path.read_bytes()
        except (OSError, TypeError, ValueError):
            return None  # gone, or a state file from another version
        if hashlib.sha256(data).hexdigest() != record.sha256:
            return None  # edited or damaged since: render again
        records.append(record)
    return tuple(records)
