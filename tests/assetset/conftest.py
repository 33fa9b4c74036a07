"""Fixtures for build tests: small generated badge sets and a tree snapshot helper."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from designer.assetset.uptodate import RECORD_FILE

from tests.assetset.badgesets import make_badge_set


def snapshot(folder: Path) -> dict[str, str]:
    """``relative path → sha256`` of every file under ``folder`` (the cache state included; the
    up-to-date record aside: it names this machine's paths, so it differs between output folders)."""
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file() and p.relative_to(folder).as_posix() != RECORD_FILE}


@pytest.fixture
def small_set(tmp_path) -> Path:
    """Three badges × four tiers."""
    return make_badge_set(tmp_path / "src", 3)
