"""Helpers for the lint tests: build a badge set from base.yaml plus a patch, and lint it."""

from __future__ import annotations

import copy
import importlib
import dataclasses
from pathlib import Path

import pytest
from ruamel.yaml import YAML

import designer
from designer.lint import lint

FIXTURES = Path(__file__).parent / "fixtures"
EXAMPLE = Path(__file__).parents[2] / "examples" / "medical-school" / "badges.yaml"


def read_yaml(path: Path):
    return YAML(typ="safe").load(path.read_text(encoding="utf-8"))


def deep_merge(base, patch):
    """``patch`` over ``base``: mappings merge, lists of mappings merge item by item when the base
    has a list of mappings (the ``badges`` list), other values replace."""
    if isinstance(base, dict) and isinstance(patch, dict):
        out = dict(base)
        for key, value in patch.items():
            out[key] = deep_merge(base[key], value) if key in base else value
        return out
    if (isinstance(base, list) and isinstance(patch, list) and base and all(isinstance(x, dict) for x in base)
            and all(isinstance(x, dict) for x in patch) and "id" not in (patch[0] if patch else {})):
        return [deep_merge(b, p) for b, p in zip(base, patch)] + base[len(patch):]
    return copy.deepcopy(patch)


def write_case(tmp_path: Path, patch: dict, name: str = "case.yaml") -> Path:
    data = deep_merge(read_yaml(FIXTURES / "base.yaml"), {k: v for k, v in patch.items() if k != "svg"})
    data["badges"] = [{k: v for k, v in b.items() if v is not None} for b in data["badges"]]
    for kind, folders in data.get("paths", {}).items():  # "FIXTURES/icons" is this folder's icons
        data["paths"][kind] = [str(folder).replace("FIXTURES", str(FIXTURES)) for folder in folders]
    path = tmp_path / name
    yaml = YAML()
    with path.open("w", encoding="utf-8") as handle:
        yaml.dump(data, handle)
    return path


def lint_case(tmp_path: Path, patch: dict, monkeypatch=None) -> list:
    """Lint base.yaml patched with ``patch``; a ``svg: [old, new]`` entry edits each composed master."""
    if "svg" in patch:
        old, new = patch["svg"]
        module = importlib.import_module("designer.compose")
        real = module.compose

        def patched(design, size=None):  # the master and each size variant
            artwork = real(design, size)
            return dataclasses.replace(artwork, svg=artwork.svg.replace(old.encode(), new.encode(), 1))
        monkeypatch.setattr(module, "compose", patched)
    return lint(designer.load(write_case(tmp_path, patch)))


@pytest.fixture(scope="session")
def cases() -> dict:
    return read_yaml(FIXTURES / "cases.yaml")
