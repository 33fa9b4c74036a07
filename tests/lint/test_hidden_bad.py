"""A hidden set of bad designs (issue 12): each is a badge a designer would reject, and the rule
that must say so. The cases are in tests/lint/fixtures/hidden-bad.yaml (patches of the base
fixture; ``svg`` edits the composed master as a user template would draw it); the ones that need
a measurement of the composed badge to build are written here."""

from __future__ import annotations

import pytest

from tests.lint.conftest import FIXTURES, lint_case, read_yaml

CASES = read_yaml(FIXTURES / "hidden-bad.yaml")


@pytest.mark.parametrize("name", sorted(CASES))
def test_hidden_bad_design_is_found_by_the_right_rule(name, tmp_path, monkeypatch):
    patch, code, not_code = CASES[name]["patch"], CASES[name]["finds"], CASES[name].get("not")
    codes = {v.code for v in lint_case(tmp_path, patch, monkeypatch)}
    assert code in codes
    if not_code:
        assert not_code not in codes


def test_javascript_in_text_is_not_a_script(tmp_path, monkeypatch):
    """A title about JavaScript is words in an aria-label, not a link."""
    codes = {v.code for v in lint_case(tmp_path, {"svg": ['aria-label="Hand Hygiene"',
                                                          'aria-label="JavaScript: basics"']}, monkeypatch)}
    assert "MB702" not in codes


def test_one_unreadable_letter_fails_the_run(tmp_path, monkeypatch):
    """A light patch behind the first letter only: ~8 % of the title's pixels, which a 10th
    percentile over the whole run does not see; judged per glyph it fails, and says how much."""
    import designer
    from designer.compose import compose
    from designer.lint.textmask import glyph_boxes
    from tests.lint.conftest import write_case

    design = designer.resolve(designer.load(write_case(tmp_path, {"badges": [{"template": "shield"}]})))[0]
    svg = compose(design).svg
    title = svg[svg.index(b'<path class="text-title"'):]
    x0, y0, x1, y1 = glyph_boxes(title[:title.index(b"/>") + 2])[0]
    patch = f'<rect x="{x0 - 1:.1f}" y="{y0 - 1:.1f}" width="{x1 - x0 + 2:.1f}" height="{y1 - y0 + 2:.1f}" fill="#f4f4f4"/>'
    found = [v for v in lint_case(tmp_path, {"badges": [{"template": "shield"}],
                                             "svg": ['<path class="text-title"', patch + '<path class="text-title"']},
                                  monkeypatch) if v.code == "MB103"]
    assert found, "the lost letter is not reported"
    assert "glyph 1 of" in found[0].message and "% of the text's pixels" in found[0].message, found[0].message


@pytest.mark.parametrize("icon, roles", [
    ("health-cross", {}),  # white on the teal face: the neutral health mark
    ("health-cross", {"primary": "#ffffff", "on-primary": "#0a7d3b"}),  # green on white
    ("health-cross", {"on-primary": "#d7141a"}),  # red on a dark face: no light field
    ("team", {"primary": "#ffffff", "on-primary": "#d7141a"}),  # red shapes that are not emblems
    ("question", {"primary": "#ffffff", "on-primary": "#d7141a"}),
    ("heart-pulse", {"primary": "#ffffff", "on-primary": "#d7141a"}),
])
def test_what_is_not_an_emblem(icon, roles, tmp_path, monkeypatch):
    patch = {"badges": [{"icon": icon}], **({"brand": {"roles": roles}} if roles else {})}
    assert "MB502" not in {v.code for v in lint_case(tmp_path, patch, monkeypatch)}


def test_colours_hard_coded_in_a_template_are_brand_checked(tmp_path, monkeypatch):
    """Fills, strokes, gradient stops and style declarations a user template writes as literals."""
    markup = ('<defs><linearGradient id="sheen"><stop offset="0" stop-color="#c21f6a"/>'
              '<stop offset="1" style="stop-color: #0b5563"/></linearGradient></defs>'
              '<rect x="250" y="560" width="100" height="8" fill="url(#sheen)" stroke="#13ff00"/>'
              '<circle cx="300" cy="580" r="2" style="fill:#ffa500"/></svg>')
    found = [v for v in lint_case(tmp_path, {"svg": ["</svg>", markup]}, monkeypatch) if v.code == "MB401"]
    messages = " ".join(v.message for v in found)
    for colour in ("#c21f6a", "#13ff00", "#ffa500"):
        assert colour in messages
    assert "#0b5563" not in messages  # a palette colour, even as a literal, is the brand's


@pytest.mark.parametrize("subtitle", ["طب", "مهارات سريرية", "رعاية المرضى", "صحة"])
def test_a_short_arabic_subtitle_fits(subtitle, tmp_path, monkeypatch):
    """Arabic has no capitals: it is fitted on its letters' body (x-height), not on a nominal
    Latin cap height that made every short subtitle "overflow by 0 units"."""
    from designer.text.fit import height_em
    from designer.text.shaping import shape

    found = lint_case(tmp_path, {"badges": [{"template": "rounded-square", "subtitle": subtitle}]}, monkeypatch)
    assert "MB203" not in {v.code for v in found}
    design = designer_design(tmp_path, subtitle)
    line = shape(subtitle, design.font_stack(700))
    assert height_em(line) < 0.6  # Noto Sans Arabic's x-height, not its 0.714 em "cap height"


def designer_design(tmp_path, subtitle):
    import designer
    from tests.lint.conftest import write_case

    return designer.resolve(designer.load(write_case(tmp_path, {"badges": [{"template": "rounded-square",
                                                                             "subtitle": subtitle}]},
                                                      name="arabic.yaml")))[0]


@pytest.mark.parametrize("markup", [
    '<g class="tier-pips"><circle r="1e9" fill="#f00"/></g>',  # paints the whole grid: no outline at all
    '<g class="icon-extra" transform="matrix(1)"><path d="M0 0h9v9z"/></g>',  # a transform CairoSVG refuses
    '<path class="text-evil" d="m0 0 a5 5 0 1 1 10 10z"/>',  # text path data the fast drawer does not read
    '<path d="M 1e308 1e308 L -1e308 5" stroke="#000"/>',
    '<rect width="-5" height="abc"/>',
    '<path class="text-" d="M0 0Q"/>',
])
def test_a_hostile_master_is_measured_or_skipped_never_a_crash(markup, tmp_path, monkeypatch):
    found = lint_case(tmp_path, {"svg": ["</svg>", markup + "</svg>"]}, monkeypatch)
    assert all(v.code.startswith("MB") for v in found)


def test_text_crowding_its_frame_is_found(tmp_path, monkeypatch):
    """A frame line a template draws 3 units under the title: at 64 px the title sits on it."""
    import designer
    from designer.compose import compose
    from tests.lint.conftest import write_case

    patch = {"badges": [{"template": "shield"}]}
    design = designer.resolve(designer.load(write_case(tmp_path, patch)))[0]
    box = compose(design).text("title").box
    line = (f'<rect x="{box.x - 20:.1f}" y="{box.y + box.height + 3:.1f}" width="{box.width + 40:.1f}" '
            f'height="6" fill="#f2d49b"/>')
    found = [v for v in lint_case(tmp_path, {**patch, "svg": ['<path class="text-title"', line + '<path class="text-title"']},
                                  monkeypatch) if v.code == "MB207"]
    assert any("title" in v.message and "edge of its background" in v.message for v in found), found
