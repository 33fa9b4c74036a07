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


def _ink_box(svg: bytes, size: int = 300) -> tuple[int, int, int, int]:
    image = Image.open(io.BytesIO(cairosvg.svg2png(bytestring=svg, output_width=size, output_height=size)))
    return image.convert("RGBA").getchannel("A").getbbox()


def test_small_variant_is_a_mark_with_larger_cues(example_designs):
    """At 96 and 64 px the templates draw the badge as a mark: no texts, a larger icon and larger
    stars on the bare ribbon, the wreath as one ring; above 120 px (and for the master) the full
    design is drawn."""
    for design in example_designs:
        master, at_96, small = (designer.compose(design, size) for size in (None, 96, 64))
        assert designer.compose(design, 150).svg == master.svg  # above every variant's limit
        assert designer.compose(design, 64).svg == small.svg  # pure: same design and size, same bytes
        for drawing in (at_96, small):
            assert not drawing.texts, design.slug
            assert b'class="tier-laurel"' not in drawing.svg or design.template.name == "rosette"
            assert drawing.icon.box.width > master.icon.box.width * 1.2, design.slug
            stars = ET.fromstring(drawing.svg).find(f".//{SVG}g[@class='tier-pips']")
            assert len(stars) == design.cue.pips
            assert float(stars[0].get("stroke-width")) > float(
                ET.fromstring(master.svg).find(f".//{SVG}g[@class='tier-pips']")[0].get("stroke-width"))
            if "tier_label" in design.template.text_slots:  # the ribbon stays, without its word
                assert b'class="tier-ribbon"' in drawing.svg
        assert b'class="rim-shade"' not in small.svg, design.slug  # no bevel: one more ring to blur


def test_icons_are_placed_by_their_ink_not_their_grid(example_designs):
    """A wide icon (handshake) and a tall one (clipboard) get ink boxes of about the same optical
    size (geometric mean of the sides) and are centred on their ink."""
    from designer.compose.icon_fit import fit_icon
    from designer.base.geometry import Box

    slot = Box(232, 160, 136, 136)
    sizes = {}
    for design in example_designs:
        icon = design.icon
        fit = fit_icon(icon.body, icon.view_box, icon.root_items, slot)
        ink = fit.ink
        assert ink.x >= slot.x - 1 and ink.x + ink.width <= slot.x + slot.width + 1, icon.name
        assert abs((ink.x + ink.width / 2) - (slot.x + slot.width / 2)) < 0.01
        assert abs((ink.y + ink.height / 2) - (slot.y + slot.height / 2)) < 0.01
        sizes[icon.name] = (ink.width * ink.height) ** 0.5
    median = sorted(sizes.values())[len(sizes) // 2]
    assert all(abs(s / median - 1) < 0.12 for s in sizes.values()), sizes


def test_halo_is_the_outermost_ring_and_reads_on_both_pages(example_designs):
    from designer.base.color import Color, contrast_ratio

    design = example_designs[0]
    svg = designer.compose(design).svg.decode("utf-8")
    root = ET.fromstring(svg)
    painted = [e for e in root if e.tag == f"{SVG}path"]
    assert painted[0].get("class") == "halo"
    halo = Color.parse(painted[0].get("fill"))
    assert contrast_ratio(halo, Color.parse("#ffffff")) >= 3 and contrast_ratio(halo, Color.parse("#121212")) >= 3


def test_rim_lightness_rises_with_rank(example_designs):
    """The tier scheme's metals are ordered by lightness, so greyscale shows the rank."""
    from designer.base.perception import seen_as

    by_badge: dict[str, list] = {}
    for design in example_designs:
        by_badge.setdefault(design.badge_id, []).append(design)
    for designs in by_badge.values():
        lightness = [seen_as(d.color("tier"), "greyscale").convert("lab")["lightness"] for d in designs]
        assert all(b - a >= 10 for a, b in zip(lightness, lightness[1:])), lightness


def test_every_artwork_stays_inside_its_canvas(example_designs, golden_designs):
    """Nothing (the rosette's tails included) is cut by the image edge: 4 px of 300 clear all round."""
    for design in [*example_designs, *golden_designs]:
        left, top, right, bottom = _ink_box(designer.compose(design).svg)
        assert left >= 4 and top >= 4 and right <= 296 and bottom <= 296, (design.slug, left, top, right, bottom)


def test_subtitle_drops_below_128_px_and_shows_from_there(golden_designs):
    """The rounded square's second line would be 5 px tall under 128 px: it is drawn at 128 px and
    up; between the 96 px mark (no texts) and 128 px the master is drawn without it.
    (The golden square case: the example keeps its EPA codes in the alignment, not on the art.)"""
    design = next(d for d in golden_designs if d.subtitle and d.template.name == "rounded-square")
    slots = {size: {t.slot for t in designer.compose(design, size).texts} for size in (None, 150, 128, 125, 96)}
    assert "subtitle" in slots[None] and "subtitle" in slots[150] and "subtitle" in slots[128]
    assert "subtitle" not in slots[125] and {"title", "tier_label"} <= slots[125]
    assert slots[96] == set()  # the mark: stars on the bare ribbon, no words
    from designer.compose import small_variant
    assert small_variant(design, 96) and not small_variant(design, 128) and not small_variant(design, None)


def test_the_small_drawings_cut_the_icon_heavier(example_designs):
    """Line icons are drawn with heavier lines at 96 and 64 px (``icon_stroke``), as type is cut
    for small sizes: 2, 2.3 and 2.6 units of the icon's 24-unit grid, in the facts and the SVG."""
    for design in example_designs[::4]:
        for size, width in ((None, 2.0), (96, 2.3), (64, 2.6)):
            artwork = designer.compose(design, size)
            per_unit = artwork.icon.box.width / 24
            assert artwork.icon.stroke_width / per_unit == pytest.approx(width), (design.slug, size)
            assert f'stroke-width="{width:g}"'.encode() in artwork.svg, (design.slug, size)


def test_stars_on_the_ribbon_are_light_on_the_darker_metals_and_dark_on_the_lighter(example_designs):
    """``tier-star`` is worked out by resolve: the face's white where it reaches 3:1 on the metal
    (bronze, steel), else the tier word's colour (gold, champagne); drawn so at 96 and 64 px."""
    from designer.base.color import Color, contrast_ratio

    white, ink = Color.parse("#ffffff"), Color.parse("#06252c")
    expected = {"foundation": white, "proficient": white, "advanced": ink, "distinguished": ink}
    for design in example_designs:
        star = design.color("tier-star")
        assert star == expected[design.tier_id], design.slug
        assert contrast_ratio(star, design.color("tier")) >= 3
        stars = ET.fromstring(designer.compose(design, 64).svg).find(f".//{SVG}g[@class='tier-pips']")
        assert Color.parse(stars[0].get("fill")) == star


def test_a_brand_may_set_the_star_colour(tmp_path):
    """A role the brand sets wins over the computed one."""
    from tests.conftest import EXAMPLE

    text = EXAMPLE.read_text(encoding="utf-8").replace(
        "  font: Atkinson Hyperlegible", "  roles: {tier-star: ink}\n  font: Atkinson Hyperlegible", 1)
    assert "tier-star: ink" in text  # the example still has the line the role is put before
    path = tmp_path / "badges.yaml"
    path.write_text(text, encoding="utf-8")
    designs = designer.resolve(designer.load(path), badges=["psychiatry"])
    assert {d.color("tier-star") for d in designs} == {designs[0].color("outline")}


def test_the_top_tier_wears_a_crest_in_the_small_drawings(example_designs):
    """With the wreath gone at 96 and 64 px, the top tier (and only it) gets one large star set
    into its frame, in the ring's deep gold; the master has its wreath instead."""
    for design in example_designs:
        for size in (96, 64):
            crest = ET.fromstring(designer.compose(design, size).svg).find(f".//{SVG}g[@class='tier-crest']")
            has_crest = design.cue.laurel and design.template.name != "rosette"  # the rosette keeps a wreath
            assert (crest is not None) == has_crest, (design.slug, size)
            if has_crest:
                assert crest[0].get("fill") == design.color("tier-shade").hex
        assert b'tier-crest' not in designer.compose(design).svg
