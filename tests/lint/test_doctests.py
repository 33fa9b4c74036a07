"""The examples in the linter's docstrings run and hold (rules, formats and helpers alike)."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

PACKAGE = importlib.import_module("designer.lint")  # `designer.lint` the attribute is the lint function
MODULES = sorted(m.name for m in pkgutil.walk_packages(PACKAGE.__path__, "designer.lint."))


@pytest.mark.parametrize("module_name", MODULES)
def test_docstring_examples(module_name):
    result = doctest.testmod(importlib.import_module(module_name), optionflags=doctest.ELLIPSIS)
    assert result.failed == 0
