"""Every rule: its failing case yields its code, its passing case does not (fixtures/cases.yaml)."""

from __future__ import annotations

import pytest

from designer.lint.registry import rules
from tests.lint.conftest import FIXTURES, lint_case, read_yaml

CASES = read_yaml(FIXTURES / "cases.yaml")


def test_base_fixture_is_clean(tmp_path):
    assert lint_case(tmp_path, {}) == []


@pytest.mark.parametrize("code", sorted(CASES))
def test_failing_case_fires(code, tmp_path, monkeypatch):
    codes = {v.code for v in lint_case(tmp_path, CASES[code]["fail"], monkeypatch)}
    assert code in codes


@pytest.mark.parametrize("code", sorted(CASES))
def test_passing_case_is_quiet(code, tmp_path, monkeypatch):
    found = lint_case(tmp_path, CASES[code]["pass"], monkeypatch)
    assert [v for v in found if v.code == code] == []


def test_every_rule_has_a_case():
    assert {r.CODE for r in rules()} == set(CASES)
