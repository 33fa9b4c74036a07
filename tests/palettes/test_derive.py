"""``palettes.derive`` and ``medbadge palettes derive``: derived palettes pass the lint, impossible
targets fail with the shortfall, the CLI's exit codes and its no-clobber writing."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

import designer  # noqa: F401
from designer import palettes
from designer.cli import main
from designer.base.color import Color, contrast_ratio
from designer.lint.derived_palette import lint_derived
from designer.palettes.derive import METALS, VIEWS, DerivationError, derive

KEYS = {
    "dark teal": "#0b5563",
    "maroon": "#800000",
    "light yellow": "#f5e663",
    "mid grey": "#808080",
    "saturated green": "#00a651",
}


@pytest.fixture(scope="module")
def derived() -> dict:
    return {label: derive([Color.parse(key)], name=label.replace(" ", "-")) for label, key in KEYS.items()}


@pytest.mark.parametrize("label", KEYS)
def test_derived_palette_passes_contrast_and_tier_rules(derived, label):
    result = derived[label]
    assert [m.what for m in result.measures if not m.ok] == []
    assert lint_derived(result) == []  # composed with every template, all four tiers, MB1xx + MB301-303


@pytest.mark.parametrize("label", KEYS)
def test_derived_palette_is_a_loadable_palette_for_four_metals(derived, label, tmp_path):
    result = derived[label]
    (tmp_path / f"{result.name}.toml").write_text(result.to_toml(), encoding="utf-8")
    palette = palettes.get(result.name, [tmp_path])
    assert set(palettes.ALL_ROLES) - set(palettes.COMPUTED_ROLES) <= set(palette.roles)  # resolve computes the rest
    assert palette.role("primary") == Color.parse(KEYS[label])
    scheme = palettes.tier_schemes()["four-metals"]
    for tier in scheme.tiers:  # every colour the scheme names resolves in the derived palette
        for ref in tier.roles.values():
            palette.color(ref)
    assert set(METALS) | {f"{m}-deep" for m in METALS} <= set(palette.colors)


def test_light_key_forces_dark_text(derived):
    light = derived["light yellow"]
    assert light.roles["on-primary"] == "ink"
    assert any("dark text forced" in note for note in light.notes)
    assert derived["dark teal"].roles["on-primary"] == "white" and not derived["dark teal"].notes


def test_second_key_becomes_the_accent():
    result = derive([Color.parse("#0b5563"), Color.parse("#f2d49b")])
    assert result.colors["accent"] == Color.parse("#f2d49b")


def test_aaa_targets_are_met():
    result = derive([Color.parse("#0b5563")], wcag="AAA")
    texts = [m for m in result.measures if m.kind == "text"]
    assert texts and all(m.needed == 7.0 and m.value >= 7.0 for m in texts)
    assert lint_derived(result) == []


def test_impossible_text_target_says_by_how_much():
    with pytest.raises(DerivationError) as failure:
        derive([Color.parse("#777777")], wcag="AAA")
    message = str(failure.value)
    assert "7:1" in message and "white gives 4.48:1 (short by 2.52)" in message and "black 4.69:1" in message


def test_impossible_tier_target_names_the_tier():
    with pytest.raises(DerivationError) as failure:
        derive([Color.parse("#f5e663")], wcag="AAA")
    message = str(failure.value)
    assert "no bronze carries its tier text at 7:1" in message and "(needs 3:1)" in message


def test_the_lint_check_is_real(derived):
    """A palette whose gold equals its silver must be caught by the tier rules, not just the derivation."""
    result = derived["dark teal"]
    colors = dict(result.colors, gold=result.colors["silver"])
    broken = dataclasses.replace(result, colors=colors)
    assert {"MB301", "MB302", "MB303"} <= {v.code for v in lint_derived(broken)}


def test_measures_use_the_lint_functions(derived):
    result = derived["maroon"]
    first = result.measures[0]
    assert first.value == contrast_ratio(result.colors["white"], result.colors["key"])
    tier = [m for m in result.measures if m.kind == "tier"]
    assert len(tier) == 6 * len(VIEWS)


def test_cli_preview_write_refuse_force(tmp_path, capsys):
    target = tmp_path / "brand.toml"
    assert main(["palettes", "derive", "--key", "#0b5563", "--name", "brand"]) == 0
    out = capsys.readouterr().out
    assert "bronze" in out and "ΔE2000" in out and not target.exists()
    assert main(["palettes", "derive", "--key", "#0b5563", "--name", "brand", "-o", str(target)]) == 0
    assert palettes.get("brand", [target]).role("primary") == Color.parse("#0b5563")
    target.write_text("# mine\n", encoding="utf-8")
    assert main(["palettes", "derive", "--key", "#0b5563", "-o", str(target)]) == 2
    assert "exists" in capsys.readouterr().err and target.read_text(encoding="utf-8") == "# mine\n"
    assert main(["palettes", "derive", "--key", "#0b5563", "--name", "brand", "-o", str(target), "--force"]) == 0
    assert "[roles]" in target.read_text(encoding="utf-8")
    assert [p.name for p in tmp_path.iterdir()] == ["brand.toml"]  # no temp files left


def test_cli_impossible_target_exits_1(tmp_path, capsys):
    target = tmp_path / "grey.toml"
    assert main(["palettes", "derive", "--key", "#777777", "--wcag", "AAA", "-o", str(target)]) == 1
    assert "short by" in capsys.readouterr().err and not target.exists()


@pytest.mark.parametrize("argv", [["--key", "not-a-colour"], ["--key", "#0b5563", "--wcag", "A"],
                                  ["--key", "#0b556380"], ["--key", "#0b5563", "--name", "My Brand"], []])
def test_cli_bad_input_exits_2(argv, capsys):
    assert main(["palettes", "derive", *argv]) == 2


def test_unreachable_tier_distance_says_by_how_much(monkeypatch):
    import designer.palettes.derive as derive_module

    monkeypatch.setattr(derive_module, "MIN_DELTA_E", 40.0)
    monkeypatch.setattr(derive_module, "COMFORTABLE_DELTA_E", 40.0)
    with pytest.raises(DerivationError) as failure:
        derive([Color.parse("#0b5563")])
    message = str(failure.value)
    assert "cannot be kept CIEDE2000 >= 40 apart in every view" in message and "short by" in message


def test_derive_into_an_unwritable_place_leaves_nothing(tmp_path, capsys):
    for target in (tmp_path / "missing" / "brand.toml", Path("/proc/medbadge-brand.toml")):
        assert main(["palettes", "derive", "--key", "#0b5563", "--name", "brand", "-o", str(target)]) == 2
        err = capsys.readouterr().err
        assert ("cannot write" in err or "does not exist" in err) and "Traceback" not in err, err
        assert not target.exists()
    assert not (tmp_path / "missing").exists()
