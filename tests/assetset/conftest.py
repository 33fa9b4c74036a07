"""Fixtures for build tests: small generated badge sets and a tree snapshot helper."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from tests.assetset.badgesets import make_badge_set


def snapshot(folder: Path) -> dict[str, str]:
    """``relative path → sha256`` of every file under ``folder`` (the cache state included)."""
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def small_set(tmp_path) -> Path:
    """Three badges × four tiers."""
    return make_badge_set(tmp_path / "src", 3)
