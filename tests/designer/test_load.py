"""Badge set loading: every problem reported as path:line:col with a did-you-mean; exit 2."""

from __future__ import annotations

import pytest

import designer
from designer.cli import main
from designer.base.errors import BadgeSetError, MedbadgeError
from tests.conftest import EXAMPLE

GOOD = EXAMPLE.read_text(encoding="utf-8")


def write(tmp_path, text: str):
    path = tmp_path / "badges.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


def problems(path) -> list[MedbadgeError]:
    with pytest.raises(MedbadgeError) as caught:
        designer.load(path)
    error = caught.value
    return error.problems if isinstance(error, BadgeSetError) else [error]


def test_example_loads_with_sixteen_badges_in_four_tiers(example_set, example_designs):
    assert len(example_set.model.badges) >= 12
    assert len(example_designs) == 4 * len(example_set.model.badges)
    assert {d.tier_id for d in example_designs} == {"foundation", "proficient", "advanced", "distinguished"}


@pytest.mark.parametrize(
    ("old", "new", "kind", "hint"),
    [
        ("icon: stethoscope", "icon: stethoscop", "unknown icon 'stethoscop'", "stethoscope"),
        ("template: hexagon", "template: hexagn", "unknown template 'hexagn'", "hexagon"),
        ("palette: harbour", "palette: harbor", "unknown palette 'harbor'", "harbour"),
        ("tiers: four-metals", "tiers: four-metal", "unknown tier scheme 'four-metal'", "four-metals"),
    ],
)
def test_unknown_names_get_place_and_did_you_mean(tmp_path, old, new, kind, hint):
    text = GOOD.replace(old, new, 1)
    path = write(tmp_path, text)
    found = problems(path)
    assert len(found) == 1
    error = found[0]
    assert error.message == kind
    assert hint in error.hint
    assert error.location.line == line_of(text, new)
    assert error.location.column == text.splitlines()[error.location.line - 1].index(new.split(": ")[1]) + 1


def test_unknown_role_and_tier_in_a_badge(tmp_path):
    text = GOOD.replace("    icon: globe-health\n",
                        "    icon: globe-health\n    tiers: [foundation, advance]\n    roles: {primay: white}\n")
    found = problems(write(tmp_path, text))
    messages = {e.message: e for e in found}
    assert "unknown tier 'advance'" in messages and "advanced" in messages["unknown tier 'advance'"].hint
    assert "unknown role 'primay'" in messages and "primary" in messages["unknown role 'primay'"].hint
    assert all(e.location.line == line_of(text, "primay") or e.location.line == line_of(text, "advance]")
               for e in found)


def test_unreadable_colour_is_named(tmp_path):
    text = GOOD.replace("  font: Atkinson", "  roles: {accent: '#12345z'}\n  font: Atkinson", 1)
    found = problems(write(tmp_path, text))
    assert found[0].message == "'#12345z' is not a valid hex colour"  # not "unknown colour": it is meant as hex
    assert found[0].location.line == line_of(text, "#12345z")


def test_schema_errors_all_reported_with_places(tmp_path):
    text = GOOD.replace("id: history-taking", "id: History Taking", 1).replace("    icon: brain\n", "    icn: brain\n")
    found = problems(write(tmp_path, text))
    by_line = {e.location.line: e for e in found}
    slug = by_line[line_of(text, "id: History Taking")]
    assert "lower-case words joined by hyphens" in slug.message
    extra = by_line[line_of(text, "icn: brain")]
    assert extra.message == "unknown key 'icn'" and "icon" in extra.hint
    assert any(e.message.startswith("missing required key 'icon'") for e in found)


def test_yaml_syntax_error_has_line_and_column(tmp_path):
    text = GOOD.replace("  name: Northfield School of Medicine", "  name: [Northfield", 1)
    (error,) = problems(write(tmp_path, text))
    assert error.message.startswith("YAML syntax error")
    assert error.location.line >= line_of(text, "[Northfield")


def test_duplicate_ids_missing_file_and_not_utf8(tmp_path):
    text = GOOD.replace("id: global-health", "id: psychiatry")
    assert "used twice" in problems(write(tmp_path, text))[0].message
    assert problems(tmp_path / "missing.yaml")[0].message == "no such file"
    bad = tmp_path / "latin1.yaml"
    bad.write_bytes("title: Pädiatrie".encode("latin-1"))
    assert problems(bad)[0].message.startswith("not UTF-8")


def test_cli_reports_broken_file_with_exit_2_and_no_traceback(tmp_path, capsys):
    path = write(tmp_path, GOOD.replace("icon: stethoscope", "icon: stethoscop", 1))
    code = main(["render", str(path), "--badge", "physical-examination", "-o", str(tmp_path / "out.svg")])
    err = capsys.readouterr().err
    assert code == 2
    assert "Traceback" not in err
    assert f":{line_of(path.read_text(), 'stethoscop')}:" in err and "did you mean" in err
    assert not (tmp_path / "out.svg").exists()


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("tiers: four-metals", "tiers: []", "tiers: must have at least 1 item(s)"),
        ("  font: Atkinson", "  issuer_mark: NORTHFIELD-SCHOOL\n  font: Atkinson", "brand.issuer_mark: must be at most 12 characters"),
        ("defaults:\n  template: seal", "defaults: seal", "defaults: must be a mapping"),
    ],
)
def test_schema_errors_speak_yaml_not_pydantic(tmp_path, old, new, expected):
    text = GOOD.replace(old, new, 1)
    (error,) = problems(write(tmp_path, text))
    assert error.message.startswith(expected)
    assert error.location.line == line_of(text, new.splitlines()[0])


def test_missing_search_folder_is_named_at_its_place(tmp_path):
    text = GOOD.replace("defaults:", "paths:\n  icons: [brand-icons]\ndefaults:", 1)
    (error,) = problems(write(tmp_path, text))
    assert error.message == "icons folder 'brand-icons' does not exist"
    assert error.location.line == line_of(text, "icons: [brand-icons]")
