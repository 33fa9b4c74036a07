"""A hidden set of bad designs (issue 12): each is a badge a designer would reject, and the rule
that must say so. Each case patches the base fixture (tests/lint/fixtures/base.yaml); ``svg``
edits the composed master as a user template would draw it."""

from __future__ import annotations

import pytest

from tests.lint.conftest import lint_case

PNG = ("data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLv"
       "AAAAAElFTkSuQmCC")

CASES = {
    # a raster smuggled in through a filter, not an <image>: a raster finding, not an external reference
    "feimage-png": ({"svg": ["</svg>", f'<filter id="x"><feImage href="{PNG}"/></filter></svg>']}, "MB703", "MB701"),
    "pattern-style-png": ({"svg": ["</svg>", f"<rect width=\"9\" height=\"9\" style=\"fill:url('{PNG}')\"/></svg>"]},
                          "MB703", "MB701"),
    # javascript: split by a character reference for a tab, or by a newline: a script finding
    "javascript-tab": ({"svg": ["</svg>", '<a href="java&#x9;script:alert(1)"><path d="M0 0h1v1z"/></a></svg>']},
                       "MB702", "MB701"),
    "javascript-entity": ({"svg": ["</svg>", '<a href="&#106;ava&#10;script:alert(1)"><path d="M0 0h1v1z"/></a></svg>']},
                          "MB702", "MB701"),
    "javascript-animate": ({"svg": ["</svg>", '<a><animate attributeName="href" values="javascript:alert(1)"/>'
                                              '<path d="M0 0h1v1z"/></a></svg>']}, "MB702", "MB701"),
    # a 160-word description
    "long-description": ({"badges": [{"description": " ".join(["Cleans hands at every one of the moments."] * 20)}]},
                         "MB603", None),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_hidden_bad_design_is_found_by_the_right_rule(name, tmp_path, monkeypatch):
    patch, code, not_code = CASES[name]
    codes = {v.code for v in lint_case(tmp_path, patch, monkeypatch)}
    assert code in codes
    if not_code:
        assert not_code not in codes


def test_javascript_in_text_is_not_a_script(tmp_path, monkeypatch):
    """A title about JavaScript is words in an aria-label, not a link."""
    codes = {v.code for v in lint_case(tmp_path, {"svg": ['aria-label="Hand Hygiene"',
                                                          'aria-label="JavaScript: basics"']}, monkeypatch)}
    assert "MB702" not in codes
