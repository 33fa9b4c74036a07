"""A build that fails or is killed leaves the previous asset set exactly as it was."""

from __future__ import annotations

import errno
import os
import resource
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from designer.assetset import BuildOptions, build, parse_sizes
from designer.base.errors import MedbadgeError
from tests.assetset.badgesets import make_badge_set
from tests.assetset.conftest import snapshot

ROOT = Path(__file__).resolve().parents[2]
FAST = dict(sizes=parse_sizes("64"), jobs=1)


def cli(*args: str, cwd: Path, **popen) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.Popen([sys.executable, "-m", "designer.cli", *args], cwd=cwd, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, **popen)


def leftovers(out: Path) -> list[str]:
    return sorted(p.name for p in out.parent.iterdir() if p.name.startswith(f".{out.name}.medbadge-"))


@pytest.fixture
def previous(tmp_path):
    """A finished asset set in tmp_path/dist and its snapshot."""
    src = make_badge_set(tmp_path / "src", 1)
    out = tmp_path / "dist"
    build(src, out, BuildOptions(**FAST))
    return out, snapshot(out)


def test_sigkill_half_way_leaves_previous_asset_set_intact(tmp_path, previous):
    out, before = previous
    big = make_badge_set(tmp_path / "big", 48, name="big.yaml")  # 192 designs: many seconds of work
    proc = cli("build", str(big), "-o", str(out), "--jobs", "1", "--sizes", "64,96,600", "-q", cwd=tmp_path)
    deadline = time.monotonic() + 60
    staged = []
    while time.monotonic() < deadline and proc.poll() is None:
        staged = [p for p in tmp_path.glob(".dist.medbadge-build-*") if any(p.rglob("*.png"))]
        if staged:
            break
        time.sleep(0.02)
    assert staged and proc.poll() is None, "the build should be part-way when killed"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    proc.communicate()
    assert proc.returncode == -signal.SIGKILL
    assert snapshot(out) == before  # nothing of the killed build inside dist/
    assert leftovers(out)  # its staging folder is beside dist/ ...
    build(make_badge_set(tmp_path / "src", 1), out, BuildOptions(**FAST))
    assert leftovers(out) == []  # ... and the next build removes it
    assert snapshot(out) == before


def test_interrupted_swap_is_recovered(tmp_path, previous):
    out, before = previous
    old = tmp_path / ".dist.medbadge-old-99999999-dead"
    os.rename(out, old)  # as if killed between the two renames of the swap
    build(tmp_path / "src" / "badges.yaml", out, BuildOptions(**FAST))
    assert snapshot(out) == before and leftovers(out) == []


def test_broken_user_template_fails_cleanly(tmp_path, previous):
    out, before = previous
    tpl = tmp_path / "src" / "tpl"
    tpl.mkdir()
    shutil.copy(ROOT / "templates" / "hexagon.toml", tpl / "hexagon.toml")  # the first example badge's template
    (tpl / "hexagon.svg.j2").write_text('<svg xmlns="http://www.w3.org/2000/svg">\n{% if %}\n</svg>\n')

    def use_folder(data):
        data["paths"] = {"templates": ["tpl"]}

    src = make_badge_set(tmp_path / "src", 1, edit=use_folder)
    proc = cli("build", str(src), "-o", str(out), "--jobs", "1", "--sizes", "64", cwd=tmp_path)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 2
    assert "hexagon.svg.j2:2" in err and "template 'hexagon' failed to render" in err and "Traceback" not in err
    assert snapshot(out) == before and leftovers(out) == []


class FullDisk:
    """The documented writer hook (``BuildOptions.writer``) failing like a full disk after ``n`` files."""

    def __init__(self, n: int):
        self.n = n

    def __call__(self, path: Path, data: bytes) -> None:
        if self.n == 0:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path))
        self.n -= 1
        path.write_bytes(data[: len(data) // 2])  # a partial file, as a full disk leaves one


@pytest.mark.parametrize("after", [0, 3, 9])
def test_full_disk_fails_cleanly(tmp_path, previous, after):
    out, before = previous
    with pytest.raises(MedbadgeError) as caught:
        build(tmp_path / "src" / "badges.yaml", out, BuildOptions(writer=FullDisk(after), **FAST))
    assert "No space left on device" in str(caught.value) and "free some disk space" in str(caught.value)
    assert snapshot(out) == before and leftovers(out) == []


def test_file_size_limit_is_a_clean_error(tmp_path, previous):
    """A real OS write failure: RLIMIT_FSIZE makes writes past 20 kB fail (EFBIG)."""
    out, before = previous

    def limit():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (20_000, 20_000))

    proc = cli("build", str(tmp_path / "src" / "badges.yaml"), "-o", str(out), "--jobs", "1", "--sizes", "600",
               cwd=tmp_path, preexec_fn=limit)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 2 and "File too large" in err and "Traceback" not in err
    assert snapshot(out) == before and leftovers(out) == []


def test_unwritable_output_is_a_clean_error(tmp_path, small_set):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    proc = cli("build", str(small_set), "-o", str(blocker / "dist"), cwd=tmp_path)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 2 and "cannot create the output folder" in err and "Traceback" not in err


def test_refuses_to_replace_a_folder_it_did_not_make(tmp_path, small_set):
    mine = tmp_path / "documents"
    mine.mkdir()
    (mine / "thesis.txt").write_text("precious")
    with pytest.raises(MedbadgeError, match="not made by medbadge build"):
        build(small_set, mine, BuildOptions(**FAST))
    assert (mine / "thesis.txt").read_text() == "precious"


def test_template_that_renders_malformed_svg_fails_cleanly(tmp_path, previous):
    out, before = previous
    tpl = tmp_path / "src" / "tpl"
    tpl.mkdir()
    shutil.copy(ROOT / "templates" / "hexagon.toml", tpl / "hexagon.toml")  # the first example badge's template
    (tpl / "hexagon.svg.j2").write_text('<svg xmlns="http://www.w3.org/2000/svg"><g>\n</svg>\n')

    def use_folder(data):
        data["paths"] = {"templates": ["tpl"]}

    src = make_badge_set(tmp_path / "src", 1, edit=use_folder)
    with pytest.raises(MedbadgeError, match="could not be parsed for rasterising"):
        build(src, out, BuildOptions(**FAST))
    assert snapshot(out) == before and leftovers(out) == []


def test_a_forged_cache_state_cannot_reach_outside_the_asset_set(tmp_path, previous):
    """state.json is read back from the output folder: a path in it that leaves the asset set is
    ignored (the design is rendered again), so nothing is linked or written outside."""
    import json

    out, _ = previous
    state_path = out / ".medbadge-cache" / "state.json"
    state = json.loads(state_path.read_text())
    outside = tmp_path / "outside.txt"
    outside.write_text("keep me")
    import hashlib

    forged = {"path": "../outside.txt", "bytes": 7, "sha256": hashlib.sha256(b"keep me").hexdigest()}
    for entry in state["designs"].values():
        for record in entry["files"]:
            record.update(forged)  # size and hash match the outside file: only the path check stops it
    state_path.write_text(json.dumps(state))
    src = tmp_path / "src" / "badges.yaml"
    result = build(src, out, BuildOptions(**FAST))
    assert result.rendered == result.designs
    assert outside.read_text() == "keep me"
    assert not any(p.name == "outside.txt" for p in out.rglob("*"))
