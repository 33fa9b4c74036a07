"""The built-in competency frameworks: complete, cited, and shaped for badges (titles and level
labels fitted with the real font to the real template slots; an icon that fits every item)."""

from __future__ import annotations

import doctest
import re

import pytest

from designer import frameworks
from designer.base.errors import BadgeSetError, Location, MedbadgeError
from designer.frameworks import framework_from_data

EXPECTED = {"aamc-core-epas": 13, "acgme-core-competencies": 6, "canmeds-2015": 7}


def test_the_three_frameworks_are_built_in_with_every_item():
    assert frameworks.names() == sorted(EXPECTED)
    for name, count in EXPECTED.items():
        framework = frameworks.get(name)
        assert len(framework.items) == count
        assert len({item.id for item in framework.items}) == count
        assert len({item.code for item in framework.items}) == count


def test_the_aamc_codes_run_from_epa_1_to_13_and_the_names_are_the_official_ones():
    epas = frameworks.get("aamc-core-epas")
    assert [item.code for item in epas.items] == [f"EPA {n}" for n in range(1, 14)]
    assert epas.items[0].name == "Gather a history and perform a physical examination"
    assert epas.items[12].name == "Identify system failures and contribute to a culture of safety and improvement"
    roles = [item.name for item in frameworks.get("canmeds-2015").items]
    assert roles == ["Medical Expert", "Communicator", "Collaborator", "Leader", "Health Advocate", "Scholar",
                     "Professional"]
    assert [item.code for item in frameworks.get("acgme-core-competencies").items] == [
        "PC", "MK", "PBLI", "ICS", "PROF", "SBP"]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_framework_names_its_source_version_url_and_usage(name):
    framework = frameworks.get(name)
    for value in (framework.title, framework.alignment_name, framework.publisher, framework.version,
                  framework.source, framework.usage, framework.scale, framework.scale_source):
        assert value.strip()
    assert re.match(r"^https://\S+$", framework.url)
    assert "medbadge's own" in framework.usage  # the drafts are ours, the codes and names are quoted
    assert len(framework.levels) == frameworks.LEVEL_COUNT


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_short_title_fits_every_two_line_title_slot(name):
    """A short title sits beside the official name because the name does not fit a badge: each
    title is fitted by designer.text to every template whose title takes two lines; one-line
    slots (an arc, a one-line box) are checked per badge by init, which moves a title that does
    not fit them (tests/starter)."""
    from designer import templates
    from designer.starter.fit import misfits

    two_line = tuple(n for n in templates.names()
                     if templates.get(n).text_slots["title"].arc is None and templates.get(n).text_slots["title"].max_lines >= 2)
    assert len(two_line) >= 2
    problems = [error.message for item in frameworks.get(name).items for _, error in misfits(item.title, "title", two_line)]
    assert problems == []
    for item in frameworks.get(name).items:  # and every title fits at least three of the templates
        assert len(misfits(item.title, "title")) <= len(templates.names()) - 3, item.title


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_level_label_fits_every_tier_label_slot(name):
    from designer.starter.fit import misfits

    problems = [error.message for level in frameworks.get(name).levels for _, error in misfits(level.label, "tier_label")]
    assert problems == []


def test_a_long_title_is_caught_by_the_fitting():
    from designer.starter.fit import misfits

    assert {name for name, _ in misfits("Gather a history and perform a physical examination", "title")} == {
        "hexagon", "rosette", "rounded-square", "seal", "shield"}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_item_finds_a_fitting_icon_of_its_own(name):
    """The icon search scores each item's terms; the best icon must match a whole term (a name,
    title or keyword phrase: FITTING_SCORE), and init gives no two badges of a set the same icon."""
    from designer.starter.icons import FITTING_SCORE, choose

    used: set[str] = set()
    for item in frameworks.get(name).items:
        best, _ = choose(item, used=frozenset(used))
        assert best.score >= FITTING_SCORE, (item.title, best)
        assert best.name not in used, item.title
        used.add(best.name)


def test_the_icon_search_picks_the_icon_drawn_for_the_item():
    from designer.starter.icons import choose

    picks = {item.id: choose(item)[0].name for item in frameworks.get("canmeds-2015").items}
    assert picks["health-advocate"] == "megaphone" and picks["collaborator"] == "puzzle"
    assert choose(frameworks.get("aamc-core-epas").item("informed-consent"))[0].name == "consent-form"


def test_an_unknown_framework_gets_a_did_you_mean():
    with pytest.raises(MedbadgeError, match=r"unknown framework 'canmeds' \(did you mean 'canmeds-2015'\?\)"):
        frameworks.get("canmeds")


def _at(keys):
    return Location("list.yaml", len(keys), 1)


def _item(**changes):
    item = {"code": "A1", "name": "Care", "title": "Care", "description": "Cares.", "criteria": "Observed."}
    item.update(changes)
    return {k: v for k, v in item.items() if v is not None}


@pytest.mark.parametrize("data, message", [
    ({"items": [_item()]}, "'title' is missing or empty"),
    ({"title": "T", "items": []}, "a framework needs a non-empty list of items"),
    ({"title": "T", "items": [_item(titel="x")]}, "unknown key 'titel' (did you mean 'title'?)"),
    ({"title": "T", "items": [_item(title=None)]}, "'title' is missing or empty"),
    ({"title": "T", "items": [_item(title="A Title Much Too Long For Any Badge")]}, "a badge title fits 24"),
    ({"title": "T", "items": [_item(), _item(code="A2")]}, "item id 'care' is used twice (first by item 1)"),
    ({"title": "T", "items": [_item(criteria=3)]}, "'criteria' must be text, not int"),
    ({"title": "T", "url": "ftp://x", "items": [_item()]}, "url 'ftp://x' is not an http(s) address"),
    ({"title": "T", "items": [_item()], "levels": [{"id": "a", "label": "A", "name": "A"}]},
     "levels must list exactly 4 levels"),
])
def test_bad_framework_data_is_one_placed_message_per_problem(data, message):
    with pytest.raises(MedbadgeError) as caught:
        framework_from_data("list", data, _at)
    problems = caught.value.problems if isinstance(caught.value, BadgeSetError) else [caught.value]
    assert any(message in p.text for p in problems), [p.text for p in problems]
    assert all(str(p).startswith("list.yaml:") for p in problems)


def test_doctests():
    import designer.frameworks as module

    assert doctest.testmod(module).failed == 0
