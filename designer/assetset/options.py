"""What a build was asked for: sizes, formats, filters, jobs — parsed and checked up front.

Every value a user types on the command line (``--sizes 64,96@2x``, ``--format svg,png``,
``--badge a,b``) is parsed here, once, so a bad value fails before any folder is touched, with a
message that names the option and lists what is allowed.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from designer.base.errors import MedbadgeError

#: Default PNG sizes (display sizes of badge platforms and LMSs; uploads want a ≥ 600 px square master): 64 px icon test, 96 px thumbnails, 150 px LMS,
#: 340 px large display, 600 px upload master.
DEFAULT_SIZES = "64,96,150,340,600"

#: Output formats a build can write; ``json`` means both Open Badges files (2.0 and 3.0).
FORMATS = ("svg", "png", "json")

MIN_SIZE, MAX_SIZE = 16, 4096
_SIZE = re.compile(r"^(\d+)(?:@([123])x)?$")


@dataclass(frozen=True, order=True)
class PngSize:
    """A PNG to write: its display size and its scale (``96@2x`` is 192 px named ``-96@2x``)."""

    display: int
    scale: int = 1

    @property
    def pixels(self) -> int:
        return self.display * self.scale

    @property
    def suffix(self) -> str:
        return str(self.display) if self.scale == 1 else f"{self.display}@{self.scale}x"

    def __str__(self) -> str:
        return self.suffix


def parse_sizes(text: str | Iterable[str]) -> tuple[PngSize, ...]:
    """``"64,96@2x"`` → sizes, sorted and without duplicates.

    >>> [str(s) for s in parse_sizes("600,64,96@2x,64")]
    ['64', '96@2x', '600']
    """
    found: set[PngSize] = set()
    for token in _tokens(text):
        match = _SIZE.match(token)
        if not match:
            raise MedbadgeError(f"--sizes: '{token}' is not a size",
                                hint="give pixel sizes like 64,96,600 (optionally 96@2x)")
        size = PngSize(int(match.group(1)), int(match.group(2) or 1))
        if not MIN_SIZE <= size.pixels <= MAX_SIZE:
            raise MedbadgeError(f"--sizes: {token} is out of range",
                                hint=f"use {MIN_SIZE} to {MAX_SIZE} pixels")
        found.add(size)
    if not found:
        raise MedbadgeError("--sizes: no size given", hint="give pixel sizes like 64,96,600")
    return tuple(sorted(found))


def parse_formats(text: str | Iterable[str]) -> tuple[str, ...]:
    """``"png,svg"`` → formats in canonical order; unknown names are errors."""
    wanted = set(_tokens(text))
    unknown = sorted(wanted - set(FORMATS))
    if unknown:
        raise MedbadgeError(f"--format: unknown format '{unknown[0]}'", hint=f"choose from {', '.join(FORMATS)}")
    if not wanted:
        raise MedbadgeError("--format: no format given", hint=f"choose from {', '.join(FORMATS)}")
    return tuple(f for f in FORMATS if f in wanted)


def parse_ids(values: Iterable[str] | None) -> tuple[str, ...] | None:
    """Repeatable options that also take comma lists: ``["a,b", "c"]`` → ``("a", "b", "c")``."""
    if not values:
        return None
    return tuple(dict.fromkeys(_tokens(values)))


def _tokens(text: str | Iterable[str]) -> list[str]:
    parts = [text] if isinstance(text, str) else list(text)
    return [token.strip() for part in parts for token in part.split(",") if token.strip()]


def write_file(path: Path, data: bytes) -> None:
    """The default writer. Builds write every file through ``BuildOptions.writer`` so tests can
    make a real write fail (e.g. ``OSError(ENOSPC)``) at a chosen file — the documented hook for
    simulating a full disk without a tiny filesystem."""
    with open(path, "wb") as handle:
        handle.write(data)


@dataclass(frozen=True)
class BuildOptions:
    """Everything a build needs besides the badge set file and the output folder."""

    sizes: tuple[PngSize, ...] = field(default_factory=lambda: parse_sizes(DEFAULT_SIZES))
    formats: tuple[str, ...] = FORMATS
    badges: tuple[str, ...] | None = None
    tiers: tuple[str, ...] | None = None
    jobs: int = 0  # 0: os.cpu_count()
    base_url: str | None = None  # where dist/ is hosted; default: derived from the issuer id
    writer: Callable[[Path, bytes], None] = write_file
    lint: bool = False  # lint every design and show the status on the contact sheet

    def __post_init__(self) -> None:
        if self.jobs < 0:
            raise MedbadgeError(f"--jobs {self.jobs} is negative", hint="use 1 or more (0: one per CPU)")
        if self.base_url is not None and not re.match(r"^https?://", self.base_url):
            raise MedbadgeError(f"--base-url '{self.base_url}' is not an http(s) URL")

    @property
    def worker_count(self) -> int:
        return self.jobs or os.cpu_count() or 1
