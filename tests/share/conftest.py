"""One small asset set with every share rendition and page on: the example (which turns them all on)
cut to two badges × two tiers, PNGs at 64 and 340 px, built with ``--lint``."""

from __future__ import annotations

import shutil

import pytest

from designer.assetset import BuildOptions, build, parse_sizes
from tests.conftest import EXAMPLE

BADGES = ("history-taking", "global-health")
TIERS = ("foundation", "distinguished")


@pytest.fixture(scope="session")
def shared_set(tmp_path_factory):
    """``(badge set file, asset set folder)``."""
    root = tmp_path_factory.mktemp("share")
    source = root / "badges.yaml"
    shutil.copyfile(EXAMPLE, source)
    build(source, root / "dist", BuildOptions(sizes=parse_sizes("64,340"), badges=BADGES, tiers=TIERS, jobs=1, lint=True))
    return source, root / "dist"
