"""The version lives in one place, the pre-commit snippet names the tag of that version, and the
user docs say how to install a package that is not on PyPI (and carry no internal notes)."""

from __future__ import annotations

import re
import shutil
import subprocess
import tomllib
from importlib.metadata import version

import designer
from tests.conftest import ROOT

VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]


def test_the_version_is_written_once_in_pyproject():
    assert designer.__version__ == VERSION == version("medbadge")
    source = (ROOT / "designer" / "__init__.py").read_text(encoding="utf-8")
    assert VERSION not in source and not re.search(r"__version__\s*=\s*['\"]", source)


def test_the_changelog_starts_with_this_version():
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert re.findall(r"^## (\S+)", changelog, flags=re.M)[0] == VERSION


def test_pre_commit_snippets_use_the_tag_of_this_version():
    for path in ("docs/lint.md", ".pre-commit-hooks.yaml"):
        revs = re.findall(r"rev: (\S+)", (ROOT / path).read_text(encoding="utf-8"))
        assert revs and set(revs) == {f"v{VERSION}"}, path
    if shutil.which("git") and (ROOT / ".git").exists():
        tags = subprocess.run(["git", "tag", "--list"], cwd=ROOT, capture_output=True, text=True).stdout.split()
        if tags:  # a clone without tags (a CI checkout of one commit) cannot tell
            assert f"v{VERSION}" in tags


def test_install_instructions_do_not_promise_pypi():
    for path in ("README.md", "docs/lint.md", "docs/studio.md"):
        text = (ROOT / path).read_text(encoding="utf-8")
        # "pip install medbadge" (from PyPI), not "pip install 'medbadge @ git+https://...'"
        assert not re.search(r"pip install ['\"]?medbadge(\[\w+\])?['\"]?(?!\s*@)(\s|$)", text), path
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "git clone https://github.com/medbadge/medbadge" in readme
    assert f"git+https://github.com/medbadge/medbadge@v{VERSION}" in readme


def test_user_docs_carry_no_internal_notes():
    for path in ("docs/lint.md", "docs/studio.md", "docs/build.md", "README.md", "CHANGELOG.md"):
        text = (ROOT / path).read_text(encoding="utf-8")
        assert not re.search(r"\bissues? #?\d+\b", text, flags=re.I), path
        assert not re.search(r"\bcommit [0-9a-f]{7,40}\b", text), path
