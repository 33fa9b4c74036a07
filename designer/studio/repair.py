"""Fixing a badge set that does not load, in the studio: its text, where each problem is, a safe save.

A badge set with a YAML syntax error, an unknown key or a name that does not exist cannot be
previewed, but it can still be fixed from the page: :func:`problems` says what is wrong and
where (``line:col``, from :func:`designer.badgeset.load.loads`, the same check ``medbadge lint``
runs), :func:`excerpt` shows the lines around each place with a caret under the column, and
:func:`save` writes the corrected text atomically — only text that loads, and never over a file
that changed on disk since it was read, so nobody's work is lost.

>>> print(excerpt("a: 1\\nb: [2\\nc: 3\\n", 2, 4, context=1))
   1 | a: 1
   2 | b: [2
     |    ^
   3 | c: 3
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from designer.badgeset.load import loads, read_text
from designer.base.errors import Location, MedbadgeError, display_path
from designer.base.files import write_atomic


def fingerprint(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Source:
    """The badge set's text as read from disk, and its fingerprint (to notice a change on disk)."""

    path: Path
    text: str
    sha: str

    @classmethod
    def read(cls, path: Path) -> Source:
        text = read_text(path)  # bounded, UTF-8, one clear message otherwise
        return cls(path, text, fingerprint(text))


def problems(text: str, path: Path) -> list[MedbadgeError]:
    """Every problem that keeps ``text`` (as the file at ``path``) from loading; [] when it loads."""
    try:
        loads(text, path)
    except MedbadgeError as error:
        return list(getattr(error, "problems", None) or [error])
    return []


def excerpt(text: str, line: int | None, column: int | None, context: int = 2) -> str:
    """The lines around ``line`` (1-based), numbered, with a caret under ``column``."""
    lines = text.splitlines()
    if not line or not lines:
        return ""
    line = min(line, len(lines))
    first, last = max(1, line - context), min(len(lines), line + context)
    width = len(str(last))
    out = []
    for number in range(first, last + 1):
        out.append(f"{number:>{width + 3}} | {lines[number - 1]}")
        if number == line and column:
            out.append(f"{'':>{width + 3}} | {' ' * (column - 1)}^")
    return "\n".join(out)


def save(source: Source, text: str) -> Source:
    """Write ``text`` over ``source.path`` if it loads and the file is still as it was read."""
    found = problems(text, source.path)
    if found:
        raise MedbadgeError(f"not saved: the text still has {len(found)} problem{'s' if len(found) != 1 else ''}",
                            found[0].location, hint="fix the places shown, then save")
    current = read_text(source.path) if source.path.exists() else None
    if current is not None and fingerprint(current) != source.sha:
        raise MedbadgeError("not saved: the file changed on disk since the studio read it",
                            Location(display_path(source.path)), hint="reload it to see the other changes")
    write_atomic(source.path, text.encode("utf-8"))
    return Source(source.path, text, fingerprint(text))
