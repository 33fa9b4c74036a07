"""``diff_asset_sets``: the steps of ``medbadge diff`` once both asset sets exist.

Read both manifests, compare their hashes (fast: a 200-design set is two JSON files), draw the
pictures of the designs that changed, and write the report folder — ``index.html`` and
``images/`` — in one atomic write, so a failed diff leaves no half-written report.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

from designer.base.files import write_all_atomic
from designer.review import pixels as pictures_of
from designer.review import report, summary
from designer.review.assetsets import read_asset_set
from designer.review.changes import DesignChange, compare

REPORT_PAGE = "index.html"
IMAGES = "images"


@dataclass(frozen=True)
class DiffResult:
    changes: list[DesignChange]
    unchanged: int
    pixels: dict[str, float] = field(default_factory=dict)  # slug → changed fraction (changed designs)
    linted: tuple[bool, bool] = (False, False)
    report: Path | None = None
    seconds: float = 0.0

    @property
    def visual_changes(self) -> int:
        return sum(1 for c in self.changes if c.visual)

    def terminal(self) -> str:
        return summary.terminal(self.changes, self.unchanged, self.pixels, self.linted,
                                str(self.report) if self.report else None)

    def markdown(self) -> str:
        return summary.markdown(self.changes, self.unchanged, self.pixels, self.linted,
                                str(self.report) if self.report else None)


def diff_asset_sets(old: str | Path, new: str | Path, output: str | Path | None,
                    title: str = "medbadge diff") -> DiffResult:
    """Compare the asset sets ``old`` and ``new``; with ``output``, write the report folder there."""
    started = time.perf_counter()
    before, after = read_asset_set(old), read_asset_set(new)
    changes = compare(before, after)
    unchanged = len(before.designs.keys() & after.designs.keys()) - sum(
        1 for c in changes if c.status in ("changed", "metadata"))
    linted = (before.linted, after.linted)
    fractions: dict[str, float] = {}
    files: list[tuple[Path, bytes]] = []
    images: dict[str, dict[str, str]] = {}
    for change in changes:
        if not change.visual:
            continue
        sides = ((before.root, change.before) if change.before else None,
                 (after.root, change.after) if change.after else None)
        drawn = pictures_of.pictures(*sides, encode=output is not None)
        if change.status == "changed" and drawn.total_pixels:
            fractions[change.slug] = drawn.changed_fraction
        if output is None:
            continue
        kinds = [("", drawn)]
        if any(name.endswith("-card.png") for name in change.files):  # the share card changed too: show it
            kinds.append(("card-", pictures_of.pictures(*sides, card=True)))
        for prefix, shown in kinds:
            for key, data in (("before", shown.before), ("after", shown.after), ("difference", shown.difference)):
                if data is not None:
                    relative = f"{IMAGES}/{change.slug}-{prefix}{key}.png"
                    images.setdefault(change.slug, {})[prefix + key] = relative
                    files.append((Path(output) / relative, data))
    report_path = None
    if output is not None:
        report_path = Path(output) / REPORT_PAGE
        page = report.report_html(title, changes, unchanged, images, fractions, linted)
        write_all_atomic([*files, (report_path, page)], make_parents=True)
        _remove_stale(Path(output) / IMAGES, {path.name for path, _ in files})
    return DiffResult(changes, unchanged, fractions, linted, report_path, time.perf_counter() - started)


def _remove_stale(folder: Path, kept: set[str]) -> None:
    """Pictures an earlier diff left in the report folder that this report does not show."""
    for path in folder.glob("*.png"):
        if path.name not in kept and path.stem.endswith(("-before", "-after", "-difference")):
            try:
                path.unlink()
            except OSError:
                pass  # a picture nobody links to is harmless
