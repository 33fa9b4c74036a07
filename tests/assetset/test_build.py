"""The asset set: layout, contents, determinism, parallel = serial, incremental rebuilds."""

from __future__ import annotations

import hashlib
import json
import struct
from html import escape
from io import BytesIO
from pathlib import Path
from xml.etree import ElementTree as ET

import jsonschema
import pytest
from PIL import Image

import designer
from designer.assetset import BuildOptions, build, parse_sizes
from tests.assetset.badgesets import EXAMPLE, make_badge_set
from tests.assetset.conftest import snapshot

SVG = "{http://www.w3.org/2000/svg}"
SCHEMAS = Path(__file__).resolve().parents[1] / "openbadges" / "schemas"  # vendored, with NOTICE.md
FAST = dict(sizes=parse_sizes("64,96"))


@pytest.fixture(scope="module")
def example_build(tmp_path_factory):
    out = tmp_path_factory.mktemp("example") / "dist"
    result = build(EXAMPLE, out, BuildOptions(jobs=2))
    return out, result


def png_chunks(data: bytes) -> list[tuple[bytes, bytes]]:
    chunks, pos = [], 8
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos:pos + 4])
        chunks.append((data[pos + 4:pos + 8], data[pos + 8:pos + 8 + length]))
        pos += 12 + length
    return chunks


def test_example_build_writes_every_file_of_every_design(example_build):
    out, result = example_build
    designs = designer.resolve(designer.load(EXAMPLE))
    assert result.designs == len(designs) == 64
    assert result.rendered == 64 and result.rasters == 64 * 5
    for d in designs:
        folder = out / d.badge_id
        names = {f"{d.slug}.svg", f"{d.slug}.badgeclass.json", f"{d.slug}.achievement.json"}
        names |= {f"{d.slug}-{s}.png" for s in (64, 96, 150, 340, 600)}
        assert names <= {p.name for p in folder.iterdir()}
    assert (out / "index.html").is_file()


def test_manifest_lists_every_file_with_its_hash(example_build):
    out, _ = example_build
    manifest = json.loads((out / "manifest.json").read_text())
    listed = {f["path"]: f for f in manifest["files"]}
    on_disk = {p for p in snapshot(out) if not p.startswith(".medbadge-cache/") and p != "manifest.json"}
    assert set(listed) == on_disk
    for path, entry in listed.items():
        data = (out / path).read_bytes()
        assert entry["sha256"] == hashlib.sha256(data).hexdigest() and entry["bytes"] == len(data)
        if entry["kind"] == "png":
            assert Image.open(out / path).size == (entry["pixels"], entry["pixels"])


def test_svg_master_is_accessible_and_self_contained(example_build):
    out, _ = example_build
    data = (out / "history-taking" / "history-taking-advanced.svg").read_bytes()
    root = ET.fromstring(data)
    assert root.get("role") == "img"
    assert root.find(f"{SVG}title") is not None and root.find(f"{SVG}desc") is not None
    assert not list(root.iter(f"{SVG}text")), "text must be outlined"
    hrefs = [v for el in root.iter() for k, v in el.attrib.items() if k.endswith("href")]
    assert all(h.startswith("#") for h in hrefs)


def test_png_carries_itxt_metadata_and_no_timestamp(example_build):
    out, _ = example_build
    design = designer.resolve(designer.load(EXAMPLE), badges=["patient-safety"], tiers=["proficient"])[0]
    data = (out / "patient-safety" / "patient-safety-proficient-96.png").read_bytes()
    kinds = [k for k, _ in png_chunks(data)]
    assert b"tIME" not in kinds and kinds[0] == b"IHDR"
    keywords = [d.split(b"\0")[0] for k, d in png_chunks(data) if k == b"iTXt"]
    assert keywords == [b"Title", b"Description", b"Author", b"Copyright", b"Software"]
    text = Image.open(BytesIO(data)).text
    assert text["Description"] == design.alt_text
    assert text["Author"] == "Northfield School of Medicine"


def test_open_badges_json(example_build):
    out, _ = example_build
    design = designer.resolve(designer.load(EXAMPLE), badges=["history-taking"], tiers=["advanced"])[0]
    bc = json.loads((out / "history-taking" / "history-taking-advanced.badgeclass.json").read_text())
    assert bc["type"] == "BadgeClass" and bc["issuer"] == "https://badges.northfield-med.example/issuer"
    assert bc["id"] == "https://badges.northfield-med.example/history-taking/history-taking-advanced.badgeclass.json"
    assert bc["image"].endswith("history-taking/history-taking-advanced-600.png")
    assert bc["criteria"]["narrative"] and bc["alignment"][0]["targetCode"] == "EPA 1"
    ach = json.loads((out / "history-taking" / "history-taking-advanced.achievement.json").read_text())
    assert ach["type"] == ["Achievement"] and ach["creator"]["type"] == ["Profile"]
    assert ach["image"] == {"id": bc["image"], "type": "Image", "caption": design.alt_text}
    assert ach["alignment"][0]["targetFramework"] == "AAMC Core EPAs"
    # validate with the published OB 3.0 schema, as the achievement of a minimal credential
    schema = json.loads((SCHEMAS / "ob_v3p0_achievementcredential_schema.json").read_text())
    credential = {
        "@context": ach["@context"], "id": "urn:uuid:00000000-0000-4000-8000-000000000000",
        "type": ["VerifiableCredential", "OpenBadgeCredential"], "issuer": ach["creator"],
        "validFrom": "2026-01-01T00:00:00Z", "name": ach["name"],
        "credentialSubject": {"type": ["AchievementSubject"], "achievement": ach},
    }
    jsonschema.Draft201909Validator(schema).validate(credential)


def test_index_html_shows_every_design_with_alt_text(example_build):
    out, _ = example_build
    html = (out / "index.html").read_text()
    for d in designer.resolve(designer.load(EXAMPLE)):
        assert f'id="{d.slug}"' in html and html.count(f'alt="{escape(d.alt_text)}"') == 1
    for src in __import__("re").findall(r'src="([^"]+)"', html):
        assert (out / src).is_file() and not src.startswith(("/", "http"))


def test_index_html_shows_every_design_on_white_light_grey_dark_and_in_greyscale(example_build):
    from designer.base.pages import PAGES

    out, result = example_build
    html = (out / "index.html").read_text()
    for page in PAGES:
        assert html.count(f'class="sizes page-{page.key}"') == result.designs
        assert f".page-{page.key}{{background:{page.colour}}}" in html
    assert html.count('class="sizes page-grey"') == result.designs and ".page-grey img{filter:grayscale(1)}" in html


def test_two_builds_are_byte_identical_and_jobs_do_not_matter(small_set, tmp_path):
    one = build(small_set, tmp_path / "a", BuildOptions(jobs=1, **FAST))
    build(small_set, tmp_path / "b", BuildOptions(jobs=1, **FAST))
    build(small_set, tmp_path / "c", BuildOptions(jobs=2, **FAST))
    a, b, c = (snapshot(tmp_path / n) for n in "abc")
    assert a == b == c
    assert one.rendered == 12 and len(a) == 12 * 5 + 3  # + index, manifest, cache state


def test_rebuild_with_nothing_changed_renders_nothing(small_set, tmp_path):
    out = tmp_path / "dist"
    build(small_set, out, BuildOptions(jobs=1, **FAST))
    before = snapshot(out)
    again = build(small_set, out, BuildOptions(jobs=1, **FAST))
    assert (again.rendered, again.rasters, again.reused, again.written) == (0, 0, 12, 0)
    assert snapshot(out) == before


def test_changing_one_badge_renders_only_that_badge(tmp_path):
    src = make_badge_set(tmp_path / "src", 3)
    out = tmp_path / "dist"
    build(src, out, BuildOptions(jobs=2, **FAST))
    before = snapshot(out)

    def retitle(data):
        data["badges"][1]["title"] = "Bedside Examination"

    make_badge_set(tmp_path / "src", 3, edit=retitle)
    after = build(src, out, BuildOptions(jobs=2, **FAST))
    assert (after.rendered, after.reused, after.rasters) == (4, 8, 8)
    changed = {p for p, h in snapshot(out).items() if before.get(p) != h}
    badge = "physical-examination"
    assert {p.split("/")[0] for p in changed} == {badge, "index.html", "manifest.json", ".medbadge-cache"}
    assert {p for p in changed if p.startswith(badge)} == {p for p in before if p.startswith(badge)}


def test_changing_the_sizes_or_a_font_file_input_invalidates_the_cache(small_set, tmp_path):
    out = tmp_path / "dist"
    build(small_set, out, BuildOptions(jobs=1, badges=("history-taking",), **FAST))
    resized = build(small_set, out, BuildOptions(jobs=1, badges=("history-taking",), sizes=parse_sizes("64")))
    assert resized.rendered == 4 and not list(out.rglob("*-96.png"))


def test_damaged_output_file_is_rendered_again(small_set, tmp_path):
    out = tmp_path / "dist"
    build(small_set, out, BuildOptions(jobs=1, badges=("history-taking",), **FAST))
    (out / "history-taking" / "history-taking-advanced-64.png").write_bytes(b"oops")
    again = build(small_set, out, BuildOptions(jobs=1, badges=("history-taking",), **FAST))
    assert again.rendered == 1 and again.reused == 3
    assert (out / "history-taking" / "history-taking-advanced-64.png").read_bytes().startswith(b"\x89PNG")


def test_png_pixels_match_the_engine_rasteriser(example_build):
    from designer.base.raster import render_png

    out, _ = example_build
    design = designer.resolve(designer.load(EXAMPLE), badges=["clinical-reasoning"], tiers=["distinguished"])[0]
    expected = Image.open(BytesIO(render_png(designer.compose(design, 96).svg, 96)))  # the [medium] drawing
    built = Image.open(out / "clinical-reasoning" / "clinical-reasoning-distinguished-96.png")
    assert built.tobytes() == expected.tobytes()
