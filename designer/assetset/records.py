"""``FileRecord``: one file of the asset set, as the manifest and the cache state list it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class FileRecord:
    """One file of the asset set, as the manifest lists it."""

    path: str  # relative to the asset set, with "/"
    sha256: str
    bytes: int
    badge: str | None
    tier: str | None
    kind: str  # svg | png | badgeclass | achievement | index
    pixels: int | None = None

    def as_json(self) -> dict:
        return {"path": self.path, "sha256": self.sha256, "bytes": self.bytes, "badge": self.badge,
                "tier": self.tier, "kind": self.kind, "pixels": self.pixels}
