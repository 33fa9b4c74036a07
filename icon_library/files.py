"""Atomic file writes for the importer, the specimen sheets and ``icons show -o``.

DESIGN.md asks for "never a half-written output": each file is written to a temporary file in the
same folder (so ``os.replace`` is a rename on one file system, which is atomic) and swapped in only
when complete. ``mkstemp`` creates files readable by the owner only, so the final mode is set the
way a plain ``open(path, "w")`` would have set it: the existing file's mode, or 0o666 minus umask.
"""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path


def write_file_atomically(path: str | os.PathLike[str], data: bytes) -> Path:
    """Write ``data`` to ``path`` atomically, creating the parent folder; returns the path."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    write_files_atomically([(path, data)])
    return path


def write_files_atomically(files: list[tuple[Path, bytes]]) -> None:
    """Stage every file, then swap each in; if a swap fails, files that did not exist are removed.

    Either all files are replaced or (short of a crash between two renames) none of the new ones
    is left behind, so a failed import never leaves an SVG without its catalog entry.
    """
    staged: list[tuple[str, Path, bool]] = []
    try:
        for path, data in files:
            handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
            staged.append((temporary, path, path.exists()))
            with os.fdopen(handle, "wb") as stream:
                stream.write(data)
            os.chmod(temporary, _mode_for(path))
        replaced: list[tuple[Path, bool]] = []
        try:
            for temporary, path, existed in staged:
                os.replace(temporary, path)
                replaced.append((path, existed))
        except OSError:
            for path, existed in replaced:
                if not existed:
                    path.unlink(missing_ok=True)
            raise
    finally:
        for temporary, _path, _existed in staged:
            if os.path.exists(temporary):
                os.unlink(temporary)


def _mode_for(path: Path) -> int:
    if path.exists():
        return stat.S_IMODE(path.stat().st_mode)
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask
