"""Editing a badge set keeps comments, order and formatting; saving never overwrites silently."""

from __future__ import annotations

import pytest

from designer.badgeset.edit import BadgeSetDocument, ConflictError
from designer.base.errors import MedbadgeError
from tests.conftest import EXAMPLE


@pytest.fixture
def doc(tmp_path):
    path = tmp_path / "badges.yaml"
    path.write_text(EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    return BadgeSetDocument.open(path)


def test_unchanged_document_round_trips_exactly(doc):
    assert doc.text() == doc.original and not doc.changed and doc.diff() == ""


def test_edit_changes_only_that_line_and_keeps_comments(doc):
    doc.set_badge("history-taking", "title", "History & Examination")
    diff = doc.diff()
    changed = [l for l in diff.splitlines() if l[:1] in "+-" and not l.startswith(("+++", "---"))]
    assert changed == ["-    title: History Taking", "+    title: History & Examination"]
    assert "# Northfield School of Medicine" in doc.text()
    assert "# palettes/harbour.toml" in doc.text()
    assert doc.load().model.badges[0].title == "History & Examination"


def test_roles_and_removal(doc):
    doc.set_role("accent", "#ffcc00")
    doc.set_role("primary", "crimson", badge_id="psychiatry")
    loaded = doc.load()
    assert loaded.model.brand.roles == {"accent": "#ffcc00"}
    psychiatry = next(b for b in loaded.model.badges if b.id == "psychiatry")
    assert psychiatry.roles == {"primary": "crimson"}
    doc.set_role("accent", None)
    assert "roles" not in doc.load().model.brand.model_dump(exclude_defaults=True)
    doc.set_badge("history-taking", "subtitle", "")
    assert doc.load().model.badges[0].subtitle is None
    with pytest.raises(MedbadgeError):
        doc.set_role("primay", "#fff")


def test_tier_edit_writes_out_the_named_scheme(doc):
    doc.set_tier("distinguished", label="Honours")
    tiers = doc.load().model.tiers
    assert [t.label for t in tiers] == ["Foundation", "Proficient", "Advanced", "Honours"]
    assert [t.pips for t in tiers] == [1, 2, 3, 4]


def test_save_writes_and_refuses_when_the_file_changed_on_disk(doc):
    doc.set_badge("global-health", "title", "Planetary Health")
    doc.save()
    assert "title: Planetary Health" in doc.path.read_text(encoding="utf-8")
    assert "# Northfield School of Medicine" in doc.path.read_text(encoding="utf-8")
    # someone else edits the file
    doc.path.write_text(doc.path.read_text(encoding="utf-8").replace("Psychiatry", "Psychiatry & Mind"),
                        encoding="utf-8")
    doc.set_badge("global-health", "title", "Global Health")
    with pytest.raises(ConflictError):
        doc.save()
    assert "Psychiatry & Mind" in doc.path.read_text(encoding="utf-8")  # their work is intact


def test_broken_yaml_is_one_placed_error(tmp_path):
    path = tmp_path / "badges.yaml"
    path.write_text("issuer:\n  name: [unclosed\n", encoding="utf-8")
    with pytest.raises(MedbadgeError) as caught:
        BadgeSetDocument.open(path)
    assert caught.value.message.startswith("YAML syntax error") and caught.value.location.line >= 2
