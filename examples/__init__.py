"""The bundled example badge sets, installed as the package ``designer.examples``.

The studio opens the medical school example when it is started without a file; the tests and the
docs build it. Data is found through :mod:`importlib.resources`, so a wheel install works like a
checkout.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from designer.base.errors import MedbadgeError


def example_path(name: str = "medical-school") -> Path:
    """The ``badges.yaml`` of the bundled example ``name``."""
    path = Path(str(resources.files(__name__) / name / "badges.yaml"))
    if not path.is_file():
        raise MedbadgeError(f"the bundled example '{name}' is not installed",
                            hint="reinstall medbadge, or pass a badges.yaml")
    return path
