"""The icons drawn for the frameworks: at least 90 in the library, each new one catalogued with
keywords, and a picture of each framework's starter set in the docs."""

from __future__ import annotations

import tomllib

from designer import frameworks, icon_library
from tests.conftest import ROOT

CATALOG = ROOT / "icon_library" / "catalog" / "frameworks.toml"


def test_the_library_has_at_least_90_icons_and_reads_every_catalog_file():
    names = icon_library.names()
    assert len(names) >= 90
    for name in tomllib.loads(CATALOG.read_text("utf-8")):
        assert name in names
        assert icon_library.entry_for(name).source.endswith("catalog/frameworks.toml")


def test_every_framework_icon_has_keywords_a_licence_and_a_note():
    for name, entry in tomllib.loads(CATALOG.read_text("utf-8")).items():
        assert len(entry["keywords"]) >= 5, name
        assert entry["licence"] == "MIT" and entry["notes"].strip(), name
        assert "emblem" not in entry, name  # original drawings: no protected emblem among them


def test_each_built_in_framework_has_its_picture_in_the_docs():
    page = (ROOT / "docs" / "init.md").read_text("utf-8")
    for name in frameworks.names():
        picture = ROOT / "docs" / "img" / f"init-{name}.png"
        assert picture.is_file() and picture.stat().st_size < 200_000, picture
        assert f"img/init-{name}.png" in page
