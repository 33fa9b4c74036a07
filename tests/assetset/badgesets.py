"""Generated badge sets for build tests and benchmarks: the example school's header with ``count``
badges cycled from its badge list (ids made unique, titles kept so every text still fits)."""

from __future__ import annotations

import copy
from pathlib import Path

from ruamel.yaml import YAML

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "medical-school" / "badges.yaml"


def make_badge_set(folder: Path, count: int, *, name: str = "badges.yaml", edit=None) -> Path:
    """Write a badge set with ``count`` badges to ``folder/name``; ``edit(data)`` may change it first."""
    yaml = YAML()
    data = yaml.load(EXAMPLE.read_text(encoding="utf-8"))
    source = list(data["badges"])
    badges = []
    for index in range(count):
        badge = copy.deepcopy(source[index % len(source)])
        if index >= len(source):
            badge["id"] = f"{badge['id']}-{index // len(source) + 1}"
        badges.append(badge)
    data["badges"] = badges
    data.pop("share", None)  # the badges alone: share renditions (tests/share) are not what these sets measure
    if edit is not None:
        edit(data)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    with path.open("w", encoding="utf-8") as handle:
        yaml.dump(data, handle)
    return path
