"""Writing files without ever leaving a half-written one: temp file beside the target, then an
atomic rename. A failure names the file and the reason."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from designer.errors import Location, MedbadgeError


def write_atomic(path: str | Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically (the old file stays until the new one is complete)."""
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as error:
        raise MedbadgeError(f"cannot write here: {error.strerror}", Location(str(folder)),
                            hint="choose a folder you can write to") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except OSError as error:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise MedbadgeError(f"cannot write: {error.strerror}", Location(str(path))) from None
