"""The examples in the starter modules' docstrings run."""

from __future__ import annotations

import doctest
import importlib

import pytest


@pytest.mark.parametrize("name", ["designer.starter.icons", "designer.starter.create", "designer.starter.badgeset_text",
                                  "designer.frameworks"])
def test_docstring_examples(name):
    result = doctest.testmod(importlib.import_module(name))
    assert result.failed == 0 and result.attempted > 0
