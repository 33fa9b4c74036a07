"""Where the bundled example badge sets are: the checkout's ``examples/`` folder, or the
``medbadge_examples`` package when medbadge is installed from a wheel."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from designer.errors import MedbadgeError


def example_path(name: str = "medical-school") -> Path:
    """The ``badges.yaml`` of the bundled example ``name``."""
    checkout = Path(__file__).resolve().parent.parent / "examples" / name / "badges.yaml"
    if checkout.is_file():
        return checkout
    try:
        installed = Path(str(resources.files("medbadge_examples") / name / "badges.yaml"))
    except ModuleNotFoundError:
        installed = None
    if installed is not None and installed.is_file():
        return installed
    raise MedbadgeError(f"the bundled example '{name}' is not installed",
                        hint="reinstall medbadge, or pass a badges.yaml")
