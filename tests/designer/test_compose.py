"""Compose: golden SVGs for every template × tier, real renders, escaping, determinism."""

from __future__ import annotations

import difflib
import io
import xml.etree.ElementTree as ET

import cairosvg
import pytest
from PIL import Image

import designer
from designer import templates
from tests.conftest import GOLDEN

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def golden_designs():
    return designer.resolve(designer.load(GOLDEN / "badges.yaml"))


def normalise(svg: str) -> str:
    return "\n".join(line.strip() for line in svg.replace("\r\n", "\n").splitlines() if line.strip()) + "\n"


def test_golden_set_covers_every_template_and_tier(golden_designs):
    assert {d.template.name for d in golden_designs} == set(templates.names())
    assert len(golden_designs) == len(templates.names()) * 4


def test_goldens(golden_designs, update_goldens):
    mismatches = []
    for design in golden_designs:
        actual = normalise(designer.compose(design).svg.decode("utf-8"))
        path = GOLDEN / "svg" / f"{design.slug}.svg"
        actual_path = path.with_suffix(".actual.svg")
        if update_goldens:
            path.write_text(actual, encoding="utf-8")
            actual_path.unlink(missing_ok=True)
            continue
        if not path.exists():  # a missing golden fails: it is written only on request
            actual_path.write_text(actual, encoding="utf-8")
            mismatches.append(f"{path} is missing; the actual output is in {actual_path}")
            continue
        expected = normalise(path.read_text(encoding="utf-8"))
        if actual != expected:
            actual_path.write_text(actual, encoding="utf-8")
            diff = "".join(difflib.unified_diff(expected.splitlines(True)[:400], actual.splitlines(True)[:400],
                                                str(path), str(actual_path), n=1))
            mismatches.append(diff[:3000])
        else:
            actual_path.unlink(missing_ok=True)
    assert not mismatches, "golden mismatch (review, then pytest --update-goldens):\n" + "\n".join(mismatches)


@pytest.mark.parametrize("size", [64, 600])
def test_every_example_design_parses_and_renders(example_designs, size):
    for design in example_designs:
        svg = designer.compose(design).svg
        root = ET.fromstring(svg)
        assert root.tag == f"{SVG}svg" and root.get("role") == "img"
        png = cairosvg.svg2png(bytestring=svg, output_width=size, output_height=size)
        image = Image.open(io.BytesIO(png)).convert("RGBA")
        assert image.size == (size, size)
        # real ink: the badge covers a good part of the canvas and is not one flat colour
        alpha = image.getchannel("A")
        covered = alpha.point(lambda a: 255 if a else 0).histogram()[255] / (size * size)
        assert covered > 0.5, design.slug
        assert len(image.convert("RGB").getcolors(maxcolors=size * size)) > 8, design.slug


def test_user_text_is_escaped_or_outlined(golden_designs):
    design = next(d for d in golden_designs if d.badge_id == "seal-case")
    svg = designer.compose(design).svg.decode("utf-8")
    root = ET.fromstring(svg)  # parses: nothing unescaped broke the XML
    title = root.find(f"{SVG}title").text
    assert title.startswith('<Ward> & "Care"')
    desc = root.find(f"{SVG}desc").text
    assert "<script>alert(1)</script>" in desc  # as text, escaped in the file
    assert "<script" not in svg.replace("&lt;script", "")
    assert root.find(f".//{SVG}script") is None
    labels = [p.get("aria-label") for p in root.iter(f"{SVG}path") if p.get("aria-label")]
    assert '<Ward> & "Care"' in labels
    assert root.find(f".//{SVG}text") is None  # every text is outlined


def test_arabic_title_is_shaped_with_the_arabic_fallback(golden_designs):
    design = next(d for d in golden_designs if d.badge_id == "rosette-case")
    artwork = designer.compose(design)
    title = artwork.text("title")
    assert title.families == ("Noto Sans Arabic",)
    assert title.box.width > 100
    # joined Arabic: fewer glyphs than characters would be wrong; contextual forms are different glyphs
    from designer.text.shaping import shape

    stack = design.font_stack(700)  # resolve chose the Arabic fallback for this title
    shaped = shape("مهارات", stack)
    names = [g.name for g in shaped.glyphs]
    assert len(set(names)) == len(names) or any("." in n or "uni" in n for n in names)
    # joining really happened: in the word, meem takes its initial form, not the isolated glyph
    assert shaped.glyphs[-1].name != shape("م", stack).glyphs[0].name
    # right to left: the first logical letter is drawn rightmost
    assert shaped.glyphs[-1].x > shaped.glyphs[0].x


def test_compose_twice_is_byte_identical(golden_designs):
    for design in golden_designs[:8]:
        assert designer.compose(design).svg == designer.compose(design).svg


def test_facts_describe_the_artwork(example_designs):
    artwork = designer.compose(example_designs[0])
    title = artwork.text("title")
    assert title.text == "History Taking" and title.size >= 48
    assert title.cap_height == pytest.approx(title.size * 0.668, rel=0.01)
    kinds = {p.element: p.kind for p in artwork.pairs}
    assert kinds["text:title"] == "text" and kinds["icon"] == "graphic"
    assert artwork.cue.pips == 1 and artwork.icon.stroke_width > 10
    assert artwork.tier_color == example_designs[0].color("tier")
