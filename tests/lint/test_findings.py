"""Findings point at their cause, once (issue 12, point 3): shared findings are merged, colour
findings point at the line that set the colour, and no message rounds across its threshold."""

from __future__ import annotations

import dataclasses

import designer
from designer.artwork import ColorPair
from designer.base.color import Color, contrast_ratio
from designer.lint import LintConfig, contexts_for
from designer.lint.rounding import above, below
from tests.lint.conftest import lint_case, write_case


def _pair_just_under(ratio: float) -> tuple[Color, Color]:
    """Two greys whose WCAG contrast is in [ratio - 0.005, ratio): it would print as ``ratio``."""
    white = Color(255, 255, 255)
    for level in range(256):
        grey = Color(level, level, level)
        if ratio - 0.005 <= contrast_ratio(grey, white) < ratio:
            return grey, white
    for r in range(256):
        for g in range(0, 256, 1):
            c = Color(r, g, 128)
            if ratio - 0.005 <= contrast_ratio(c, white) < ratio:
                return c, white
    raise AssertionError("no pair found")


def test_rounding_stays_on_its_side():
    assert below(2.995, 2) == "2.99" and below(2.9999999, 2) == "2.99" and below(4.5, 1) == "4.5"
    assert above(100.001, 1) == "100.1" and above(3.0, 2) == "3.00"


def test_a_contrast_just_under_3_is_never_printed_as_3(tmp_path):
    from designer.lint.rules import mb102_graphic_contrast as rule

    foreground, background = _pair_just_under(3.0)
    assert f"{contrast_ratio(foreground, background):.2f}" == "3.00"  # the trap
    badge_set = designer.load(write_case(tmp_path, {}))
    context = contexts_for(badge_set, designer.resolve(badge_set, tiers=["foundation"]), LintConfig())[0]
    context.artwork = dataclasses.replace(context.artwork, pairs=(ColorPair("icon", foreground, background, "graphic"),))
    (finding,) = rule.check(context)
    assert "3.00:1" not in finding.message and "2.99:1" in finding.message


def test_a_problem_of_every_tier_is_one_finding_listing_the_tiers(tmp_path, monkeypatch):
    found = [v for v in lint_case(tmp_path, {"brand": {"roles": {"on-primary": "teal-700"}}}, monkeypatch)
             if v.code == "MB101" and "title" in v.message]
    assert len(found) == 1
    assert found[0].tier is None and found[0].tiers == ("foundation", "advanced")
    assert found[0].message.endswith("(tiers foundation, advanced)")
    assert found[0].to_dict()["tiers"] == ["foundation", "advanced"]


def test_a_colour_problem_points_at_the_role_that_set_it(tmp_path, monkeypatch):
    """The text colour comes from brand.roles.on-primary: the finding is at that line."""
    path = write_case(tmp_path, {"brand": {"roles": {"on-primary": "teal-700"}}})
    line = next(n for n, text in enumerate(path.read_text().splitlines(), 1) if "on-primary" in text)
    found = [v for v in lint_case(tmp_path, {"brand": {"roles": {"on-primary": "teal-700"}}}, monkeypatch)
             if v.code == "MB101"]
    assert found and all(v.location.line == line for v in found)
    assert "'on-primary'" in found[0].message


def test_a_problem_shared_by_badges_names_them(tmp_path, monkeypatch):
    badges = [{"id": f"b{i}", "title": "Hand Hygiene", "icon": "stethoscope", "template": "seal",
               "description": "Cleans hands at the five moments of patient care, every time.",
               "criteria": "Observed audits on the ward by an infection-control nurse."} for i in (1, 2)]
    found = [v for v in lint_case(tmp_path, {"badges": badges, "lint": {"page_backgrounds": ["#0b5563"]}},
                                  monkeypatch) if v.code == "MB104"]
    assert found and all(v.badge is None and v.badges == ("b1", "b2") for v in found)


def test_each_size_variant_is_judged_at_its_display_size(tmp_path):
    """What the build ships at 96 and 64 px (a template's [medium] and [small] drawings) is what
    the rules see at those sizes, each judged at its own size; the master, shown only above
    120 px then, at 121 px."""
    from designer.lint import load_config

    badge_set = designer.load(write_case(tmp_path, {}))
    context = contexts_for(badge_set, designer.resolve(badge_set, tiers=["foundation"]), load_config(badge_set))[0]
    assert {"small", "medium"} <= set(context.design.template.params)  # the fixture's seal has both
    drawings = context.drawings()
    assert [(d.label, d.px) for d in drawings] == [("", 121), (" in the 96 px drawing", 96),
                                                   (" in the 64 px drawing", 64)]
    assert len({d.artwork.svg for d in drawings}) == 3
    larger = designer.load(write_case(tmp_path, {"lint": {"display_sizes": {"icon": 96}}}, name="large.yaml"))
    context = contexts_for(larger, designer.resolve(larger, tiers=["foundation"]), load_config(larger))[0]
    assert [d.label for d in context.drawings()] == ["", " in the 96 px drawing"]


def test_stars_on_the_frame_ring_are_crowded_though_nothing_else_is_near(tmp_path, monkeypatch):
    """MB207 judges the stars (and the icon) against the region of their declared background, as
    it judges texts: stars moved up onto the seal's band edge touch it in the master (where they are drawn they
    keep clear: MB207's passing case in fixtures/cases.yaml)."""
    moved = lint_case(tmp_path, {"svg": ['<g class="tier-pips">', '<g class="tier-pips" transform="translate(0 -56)">']},
                      monkeypatch)
    stars = [v for v in moved if v.code == "MB207" and v.element == "svg/*[@class='tier-pips']"]
    assert stars  # placed on the stars' element, not only worded so
    found = [v.message for v in moved if v.code == "MB207" and "the stars" in v.message]
    assert any("edge of their background" in m and "drawing" not in m for m in found), found  # the master
    assert any("in the 96 px drawing" in m for m in found), found  # the 96 px stars ride on the ribbon
