"""Share renditions: the 1200 × 627 card, the e-mail PNG at 2×, the print PDF — metadata, manifest, lint."""

from __future__ import annotations

import io
import json

import pypdf
from PIL import Image

import designer
from designer.assetset import BuildOptions, build, parse_sizes
from designer.compose import compose
from designer.share import card_violations, compose_card
from designer.share.card import card_alt_text
from tests.conftest import EXAMPLE

SLUG = "history-taking-distinguished"


def test_the_example_turns_every_rendition_on():
    share = designer.load(EXAMPLE).model.share
    assert share.card and share.email and share.print and share.pages
    assert not share.credential_pages and not share.recipient_name  # opt-in: pages naming people stay off


def test_card_is_1200_by_627_with_its_text_in_itxt(shared_set):
    _, dist = shared_set
    image = Image.open(dist / "history-taking" / f"{SLUG}-card.png")
    assert image.size == (1200, 627)
    design = designer.resolve(designer.load(EXAMPLE), badges=("history-taking",), tiers=("distinguished",))[0]
    assert image.text["Title"] == "History Taking — Distinguished (share card)"  # Pillow reads the iTXt chunks
    assert image.text["Description"] == card_alt_text(design)
    assert image.text["Author"] == "Northfield School of Medicine"
    # the card's background is the brand's primary colour, its bottom band the tier colour
    rgb = image.convert("RGB")
    primary, tier = design.color("primary"), design.color("tier")
    assert rgb.getpixel((1190, 10)) == (primary.r, primary.g, primary.b)
    assert rgb.getpixel((600, 620)) == (tier.r, tier.g, tier.b)


def test_card_text_is_outlines_and_the_badge_is_inside():
    design = designer.resolve(designer.load(EXAMPLE), badges=("history-taking",), tiers=("distinguished",))[0]
    artwork = compose(design)
    card = compose_card(design, artwork)
    assert b"<text" not in card.svg and b"<image" not in card.svg and b"href" not in card.svg
    assert [run.slot for run in card.texts] == ["card-title", "card-tier", "card-issuer"]
    assert card.svg.count(b'class="text-card-') == 3
    assert b'class="text-title"' in card.svg  # the badge's own outlined title, nested
    assert all(run.box.x >= 620 and run.box.right <= 1144 + 1 for run in card.texts)  # in the text column
    assert compose_card(design, artwork).svg == card.svg  # pure: same design, same bytes


def test_email_signature_png_is_80_px_at_2x(shared_set):
    _, dist = shared_set
    image = Image.open(dist / "history-taking" / f"{SLUG}-email@2x.png")
    assert image.size == (160, 160)
    assert image.text["Title"] == "History Taking — Distinguished"
    assert image.text["Description"].startswith("Distinguished tier badge for History Taking")


def test_print_pdf_is_vector_with_metadata_and_reproducible(shared_set, tmp_path, monkeypatch):
    source, dist = shared_set
    data = (dist / "history-taking" / f"{SLUG}-print.pdf").read_bytes()
    reader = pypdf.PdfReader(io.BytesIO(data))  # an independent PDF reader
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert round(float(box.width) / 72 * 25.4) == 50 == round(float(box.height) / 72 * 25.4)  # 50 mm square
    info = reader.metadata
    assert info.title == "History Taking — Distinguished"
    assert info.author == "Northfield School of Medicine"
    assert info.subject.startswith("Distinguished tier badge for History Taking")
    assert "Distinguished" in info["/Keywords"] and info.creator.startswith("medbadge ")
    assert b"/Image" not in data  # drawn as vectors, not a raster embedded in a PDF
    # two builds, the same bytes; SOURCE_DATE_EPOCH sets the document date
    options = BuildOptions(sizes=parse_sizes("64"), badges=("history-taking",), tiers=("distinguished",), jobs=1)
    build(source, tmp_path / "again", options)
    assert (tmp_path / "again" / "history-taking" / f"{SLUG}-print.pdf").read_bytes() == data
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01
    build(source, tmp_path / "again", options)  # the same folder: the date alone changed, and is seen
    dated = pypdf.PdfReader(tmp_path / "again" / "history-taking" / f"{SLUG}-print.pdf").metadata
    assert dated.creation_date.year == 2026


def test_renditions_are_in_the_manifest(shared_set):
    _, dist = shared_set
    files = json.loads((dist / "manifest.json").read_text(encoding="utf-8"))["files"]
    kinds = {(f["path"], f["kind"]) for f in files}
    for slug in (SLUG, "global-health-foundation"):
        badge = slug.rsplit("-", 1)[0]
        assert {(f"{badge}/{slug}-card.png", "card"), (f"{badge}/{slug}-email@2x.png", "email"),
                (f"{badge}/{slug}-print.pdf", "print"), (f"{badge}/{slug}.html", "page")} <= kinds
    for item in files:
        assert (dist / item["path"]).stat().st_size == item["bytes"]


def test_renditions_are_off_unless_the_badge_set_asks(tmp_path):
    source = tmp_path / "badges.yaml"
    source.write_text("\n".join(line for line in EXAMPLE.read_text(encoding="utf-8").splitlines()
                                if not line.startswith("share:")) + "\n", encoding="utf-8")
    build(source, tmp_path / "dist", BuildOptions(sizes=parse_sizes("64"), badges=("history-taking",),
                                                  tiers=("foundation",), jobs=1))
    names = {p.name for p in (tmp_path / "dist" / "history-taking").iterdir()}
    assert names == {"history-taking-foundation-64.png", "history-taking-foundation.svg",
                     "history-taking-foundation.badgeclass.json", "history-taking-foundation.achievement.json"}


def test_an_unknown_share_key_is_one_message_at_its_line(tmp_path, capsys):
    from designer.cli import main

    source = tmp_path / "badges.yaml"
    text = EXAMPLE.read_text(encoding="utf-8")
    source.write_text(text.replace("share: {card: true,", "share: {poster: true, card: true,"), encoding="utf-8")
    line = next(n for n, l in enumerate(source.read_text(encoding="utf-8").splitlines(), 1) if l.startswith("share:"))
    assert main(["build", str(source), "-o", str(tmp_path / "dist"), "-q"]) == 2
    err = capsys.readouterr().err
    assert f"badges.yaml:{line}:" in err and "poster" in err and "Traceback" not in err
    assert not (tmp_path / "dist").exists()


def test_the_card_is_checked_by_the_contrast_and_legibility_rules(tmp_path):
    clean = designer.load(EXAMPLE)
    designs = designer.resolve(clean, badges=("history-taking", "global-health"))
    assert card_violations(clean, designs) == []
    # A badge whose on-primary text colour is close to its primary face: the card fails like the badge.
    source = tmp_path / "badges.yaml"
    text = EXAMPLE.read_text(encoding="utf-8")
    anchor = "  - id: history-taking\n"
    source.write_text(text.replace(anchor, anchor + '    roles: {on-primary: "#1c6f7d"}\n'), encoding="utf-8")
    badge_set = designer.load(source)
    found = card_violations(badge_set, designer.resolve(badge_set, badges=("history-taking",), tiers=("foundation",)))
    codes = {(v.code, v.element) for v in found}
    assert ("MB101", "svg/path[@class='text-card-title']") in codes
    assert ("MB101", "svg/path[@class='text-card-issuer']") in codes
    assert all(v.badge == "history-taking" and v.tier == "foundation" for v in found)


def test_build_lint_reports_card_findings_in_the_manifest(tmp_path):
    source = tmp_path / "badges.yaml"
    text = EXAMPLE.read_text(encoding="utf-8")
    anchor = "  - id: history-taking\n"
    source.write_text(text.replace(anchor, anchor + '    roles: {on-primary: "#1c6f7d"}\n'), encoding="utf-8")
    build(source, tmp_path / "dist", BuildOptions(sizes=parse_sizes("64"), badges=("history-taking",),
                                                  tiers=("foundation",), jobs=1, lint=True))
    status = json.loads((tmp_path / "dist" / "manifest.json").read_text(encoding="utf-8"))["lint"]
    messages = [f["message"] for f in status["history-taking-foundation"]["findings"]]
    assert any(m.startswith("card-title 'History Taking'") for m in messages), messages


def test_a_suppression_in_the_badge_set_silences_the_card_too(tmp_path):
    source = tmp_path / "badges.yaml"
    text = EXAMPLE.read_text(encoding="utf-8")
    anchor = "  - id: history-taking\n"
    text = text.replace(anchor, anchor + '    roles: {on-primary: "#1c6f7d"}\n')
    assert "\nlint:" not in text
    text += ("lint:\n  suppress:\n    - code: MB101\n      badge: history-taking\n"
             "      reason: a test of the card following the badge set's suppressions\n")
    source.write_text(text, encoding="utf-8")
    badge_set = designer.load(source)
    found = card_violations(badge_set, designer.resolve(badge_set, badges=("history-taking",), tiers=("foundation",)))
    assert not [v for v in found if v.code == "MB101"]


def test_a_card_text_that_does_not_fit_is_one_message(tmp_path, capsys):
    from designer.cli import main

    source = tmp_path / "badges.yaml"
    long_name = "The Northfield School of Medicine and Allied Health Professions of the Greater Northfield Trust"
    source.write_text(EXAMPLE.read_text(encoding="utf-8").replace("  name: Northfield School of Medicine",
                                                                  f"  name: {long_name}", 1), encoding="utf-8")
    code = main(["build", str(source), "-o", str(tmp_path / "dist"), "-q", "-b", "history-taking", "--sizes", "64"])
    err = capsys.readouterr().err
    assert code == 2 and "the card issuer of badge 'history-taking'" in err and "shorten issuer.name" in err
    assert "Traceback" not in err and not (tmp_path / "dist").exists()


def test_two_builds_with_every_rendition_are_byte_identical(shared_set, tmp_path):
    from tests.share.conftest import BADGES, TIERS

    source, dist = shared_set
    build(source, tmp_path / "again", BuildOptions(sizes=parse_sizes("64,340"), badges=BADGES, tiers=TIERS, jobs=2,
                                                   lint=True))
    first = (dist / "manifest.json").read_bytes()
    assert (tmp_path / "again" / "manifest.json").read_bytes() == first  # every file's hash, the lint status
    kinds = {f["kind"] for f in json.loads(first)["files"]}
    assert {"card", "email", "print", "page"} <= kinds


def test_medbadge_lint_checks_the_cards_too(tmp_path, capsys):
    from designer.cli import main

    source = tmp_path / "badges.yaml"
    text = EXAMPLE.read_text(encoding="utf-8")
    anchor = "  - id: history-taking\n"
    source.write_text(text.replace(anchor, anchor + '    roles: {on-primary: "#1c6f7d"}\n'), encoding="utf-8")
    code = main(["lint", str(source), "-b", "history-taking", "--format", "json"])
    found = json.loads(capsys.readouterr().out)
    found = found["violations"] if isinstance(found, dict) else found
    elements = {v.get("element") for v in found}
    assert code == 1 and "svg/path[@class='text-card-title']" in elements, elements
