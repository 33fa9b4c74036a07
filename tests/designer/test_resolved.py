"""Resolve loads, compose computes: a design carries every asset, and its content hash is the only
cache key — an edited template, icon, palette or font file is seen by the next build in the same
process, and a translucent colour is drawn as it is measured."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import sys
from pathlib import Path

import fontpkg
import numpy as np
import pytest
from PIL import Image

import designer
from designer.assetset import BuildOptions, PngSize, build
from designer.base.color import Color
from designer.base.raster import render_png
from tests.assetset.badgesets import make_badge_set
from tests.conftest import ROOT

ONE_SIZE = BuildOptions(sizes=(PngSize(64),), jobs=1)


@pytest.fixture
def user_set(tmp_path) -> Path:
    """A one-badge set whose template, icon, palette and font are the user's own files."""
    src = tmp_path / "src"
    (src / "tpl").mkdir(parents=True)
    (src / "icons").mkdir()
    (src / "palettes").mkdir()
    for name in ("seal.toml", "seal.svg.j2", "_badge.svg.j2"):
        shutil.copy(ROOT / "templates" / name, src / "tpl" / name)
    shutil.copy(ROOT / "icon_library" / "icons" / "stethoscope.svg", src / "icons" / "my-mark.svg")
    shutil.copy(ROOT / "palettes" / "harbour.toml", src / "palettes" / "house.toml")
    shutil.copy(fontpkg.path("Atkinson Hyperlegible", weight=700), src / "brand.ttf")

    def own_files(data):
        data["paths"] = {"templates": ["tpl"], "icons": ["icons"], "palettes": ["palettes"]}
        data["brand"]["palette"] = "house"
        data["brand"]["font"] = "brand.ttf"
        data["badges"][0]["icon"] = "my-mark"
        data["badges"][0]["template"] = "seal"

    return make_badge_set(src, 1, edit=own_files)


def _designs(path: Path):
    return designer.resolve(designer.load(path))


def test_compose_reads_no_file_after_resolve(user_set):
    designs = _designs(user_set)
    before = [designer.compose(d).svg for d in designs]
    for folder in ("tpl", "icons", "palettes"):
        shutil.rmtree(user_set.parent / folder)
    (user_set.parent / "brand.ttf").unlink()
    assert [designer.compose(d).svg for d in designs] == before


@pytest.mark.parametrize("edit", ["template", "icon", "palette", "font"])
def test_an_edited_file_is_seen_by_the_next_build_in_the_same_process(user_set, tmp_path, edit):
    out = tmp_path / "dist"
    first = build(user_set, out, ONE_SIZE)
    svg = out / "history-taking" / "history-taking-advanced.svg"
    before = svg.read_bytes()
    assert build(user_set, out, ONE_SIZE).rendered == 0  # nothing changed: everything reused
    src = user_set.parent
    if edit == "template":  # move the icon box
        toml = src / "tpl" / "seal.toml"
        text = toml.read_text()
        icon_box = re.search(r"\[slots\.icon\]\s*box = \[(\d+), (\d+), (\d+), (\d+)\]", text)
        x, y, w, h = map(int, icon_box.groups())
        moved = icon_box.group(0).replace(icon_box.group(0)[icon_box.group(0).index("box"):],
                                          f"box = [{x + 10}, {y + 10}, {w - 20}, {h - 20}]")
        toml.write_text(text.replace(icon_box.group(0), moved))
    elif edit == "icon":
        icon = src / "icons" / "my-mark.svg"
        icon.write_text(icon.read_text().replace("</svg>", '<circle cx="12" cy="12" r="2"/></svg>'))
    elif edit == "palette":
        palette = src / "palettes" / "house.toml"
        text = palette.read_text()
        assert "#0b5563" in text
        palette.write_text(text.replace("#0b5563", "#0a4f5c"))
    else:  # another font file at the same path: the brand's bold swapped for its regular
        shutil.copy(fontpkg.path("Atkinson Hyperlegible", weight=400), src / "brand.ttf")
    second = build(user_set, out, ONE_SIZE)
    assert second.rendered == first.designs, edit
    assert svg.read_bytes() != before, edit


def test_design_key_ignores_where_the_files_are(user_set, tmp_path):
    moved = tmp_path / "moved"
    shutil.copytree(user_set.parent, moved)
    assert [d.key() for d in _designs(user_set)] == [d.key() for d in _designs(moved / user_set.name)]


def test_the_code_key_covers_every_module_the_renderer_runs(example_designs, tmp_path):
    """Render a design in a fresh interpreter and list the project modules it imported: each must
    be one whose source is hashed into the cache key."""
    script = f"""
import os, pickle, sys
from pathlib import Path
from designer.assetset.render import RenderJob, render_design
from designer.assetset.options import PngSize
design = pickle.loads(Path(sys.argv[1]).read_bytes())
result = render_design(RenderJob(design, sys.argv[2], (PngSize(64),), True, True, (("Author", "x"),),
                                 lambda path, data: path.write_bytes(data), os.getpid()))
assert result.error is None, result.error
used = {{m for m in sys.modules if m.split(".")[0] == "designer"}}
from designer.assetset import cache
covered = set(cache.render_modules())
print("missing:", sorted(used - covered))
print("covered:", len(covered))
"""
    import pickle

    blob = tmp_path / "design.pickle"
    blob.write_bytes(pickle.dumps(example_designs[0]))
    (tmp_path / "out").mkdir()
    done = subprocess.run([sys.executable, "-c", script, str(blob), str(tmp_path / "out")], capture_output=True,
                          text=True, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "missing: []" in done.stdout, done.stdout
    covered = int(done.stdout.split("covered:")[1])
    assert covered >= 20  # compose, text, ornaments, base: the engine, not just the entry module


def test_the_code_key_follows_the_renderers_imports():
    from designer.assetset import cache

    modules = cache.render_modules()
    for name in ("designer.assetset.render", "designer.compose.badge", "designer.text.shaping",
                 "designer.base.png", "designer.base.raster", "designer.compose.ornaments", "designer.design"):
        assert name in modules, name


def test_a_translucent_title_is_drawn_as_it_is_measured(tmp_path):
    """``on-primary: "#ffffff99"``: the title's pixels are the composite the linter reports."""
    def translucent(data):
        data["brand"]["roles"] = {"on-primary": "#ffffff99"}
        data["badges"][0]["template"] = "rounded-square"

    path = make_badge_set(tmp_path, 1, edit=translucent)
    design = designer.resolve(designer.load(path), tiers=["foundation"])[0]
    artwork = designer.compose(design)
    run = artwork.text("title")
    assert run.fill == Color.parse("#ffffff99")
    expected = run.fill.over(run.background)  # what MB101 measures
    assert b'fill-opacity="0.6"' in artwork.svg
    size = artwork.canvas  # 1 px per unit: glyph interiors are whole pixels
    image = np.asarray(Image.open(io.BytesIO(render_png(artwork.svg, size))).convert("RGB")).astype(int)
    box = run.box
    region = image[int(box.y):int(box.bottom), int(box.x):int(box.right)].reshape(-1, 3)
    target = np.array([expected.r, expected.g, expected.b])
    background = np.array([run.background.r, run.background.g, run.background.b])
    # The text's fully covered pixels: the most common colour in its box that is not the face.
    colours, counts = np.unique(region, axis=0, return_counts=True)
    ranked = [c for c, _ in sorted(zip(map(tuple, colours), counts), key=lambda x: -x[1])
              if np.abs(np.array(c) - background).max() > 8]
    assert ranked, "no text pixels found"
    assert np.abs(np.array(ranked[0]) - target).max() <= 1, (ranked[0], expected)


def test_a_brand_font_that_is_not_a_font_is_one_placed_message(tmp_path, capsys):
    from designer.cli import main

    (tmp_path / "bad.ttf").write_bytes(b"\x00\x01\x00\x00" + b"not really a font" * 20)

    def bad_font(data):
        data["brand"]["font"] = "bad.ttf"

    path = make_badge_set(tmp_path, 1, edit=bad_font)
    for argv in (["lint", str(path)], ["build", str(path), "-o", str(tmp_path / "dist"), "--jobs", "1"]):
        assert main(argv) == 2, argv
        err = capsys.readouterr().err
        assert "bad.ttf is not a usable TrueType/OpenType font" in err and "Traceback" not in err
        line = next(n for n, text in enumerate(path.read_text().splitlines(), 1) if "bad.ttf" in text)
        assert f"badges.yaml:{line}:" in err, err
    assert not (tmp_path / "dist").exists()


@pytest.mark.parametrize("target", ["missing/dir/x.png", "/proc/medbadge-x.svg"])
def test_render_refuses_an_unwritable_target_and_leaves_nothing(tmp_path, capsys, target, example_set):
    from designer.cli import main

    output = Path(target) if target.startswith("/") else tmp_path / target
    assert main(["render", str(example_set.path), "--badge", "history-taking", "-o", str(output)]) == 2
    err = capsys.readouterr().err
    assert "cannot write" in err or "does not exist" in err, err
    assert not output.exists() and not (tmp_path / "missing").exists()


def test_a_hard_coded_icon_colour_is_measured_as_drawn(tmp_path):
    """An icon file that paints in its own colour is judged in that colour, not in on-primary."""
    from designer.lint import lint

    icons = tmp_path / "icons"
    icons.mkdir()
    (icons / "dim-mark.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" fill="none" stroke="#0d5a68" '
        'stroke-width="2"><path d="M4 12h16M12 4v16"/></svg>')

    def own_icon(data):
        data["paths"] = {"icons": ["icons"]}
        data["badges"][0]["icon"] = "dim-mark"

    path = make_badge_set(tmp_path, 1, edit=own_icon)
    badge_set = designer.load(path)
    design = designer.resolve(badge_set, tiers=["foundation"])[0]
    artwork = designer.compose(design)
    assert b'stroke="#0d5a68"' in artwork.svg
    assert Color.parse("#0d5a68") in artwork.icon.colors
    found = [v for v in lint(badge_set, [design]) if v.code == "MB102"]
    assert any("icon:#0d5a68" in (v.element or "") for v in found), found
