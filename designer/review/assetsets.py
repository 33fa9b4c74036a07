"""Read a built asset set through its ``manifest.json``: files by design, and each design's lint status.

The manifest lists every file with its SHA-256 (``designer.assetset.sheet.manifest_json``) and,
when the set was built with ``--lint``, each design's lint status (``metadata.lint_status``). That
is all a diff needs to find what changed: no image is opened until a design is known to differ.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from designer.base.errors import Location, MedbadgeError, display_path
from designer.base.files import read_bounded
from designer.base.pages import preview_file

MANIFEST = "manifest.json"
#: A manifest of 10,000 designs with every rendition is about 15 MiB.
MAX_MANIFEST_BYTES = 64 * 1024 * 1024
#: Files whose bytes are the artwork: a change in one of them is a visual change.
VISUAL_KINDS = ("svg", "png", "card", "email", "print")


@dataclass(frozen=True)
class Entry:
    path: str
    sha256: str
    kind: str
    pixels: int | None


@dataclass(frozen=True)
class DesignFiles:
    """One badge × tier as the manifest lists it."""

    slug: str
    badge: str
    tier: str
    files: tuple[Entry, ...]
    lint: dict | None = None  # {"status": clean|error|warning|info, "findings": [...]}; None: not linted

    def hashes(self, visual: bool) -> dict[str, str]:
        return {e.path.rsplit("/", 1)[-1]: e.sha256 for e in self.files if (e.kind in VISUAL_KINDS) == visual}

    def preview(self, pixels: int) -> Entry | None:
        """The PNG closest to ``pixels`` (the smallest at least that big, else the largest), else the SVG."""
        return preview_file(self.files, pixels)

    def card(self) -> Entry | None:
        """The share card, when the set has one."""
        return next((e for e in self.files if e.kind == "card"), None)


@dataclass(frozen=True)
class AssetSet:
    root: Path
    designs: dict[str, DesignFiles] = field(default_factory=dict)
    linted: bool = False


def read_asset_set(folder: str | Path) -> AssetSet:
    """The designs of the asset set in ``folder``; one clear error when it is not one."""
    root = Path(folder)
    manifest = root / MANIFEST
    if not root.is_dir():
        raise MedbadgeError("not an asset set folder (it does not exist)" if not root.exists() else
                            "not an asset set folder (it is a file)", Location(display_path(root)),
                            hint="give two folders made by `medbadge build`, or use --rev A..B with a badges.yaml")
    if not manifest.is_file():
        raise MedbadgeError("no manifest.json here: not an asset set", Location(display_path(root)),
                            hint="build it with `medbadge build BADGES.YAML -o FOLDER` first")
    data = read_bounded(manifest, MAX_MANIFEST_BYTES, "manifest")
    try:
        parsed = json.loads(data)
    except (ValueError, RecursionError) as error:
        line, column = getattr(error, "lineno", None), getattr(error, "colno", None)
        raise MedbadgeError(f"the manifest is not JSON: {getattr(error, 'msg', error)}",
                            Location(display_path(manifest), line, column),
                            hint="rebuild the asset set with `medbadge build`") from None
    return _designs(root, manifest, parsed)


def _designs(root: Path, manifest: Path, parsed) -> AssetSet:
    files = parsed.get("files") if isinstance(parsed, dict) else None
    if not isinstance(files, list):
        raise MedbadgeError("the manifest has no 'files' list", Location(display_path(manifest)),
                            hint="rebuild the asset set with `medbadge build`")
    lint = parsed.get("lint")
    grouped: dict[str, list[Entry]] = {}
    names: dict[str, tuple[str, str]] = {}
    for number, item in enumerate(files):
        try:
            badge, tier = item["badge"], item["tier"]
            entry = Entry(str(item["path"]), str(item["sha256"]), str(item["kind"]), item.get("pixels"))
        except (KeyError, TypeError):
            raise MedbadgeError(f"file entry {number} lacks path, sha256, kind, badge or tier",
                                Location(display_path(manifest)), hint="rebuild the asset set with `medbadge build`") from None
        parts = Path(entry.path).parts
        if not parts or Path(entry.path).is_absolute() or ".." in parts:
            raise MedbadgeError(f"file entry {number} names a place outside the asset set: {entry.path!r}",
                                Location(display_path(manifest)), hint="rebuild the asset set with `medbadge build`")
        if badge is None or tier is None:
            continue  # the contact sheet and other set-level files
        slug = f"{badge}-{tier}"
        grouped.setdefault(slug, []).append(entry)
        names[slug] = (str(badge), str(tier))
    designs = {slug: DesignFiles(slug, *names[slug], tuple(entries), _status(lint, slug))
               for slug, entries in sorted(grouped.items())}
    return AssetSet(root, designs, isinstance(lint, dict))


def _status(lint, slug: str) -> dict | None:
    """A design's lint status, kept only in the shape ``metadata.lint_status`` writes."""
    found = lint.get(slug) if isinstance(lint, dict) else None
    if not isinstance(found, dict) or not isinstance(found.get("status"), str):
        return None
    findings = [f for f in found.get("findings", []) if isinstance(f, dict)] if isinstance(found.get("findings"), list) else []
    return {"status": found["status"], "findings": findings}
