"""The fast text-coverage drawer behind MB103 matches CairoSVG, and falls back when it must."""

from __future__ import annotations

import numpy as np
import pytest

import designer
from designer.compose import compose
from designer.lint import context as lint_context
from designer.lint.textmask import UnsupportedPath, text_coverage
from tests.lint.conftest import EXAMPLE


def _cairosvg_coverage(svg: bytes, size: int) -> np.ndarray:
    root = lint_context._ROOT.search(svg).group(0)
    paths = b"".join(lint_context._FILL.sub(b' fill="#000000"', p) for p in lint_context._TEXT_PATH.findall(svg))
    return lint_context._cairosvg_pixels(root + paths + b"</svg>", size)[..., 3]


@pytest.fixture(scope="module")
def masters() -> list[bytes]:
    designs = designer.resolve(designer.load(EXAMPLE))
    return [compose(d).svg for d in designs[::7]]  # every template, arcs and straight lines


def test_coverage_is_cairosvgs(masters):
    for svg in masters:
        ours = text_coverage(lint_context._TEXT_PATH.findall(svg), 96, 600)
        assert np.array_equal(ours, _cairosvg_coverage(svg, 96))


def test_text_rasters_behind_is_over_white_and_text_free(masters):
    rasters = lint_context._text_rasters(masters[0], 96, 600)
    assert rasters.behind.shape == (96, 96, 3) and rasters.coverage.shape == (96, 96)
    assert tuple(rasters.behind[0, 0]) == (255, 255, 255)  # a corner outside the round badge: white
    assert rasters.coverage.max() == 255 and rasters.coverage[0, 0] == 0


def test_relative_commands_fall_back_to_cairosvg():
    with pytest.raises(UnsupportedPath):
        text_coverage([b'<path class="text-title" d="m0 0h300v300h-300z"/>'], 4, 600)
    svg = (b'<svg xmlns="http://www.w3.org/2000/svg" width="600" height="600" viewBox="0 0 600 600">'
           b'<path class="text-title" d="m0 0h300v300h-300z" fill="#ffffff"/></svg>')
    rasters = lint_context._text_rasters(svg, 4, 600)
    assert rasters.coverage.tolist() == [[255, 255, 0, 0], [255, 255, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0]]
