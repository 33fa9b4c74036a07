"""Which share renditions a badge set asks for — read cheaply while a build plans its work.

The names go into the build request (so turning a rendition on or off changes every design's cache
key and the files are made or dropped) and into each render job.
"""

from __future__ import annotations

import os
import time

#: Per-design renditions, in the order a worker writes them.
RENDITIONS = ("card", "email", "print")


def renditions(badge_set) -> tuple[str, ...]:
    """The per-design renditions ``badge_set``'s ``share:`` section turns on."""
    share = getattr(badge_set.model, "share", None)
    return tuple(name for name in RENDITIONS if share is not None and getattr(share, name))


def wants(badge_set, name: str) -> bool:
    """Whether ``share.<name>`` is on (``pages``, ``credential_pages``, ``recipient_name``, ...)."""
    share = getattr(badge_set.model, "share", None)
    return bool(share is not None and getattr(share, name, False))


def document_date() -> str:
    """The date a print PDF carries: ``$SOURCE_DATE_EPOCH`` (reproducible-builds.org) when set, else
    the epoch — cairo would otherwise stamp the time of the build, and two builds of one badge
    set must give the same bytes (``1970-01-01T00:00:00Z`` without the variable)."""
    try:
        seconds = int(os.environ.get("SOURCE_DATE_EPOCH", "0"))
    except ValueError:
        seconds = 0
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(max(seconds, 0)))


def request(badge_set) -> list:
    """What the renditions add to a build's request (part of every design's cache key)."""
    names = renditions(badge_set)
    return [list(names), document_date() if "print" in names else None]
