"""The layers of docs/architecture.md, enforced by import-linter over the layout a wheel installs;
user-facing text that cites only the repository; every rule file in the registry."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

DATA_FOLDERS = ("icon_library", "palettes", "templates", "examples", "frameworks")


@pytest.fixture(scope="module")
def installed_layout(tmp_path_factory) -> Path:
    """``designer/`` with the data folders inside it, as ``pip install .`` lays it out (import-linter
    reads packages from the file system; in a checkout the data folders sit beside ``designer/``)."""
    root = tmp_path_factory.mktemp("layout")
    ignore = shutil.ignore_patterns("__pycache__")
    shutil.copytree(ROOT / "designer", root / "designer", ignore=ignore)
    for folder in DATA_FOLDERS:
        shutil.copytree(ROOT / folder, root / "designer" / folder, ignore=ignore)
    return root


def _lint_imports(root: Path) -> subprocess.CompletedProcess:
    lint_imports = Path(sys.executable).parent / "lint-imports"
    return subprocess.run([str(lint_imports), "--no-cache", str(ROOT / "pyproject.toml")], cwd=root,
                          capture_output=True, text=True, env={"PYTHONPATH": str(root), "PATH": "/usr/bin:/bin"})


def test_every_import_contract_is_kept(installed_layout):
    done = _lint_imports(installed_layout)
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]
    assert done.stdout.count(" KEPT") == 4 and "BROKEN" not in done.stdout


@pytest.mark.parametrize("module, imports", [
    ("designer/base/probe.py", "from designer.lint import lint"),  # the leaf imports a service
    ("icon_library/probe.py", "from designer.compose import compose"),  # data imports the engine
    ("designer/lint/rules/mb999_probe.py", "from designer.lint.rules import mb101_text_contrast"),  # rule → rule
    ("designer/compose/probe.py", "import palettes"),  # a generic top-level name
])
def test_a_broken_contract_is_caught(installed_layout, tmp_path, module, imports):
    root = tmp_path / "broken"
    shutil.copytree(installed_layout, root)
    target = root / "designer" / module if module.startswith(DATA_FOLDERS) else root / module
    target.write_text(imports + "\n")
    done = _lint_imports(root)
    assert done.returncode != 0 and "BROKEN" in done.stdout, done.stdout[-2000:]


def test_user_facing_text_cites_only_what_the_repository_holds():
    """Docs, docstrings (--explain, SARIF help) and catalogs cite specifications, not files outside."""
    outside = re.compile(r"FACTS\.md|DESIGN\.md|STYLE\.md|reference/FACTS|\.\./shared")
    offenders = []
    for top in ("designer", *DATA_FOLDERS, "docs"):
        for path in (ROOT / top).rglob("*"):
            if path.suffix in (".py", ".md", ".toml", ".j2", ".yaml") and outside.search(path.read_text("utf-8")):
                offenders.append(str(path.relative_to(ROOT)))
    if outside.search((ROOT / "README.md").read_text("utf-8")):
        offenders.append("README.md")
    assert offenders == []


def test_every_rule_file_is_in_the_registry():
    from designer.lint.registry import rules

    on_disk = {p.stem for p in (ROOT / "designer" / "lint" / "rules").glob("mb*.py")}
    registered = {rule.__name__.rsplit(".", 1)[1] for rule in rules()}
    assert on_disk == registered
