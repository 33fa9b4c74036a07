"""The examples in the icon library's docstrings run and hold."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

from designer import icon_library

MODULES = sorted(m.name for m in pkgutil.iter_modules(icon_library.__path__, "designer.icon_library."))


@pytest.mark.parametrize("module_name", MODULES)
def test_docstring_examples(module_name):
    result = doctest.testmod(importlib.import_module(module_name), optionflags=doctest.ELLIPSIS)
    assert result.failed == 0
