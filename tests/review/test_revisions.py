"""`medbadge diff --rev A..B badges.yaml`: each revision built into the cache once, then compared."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from designer.cli import main
from tests.conftest import EXAMPLE
from tests.assetset.badgesets import make_badge_set

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def _git(repo, *args):
    subprocess.run(["git", "-C", str(repo), "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
                   check=True, capture_output=True)


@pytest.fixture
def repo(tmp_path):
    repo = tmp_path / "school"
    badge_set = make_badge_set(repo / "badges", 2)  # the example's first two badges: a quick build
    _git(repo, "init", "-q", "-b", "main")
    _git(repo, "add", ".")
    _git(repo, "commit", "-q", "-m", "first")
    text = badge_set.read_text(encoding="utf-8").replace("title: History Taking\n",
                                                         "title: History Taking Skills\n")
    badge_set.write_text(text, encoding="utf-8")
    _git(repo, "commit", "-q", "-am", "longer title")
    return repo


def test_two_revisions_are_built_into_the_cache_and_compared(repo, tmp_path, capsys):
    cache, badge_set = tmp_path / "cache", repo / "badges" / "badges.yaml"
    argv = ["diff", "--rev", "HEAD~1..HEAD", str(badge_set), "--cache-dir", str(cache), "-o", str(tmp_path / "r"),
            "-j", "1"]
    assert main(argv) == 1
    out = capsys.readouterr().out
    assert "4 changed, 0 added, 0 removed" in out and out.count(" lint: ") == 4  # status both sides
    builds = sorted(p.parent.parent.name for p in cache.glob("*/*/dist/manifest.json"))
    commits = subprocess.run(["git", "-C", str(repo), "rev-parse", "HEAD~1", "HEAD"], capture_output=True, text=True,
                             check=True).stdout.split()
    assert builds == sorted(commits)  # one source tree and one asset set per commit
    # A commit's tree never changes: the second diff exports nothing and renders nothing.
    png = next(cache.glob(f"*/{commits[0]}/dist/history-taking/history-taking-advanced-600.png"))
    inode = png.stat().st_ino  # a reused file is hard-linked into the new asset set: same inode
    assert main(argv) == 1
    assert png.stat().st_ino == inode
    assert "4 changed" in capsys.readouterr().out


def test_a_revision_against_the_working_tree(repo, tmp_path, capsys):
    badge_set = repo / "badges" / "badges.yaml"
    assert main(["diff", "--rev", "HEAD..", str(badge_set), "--cache-dir", str(tmp_path / "c"),
                 "-o", str(tmp_path / "r"), "-j", "1"]) == 0
    assert "no visual change" in capsys.readouterr().out
    badge_set.write_text(badge_set.read_text(encoding="utf-8").replace("History Taking Skills", "History Taking"),
                         encoding="utf-8")
    assert main(["diff", "--rev", "HEAD..", str(badge_set), "--cache-dir", str(tmp_path / "c"),
                 "-o", str(tmp_path / "r"), "-j", "1"]) == 1


@pytest.mark.parametrize("rev, message", [("nosuch..HEAD", "unknown revision 'nosuch'"),
                                          ("main", "is not a range"),
                                          ("HEAD~1...HEAD", "is not a range")])
def test_bad_revisions_are_one_message(repo, tmp_path, capsys, rev, message):
    code = main(["diff", "--rev", rev, str(repo / "badges" / "badges.yaml"), "--cache-dir", str(tmp_path / "c")])
    err = capsys.readouterr().err
    assert code == 2 and message in err and "Traceback" not in err


def test_a_file_missing_from_a_revision(repo, tmp_path, capsys):
    shutil.copyfile(repo / "badges" / "badges.yaml", repo / "new.yaml")
    code = main(["diff", "--rev", "HEAD..", str(repo / "new.yaml"), "--cache-dir", str(tmp_path / "c")])
    assert code == 2 and "revision 'HEAD' has no file new.yaml" in capsys.readouterr().err


def test_outside_a_repository(tmp_path, capsys):
    shutil.copyfile(EXAMPLE, tmp_path / "badges.yaml")
    code = main(["diff", "--rev", "HEAD~1..HEAD", str(tmp_path / "badges.yaml"), "--cache-dir", str(tmp_path / "c")])
    err = capsys.readouterr().err
    assert code == 2 and err.startswith("error: ") and "git rev-parse" in err


def test_a_revision_that_does_not_build_is_one_message(repo, tmp_path, capsys):
    badge_set = repo / "badges" / "badges.yaml"
    badge_set.write_text(badge_set.read_text(encoding="utf-8").replace("icon: ", "icon: no-such-icon-", 1),
                         encoding="utf-8")
    argv = ["--cache-dir", str(tmp_path / "c"), "-j", "1", "-o", str(tmp_path / "r")]
    code = main(["diff", "--rev", "HEAD..", str(badge_set), *argv])
    err = capsys.readouterr().err
    assert code == 2 and "no-such-icon" in err and "Traceback" not in err
    assert f"{badge_set}:" in err  # the working tree's file, at its place
    _git(repo, "commit", "-q", "-am", "broken")
    code = main(["diff", "--rev", "HEAD~1..HEAD", str(badge_set), *argv])
    err = capsys.readouterr().err
    assert code == 2 and "HEAD:badges/badges.yaml:" in err and "no-such-icon" in err  # git's REV:path, not the cache
    assert str(tmp_path / "c") not in err
    assert not (tmp_path / "r").exists()
