"""Packages that import their public names on first use (PEP 562), so a command starts fast.

``medbadge --help`` must not pay for CairoSVG, HarfBuzz, ColorAide or pydantic; a package's
``__init__`` therefore names where each export lives instead of importing it::

    __getattr__, __dir__ = lazy_exports(__name__, {"build": "designer.assetset.runner"})
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Mapping


def lazy_exports(package: str, exports: Mapping[str, str]) -> tuple[Callable[[str], object], Callable[[], list]]:
    """``__getattr__`` and ``__dir__`` for ``package``: ``exports`` maps a public name to its module."""

    def __getattr__(name: str) -> object:
        module = exports.get(name)
        if module is None:
            raise AttributeError(f"module '{package}' has no attribute '{name}'")
        value = getattr(importlib.import_module(module), name)
        setattr(sys.modules[package], name, value)  # later look-ups skip this function
        return value

    def __dir__() -> list:
        return sorted(set(exports) | set(vars(sys.modules[package])))

    return __getattr__, __dir__
