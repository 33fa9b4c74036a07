"""What differs between two asset sets, found from their manifests' hashes alone (no file is read).

A design is *added* or *removed* when only one side lists it, *changed* when the bytes of any of
its artwork files differ (SVG master, PNGs, share renditions) or a file was added or dropped, and
*metadata* when only its Open Badges JSON or page changed. Only the first three are visual changes:
they decide ``medbadge diff``'s exit code.
"""

from __future__ import annotations

from dataclasses import dataclass

from designer.review.assetsets import AssetSet, DesignFiles

VISUAL = ("added", "removed", "changed")


@dataclass(frozen=True)
class DesignChange:
    slug: str
    status: str  # added | removed | changed | metadata
    before: DesignFiles | None
    after: DesignFiles | None
    files: tuple[str, ...] = ()  # the file names that differ (artwork files for "changed")

    @property
    def visual(self) -> bool:
        return self.status in VISUAL


def compare(old: AssetSet, new: AssetSet) -> list[DesignChange]:
    """Every design that differs, in slug order (unchanged designs are left out).

    >>> from designer.review.assetsets import Entry
    >>> a = DesignFiles("x-gold", "x", "gold", (Entry("x/x-gold.svg", "1", "svg", None),))
    >>> b = DesignFiles("x-gold", "x", "gold", (Entry("x/x-gold.svg", "2", "svg", None),))
    >>> [(c.slug, c.status, c.files) for c in compare(AssetSet(None, {"x-gold": a}), AssetSet(None, {"x-gold": b}))]
    [('x-gold', 'changed', ('x-gold.svg',))]
    """
    changes = []
    for slug in sorted(old.designs.keys() | new.designs.keys()):
        before, after = old.designs.get(slug), new.designs.get(slug)
        if before is None or after is None:
            present = after or before
            names = tuple(sorted(present.hashes(visual=True)))
            changes.append(DesignChange(slug, "added" if before is None else "removed", before, after, names))
            continue
        visual = _differing(before.hashes(visual=True), after.hashes(visual=True))
        if visual:
            changes.append(DesignChange(slug, "changed", before, after, visual))
            continue
        other = _differing(before.hashes(visual=False), after.hashes(visual=False))
        if other:
            changes.append(DesignChange(slug, "metadata", before, after, other))
    return changes


def _differing(a: dict[str, str], b: dict[str, str]) -> tuple[str, ...]:
    return tuple(sorted(name for name in a.keys() | b.keys() if a.get(name) != b.get(name)))
