"""The bundled example must lint clean at WCAG AA; the bad-brand fixture makes every family fire."""

from __future__ import annotations

import designer
from designer.lint import lint
from designer.lint.registry import FAMILIES, family
from tests.lint.conftest import EXAMPLE, FIXTURES


def test_example_lints_clean_at_aa():
    violations = lint(designer.load(EXAMPLE))
    assert [f"{v.where} {v.code} {v.badge}/{v.tier} {v.message}" for v in violations] == []


def test_bad_brand_fires_every_family():
    violations = lint(designer.load(FIXTURES / "bad-brand.yaml"))
    fired = {family(v.code) for v in violations}
    assert fired >= set(FAMILIES.values()) - {"engine"}
    codes = {v.code for v in violations}
    assert {"MB101", "MB102", "MB103", "MB203", "MB205", "MB301", "MB302", "MB303", "MB305", "MB401", "MB403",
            "MB501", "MB502", "MB601", "MB602", "MB705"} <= codes
    for violation in violations:
        assert violation.location is not None and violation.location.line
