"""The loader API: get, names, all_icons, search, user search paths, caching, errors."""

from __future__ import annotations

import dataclasses
import os

import pytest

from designer import icon_library
from designer.base.errors import MedbadgeError, UnsafeSVGError
from designer.icon_library import Icon

from .conftest import grid_svg

DOT = '<circle cx="12" cy="12" r="9"/>'


def test_get_returns_the_parts_the_engine_needs():
    icon = icon_library.get("stethoscope")
    assert isinstance(icon, Icon)
    assert icon.view_box == (0.0, 0.0, 24.0, 24.0)
    assert icon.root_attributes == icon_library.STANDARD_ROOT_ATTRIBUTES
    assert isinstance(icon.root_attributes, dict)
    assert icon.body.startswith("<") and "xmlns" not in icon.body and "ns0:" not in icon.body
    assert icon.title and icon.licence and icon.categories and icon.builtin
    assert icon.path.name == "stethoscope.svg"


def test_icons_are_frozen_hashable_values():
    icon = icon_library.get("lungs")
    assert icon == icon_library.get("lungs")
    assert hash(icon) == hash(icon_library.get("lungs"))
    with pytest.raises(dataclasses.FrozenInstanceError):
        icon.name = "other"  # type: ignore[misc]
    icon.root_attributes["fill"] = "red"  # a copy: the icon is unchanged
    assert icon.root_attributes["fill"] == "none"


def test_unknown_icon_is_a_medbadge_error_with_a_suggestion():
    with pytest.raises(MedbadgeError) as caught:
        icon_library.get("stethoscop")
    assert caught.value.exit_code == 2
    assert "'stethoscope'" in caught.value.hint


def test_names_and_all_icons_agree():
    assert [icon.name for icon in icon_library.all_icons()] == icon_library.names()


@pytest.mark.parametrize("query, expected", [
    ("pediatrics", "child"),
    ("paediatrics", "child"),
    ("respiratory", "lungs"),
    ("stethoscope", "stethoscope"),
    ("medicine symbol", "rod-of-asclepius"),
    ("handover", "hand-off"),
    ("kidneys", "kidney"),
])
def test_search_finds_the_obvious_icon_first(query, expected):
    assert icon_library.search(query)[0].name == expected


def test_search_requires_every_word():
    assert icon_library.search("lungs zzzzqqq") == []


def test_search_by_category():
    anatomy = icon_library.search(category="anatomy")
    assert anatomy and all("anatomy" in icon.categories for icon in anatomy)
    assert [i.name for i in anatomy] == sorted(i.name for i in anatomy)
    assert {i.name for i in icon_library.search("heart", category="anatomy")} <= {i.name for i in anatomy}


def test_unknown_category_is_an_error():
    with pytest.raises(MedbadgeError):
        icon_library.search(category="anatomie")


def test_user_folder_icon_with_catalog(user_icons):
    (user_icons / "brand-mark.svg").write_text(grid_svg(DOT))
    (user_icons / "brand.toml").write_text(
        '[brand-mark]\ntitle = "Brand mark"\ncategories = ["symbol"]\nkeywords = ["logo"]\nlicence = "proprietary"\n')
    icon = icon_library.get("brand-mark", search_paths=[user_icons])
    assert (icon.title, icon.licence, icon.builtin) == ("Brand mark", "proprietary", False)
    assert "brand-mark" in icon_library.names(search_paths=[str(user_icons)])
    assert icon_library.search("logo", search_paths=[user_icons])[0].name == "brand-mark"
    with pytest.raises(MedbadgeError):
        icon_library.get("brand-mark")  # not without its search path


def test_user_svg_without_catalog_entry_is_usable(user_icons):
    (user_icons / "plain-ring.svg").write_text(grid_svg(DOT))
    icon = icon_library.get("plain-ring", search_paths=[user_icons])
    assert icon.title == "Plain ring" and icon.licence == "unspecified"


def test_builtin_wins_over_a_user_icon_of_the_same_name(user_icons):
    (user_icons / "lungs.svg").write_text(grid_svg(DOT))
    assert icon_library.get("lungs", search_paths=[user_icons]).builtin


def test_catalog_entry_without_file_is_a_clear_error(user_icons):
    (user_icons / "c.toml").write_text('[ghost]\ntitle = "Ghost"\ncategories = ["symbol"]\nlicence = "MIT"\n')
    with pytest.raises(MedbadgeError) as caught:
        icon_library.get("ghost", search_paths=[user_icons])
    assert caught.value.location.path.endswith("c.toml")


def test_missing_folder_is_an_error(tmp_path):
    with pytest.raises(MedbadgeError):
        icon_library.names(search_paths=[tmp_path / "nowhere"])


def test_user_icons_are_sanitized_on_load(user_icons):
    (user_icons / "evil.svg").write_text(grid_svg(DOT + "<script>alert(1)</script>"))
    with pytest.raises(UnsafeSVGError) as caught:
        icon_library.get("evil", search_paths=[user_icons])
    assert caught.value.reason == "script"


def test_user_icon_colours_are_kept_and_visible_to_checks(user_icons):
    (user_icons / "red.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 48 48">'
                                        '<title>x</title><rect x="4" y="4" width="40" height="40" style="fill:#c00"/></svg>')
    icon = icon_library.get("red", search_paths=[user_icons])
    assert icon.view_box == (0, 0, 48, 48)
    assert icon.root_attributes["fill"] == "black"  # the SVG default, written out so inlining keeps it
    assert '<rect x="4" y="4" width="40" height="40" fill="#c00"/>' == icon.body


def test_changed_user_file_is_reread(user_icons):
    path = user_icons / "ring.svg"
    path.write_text(grid_svg(DOT))
    first = icon_library.get("ring", search_paths=[user_icons])
    path.write_text(grid_svg('<circle cx="12" cy="12" r="5"/>'))
    os.utime(path, ns=(first_stamp := path.stat().st_mtime_ns + 10**9, first_stamp))
    assert icon_library.get("ring", search_paths=[user_icons]).body != first.body


def test_loading_is_cached():
    first = icon_library.get("brain")
    assert icon_library.get("brain") is first


def test_a_single_path_is_one_folder(user_icons):
    (user_icons / "solo.svg").write_text(grid_svg(DOT))
    assert icon_library.get("solo", search_paths=str(user_icons)).name == "solo"
