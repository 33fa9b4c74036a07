"""The studio driven through Streamlit's AppTest: widgets by key, with the real engine, lint and
file writes underneath (no mocks)."""

from __future__ import annotations

import shutil
from pathlib import Path

import io

import pytest
from PIL import Image
from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage
from streamlit.testing.v1 import AppTest

import designer
from designer.studio.previews import margin
from tests.conftest import EXAMPLE

APP = str(Path(designer.__file__).parent / "studio" / "app.py")


@pytest.fixture
def badge_file(tmp_path):
    path = tmp_path / "badges.yaml"
    shutil.copyfile(EXAMPLE, path)
    return path


@pytest.fixture
def at(badge_file) -> AppTest:
    app = AppTest.from_file(APP, default_timeout=120)
    app.session_state["path"] = str(badge_file)
    app.run()
    assert not app.exception, app.exception
    return app


def image_urls(at: AppTest) -> dict[str, str]:
    """Media URL (content-addressed) of each image by its caption."""
    return {img.proto.imgs[0].caption: img.proto.imgs[0].url for img in at.get("image")}


def lint_labels(at: AppTest) -> list[str]:
    return [e.label for e in at.expander]


class KeptMediaStorage(MemoryMediaFileStorage):
    """Streamlit's own in-memory media store, kept reachable after the run (AppTest drops its
    runtime when a run ends), so a test can read the bytes of the images the script showed."""

    latest: KeptMediaStorage | None = None

    def __init__(self, media_endpoint: str) -> None:
        super().__init__(media_endpoint)
        KeptMediaStorage.latest = self


@pytest.fixture
def shown_images(monkeypatch):
    """``shown_images(at)``: each image the last run showed, by caption, as a Pillow image."""
    monkeypatch.setattr("streamlit.testing.v1.app_test.MemoryMediaFileStorage", KeptMediaStorage)

    def read(at: AppTest) -> dict[str, Image.Image]:
        store = KeptMediaStorage.latest
        return {caption: Image.open(io.BytesIO(store.get_file(url.rsplit("/", 1)[-1]).content)).convert("RGB")
                for caption, url in image_urls(at).items()}

    return read


PREVIEW_SIZES = {"600 px · Normal vision": 600, "96 px": 96, "64 px": 64, "Foundation": 150, "Proficient": 150,
                 "Advanced": 150, "Distinguished": 150}


def margin_pixels(image: Image.Image, size: int) -> set[tuple[int, int, int]]:
    """The colours in the band of page around the badge of a ``size`` px preview tile (Streamlit
    scales a tile to its display width: 2 px next to the badge are left out for the resampling)."""
    tile = size + 2 * margin(size)
    assert image.width == image.height and image.width <= tile, (image.size, size)
    band = int(margin(size) * image.width / tile) - 2
    assert band >= 2, (image.size, size)
    return {image.getpixel((x, y)) for y in range(image.height) for x in range(image.width)
            if min(x, y, image.width - 1 - x, image.height - 1 - y) < band}


def test_opens_the_badge_set_and_shows_every_preview(at):
    assert at.selectbox(key="badge").value == "history-taking"
    assert at.text_input(key="title").value == "History Taking"
    captions = image_urls(at)
    assert {"600 px · Normal vision", "96 px", "64 px", "Foundation", "Proficient", "Advanced",
            "Distinguished"} <= set(captions)
    assert any(c.value.startswith("rendered in") for c in at.caption)
    assert [s.value for s in at.success][0].startswith("No findings")  # the example lints clean


def test_changing_a_colour_updates_preview_and_lint(at):
    before = image_urls(at)["600 px · Normal vision"]
    at.color_picker(key="role:on-primary").pick("#1c6b78").run()  # teal on teal: unreadable
    assert not at.exception
    assert image_urls(at)["600 px · Normal vision"] != before
    assert any(label.split()[1] == "MB101" for label in lint_labels(at)), lint_labels(at)


def test_vision_switch_changes_every_preview(at):
    before = image_urls(at)
    at.radio(key="vision").set_value("deutan").run()
    after = image_urls(at)
    assert "600 px · Deuteranopia" in after
    assert after["Foundation"] != before["Foundation"]


def test_every_preview_is_shown_on_the_chosen_page(badge_file, shown_images):
    app = AppTest.from_file(APP, default_timeout=120)
    app.session_state["path"] = str(badge_file)
    app.run()
    assert app.radio(key="page").options == ["White (#ffffff)", "Light grey (#e9ebee)", "Dark (#121212)",
                                             "Greyscale (on white)"]
    for page, colour in (("light", (233, 235, 238)), ("dark", (18, 18, 18)), ("white", (255, 255, 255))):
        app.radio(key="page").set_value(page).run()
        assert not app.exception, app.exception
        images = shown_images(app)
        assert set(PREVIEW_SIZES) <= set(images), sorted(images)
        for caption, size in PREVIEW_SIZES.items():
            assert margin_pixels(images[caption], size) == {colour}, (page, caption)
            tile = images[caption].convert("RGB")
            badge = sum(count for count, pixel in tile.getcolors(tile.width * tile.height) if pixel != colour)
            assert badge > 0.3 * tile.width * tile.height, (page, caption)  # the badge is on it


def test_the_greyscale_page_greys_every_preview(badge_file, shown_images):
    app = AppTest.from_file(APP, default_timeout=120)
    app.session_state["path"] = str(badge_file)
    app.run()
    colour = shown_images(app)["Foundation"]
    app.radio(key="vision").set_value("deutan").run()
    app.radio(key="page").set_value("greyscale").run()
    assert not app.exception, app.exception
    assert app.radio(key="vision").disabled  # greyscale keeps lightness only: no colour vision to simulate
    images = shown_images(app)
    assert "600 px · Greyscale" in images
    for caption, size in {**PREVIEW_SIZES, "600 px · Greyscale": 600}.items():
        if caption == "600 px · Normal vision":
            continue
        image = images[caption]
        assert all(r == g == b for r, g, b in image.get_flattened_data()), caption
        assert margin_pixels(image, size) == {(255, 255, 255)}, caption  # greyscale is shown on white
    assert images["Foundation"].size == colour.size and images["Foundation"].tobytes() != colour.tobytes()


def test_edit_then_save_keeps_comments(at, badge_file):
    at.text_input(key="title").set_value("History & Examination").run()
    diff = [c.value for c in at.code]
    assert diff and "+    title: History & Examination" in diff[0]
    assert "History Taking" in badge_file.read_text(encoding="utf-8")  # nothing written before Save
    at.button(key="save").click().run()
    text = badge_file.read_text(encoding="utf-8")
    assert "    title: History & Examination\n" in text
    assert text.startswith("# Northfield School of Medicine")
    assert "# palettes/harbour.toml" in text
    assert text.count("\n") == EXAMPLE.read_text(encoding="utf-8").count("\n")


def test_a_file_changed_on_disk_is_not_overwritten(at, badge_file):
    at.text_input(key="title").set_value("History & Examination").run()
    outside = badge_file.read_text(encoding="utf-8").replace("title: Psychiatry", "title: Psychiatry & Mind")
    badge_file.write_text(outside, encoding="utf-8")
    at.button(key="save").click().run()
    assert at.error and "changed on disk" in at.error[0].value
    assert badge_file.read_text(encoding="utf-8") == outside


def test_tier_label_and_template_edits_rerender(at, tmp_path):
    at.text_input(key="tier_label:distinguished").set_value("Honours").run()
    assert "Honours" in image_urls(at)
    assert not at.exception
    # a badge in a domain shows the domain's silhouette and cannot change it alone (the family rule)
    assert at.selectbox(key="template").value == "hexagon" and at.selectbox(key="template").disabled
    free = tmp_path / "free.yaml"  # the same badge outside any domain: its template is its own
    free.write_text(EXAMPLE.read_text(encoding="utf-8").replace("    domain: clinical-skills\n", "", 1), encoding="utf-8")
    app = AppTest.from_file(APP, default_timeout=120)
    app.session_state["path"] = str(free)
    app.run()
    before = image_urls(app)
    chooser = app.selectbox(key="template")
    assert not chooser.disabled
    chooser.set_value(next(name for name in chooser.options if name != chooser.value)).run()
    assert not app.exception
    assert image_urls(app)["Foundation"] != before["Foundation"]


def test_tier_stars_edit_reaches_lint(at):
    # giving the top tier fewer stars than the one below breaks the rank order of the cues
    at.number_input(key="tier_pips:distinguished").set_value(1).run()
    assert not at.exception
    assert any(label.split()[1] == "MB305" for label in lint_labels(at)), lint_labels(at)


def test_invalid_edit_shows_the_error_and_keeps_the_last_preview(at):
    at.text_input(key="title").set_value("Interprofessional Teamwork Excellence Programme").run()
    assert not at.exception
    assert any("does not fit" in e.value for e in at.error)


def test_a_broken_file_gets_its_message_not_a_traceback(tmp_path):
    broken = tmp_path / "badges.yaml"
    broken.write_text(EXAMPLE.read_text(encoding="utf-8").replace("icon: globe-health\n", "icon: glob\n"), encoding="utf-8")
    app = AppTest.from_file(APP, default_timeout=120)
    app.session_state["path"] = str(broken)
    app.run()
    assert not app.exception
    assert any("unknown icon 'glob'" in e.value and "did you mean 'globe'" in e.value for e in app.error)


def test_an_edited_user_template_is_seen_without_a_restart(tmp_path):
    """The studio keeps running while a designer edits their own template's TOML on disk: the next
    rerun resolves it again (content-keyed caches), so the preview changes."""
    from ruamel.yaml import YAML

    from tests.conftest import ROOT

    tpl = tmp_path / "tpl"
    tpl.mkdir()
    for name in ("seal.toml", "seal.svg.j2"):
        shutil.copy(ROOT / "templates" / name, tpl / name)
    yaml = YAML()
    data = yaml.load(EXAMPLE.read_text(encoding="utf-8"))
    data["paths"] = {"templates": ["tpl"]}
    data["badges"][0]["template"] = "seal"
    data["badges"][0].pop("domain", None)  # a domain would give it the domain's template
    path = tmp_path / "badges.yaml"
    with path.open("w", encoding="utf-8") as handle:
        yaml.dump(data, handle)
    app = AppTest.from_file(APP, default_timeout=120)
    app.session_state["path"] = str(path)
    app.run()
    assert not app.exception, app.exception
    before = image_urls(app)["600 px · Normal vision"]
    toml = tpl / "seal.toml"
    import re

    text = toml.read_text()
    icon_box = re.search(r"\[slots\.icon\]\nbox = \[[^]]*\]", text)
    assert icon_box, "the seal template's icon slot"
    toml.write_text(text.replace(icon_box.group(0), "[slots.icon]\nbox = [250, 250, 100, 100]"))  # a smaller icon
    app.run()
    assert not app.exception, app.exception
    assert image_urls(app)["600 px · Normal vision"] != before


def test_the_small_previews_are_the_drawings_the_build_ships(badge_file, shown_images):
    """The 96 and 64 px tiles show the template's thumbnail and mark drawings (compose(design,
    size)), not the master scaled down: what design staff approve is what a list shows."""
    from designer.studio.previews import preview_on_page

    app = AppTest.from_file(APP, default_timeout=120)
    app.session_state["path"] = str(badge_file)
    app.run()
    assert not app.exception
    images = shown_images(app)
    design = next(d for d in designer.resolve(designer.load(badge_file), badges=[app.session_state.badge])
                  if d.tier_id == app.session_state.tier)
    for size in (96, 64):
        drawn = Image.open(io.BytesIO(preview_on_page(designer.compose(design, size).svg, size, "normal", "white")))
        scaled = Image.open(io.BytesIO(preview_on_page(designer.compose(design).svg, size, "normal", "white")))
        shown = images[f"{size} px"]
        assert drawn.tobytes() != scaled.tobytes()
        assert shown.size == drawn.size and shown.tobytes() == drawn.convert("RGB").tobytes(), size
