"""Messy but benign SVGs import, land on the library grid in currentColor, and render."""

from __future__ import annotations

import tomllib
import xml.etree.ElementTree as ET

import pytest

from designer import icon_library
from designer.base.errors import MedbadgeError, UnsafeSVGError
from designer.icon_library import checks
from designer.icon_library.importer import import_icon
from designer.icon_library.raster import ink_box, render_rgba

MESSY_512 = """<?xml version="1.0" encoding="UTF-8"?>
<!-- Generator: Some Editor 27.0 -->
<svg xmlns="http://www.w3.org/2000/svg" xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape"
     xmlns:sodipodi="http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd" xmlns:xlink="http://www.w3.org/1999/xlink"
     width="512" height="512" viewBox="0 0 512 512" class="icon" inkscape:version="1.3">
  <sodipodi:namedview pagecolor="#ffffff"/>
  <title>Heart</title><desc>A heart</desc>
  <metadata><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/></metadata>
  <defs><linearGradient id="g1"><stop offset="0" stop-color="#e74c3c"/><stop offset="1" stop-color="#c0392b"/></linearGradient></defs>
  <g id="layer1" inkscape:label="Layer 1" style="fill:#C0392B;stroke:none;opacity:1">
    <path d="M256 448l-30-27C118 324 48 260 48 182 48 118 98 68 162 68c36 0 71 17 94 44 23-27 58-44 94-44 64 0 114 50 114 114 0 78-70 142-178 239z"/>
    <rect x="200" y="200" width="112" height="40" rx="8" fill="url(#g1)" data-name="bar"/>
    <circle cx="256" cy="300" r="20" fill="rgb(255, 255, 255)"/>
  </g>
</svg>
"""


def import_text(tmp_path, text, name="imported", **options):
    tmp_path.mkdir(parents=True, exist_ok=True)
    source = tmp_path / "source.svg"
    source.write_text(text, encoding="utf-8")
    return import_icon(source, name, tmp_path / "mine", **options)


def assert_on_grid(icon):
    root = ET.parse(icon.path).getroot()
    assert root.get("viewBox") == "0 0 24 24"
    assert icon.root_attributes == icon_library.STANDARD_ROOT_ATTRIBUTES
    assert not checks.uses_colour(icon)
    box = ink_box(icon.body, icon.view_box, icon.root_attributes, px_per_unit=10)
    assert box is not None
    assert min(box[:2]) >= 0.9 and max(box[2:]) <= 23.1, box
    return box


def test_messy_512_grid_icon_imports_and_renders(tmp_path):
    report = import_text(tmp_path, MESSY_512, keywords=["Cardiology", "love"], categories=["anatomy"],
                         licence="CC0-1.0", title="Heart (filled)")
    icon = report.icon
    assert report.svg_path == tmp_path / "mine" / "imported.svg"
    box = assert_on_grid(icon)
    # the heart spans 416 of 512 source units; the source's own padding is kept, scaled to 22 units
    assert max(box[2] - box[0], box[3] - box[1]) == pytest.approx(416 / 512 * 22, abs=0.2)
    assert "currentColor" in icon.body and "#" not in icon.body and "url(" not in icon.body
    image = render_rgba(icon.svg(color="#000", size=96), 96, 96)
    assert image.getchannel("A").getbbox() is not None
    catalog = tomllib.loads(report.catalog_path.read_text("utf-8"))
    assert catalog["imported"]["licence"] == "CC0-1.0"
    assert catalog["imported"]["keywords"] == ["cardiology", "love"]
    found = [i.name for i in icon_library.search("cardiology", search_paths=[tmp_path / "mine"])]
    assert "imported" in found and "imported" not in [i.name for i in icon_library.search("cardiology")]
    assert report.changes  # the user is told what was dropped and recoloured


def test_fill_only_icon_keeps_its_fill(tmp_path):
    icon = import_text(tmp_path, MESSY_512).icon
    wrapper = ET.fromstring(f'<svg xmlns="http://www.w3.org/2000/svg">{icon.body}</svg>')[0]
    assert (wrapper.get("fill"), wrapper.get("stroke")) == ("currentColor", "none")


def test_non_square_view_box_is_centred(tmp_path):
    text = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 640 320"><rect width="640" height="320" fill="#123"/></svg>'
    box = assert_on_grid(import_text(tmp_path, text).icon)
    assert box[0] == pytest.approx(1, abs=0.15) and box[2] == pytest.approx(23, abs=0.15)
    assert (box[1] + box[3]) / 2 == pytest.approx(12, abs=0.15)


def test_ink_outside_the_view_box_is_pulled_inside(tmp_path):
    text = ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">'
            '<circle cx="12" cy="12" r="14" fill="none" stroke="black" stroke-width="2"/></svg>')
    report = import_text(tmp_path, text)
    assert_on_grid(report.icon)


def test_size_without_view_box(tmp_path):
    text = '<svg xmlns="http://www.w3.org/2000/svg" width="48px" height="48"><rect x="8" y="8" width="32" height="32"/></svg>'
    assert_on_grid(import_text(tmp_path, text).icon)


def test_stroke_icon_from_another_24_grid_keeps_proportional_strokes(tmp_path):
    text = ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" fill="none" stroke="#333" stroke-width="1.5" '
            'stroke-linecap="round"><path d="M1 12h22M12 1v22"/></svg>')
    icon = import_text(tmp_path, text).icon
    assert_on_grid(icon)
    # the ink (round caps reach 0.25..23.75) stays inside the source grid, which maps onto 22 units
    assert checks.thinnest_stroke_px(icon, 24) == pytest.approx(1.5 * 22 / 24, rel=0.01)


def test_simple_style_declarations_become_attributes(tmp_path):
    text = ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">'
            '<style>.a{fill:red}</style>'
            '<path class="a" style="fill:none;stroke:#00f;stroke-width:3;font-family:Comic" d="M4 4L20 20"/></svg>')
    report = import_text(tmp_path, text)
    assert 'stroke-width="3"' in report.icon.body and "font-family" not in report.icon.body
    assert any("<style>" in change for change in report.changes)
    assert_on_grid(report.icon)


def test_import_is_deterministic(tmp_path):
    first = import_text(tmp_path / "a", MESSY_512).svg_path.read_bytes()
    second = import_text(tmp_path / "b", MESSY_512).svg_path.read_bytes()
    assert first == second


def test_second_import_appends_to_the_catalog(tmp_path):
    import_text(tmp_path, MESSY_512, name="one")
    import_text(tmp_path, MESSY_512, name="two")
    assert set(tomllib.loads((tmp_path / "mine" / "catalog.toml").read_text())) == {"one", "two"}
    assert {"one", "two"} <= set(icon_library.names(search_paths=[tmp_path / "mine"]))


def test_existing_name_is_refused_and_nothing_changes(tmp_path):
    import_text(tmp_path, MESSY_512, name="one")
    before = {p.name: p.read_bytes() for p in (tmp_path / "mine").iterdir()}
    with pytest.raises(MedbadgeError):
        import_text(tmp_path, MESSY_512, name="one")
    assert {p.name: p.read_bytes() for p in (tmp_path / "mine").iterdir()} == before


@pytest.mark.parametrize("name", ["lungs", "Bad Name", "x_y", "-x"])
def test_builtin_and_malformed_names_are_refused(tmp_path, name):
    with pytest.raises(MedbadgeError):
        import_text(tmp_path, MESSY_512, name=name)
    assert not (tmp_path / "mine").exists()


def test_unknown_category_is_refused(tmp_path):
    with pytest.raises(MedbadgeError):
        import_text(tmp_path, MESSY_512, categories=["cardiology"])


def test_empty_drawing_is_refused(tmp_path):
    with pytest.raises(UnsafeSVGError) as caught:
        import_text(tmp_path, '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><title>x</title></svg>')
    assert caught.value.reason == "empty"
    assert not (tmp_path / "mine").exists()


def test_unresolvable_paint_becomes_current_color(tmp_path):
    text = ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">'
            '<rect x="4" y="4" width="16" height="16" fill="var(--brand)"/></svg>')
    report = import_text(tmp_path, text)
    assert "var(" not in report.icon.body
    assert_on_grid(report.icon)


def test_written_files_get_ordinary_permissions(tmp_path):
    import os

    umask = os.umask(0)
    os.umask(umask)
    report = import_text(tmp_path, MESSY_512)
    for path in (report.svg_path, report.catalog_path):
        assert path.stat().st_mode & 0o777 == 0o666 & ~umask
    assert [p.name for p in report.svg_path.parent.iterdir() if p.name.startswith(".")] == []
