"""Finding the badge set when none is named, and ``--watch`` on a real file edit.

Discovery runs the real command in a folder made for the case; the watch tests start the real
``medbadge`` process, edit the badge set on disk, read the status lines it prints and stop it with
SIGINT as Ctrl-C would.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from designer.cli import main
from designer.cli.discover import find_badge_set
from tests.conftest import EXAMPLE


@pytest.fixture
def project(tmp_path) -> Path:
    """A repository (``.git``) with its badge set in design/ and pyproject.toml pointing at it."""
    (tmp_path / ".git").mkdir()
    (tmp_path / "design").mkdir()
    shutil.copyfile(EXAMPLE, tmp_path / "design" / "badges.yaml")
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "school"\n\n[tool.medbadge]\n'
                                             'badge-set = "design/badges.yaml"\n', encoding="utf-8")
    (tmp_path / "src" / "deep").mkdir(parents=True)
    return tmp_path


def test_lint_finds_badges_yaml_in_the_current_folder(capsys, tmp_path, monkeypatch):
    shutil.copyfile(EXAMPLE, tmp_path / "badges.yaml")
    monkeypatch.chdir(tmp_path)
    assert main(["lint", "--select", "MB6", "--format", "json"]) == 0
    assert '"badge_set": "badges.yaml"' in capsys.readouterr().out


def test_pyproject_names_the_badge_set_from_any_folder_below(capsys, project, monkeypatch):
    monkeypatch.chdir(project / "src" / "deep")
    assert find_badge_set(None).resolve() == (project / "design" / "badges.yaml").resolve()
    assert main(["lint", "--select", "MB6"]) == 0
    assert "no findings" in capsys.readouterr().out
    assert main(["build", "-o", str(project / "dist"), "-b", "history-taking", "--sizes", "64", "-q"]) == 0
    assert (project / "dist" / "history-taking" / "history-taking-advanced-64.png").is_file()


def test_a_named_file_wins_over_discovery(project, monkeypatch):
    monkeypatch.chdir(project)
    assert find_badge_set(Path("elsewhere.yaml")) == Path("elsewhere.yaml")


def test_the_walk_stops_at_the_repository_top(capsys, tmp_path, monkeypatch):
    shutil.copyfile(EXAMPLE, tmp_path / "badges.yaml")  # above the repository: not this project's
    (tmp_path / "repo" / ".git").mkdir(parents=True)
    monkeypatch.chdir(tmp_path / "repo")
    assert main(["lint"]) == 2
    err = capsys.readouterr().err
    assert "no badges.yaml here or above" in err and "[tool.medbadge]" in err


def test_a_wrong_pyproject_path_is_placed(capsys, project, monkeypatch):
    (project / "pyproject.toml").write_text('[tool.medbadge]\nbadge-set = "desing/badges.yaml"\n', encoding="utf-8")
    monkeypatch.chdir(project)
    assert main(["lint"]) == 2
    err = capsys.readouterr().err
    assert "pyproject.toml:2:" in err and "'desing/badges.yaml', which is not a file" in err


# -- --watch -----------------------------------------------------------------------------------------

class Watched:
    """A ``medbadge ... --watch`` process whose stderr is read line by line from a file."""

    def __init__(self, folder: Path, *args: str):
        self.log = folder.parent / f"{folder.name}-watch.log"
        self.stream = self.log.open("w")
        self.process = subprocess.Popen([sys.executable, "-m", "designer", *args], cwd=folder, stdout=subprocess.DEVNULL,
                                        stderr=self.stream, stdin=subprocess.DEVNULL,
                                        env={**os.environ, "COLUMNS": "200"})

    def lines(self) -> list[str]:
        return self.log.read_text(encoding="utf-8").splitlines()

    def wait_for(self, text: str, count: int = 1, timeout: float = 90) -> list[str]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            lines = self.lines()
            if sum(text in line for line in lines) >= count:
                return lines
            assert self.process.poll() is None, lines
            time.sleep(0.1)
        raise AssertionError(f"no {text!r} x{count} in {self.lines()}")

    def interrupt(self) -> int:
        self.process.send_signal(signal.SIGINT)
        code = self.process.wait(timeout=30)
        self.stream.close()
        return code


def test_lint_watch_relints_on_save_and_ctrl_c_exits_0(tmp_path):
    folder = tmp_path / "school"
    folder.mkdir()
    badge_set = folder / "badges.yaml"
    shutil.copyfile(EXAMPLE, badge_set)
    watched = Watched(folder, "lint", "--watch", "--select", "MB5")
    try:
        watched.wait_for("watching")
        assert any("] lint: no findings" in line for line in watched.lines())
        text = badge_set.read_text(encoding="utf-8")
        badge_set.write_text(text.replace("icon: notepad-pen", "icon: caduceus", 1), encoding="utf-8")
        lines = watched.wait_for("] lint: 1 finding")
        assert any("changed badges.yaml" in line for line in lines)
        badge_set.write_text(text.replace("title: History Taking", "title: [History", 1), encoding="utf-8")
        lines = watched.wait_for("failed; fix it and save to run again")
        assert any(line.startswith("error: badges.yaml:") for line in lines)  # the watch goes on
        badge_set.write_text(text, encoding="utf-8")
        watched.wait_for("] lint: no findings", count=2)
    finally:
        code = watched.interrupt()
    lines = watched.lines()
    assert code == 0 and lines[-1] == "stopped watching"
    assert not any("Traceback" in line for line in lines)


def test_build_watch_rebuilds_once_per_save_not_for_its_own_output(tmp_path):
    folder = tmp_path / "school"
    folder.mkdir()
    badge_set = folder / "badges.yaml"
    shutil.copyfile(EXAMPLE, badge_set)
    watched = Watched(folder, "build", "--watch", "-b", "history-taking", "--sizes", "64", "-j", "1")
    try:
        watched.wait_for("watching")
        assert any("] build: built dist: 4 designs" in line for line in watched.lines())
        badge_set.write_text(badge_set.read_text(encoding="utf-8").replace(
            "title: History Taking", "title: History and Examination", 1), encoding="utf-8")
        watched.wait_for("] build: built dist:", count=2)
        time.sleep(3)  # the build wrote dist/ inside the watched folder: that must not wake it up
        assert sum("] build: changed " in line for line in watched.lines()) == 1
    finally:
        code = watched.interrupt()
    assert code == 0 and watched.lines()[-1] == "stopped watching"
    assert "History and Examination" in (folder / "dist" / "history-taking" / "history-taking-advanced.svg").read_text(
        encoding="utf-8")
