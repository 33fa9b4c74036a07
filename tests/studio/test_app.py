"""The studio driven through Streamlit's AppTest: widgets by key, with the real engine, lint and
file writes underneath (no mocks)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

import designer
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
    broken.write_text(EXAMPLE.read_text(encoding="utf-8").replace("icon: globe", "icon: glob"), encoding="utf-8")
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
