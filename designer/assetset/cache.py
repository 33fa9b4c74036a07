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

import ast
import hashlib
import importlib.util
import json
from functools import lru_cache
from importlib import metadata
from pathlib import Path

import designer
from designer.assetset.render import FileRecord
from designer.design import Design

CACHE_DIR = ".medbadge-cache"
STATE_FILE = f"{CACHE_DIR}/state.json"
STATE_VERSION = 2
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
    through ``import`` statements anywhere in a module (function-level imports included)."""
    found: dict[str, Path] = {}
    todo = [RENDER_ENTRY]
    while todo:
        name = todo.pop()
        if name in found:
            continue
        path = _source(name)
        if path is None:
            continue
        found[name] = path
        todo.extend(_project_imports(name, path))
    return found


def _source(name: str) -> Path | None:
    try:
        spec = importlib.util.find_spec(name)
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.origin or not spec.origin.endswith(".py"):
        return None
    return Path(spec.origin)


def _project_imports(name: str, path: Path) -> list[str]:
    """The ``designer`` modules ``path`` imports (each parent package too: importing runs it)."""
    tree = ast.parse(path.read_bytes(), str(path))
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                base = f"{parent}.{base}" if base else parent
            names.append(base)
            names += [f"{base}.{alias.name}" for alias in node.names]  # `from pkg import module`
    out = []
    for full in names:
        if full.split(".")[0] != "designer":
            continue
        parts = full.split(".")
        out += [".".join(parts[:i]) for i in range(1, len(parts) + 1)]
    return out


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
