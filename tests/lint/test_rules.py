"""Every rule: its failing case yields its code, its passing case does not (fixtures/cases.yaml)."""

from __future__ import annotations

import pytest

from designer.lint.registry import rules
from tests.lint.conftest import FIXTURES, lint_case, read_yaml

CASES = read_yaml(FIXTURES / "cases.yaml")


def test_base_fixture_is_clean(tmp_path):
    assert lint_case(tmp_path, {}) == []


@pytest.mark.parametrize("code", sorted(CASES))
def test_failing_case_fires(code, tmp_path, monkeypatch):
    codes = {v.code for v in lint_case(tmp_path, CASES[code]["fail"], monkeypatch)}
    assert code in codes


@pytest.mark.parametrize("code", sorted(CASES))
def test_passing_case_is_quiet(code, tmp_path, monkeypatch):
    found = lint_case(tmp_path, CASES[code]["pass"], monkeypatch)
    assert [v for v in found if v.code == code] == []


def test_every_rule_has_a_case():
    assert {r.CODE for r in rules()} == set(CASES)


def test_graphic_object_between_two_neighbours_needs_one_to_contrast(tmp_path):
    """The rim meets the dark edge and the light keyline: passing against one of them is enough."""
    import dataclasses

    import designer
    from designer.artwork import ColorPair
    from designer.base.color import Color
    from designer.lint import LintConfig, contexts_for
    from designer.lint.rules import mb102_graphic_contrast as rule
    from tests.lint.conftest import write_case

    badge_set = designer.load(write_case(tmp_path, {}))
    context = contexts_for(badge_set, designer.resolve(badge_set, tiers=["foundation"]), LintConfig())[0]
    dark, mid, light = Color.parse("#06252c"), Color.parse("#9a5524"), Color.parse("#f2d49b")
    one_side = (ColorPair("rim/edge", mid, dark, "graphic"), ColorPair("rim/keyline", mid, light, "graphic"))
    context.artwork = dataclasses.replace(context.artwork, pairs=one_side)
    assert list(rule.check(context)) == []
    neither = (ColorPair("rim/edge", mid, dark, "graphic"), ColorPair("rim/keyline", mid, Color.parse("#6a3a18"),
                                                                       "graphic"))
    context.artwork = dataclasses.replace(context.artwork, pairs=neither)
    assert [v.code for v in rule.check(context)] == ["MB102"]
