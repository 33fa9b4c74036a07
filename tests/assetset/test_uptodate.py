"""A rebuild with nothing changed answers from the up-to-date record: nothing parsed, nothing
written. Every kind of change — to the badge set, a file it uses, a folder it searches, the asset
set itself, the request, the installed libraries — sends the build down the full path."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import designer
from designer.assetset import BuildOptions, build, parse_sizes
from designer.assetset import uptodate
from tests.assetset.badgesets import make_badge_set
from tests.assetset.conftest import snapshot
from tests.conftest import ROOT

FAST = BuildOptions(sizes=parse_sizes("64"), jobs=1)


@pytest.fixture
def one_badge(tmp_path) -> Path:
    """One badge, four tiers, its icon ``my-mark`` in the second of two user icon folders."""
    (tmp_path / "src" / "icons").mkdir(parents=True)
    (tmp_path / "src" / "more").mkdir()
    shutil.copy(ROOT / "icon_library" / "icons" / "clipboard.svg", tmp_path / "src" / "more" / "my-mark.svg")

    def own_icons(data):
        data["paths"] = {"icons": ["icons", "more"]}
        data["badges"][0]["icon"] = "my-mark"

    return make_badge_set(tmp_path / "src", 1, edit=own_icons)


def _stats(folder: Path) -> dict[str, tuple[int, int]]:
    return {str(p): (p.stat().st_ino, p.stat().st_mtime_ns) for p in sorted(folder.rglob("*"))}


def test_a_rebuild_with_nothing_changed_parses_and_writes_nothing(one_badge, tmp_path):
    out = tmp_path / "dist"
    first = build(one_badge, out, FAST)
    assert not first.up_to_date and (out / uptodate.RECORD_FILE).is_file()
    before = _stats(out)
    probe = ("import sys; from designer.assetset import build, BuildOptions, parse_sizes;"
             f"r = build({str(one_badge)!r}, {str(out)!r}, BuildOptions(sizes=parse_sizes('64'), jobs=1));"
             "print(r.up_to_date, r.rendered, r.reused, r.files, r.written,"
             " sorted(m for m in ('designer.badgeset.load', 'ruamel.yaml', 'pydantic', 'jinja2', 'uharfbuzz',"
             " 'cairosvg') if m in sys.modules))")
    run = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=tmp_path, check=True)
    assert run.stdout.split(None, 5) == ["True", "0", "4", str(first.files), "0", "[]\n"]
    assert _stats(out) == before  # not one file rewritten, re-linked or touched


def _comment(path: Path) -> None:
    path.write_text(path.read_text(encoding="utf-8") + "# a comment changes no design\n", encoding="utf-8")


def _retitle(path: Path) -> None:
    path.write_text(path.read_text(encoding="utf-8").replace("History Taking", "History and Examination", 1),
                    encoding="utf-8")


def _shadow_icon(path: Path) -> None:  # an icon of the same name now in the folder searched first
    shutil.copy(ROOT / "icon_library" / "icons" / "stethoscope.svg", path.parent / "icons" / "my-mark.svg")


def _unrelated_icon(path: Path) -> None:  # a new file in a searched folder: looked at, changes nothing
    shutil.copy(ROOT / "icon_library" / "icons" / "stethoscope.svg", path.parent / "icons" / "unused.svg")


@pytest.mark.parametrize("change, rendered", [(_comment, 0), (_retitle, 4), (_shadow_icon, 4),
                                              (_unrelated_icon, 0)])
def test_a_changed_input_is_built_again(one_badge, tmp_path, change, rendered):
    out = tmp_path / "dist"
    build(one_badge, out, FAST)
    assert build(one_badge, out, FAST).up_to_date
    change(one_badge)
    again = build(one_badge, out, FAST)
    assert not again.up_to_date and again.rendered == rendered
    assert build(one_badge, out, FAST).up_to_date  # and the record is renewed


def test_a_damaged_or_extra_output_file_is_put_right(one_badge, tmp_path):
    out = tmp_path / "dist"
    build(one_badge, out, FAST)
    good = snapshot(out)
    png = next(out.rglob("*.png"))
    png.write_bytes(b"damaged")
    (out / "stray.txt").write_text("not made by the build")
    again = build(one_badge, out, FAST)
    assert not again.up_to_date and again.rendered == 1
    assert snapshot(out) == good  # the damaged file rendered again, the stray one gone


def test_another_request_is_built_again(one_badge, tmp_path):
    out = tmp_path / "dist"
    build(one_badge, out, FAST)
    assert not build(one_badge, out, BuildOptions(sizes=parse_sizes("64,96"), jobs=1)).up_to_date
    assert not build(one_badge, out, BuildOptions(sizes=parse_sizes("64,96"), jobs=1, lint=True)).up_to_date
    assert build(one_badge, out, BuildOptions(sizes=parse_sizes("64,96"), jobs=2, lint=True)).up_to_date


def test_a_library_installed_on_the_path_is_a_change(one_badge, tmp_path, monkeypatch):
    site = tmp_path / "site-packages"
    site.mkdir()
    monkeypatch.syspath_prepend(str(site))
    out = tmp_path / "dist"
    build(one_badge, out, FAST)
    assert build(one_badge, out, FAST).up_to_date
    (site / "fontpkg_new_family-1.0.dist-info").mkdir()  # what pip leaves: a new listing
    assert not build(one_badge, out, FAST).up_to_date


def test_the_code_digest_covers_every_module_a_build_runs(one_badge, tmp_path):
    build(one_badge, tmp_path / "dist", FAST)  # in this process: every module a build imports is loaded
    roots = uptodate._package_roots()
    files = [Path(m.__file__) for name, m in sys.modules.items()
             if (name == "designer" or name.startswith("designer.")) and getattr(m, "__file__", None)]
    assert files and all(any(f.is_relative_to(root) for root in roots) for f in files)


def test_the_code_digest_knows_every_package_folder_of_a_checkout():
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert sorted(project["tool"]["setuptools"]["package-dir"]) == sorted(uptodate.DATA_PACKAGES)


def test_the_record_is_not_part_of_the_published_set(one_badge, tmp_path):
    out = tmp_path / "dist"
    build(one_badge, out, FAST)
    assert uptodate.RECORD_FILE not in (out / "manifest.json").read_text(encoding="utf-8")
    assert os.stat(out / uptodate.RECORD_FILE).st_size > 0


def test_a_record_that_is_not_ours_is_ignored(one_badge, tmp_path):
    out = tmp_path / "dist"
    build(one_badge, out, FAST)
    for junk in (b"{", b"[]", b'{"version": 1}', b'{"version": 1, "request": 3, "files": 5}'):
        (out / uptodate.RECORD_FILE).write_bytes(junk)
        assert not build(one_badge, out, FAST).up_to_date
    assert designer.__version__
