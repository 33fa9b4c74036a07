"""The rule table: unique codes and names, complete docs, a case per rule, generated docs current."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from designer.lint import docs
from designer.lint.registry import family, get, is_known_rule, rules
from designer.lint.violation import SEVERITIES
from tests.lint.conftest import FIXTURES, read_yaml

DOCS = Path(__file__).parents[2] / "docs" / "rules"


def test_codes_and_names_are_unique_and_well_formed():
    codes = [r.CODE for r in rules()]
    names = [r.NAME for r in rules()]
    assert len(codes) == len(set(codes))
    assert len(names) == len(set(names))
    for rule in rules():
        assert re.fullmatch(r"MB\d{3}", rule.CODE)
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", rule.NAME)
        assert rule.SEVERITY in SEVERITIES
        assert rule.SUMMARY and "\n" not in rule.SUMMARY
        assert callable(rule.check)
        assert family(rule.CODE) != "other"


@pytest.mark.parametrize("rule", rules(), ids=lambda r: r.CODE)
def test_rule_doc_has_every_section(rule):
    assert docs.missing_sections(rule) == []


def test_every_rule_has_failing_and_passing_fixture():
    cases = read_yaml(FIXTURES / "cases.yaml")
    for rule in rules():
        assert rule.CODE in cases, f"{rule.CODE} has no case in fixtures/cases.yaml"
        assert {"fail", "pass"} <= set(cases[rule.CODE])


def test_lookup_by_code_name_and_prefix():
    assert get("MB101").NAME == "text-contrast"
    assert get("text-contrast").CODE == "MB101"
    assert get("mb101").CODE == "MB101"
    assert is_known_rule("MB3", prefix=True)
    assert not is_known_rule("MB3")
    assert not is_known_rule("MB999", prefix=True)


def test_generated_docs_are_current(tmp_path):
    docs.write_docs(tmp_path)
    for page in sorted(tmp_path.iterdir()):
        committed = DOCS / page.name
        assert committed.is_file(), f"run `medbadge lint --write-docs docs/rules` ({page.name} missing)"
        assert committed.read_text(encoding="utf-8") == page.read_text(encoding="utf-8"), \
            f"docs/rules/{page.name} is stale: run `medbadge lint --write-docs docs/rules`"
