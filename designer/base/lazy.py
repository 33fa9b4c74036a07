"""Packages that import their public names on first use (PEP 562), so a command starts fast.

``medbadge --help`` must not pay for CairoSVG, HarfBuzz, ColorAide or pydantic; a package's
``__init__`` therefore names where each export lives instead of importing it::

    __getattr__, __dir__ = lazy_exports(__name__, {"build": "designer.assetset.runner"})
"""

from __future__ import annotations

import importlib
import sys
import types
from collections.abc import Callable, Mapping


class _LazyPackage(types.ModuleType):
    """Keeps an exported function when a submodule of the same name is imported.

    ``designer.compose`` is a function and ``designer.compose`` a package; when the package is
    first imported, the import system binds it on its parent, which would hide the function."""

    def __setattr__(self, name: str, value: object) -> None:
        if isinstance(value, types.ModuleType) and name in self.__dict__.get("_lazy_exports", ()):
            return
        super().__setattr__(name, value)


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

    module = sys.modules[package]
    module._lazy_exports = frozenset(exports)
    module.__class__ = _LazyPackage
    return __getattr__, __dir__
