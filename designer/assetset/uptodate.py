"""Is the asset set already up to date? Answered from bytes alone, before any badge set is parsed.

A rebuild that changes nothing still had to parse the YAML, validate it, resolve 64 designs
(templates, icons, fonts), compute every design's content key and re-link and re-write the folder:
about a second in all, most of it imports. A build records, beside its state, every input it read
and listed — found by Python's audit hooks (PEP 578: every ``open``, ``os.listdir`` and
``os.scandir`` of the process while it builds), so nothing depends on a hand-kept list — and the
digest of each. The next build with the same request re-hashes those inputs and the files of the
asset set itself; when all are as recorded, the previous result stands and nothing is written.

This is a memo of a pure function, not a second cache key: the inputs are matched by content
(SHA-256), directory listings by their names, code by the content of the ``designer`` sources and
third-party libraries by the listings of ``sys.path``. Anything that differs, is missing or cannot be
read sends the build down the full path, where :func:`designer.design.Design.key` decides.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from designer.base.files import write_atomic

RECORD_FILE = ".medbadge-cache/inputs.json"
RECORD_VERSION = 1
MAX_RECORD_BYTES = 16 * 1024 * 1024
#: Inputs bigger than this in all make the memo not worth keeping (hashing them costs a build).
MAX_INPUT_BYTES = 256 * 1024 * 1024
#: The packages that a checkout keeps in folders of their own (pyproject.toml ``package-dir``;
#: tests/assetset/test_uptodate.py checks the two lists agree).
DATA_PACKAGES = ("designer.icon_library", "designer.palettes", "designer.templates", "designer.examples",
                 "designer.frameworks")
_CODE_SUFFIXES = (".py", ".pyc", ".so", ".pth")
_WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_APPEND | os.O_TRUNC


class Inputs:
    """The files read and the folders listed while a build runs (absolute paths, in order seen)."""

    def __init__(self, target: Path):
        self.files: dict[str, None] = {}
        self.folders: dict[str, None] = {}
        # The asset set and the build's own staging and old folders beside it are outputs, not inputs.
        self._excluded = (str(target), str(target.parent / f".{target.name}.medbadge-"))
        # The working folder is listed by the import system (for the '' of ``python -m``) and by
        # library metadata scans, not as an input of the design; it changes all the time (/tmp).
        self._cwd = os.getcwd()

    def _keep(self, path: str) -> bool:
        if path == self._excluded[0] or path.startswith((self._excluded[0] + os.sep, self._excluded[1])):
            return False
        return not path.startswith(("/proc/", "/dev/", "/sys/"))

    def seen(self, event: str, args: tuple) -> None:
        path = args[0]
        if isinstance(path, bytes):
            path = os.fsdecode(path)
        if path is None and event != "open":
            path = "."
        if not isinstance(path, (str, os.PathLike)):
            return  # a file descriptor: its path was recorded when it was opened
        path = os.path.abspath(path)
        if event == "open":
            mode, flags = args[1], args[2]
            if (isinstance(mode, str) and any(c in mode for c in "wax+")) or (flags or 0) & _WRITE_FLAGS:
                return
            if path.endswith(_CODE_SUFFIXES) or not self._keep(path):
                return  # code: covered by the code digest and the sys.path listings
            self.files.setdefault(path)
        elif self._keep(path) and path != self._cwd:
            self.folders.setdefault(path)


_recording: list[Inputs] = []
_hooked = False


def _hook(event: str, args: tuple) -> None:
    if _recording and event in ("open", "os.listdir", "os.scandir"):
        _recording[-1].seen(event, args)


@contextmanager
def recording(target: Path) -> Iterator[Inputs]:
    """Record what this process reads and lists inside the block (the asset set ``target`` aside)."""
    global _hooked
    if not _hooked:  # an audit hook cannot be removed: one for the process, idle outside a block
        sys.addaudithook(_hook)
        _hooked = True
    inputs = Inputs(target)
    _recording.append(inputs)
    try:
        yield inputs
    finally:
        _recording.remove(inputs)


def watch(folders) -> None:
    """Record ``folders`` as listed inputs even where nothing lists them (a search folder the
    lookup only probes): a file appearing there is a change."""
    if _recording:
        for folder in folders:
            _recording[-1].folders.setdefault(os.path.abspath(folder))


def request_digest(badge_set_path: Path, target: Path, request: object) -> str:
    """What was asked: the badge set file, the output folder and the options that shape the output."""
    from designer import __version__

    text = json.dumps([str(badge_set_path), str(target), __version__, sys.version, request], default=str)
    return hashlib.sha256(text.encode()).hexdigest()


def save(target: Path, request: str, inputs: Inputs, result: dict) -> None:
    """Record the finished build ``result`` (JSON-able) in ``target``; best effort: a record that
    cannot be written only costs the next rebuild its shortcut."""
    files: dict[str, str] = {}
    total = 0
    for path in inputs.files:
        digest, size = _file_digest(path)
        if digest is None:
            continue  # opened but gone (a temporary file): nothing to compare next time
        files[path] = digest
        total += size
    if total > MAX_INPUT_BYTES:
        return
    record = {
        "version": RECORD_VERSION,
        "request": request,
        "code": code_digest(),
        "files": files,
        "folders": {path: _listing_digest(path) for path in inputs.folders | dict.fromkeys(_library_paths())},
        "outputs": _outputs_digest(target),
        "result": result,
    }
    try:
        write_atomic(target / RECORD_FILE, (json.dumps(record, indent=0, sort_keys=True) + "\n").encode())
    except OSError:
        pass


def check(target: Path, request: str) -> dict | None:
    """The recorded result when ``target`` was built for ``request`` from inputs that are all
    unchanged, and holds exactly the files that build left; otherwise ``None``."""
    try:
        with open(target / RECORD_FILE, "rb") as handle:
            record = json.loads(handle.read(MAX_RECORD_BYTES + 1))
    except (OSError, ValueError, RecursionError):
        return None
    try:
        if record["version"] != RECORD_VERSION or record["request"] != request:
            return None
        if any(_file_digest(path)[0] != digest for path, digest in record["files"].items()):
            return None
        if any(_listing_digest(path) != digest for path, digest in record["folders"].items()):
            return None
        if record["code"] != code_digest() or record["outputs"] != _outputs_digest(target):
            return None
        result = record["result"]
    except (KeyError, TypeError, AttributeError):
        return None  # a record from another version, or not ours
    return result if isinstance(result, dict) else None


def code_digest() -> str:
    """The content of every Python source of the ``designer`` package and its data packages."""
    digest = hashlib.sha256()
    for root in _package_roots():
        for path in sorted(root.rglob("*.py")):
            digest.update(str(path.relative_to(root)).encode() + b"\0")
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def _package_roots() -> list[Path]:
    import importlib.util

    import designer

    roots = [Path(designer.__file__).parent]
    for name in DATA_PACKAGES:
        spec = importlib.util.find_spec(name)  # located, not imported
        if spec and spec.origin:
            folder = Path(spec.origin).parent
            if not folder.is_relative_to(roots[0]):
                roots.append(folder)  # an editable checkout maps data packages to their own folders
    return roots


def _library_paths() -> list[str]:
    """The folders of ``sys.path``: their listings name every installed distribution and version."""
    here = os.getcwd()
    return [path for path in map(os.path.abspath, filter(None, sys.path)) if path != here and os.path.isdir(path)]


def _file_digest(path: str) -> tuple[str | None, int]:
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError:
        return None, 0
    return hashlib.sha256(data).hexdigest(), len(data)


def _listing_digest(path: str) -> str | None:
    try:
        names = sorted(os.listdir(path))
    except OSError:
        return None  # missing (or unreadable): recorded as such, so its appearance is a change
    return hashlib.sha256("\0".join(names).encode()).hexdigest()


def _outputs_digest(target: Path) -> str:
    """Every file of the asset set, its path and content (the record itself aside)."""
    digest = hashlib.sha256()
    record = str(Path(RECORD_FILE))
    for path, relative in sorted(_walk(target, Path())):
        if str(relative) == record:
            continue
        digest.update(str(relative).encode() + b"\0")
        with open(path, "rb") as handle:
            digest.update(hashlib.sha256(handle.read()).digest())
    return digest.hexdigest()


def _walk(folder: Path, relative: Path) -> Iterator[tuple[str, Path]]:
    with os.scandir(folder) as entries:
        for entry in entries:
            if entry.is_dir(follow_symlinks=False):
                yield from _walk(Path(entry.path), relative / entry.name)
            else:
                yield entry.path, relative / entry.name
