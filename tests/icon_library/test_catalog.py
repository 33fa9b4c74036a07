"""The built-in catalog and the icon files agree, and every entry is valid."""

from __future__ import annotations

import tomllib

import pytest

from designer import icon_library
from designer.base.errors import MedbadgeError
from designer.icon_library.catalog import parse_catalog
from designer.icon_library.loader import builtin_source
from designer.icon_library.model import CATEGORIES, EMBLEMS

from .conftest import BUILTIN_NAMES, CATALOG_DIR, ICONS_DIR


def catalog_names() -> list[str]:
    names = []
    for path in sorted(CATALOG_DIR.glob("*.toml")):
        names.extend(tomllib.loads(path.read_text("utf-8")))
    return names


def test_the_library_has_its_icons():
    assert len(BUILTIN_NAMES) >= 50


def test_every_catalog_entry_has_a_file():
    missing = [name for name in catalog_names() if not (ICONS_DIR / f"{name}.svg").is_file()]
    assert missing == []


def test_every_file_has_a_catalog_entry():
    listed = set(catalog_names())
    assert [name for name in BUILTIN_NAMES if name not in listed] == []


def test_no_icon_is_listed_twice():
    names = catalog_names()
    assert len(names) == len(set(names))


@pytest.mark.parametrize("path", sorted(CATALOG_DIR.glob("*.toml")), ids=lambda p: p.name)
def test_catalog_file_validates(path):
    entries = parse_catalog(path.read_text("utf-8"), path.name)
    for entry in entries.values():
        assert entry.title and entry.licence
        assert entry.categories and set(entry.categories) <= set(CATEGORIES)
        assert entry.emblem is None or entry.emblem in EMBLEMS


def test_loader_sees_exactly_the_files():
    assert icon_library.names() == BUILTIN_NAMES
    assert sorted(builtin_source().entries) == BUILTIN_NAMES


@pytest.mark.parametrize("emblem", sorted(EMBLEMS))
def test_each_emblem_icon_declares_its_emblem(emblem):
    assert icon_library.get(emblem).emblem == emblem


def test_generic_health_cross_is_not_an_emblem():
    assert icon_library.get("health-cross").emblem is None


@pytest.mark.parametrize("text, problem", [
    ('[Bad_Name]\ntitle="x"\ncategories=["symbol"]\nlicence="MIT"\n', "name"),
    ('[x]\ntitle="x"\ncategories=["medecine"]\nlicence="MIT"\n', "category"),
    ('[x]\ntitle="x"\ncategories=["symbol"]\n', "licence"),
    ('[x]\ntitle="x"\ncategories=["symbol"]\nlicence="MIT"\nemblem="red-star"\n', "emblem"),
    ('[x]\ntitle="x"\ncategories=["symbol"]\nlicence="MIT"\nkeyword=["a"]\n', "key"),
    ('[x]\ntitle="x"\ncategories="symbol"\nlicence="MIT"\n', "type"),
    ('[x\n', "toml"),
])
def test_invalid_catalog_entries_are_errors_with_a_place(text, problem):
    with pytest.raises(MedbadgeError) as caught:
        parse_catalog("# header\n" + text, "user.toml")
    assert caught.value.location is not None and caught.value.location.path == "user.toml"
    assert caught.value.exit_code == 2


def test_catalog_error_points_at_the_table_line():
    text = '[ok]\ntitle="x"\ncategories=["symbol"]\nlicence="MIT"\n\n[bad]\ntitle="x"\ncategories=["nope"]\nlicence="MIT"\n'
    with pytest.raises(MedbadgeError) as caught:
        parse_catalog(text, "user.toml")
    assert caught.value.location.line == 6
