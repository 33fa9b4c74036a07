"""The wheel's package list is explicit (the data folders install inside ``designer``): keep it complete."""

from __future__ import annotations

import tomllib

from tests.conftest import ROOT

#: Repository folder → the package it installs as.
MAPPED = {"icon_library": "designer.icon_library", "palettes": "designer.palettes",
          "templates": "designer.templates", "examples": "designer.examples", "frameworks": "designer.frameworks"}


def _config() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]


def test_every_package_folder_is_listed_in_pyproject():
    config = _config()
    listed = set(config["packages"])
    found = {".".join(init.parent.relative_to(ROOT).parts) for init in (ROOT / "designer").rglob("__init__.py")}
    for folder, package in MAPPED.items():
        assert config["package-dir"][package] == folder
        found |= {".".join((package, *init.parent.relative_to(ROOT / folder).parts))
                  for init in (ROOT / folder).rglob("__init__.py")}
    assert found - listed == set(), "add these to [tool.setuptools] packages"
    assert listed - found == set(), "these listed packages have no folder"
    # folders with Python modules but no __init__.py would be left out of the wheel silently
    for top in ("designer", *MAPPED):
        for module in (ROOT / top).rglob("*.py"):
            assert (module.parent / "__init__.py").exists(), module


def test_the_wheel_adds_one_top_level_import_name():
    config = _config()
    assert {name.split(".")[0] for name in config["packages"]} == {"designer"}


def test_every_package_imports_first_in_a_fresh_interpreter():
    """No import cycles: each package can be the first thing a program imports."""
    import subprocess
    import sys

    for name in ("designer.palettes", "designer.templates", "designer.icon_library", "designer.examples",
                 "designer.base.errors", "designer", "designer.lint", "designer.assetset", "designer.openbadges",
                 "designer.cli", "designer.palettes.derive", "designer.resolve", "designer.compose"):
        done = subprocess.run([sys.executable, "-c", f"import {name}"], cwd=ROOT, capture_output=True, text=True)
        assert done.returncode == 0, (name, done.stderr[-500:])
