"""The wheel's package list is explicit (examples ship under another name): keep it complete."""

from __future__ import annotations

import tomllib

from tests.conftest import ROOT


def test_every_package_folder_is_listed_in_pyproject():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    listed = set(config["packages"])
    found = set()
    for top in ("designer", "icon_library", "palettes", "templates"):
        for init in (ROOT / top).rglob("__init__.py"):
            found.add(".".join(init.parent.relative_to(ROOT).parts))
    assert found - listed == set(), "add these to [tool.setuptools] packages"
    assert config["package-dir"]["medbadge_examples"] == "examples"
    # folders with Python modules but no __init__.py would be left out of the wheel silently
    for top in ("designer", "icon_library", "palettes", "templates"):
        for module in (ROOT / top).rglob("*.py"):
            assert (module.parent / "__init__.py").exists(), module


def test_every_package_imports_first_in_a_fresh_interpreter():
    """No import cycles: each package can be the first thing a program imports."""
    import subprocess
    import sys

    for name in ("palettes", "templates", "icon_library", "designer", "designer.lint", "designer.assetset",
                 "designer.openbadges", "designer.cli", "palettes.derive"):
        done = subprocess.run([sys.executable, "-c", f"import {name}"], cwd=ROOT, capture_output=True, text=True)
        assert done.returncode == 0, (name, done.stderr[-500:])
