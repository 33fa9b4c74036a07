"""The atomic swap: build beside the target, then exchange folders in two renames.

A build writes into ``.<name>.medbadge-build-<pid>-<token>`` next to ``dist/`` (same folder, so
the same filesystem and ``rename`` is atomic). Only when every file is written does it rename the
old ``dist/`` to ``.<name>.medbadge-old-<pid>-<token>``, rename the new folder to ``dist/`` and
delete the old one. A build that fails or is killed before the swap leaves ``dist/`` as it was;
its staging folder is removed by the next build (the pid in its name is no longer running). If a
build is killed between the two renames, the next build renames the old folder back.
"""

from __future__ import annotations

import os
import secrets
import shutil
from pathlib import Path

from designer.base.errors import Location, MedbadgeError, display_path

#: What a failed build says it left alone.
UNTOUCHED = "the previous asset set is untouched"

BUILD_TAG = ".medbadge-build-"
OLD_TAG = ".medbadge-old-"
STATE_MARKER = Path(".medbadge-cache") / "state.json"


def check_target(target: Path) -> None:
    """Refuse to replace a folder that is not a medbadge asset set (``-o ~`` must not delete home)."""
    if target.exists() and not target.is_dir():
        raise MedbadgeError("the output is a file, not a folder", Location(display_path(target)),
                            hint="give a folder for -o")
    if target.is_dir() and any(target.iterdir()) and not (target / STATE_MARKER).is_file():
        raise MedbadgeError("the output folder is not empty and was not made by medbadge build",
                            Location(display_path(target)),
                            hint="choose an empty or new folder; a build replaces the whole folder")


def recover_and_clean(target: Path) -> None:
    """Undo what killed builds left beside ``target``: restore an old asset set caught between
    the two renames, delete staging folders of builds that are no longer running."""
    parent = target.parent
    if not parent.is_dir():
        return
    for entry in sorted(parent.iterdir()):
        name = entry.name
        for tag in (BUILD_TAG, OLD_TAG):
            prefix = f".{target.name}{tag}"
            if not name.startswith(prefix) or _running(name[len(prefix):]):
                continue
            if tag == OLD_TAG and not target.exists():
                os.rename(entry, target)  # the swap was cut between its two renames
            else:
                shutil.rmtree(entry, ignore_errors=True)


def make_staging(target: Path) -> Path:
    """A new, empty staging folder beside ``target``."""
    staging = target.parent / f".{target.name}{BUILD_TAG}{os.getpid()}-{secrets.token_hex(4)}"
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        staging.mkdir()
    except OSError as error:
        raise MedbadgeError(f"cannot create the output folder: {error.strerror}",
                            Location(display_path(error.filename or target.parent)),
                            hint="choose a folder you can write to") from None
    return staging


def swap_in(staging: Path, target: Path) -> None:
    """Make ``staging`` the new ``target``; the old asset set is deleted only after the swap."""
    old = None
    if target.exists():
        old = target.parent / f".{target.name}{OLD_TAG}{os.getpid()}-{secrets.token_hex(4)}"
        os.rename(target, old)
    try:
        os.rename(staging, target)
    except OSError:
        if old is not None:
            os.rename(old, target)
        raise
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def discard(staging: Path) -> None:
    shutil.rmtree(staging, ignore_errors=True)


def _running(suffix: str) -> bool:
    pid_text = suffix.split("-", 1)[0]
    if not pid_text.isdigit():
        return False
    pid = int(pid_text)
    if pid == os.getpid():
        return False  # our own leftovers from an earlier build in this process
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
