"""Configuration: badge set ``lint:``, pyproject ``[tool.medbadge.lint]``, suppressions, bad config."""

from __future__ import annotations

import pytest

import designer
from designer.base.errors import MedbadgeError
from designer.lint import lint, load_config
from tests.lint.conftest import lint_case, write_case


def test_ignore_and_select(tmp_path):
    patch = {"badges": [{"icon": "caduceus", "description": "Short."}]}
    assert {"MB501", "MB601"} <= {v.code for v in lint_case(tmp_path, patch)}
    ignored = lint_case(tmp_path, {**patch, "lint": {"ignore": ["caduceus"]}})
    assert {v.code for v in ignored} == {"MB601"}
    selected = lint_case(tmp_path, {**patch, "lint": {"select": ["MB5"]}})
    assert {v.code for v in selected} == {"MB501"}


def test_severity_override(tmp_path):
    found = lint_case(tmp_path, {"badges": [{"icon": "caduceus"}], "lint": {"severity": {"MB501": "error"}}})
    assert [v.severity for v in found if v.code == "MB501"] == ["error"]


def test_suppression_needs_a_reason(tmp_path):
    path = write_case(tmp_path, {"lint": {"suppress": [{"code": "MB502", "badge": "demo"}]}})
    with pytest.raises(MedbadgeError) as caught:
        load_config(designer.load(path))
    assert "needs a reason" in str(caught.value)
    assert caught.value.location.line is not None


def test_unknown_setting_has_a_location(tmp_path):
    path = write_case(tmp_path, {"lint": {"wcagg": "AA"}})
    with pytest.raises(MedbadgeError) as caught:
        load_config(designer.load(path))
    assert caught.value.location.path.endswith("case.yaml")
    assert caught.value.location.line and caught.value.location.column
    assert "wcag" in str(caught.value)


@pytest.mark.parametrize("lint_table", [
    {"wcag": "AAAA"}, {"fail_level": "fatal"}, {"select": ["MB999"]}, {"severity": {"MB101": "loud"}},
    {"display_sizes": {"text": 5}}, {"max_title_words": "many"},
])
def test_bad_values_are_errors(tmp_path, lint_table):
    with pytest.raises(MedbadgeError):
        load_config(designer.load(write_case(tmp_path, {"lint": lint_table})))


def test_suppression_scoped_to_tier(tmp_path):
    found = lint_case(tmp_path, {"lint": {"display_sizes": {"text": 50}, "suppress": [
        {"code": "MB201", "badge": "demo", "tier": "foundation", "reason": "shown large only"}]}})
    tiers = {v.tier for v in found if v.code == "MB201"}
    assert tiers == {"advanced"}  # suppressed for foundation only


def test_pyproject_table_is_read_and_badge_set_wins(tmp_path):
    (tmp_path / "pyproject.toml").write_text(
        '[tool.medbadge.lint]\nignore = ["MB501"]\nwcag = "AAA"\nmax-title-words = 3\n', encoding="utf-8")
    path = write_case(tmp_path, {"lint": {"wcag": "AA"}})
    config = load_config(designer.load(path))
    assert config.ignore == ("MB501",) and config.wcag == "AA" and config.max_title_words == 3
    found = lint(designer.load(write_case(tmp_path, {"badges": [{"icon": "caduceus"}]})))
    assert "MB501" not in {v.code for v in found}  # the pyproject's ignore applies


def test_pyproject_bad_key_points_at_the_table(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n\n[tool.medbadge.lint]\nselekt = ["MB1"]\n',
                                             encoding="utf-8")
    with pytest.raises(MedbadgeError) as caught:
        load_config(designer.load(write_case(tmp_path, {})))
    assert caught.value.location.path.endswith("pyproject.toml")
    assert caught.value.location.line == 5


def test_suppression_of_unknown_badge_is_an_error(tmp_path):
    path = write_case(tmp_path, {"lint": {"suppress": [{"code": "MB502", "badge": "dmeo", "reason": "licensed"}]}})
    with pytest.raises(MedbadgeError) as caught:
        load_config(designer.load(path))
    assert "did you mean 'demo'" in str(caught.value)


def test_page_backgrounds_and_tier_lightness_are_checked(tmp_path):
    import designer
    from designer.base.errors import MedbadgeError
    from designer.lint import load_config
    from tests.lint.conftest import write_case

    good = designer.load(write_case(tmp_path, {"lint": {"page_backgrounds": ["#000000"], "tier_lightness": "falling"}}))
    config = load_config(good)
    assert config.page_backgrounds == ("#000000",) and config.tier_lightness == "falling"
    for bad in ({"page_backgrounds": ["not a colour"]}, {"page_backgrounds": ["#00000080"]},
                {"tier_lightness": "up"}, {"min_gap_px": -1}):
        with pytest.raises(MedbadgeError) as caught:
            load_config(designer.load(write_case(tmp_path, {"lint": bad}, name="bad.yaml")))
        assert caught.value.location is not None and caught.value.location.line
