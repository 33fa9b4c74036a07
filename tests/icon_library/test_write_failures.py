"""``icons import``, ``icons sheet`` and ``icons show -o`` into a read-only or full folder: one
clear message and exit 2 (no OSError traceback), and nothing left behind — not even a folder the
command created on the way.

The folders are real: a read-only folder is ``chmod 0555`` for ordinary users; as root (which
ignores permissions) it is a read-only tmpfs, and a full disk is a tiny tmpfs filled up. Tests
that need a mount are skipped where mounting is not allowed.
"""

from __future__ import annotations

import os
import stat
import subprocess
from pathlib import Path

import pytest

BENIGN = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="M4 4h16v16H4z"/></svg>'
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


def _mount(target: Path, options: str) -> None:
    target.mkdir(parents=True, exist_ok=True)
    result = subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(target)],
                            capture_output=True, text=True)
    if result.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {result.stderr.strip()}")


def _unmount(target: Path) -> None:
    subprocess.run(["umount", str(target)], check=True)


@pytest.fixture
def read_only_folder(tmp_path):
    folder = tmp_path / "read-only"
    if IS_ROOT:
        _mount(folder, "ro,size=64k")
        yield folder
        _unmount(folder)
    else:
        folder.mkdir()
        folder.chmod(stat.S_IRUSR | stat.S_IXUSR | stat.S_IRGRP | stat.S_IXGRP)
        yield folder
        folder.chmod(0o755)


@pytest.fixture
def full_folder(tmp_path):
    """A folder on a file system with no space left (a 64 kB tmpfs, filled)."""
    if not IS_ROOT:
        pytest.skip("filling a file system needs a private tmpfs (root)")
    folder = tmp_path / "full"
    _mount(folder, "size=64k")
    _fill(folder)
    yield folder
    _unmount(folder)


def _fill(folder: Path) -> None:
    """Write a filler file until the file system reports that it is full."""
    descriptor = os.open(folder / "filler", os.O_WRONLY | os.O_CREAT)
    try:
        while True:
            os.write(descriptor, b"\0" * 4096)
    except OSError as error:
        assert error.errno == 28  # ENOSPC: the disk is full now
    finally:
        os.close(descriptor)


def _contents(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


def _clear_error(capsys) -> str:
    err = capsys.readouterr().err.strip()
    assert "Traceback" not in err and "OSError" not in err, err
    assert len(err.splitlines()) == 1, err
    assert "nothing was written" in err, err
    return err


@pytest.fixture
def source(tmp_path) -> Path:
    path = tmp_path / "square.svg"
    path.write_text(BENIGN)
    return path


@pytest.mark.parametrize("where", ["folder", "new subfolder"])
def test_import_into_a_read_only_folder(where, cli, capsys, read_only_folder, source):
    dest = read_only_folder if where == "folder" else read_only_folder / "mine" / "icons"
    assert cli(["icons", "import", str(source), "--name", "square", "--dest", str(dest)]) == 2
    _clear_error(capsys)
    assert _contents(read_only_folder) == []


@pytest.mark.parametrize("where", ["folder", "new subfolder"])
def test_import_into_a_full_folder(where, cli, capsys, full_folder, source):
    dest = full_folder if where == "folder" else full_folder / "mine" / "icons"
    assert cli(["icons", "import", str(source), "--name", "square", "--dest", str(dest)]) == 2
    err = _clear_error(capsys)
    assert "space" in err
    assert _contents(full_folder) == ["filler"]


def test_sheet_into_a_read_only_folder(cli, capsys, read_only_folder):
    out = read_only_folder / "sheets" / "icons.png"
    assert cli(["icons", "sheet", "-o", str(out), "--html", str(read_only_folder / "icons.html"),
                "-c", "anatomy"]) == 2
    _clear_error(capsys)
    assert _contents(read_only_folder) == []


def test_sheet_into_a_full_folder(cli, capsys, full_folder):
    out = full_folder / "sheets" / "icons.png"
    assert cli(["icons", "sheet", "-o", str(out), "--html", str(full_folder / "sheets" / "icons.html"),
                "-c", "anatomy"]) == 2
    _clear_error(capsys)
    assert _contents(full_folder) == ["filler"]


def test_show_png_into_a_read_only_folder(cli, capsys, read_only_folder):
    assert cli(["icons", "show", "lungs", "-o", str(read_only_folder / "lungs.png")]) == 2
    _clear_error(capsys)
    assert _contents(read_only_folder) == []


def test_a_failed_write_leaves_an_existing_catalog_as_it_was(cli, capsys, full_folder, source, tmp_path):
    """The folder already holds a catalog; the disk fills up; the catalog keeps its old text."""
    _unmount(full_folder)
    _mount(full_folder, "size=64k")
    (full_folder / "catalog.toml").write_text("# mine\n")
    _fill(full_folder)
    assert cli(["icons", "import", str(source), "--name", "square", "--dest", str(full_folder)]) == 2
    _clear_error(capsys)
    assert (full_folder / "catalog.toml").read_text() == "# mine\n"
    assert _contents(full_folder) == ["catalog.toml", "filler"]
