"""Shared fixtures for the icon library tests: paths, a user icon folder, an I/O recorder, the CLI."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from designer import icon_library

PACKAGE_DIR = Path(icon_library.__file__).parent
ICONS_DIR = PACKAGE_DIR / "icons"
CATALOG_DIR = PACKAGE_DIR / "catalog"
BUILTIN_NAMES = sorted(p.stem for p in ICONS_DIR.glob("*.svg"))

STANDARD_ROOT = ('xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" fill="none" stroke="currentColor" '
                 'stroke-width="2" stroke-linecap="round" stroke-linejoin="round"')


def grid_svg(body: str) -> str:
    """A file in the library's icon format around ``body``."""
    return f"<svg {STANDARD_ROOT}>{body}</svg>\n"


@pytest.fixture(autouse=True)
def _fresh_caches():
    icon_library.clear_cache()
    yield
    icon_library.clear_cache()


class IORecorder:
    """Records file opens and network/process attempts through ``sys.addaudithook``.

    An audit hook cannot be removed, so one hook is installed per process and only records while a
    recorder is active. Opens of Python modules (``.py``/``.pyc``) are the import system, not us.
    """

    _active: "IORecorder | None" = None
    _installed = False

    def __init__(self):
        self.opens: list[str] = []
        self.network: list[tuple[str, str]] = []

    @classmethod
    def _hook(cls, event: str, args: tuple) -> None:
        recorder = cls._active
        if recorder is None:
            return
        if event == "open":
            path = args[0]
            if isinstance(path, int):
                return  # os.fdopen of an already-open descriptor
            text = str(path, "utf-8", "replace") if isinstance(path, bytes) else str(path)
            if not text.endswith((".py", ".pyc")):
                recorder.opens.append(text)
        elif event.startswith(("socket.", "urllib.", "http.")) or event in ("subprocess.Popen", "os.system", "os.exec"):
            recorder.network.append((event, repr(args)[:200]))

    def __enter__(self) -> "IORecorder":
        if not IORecorder._installed:
            sys.addaudithook(IORecorder._hook)
            IORecorder._installed = True
        IORecorder._active = self
        return self

    def __exit__(self, *exc) -> None:
        IORecorder._active = None


@pytest.fixture
def io_recorder() -> IORecorder:
    return IORecorder()


@pytest.fixture
def user_icons(tmp_path: Path) -> Path:
    """An empty user icon folder."""
    folder = tmp_path / "user-icons"
    folder.mkdir()
    return folder


@pytest.fixture
def cli(monkeypatch):
    """``designer.cli.main`` with a wide terminal, so Rich tables do not truncate icon names."""
    monkeypatch.setenv("COLUMNS", "160")
    from designer.cli import main

    return main
