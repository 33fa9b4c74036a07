"""Which badge set a command works on when none is named: ``./badges.yaml`` or ``[tool.medbadge]``.

Like ruff and black find their configuration, ``medbadge lint``, ``build`` and ``studio`` with no
file look in the current folder and then in each folder above it, and take the first of

1. the ``badge-set`` path in a ``pyproject.toml``'s ``[tool.medbadge]`` table (relative to that
   file), so a repository can keep its design anywhere and still run ``medbadge lint`` from any
   folder inside it::

       [tool.medbadge]
       badge-set = "design/badges.yaml"

2. a ``badges.yaml`` in that folder.

The walk stops at the top of a repository (a folder holding ``.git``), so a stray badges.yaml
higher up is never picked. Finding nothing is one message saying where it looked.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

from designer.base.errors import Location, MedbadgeError, display_path
from designer.base.files import read_bounded

BADGE_SET_FILE = "badges.yaml"
MAX_PYPROJECT_BYTES = 1024 * 1024


def configured_badge_set(pyproject: Path) -> Path | None:
    """The ``[tool.medbadge] badge-set`` path of ``pyproject`` (absolute), or None if it names none."""
    shown = display_path(pyproject)
    try:
        text = read_bounded(pyproject, MAX_PYPROJECT_BYTES, "pyproject.toml").decode("utf-8")
        table = tomllib.loads(text).get("tool", {}).get("medbadge", {})
    except UnicodeDecodeError:
        raise MedbadgeError("not UTF-8 text", Location(shown), hint="save pyproject.toml as UTF-8") from None
    except tomllib.TOMLDecodeError as error:
        raise MedbadgeError(f"not valid TOML: {error}", Location(shown)) from None
    value = table.get("badge-set", table.get("badge_set")) if isinstance(table, dict) else None
    if value is None:
        return None
    line = next((n for n, row in enumerate(text.splitlines(), 1) if row.strip().startswith(("badge-set", "badge_set"))), None)
    if not isinstance(value, str) or not value.strip():
        raise MedbadgeError("[tool.medbadge] badge-set must be a path", Location(shown, line),
                            hint='e.g. badge-set = "design/badges.yaml"')
    path = (pyproject.parent / value).resolve()
    if not path.is_file():
        raise MedbadgeError(f"[tool.medbadge] badge-set names {value!r}, which is not a file", Location(shown, line),
                            hint="fix the path (it is relative to pyproject.toml)")
    return path


def find_badge_set(given: Path | None, start: Path | None = None) -> Path:
    """``given`` if the user named a file, else the badge set found from ``start`` (the cwd) upward."""
    if given is not None:
        return given
    here = (start or Path.cwd()).resolve()
    for folder in [here, *here.parents]:
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file() and (configured := configured_badge_set(pyproject)) is not None:
            return Path(display_path(configured))
        if (folder / BADGE_SET_FILE).is_file():
            return Path(display_path(folder / BADGE_SET_FILE))
        if (folder / ".git").exists():
            break
    raise MedbadgeError(f"no {BADGE_SET_FILE} here or above (looked from {display_path(here)} up to {display_path(folder)})",
                        hint="give the badge set file, e.g. `medbadge lint path/to/badges.yaml`, "
                             "or set badge-set under [tool.medbadge] in pyproject.toml")
