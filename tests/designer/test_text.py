"""Text: shrink to fit, then wrap, then a clear overflow error; fallback by script or an error."""

from __future__ import annotations

import pytest

from designer.base.errors import MissingGlyphsError, TextFitError
from designer.base.geometry import Arc
from designer.text.fit import fit_text_to_arc, fit_text_to_box
from designer.text.fonts import stack_for
from designer.text.outlines import arc_path, line_path
from designer.text.shaping import shape


#: Every string these tests shape: resolve chooses a stack's script fallbacks from the texts it must draw.
TEXTS = ("صحة", "EPA صحة", "医学 badge")


@pytest.fixture(scope="module")
def stack():
    return stack_for("Atkinson Hyperlegible", (), 700, TEXTS, None)


def test_kerning_is_applied(stack):
    # HarfBuzz applies the font's kerning: "AV" is narrower than "A" + "V" measured apart.
    assert shape("AV", stack).width < shape("A", stack).width + shape("V", stack).width


def test_shrinks_before_wrapping(stack):
    wide = shape("Clinical Reasoning", stack).width
    fitted = fit_text_to_box("Clinical Reasoning", stack, width=wide * 56, height=200, max_size=64, min_size=48,
                             max_lines=2)
    assert len(fitted.lines) == 1 and fitted.size == 56


def test_takes_a_second_line_only_when_it_sets_clearly_larger(stack):
    """One line wins unless two set the type more than LINE_GAIN (15 %) larger: at 56 on one line
    against 64 on two (14 %) the title stays on one line; at 50 against 70 it takes two."""
    from designer.text.fit import LINE_GAIN

    wide = shape("Diagnostic Tests", stack).width
    roomy = fit_text_to_box("Diagnostic Tests", stack, width=wide * 56, height=400, max_size=64, min_size=40,
                            max_lines=2)
    assert len(roomy.lines) == 1 and roomy.size == 56 and 64 <= 56 * LINE_GAIN
    tight = fit_text_to_box("Diagnostic Tests", stack, width=wide * 50, height=400, max_size=70, min_size=40,
                            max_lines=2)
    assert [l.text for l in tight.lines] == ["Diagnostic", "Tests"] and tight.size == 70


def test_wraps_when_the_minimum_size_is_not_enough(stack):
    fitted = fit_text_to_box("Interprofessional Teamwork", stack, width=420, height=130, max_size=60,
                             min_size=48, max_lines=2)
    assert [l.text for l in fitted.lines] == ["Interprofessional", "Teamwork"]
    assert 48 <= fitted.size <= 60
    assert fitted.width <= 420


def test_overflow_error_says_by_how_much(stack):
    with pytest.raises(TextFitError) as caught:
        fit_text_to_box("Interprofessional Teamwork", stack, width=300, height=130, max_size=60, min_size=48,
                        max_lines=2)
    over = shape("Interprofessional", stack).width * 48 - 300
    assert f"{over:.0f} units too wide" in caught.value.message


def test_arc_text_shrinks_then_fails(stack):
    arc = Arc(300, 300, 200, 0, 120)
    fitted = fit_text_to_arc("Patient Safety", stack, arc, max_size=60, min_size=40)
    assert fitted.width <= arc.length
    d, box = arc_path(fitted.lines[0], fitted.size, arc)
    assert d.startswith("M") and box.y < 300 - 200 + 5  # drawn on the upper arc
    with pytest.raises(TextFitError):
        fit_text_to_arc("A very long title that cannot fit on any arc", stack, arc, max_size=60, min_size=48)


def test_arabic_falls_back_to_noto_sans_arabic(stack):
    shaped = shape("صحة", stack)
    assert {g.face.family for g in shaped.glyphs} == {"Noto Sans Arabic"}
    d, box = line_path(shaped, 48, 0, 100)
    assert box.width > 20 and d.count("M") >= 2


def test_mixed_latin_and_arabic_uses_both_faces(stack):
    families = {g.face.family for g in shape("EPA صحة", stack).glyphs}
    assert families == {"Atkinson Hyperlegible", "Noto Sans Arabic"}


def test_missing_glyphs_are_named_not_drawn_as_tofu(stack):
    with pytest.raises(MissingGlyphsError) as caught:
        shape("医学 badge", stack)
    message = str(caught.value)
    assert "U+533B" in message and "U+5B66" in message
