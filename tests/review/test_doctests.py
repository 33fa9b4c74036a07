"""The examples in the docstrings of designer.review and designer.share run and hold."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

from designer import review, share

MODULES = sorted(m.name for package in (review, share) for m in pkgutil.iter_modules(package.__path__,
                                                                                     package.__name__ + "."))


@pytest.mark.parametrize("module_name", MODULES)
def test_docstring_examples(module_name):
    result = doctest.testmod(importlib.import_module(module_name), optionflags=doctest.ELLIPSIS)
    assert result.failed == 0


def test_modules_are_found():
    assert "designer.review.changes" in MODULES and "designer.share.pages" in MODULES
