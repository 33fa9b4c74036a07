"""Shared test set-up: paths, the golden-file update flag, the example badge set."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "medical-school" / "badges.yaml"
GOLDEN = ROOT / "tests" / "golden"


def pytest_addoption(parser):
    parser.addoption("--update-goldens", action="store_true", default=False,
                     help="rewrite golden files from the current output (review the diff!)")


@pytest.fixture
def update_goldens(request) -> bool:
    return request.config.getoption("--update-goldens")


@pytest.fixture(scope="session")
def example_set():
    import designer

    return designer.load(EXAMPLE)


@pytest.fixture(scope="session")
def example_designs(example_set):
    import designer

    return designer.resolve(example_set)
