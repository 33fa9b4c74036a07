"""Contrast arithmetic and thresholds against published values (WCAG 2.2; reference/FACTS.md §2)."""

from __future__ import annotations

import pytest

from designer.base.color import Color, contrast_ratio
from designer.lint.wcag import is_large, required_ratio

WHITE = Color.parse("#ffffff")


def test_published_ratios():
    assert round(contrast_ratio(Color.parse("#777777"), WHITE), 3) == 4.478
    assert round(contrast_ratio(Color.parse("#767676"), WHITE), 3) == 4.542
    assert contrast_ratio(Color.parse("#000000"), WHITE) == pytest.approx(21.0)
    assert contrast_ratio(WHITE, WHITE) == pytest.approx(1.0)


def test_threshold_is_never_rounded():
    # #777 is 4.478: it would round to 4.5, and must fail a 4.5 minimum.
    assert contrast_ratio(Color.parse("#777777"), WHITE) < required_ratio(10, 400, "AA")
    assert contrast_ratio(Color.parse("#767676"), WHITE) >= required_ratio(10, 400, "AA")
    assert not 4.499 >= required_ratio(10, 400, "AA")


def test_translucent_text_is_composited_first():
    half_black = Color.parse("rgb(0 0 0 / 50%)")
    assert contrast_ratio(half_black, WHITE) == pytest.approx(contrast_ratio(Color(128, 128, 128), WHITE), rel=0.02)


@pytest.mark.parametrize("size, weight, large", [
    (24, 400, True), (23.9, 400, False), (18.67, 700, True), (18.6, 700, False), (19, 400, False),
])
def test_large_text_boundary_at_display_size(size, weight, large):
    assert is_large(size, weight) is large


def test_levels():
    assert required_ratio(10, 700, "AA") == 4.5
    assert required_ratio(30, 400, "AA") == 3.0
    assert required_ratio(10, 700, "AAA") == 7.0
    assert required_ratio(30, 400, "AAA") == 4.5


def test_master_size_is_not_display_size(tmp_path):
    """A 60-unit title on a 600 master is 9.6 px at 96 px: small text, 4.5:1 applies."""
    from tests.lint.conftest import lint_case

    # silver-deep #7d8794 on teal-900 #083d48 is 3.25:1: enough for large text, not for 9.6 px text.
    found = lint_case(tmp_path, {"brand": {"roles": {"on-primary": "silver-deep"}}})
    ratios = [v for v in found if v.code == "MB101" and "title" in v.message]
    assert ratios, "3.25:1 is too low for 9.6 px text"
