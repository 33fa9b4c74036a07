"""The mask measures the geometry rules share (designer.lint.layers): gap_px and dilate against
brute force on random masks (hypothesis), so a fast path can never change a finding."""

from __future__ import annotations

import math

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from designer.lint.layers import dilate, gap_px


def masks(size: int = 24):
    return st.lists(st.tuples(st.integers(0, size - 1), st.integers(0, size - 1)), min_size=1, max_size=12).map(
        lambda points: _mask(points, size))


def _mask(points, size):
    mask = np.zeros((size, size), bool)
    for row, col in points:
        mask[row, col] = True
    return mask


def brute_gap(a, b, within: float) -> float | None:
    pa, pb = np.argwhere(a), np.argwhere(b)
    best = min(math.dist(p, q) for p in pa for q in pb)
    clear = max(0.0, best - 1)
    return clear if clear < within else None


@settings(max_examples=300, deadline=None)
@given(masks(), masks(), st.sampled_from([0.5, 1.0, 3.0, 6.25, 9.4, 40.0]))
def test_gap_px_equals_brute_force(a, b, within):
    expected = brute_gap(a, b, within)
    found = gap_px(a, b, within)
    if expected is None:
        assert found is None
    else:
        assert found is not None and abs(found - expected) < 1e-9


@settings(max_examples=200, deadline=None)
@given(masks(12), st.integers(0, 30))
def test_dilate_is_the_disc_and_survives_a_radius_past_the_edge(mask, radius):
    grown = dilate(mask, radius)
    rows, cols = np.indices(mask.shape)
    expected = np.zeros_like(mask)
    for r, c in np.argwhere(mask):
        expected |= (rows - r) ** 2 + (cols - c) ** 2 <= radius * radius
    assert (grown == expected).all()
