"""Build workers die with the build, however it ends; Ctrl-C is one line and exit 130."""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

import pytest

from tests.assetset.test_atomic import cli, leftovers
from tests.assetset.badgesets import make_badge_set


def _children(pid: int) -> set[int]:
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.add(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _wait_for_workers(proc, count: int = 2, timeout: float = 60) -> set[int]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        workers = _children(proc.pid)
        if len(workers) >= count:
            return workers
        assert proc.poll() is None, proc.communicate()
        time.sleep(0.05)
    raise AssertionError("the build started no workers")


def _big_set(tmp_path: Path) -> Path:
    return make_badge_set(tmp_path / "src", 12)


def test_workers_die_when_the_parent_is_killed(tmp_path):
    proc = cli("build", str(_big_set(tmp_path)), "-o", str(tmp_path / "dist"), "--jobs", "2", "--quiet",
               cwd=tmp_path)
    workers = _wait_for_workers(proc)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=10)
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline and any(_alive(w) for w in workers):
        time.sleep(0.05)
    assert not [w for w in workers if _alive(w)], "workers outlived their build by 5 s"


@pytest.mark.parametrize("jobs", [1, 2])
def test_ctrl_c_is_one_line_and_exit_130(tmp_path, jobs):
    """Also with one job, where Ctrl-C lands inside cairo's Python stream callback most of the time."""
    out = tmp_path / "dist"
    proc = cli("build", str(_big_set(tmp_path)), "-o", str(out), "--jobs", str(jobs), "--quiet", cwd=tmp_path,
               start_new_session=True)
    workers = _wait_for_workers(proc) if jobs > 1 else set()
    if jobs == 1:
        time.sleep(2.5)  # well into rendering
    os.killpg(proc.pid, signal.SIGINT)  # what a terminal's Ctrl-C does: the whole process group
    _, err = proc.communicate(timeout=30)
    assert proc.returncode == 130, err
    assert err.strip().splitlines() == ["interrupted"], err
    assert not [w for w in workers if _alive(w)]
    assert not out.exists() and leftovers(out) == []  # nothing half-built left behind
