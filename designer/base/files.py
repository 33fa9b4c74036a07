"""The one way medbadge writes a file: never half-written, never with a surprising mode.

Each file is written to a temporary file in the same folder and swapped in only when complete
(``os.replace`` is a rename on one file system, which is atomic), so a reader — or the user after
a crash, a full disk or Ctrl-C — sees the old file or the new one, never part of one. ``mkstemp``
creates files readable by the owner only; the final mode is what a plain ``open(path, "w")`` would
give (the existing file's mode, or 0o666 minus the umask) unless the caller asks for another one
(0o600 for a private key). With ``exclusive=True`` the file must not exist: it is hard-linked into
place, which fails instead of replacing a file that appeared meanwhile.

Every failure is a :class:`~designer.base.errors.MedbadgeError` naming the file and the fix, and
leaves nothing behind.
"""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from collections.abc import Sequence
from pathlib import Path

from designer.base.errors import Location, MedbadgeError, display_path


def write_atomic(path: str | os.PathLike[str], data: bytes, *, mode: int | None = None,
                 exclusive: bool = False, make_parents: bool = False) -> Path:
    """Write ``data`` to ``path`` atomically and return the path.

    The folder must exist unless ``make_parents`` is given (a typo in ``-o`` should not silently
    create a tree of folders).
    """
    write_all_atomic([(Path(path), data)], mode=mode, exclusive=exclusive, make_parents=make_parents)
    return Path(path)


def write_all_atomic(files: Sequence[tuple[Path, bytes] | tuple[Path, bytes, int]], *, mode: int | None = None,
                     exclusive: bool = False, make_parents: bool = False) -> None:
    """Stage every file, then swap each in; if a swap fails, the files this call created are removed.

    An entry may carry its own mode as a third item (a private key beside its public halves).

    Either all files are written or (short of a crash between two renames) none of the new ones is
    left behind, so a failed icon import never leaves an SVG without its catalog entry.
    """
    staged: list[tuple[str, Path, bool]] = []
    placed: list[Path] = []
    current = None
    try:
        for path, data, *own_mode in files:
            path = Path(path)
            current = path
            folder = path.parent if str(path.parent) else Path(".")
            if make_parents:
                folder.mkdir(parents=True, exist_ok=True)
            elif not folder.is_dir():
                raise MedbadgeError(f"the folder {display_path(folder)} does not exist", Location(display_path(path)),
                                    hint="create it first, or choose another output path")
            if exclusive and os.path.lexists(path):
                raise _exists(path)
            handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
            staged.append((temporary, path, os.path.lexists(path)))
            with os.fdopen(handle, "wb") as stream:
                stream.write(data)
                stream.flush()
                os.fsync(stream.fileno())
            wanted = own_mode[0] if own_mode else mode
            os.chmod(temporary, wanted if wanted is not None else _default_mode(path))
        for temporary, path, existed in staged:
            current = path
            if exclusive:
                os.link(temporary, path)  # fails if the path appeared meanwhile
            else:
                os.replace(temporary, path)
            if not existed:
                placed.append(path)
    except FileExistsError:
        _remove(placed)
        raise _exists(current) from None
    except OSError as error:
        _remove(placed)
        raise write_error(error, current) from None
    except BaseException:
        _remove(placed)
        raise
    finally:
        for temporary, _path, _existed in staged:
            if os.path.lexists(temporary):
                os.unlink(temporary)


def read_bounded(path, limit: int, what: str = "file", *, hint: str | None = None) -> bytes:
    """The bytes of ``path`` (a path, or an ``importlib.resources`` file), reading at most
    ``limit`` + 1 of them: a larger file (or ``/dev/zero``) is one clear error, never a memory
    blow-up."""
    shown = display_path(str(path))
    try:
        with (path.open("rb") if hasattr(path, "open") else open(path, "rb")) as handle:
            data = handle.read(limit + 1)
    except IsADirectoryError:
        raise MedbadgeError(f"cannot read the {what} (it is a folder)", Location(shown)) from None
    except OSError as error:
        raise MedbadgeError(f"cannot read the {what} ({error.strerror or error})", Location(shown)) from None
    if len(data) > limit:
        raise MedbadgeError(f"the {what} is larger than {size_text(limit)}; refusing it", Location(shown),
                            hint=hint or f"a {what} is a small file; check it (see docs/limits.md)")
    return data


def size_text(limit: int) -> str:
    """A size limit as people write it.

    >>> size_text(32 * 1024 * 1024), size_text(256 * 1024), size_text(1000)
    ('32 MiB', '256 KiB', '1,000 bytes')
    """
    if limit % (1024 * 1024) == 0:
        return f"{limit >> 20} MiB"
    return f"{limit >> 10} KiB" if limit % 1024 == 0 else f"{limit:,} bytes"


def read_bounded_text(path, limit: int, what: str = "file") -> str:
    """:func:`read_bounded`, decoded as UTF-8 (an error names the byte)."""
    data = read_bounded(path, limit, what)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise MedbadgeError(f"not UTF-8 text (byte {error.start})", Location(display_path(str(path))),
                            hint="save the file as UTF-8") from None


def write_error(error: OSError, path: Path | None, consequence: str = "nothing was written") -> MedbadgeError:
    """An ``OSError`` from writing as one clear message: which file, why, what to do, and what the
    failure left as it was (``consequence``)."""
    if error.errno == errno.ENOSPC:
        hint = "free some disk space and run again"
    elif error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        hint = "choose a folder you can write to"
    else:
        hint = "check the output path"
    shown = display_path(path) if path is not None else (error.filename and display_path(error.filename))
    return MedbadgeError(f"cannot write: {error.strerror or error}", Location(shown) if shown else None,
                         hint=f"{hint}; {consequence}")


def _exists(path: Path | None) -> MedbadgeError:
    return MedbadgeError("the file exists already", Location(display_path(path)) if path else None,
                         hint="choose another name, or remove it first")


def _remove(paths: list[Path]) -> None:
    for path in paths:
        try:
            path.unlink()
        except OSError:
            pass


def _default_mode(path: Path) -> int:
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
