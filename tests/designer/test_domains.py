"""The family rule: a badge set's domains each name one template, and their badges are drawn with it."""

from __future__ import annotations

import subprocess
import sys

import designer
from tests.assetset.badgesets import make_badge_set
from tests.conftest import ROOT


def test_example_badges_take_their_domains_template(example_designs, example_set):
    domains = example_set.model.domains
    assert len(domains) >= 3
    for design in example_designs:
        badge = next(b for b in example_set.model.badges if b.id == design.badge_id)
        assert badge.domain in domains and badge.template is None
        assert design.template.name == domains[badge.domain].template
    # the example uses one silhouette per domain, a different one for each domain
    assert len({d.template for d in domains.values()}) == len(domains)


def _lint(path):
    return subprocess.run([sys.executable, "-m", "designer.cli", "lint", str(path)], capture_output=True,
                          text=True, timeout=120, cwd=ROOT)


def test_a_badge_of_a_domain_may_name_its_own_template(tmp_path):
    """The domain gives the default silhouette; a badge that names a template keeps it (an
    exception the file states where it is made)."""
    def own(data):
        data["badges"][0]["template"] = "rosette"
        data["badges"][0]["title"] = "History"  # the rosette takes one short line

    designs = designer.resolve(designer.load(make_badge_set(tmp_path, 2, edit=own)), tiers=["foundation"])
    assert [d.template.name for d in designs] == ["rosette", "hexagon"]


def test_an_unknown_domain_is_refused_with_a_suggestion(tmp_path):
    def typo(data):
        data["badges"][0]["domain"] = "clinical-skill"

    done = _lint(make_badge_set(tmp_path, 2, edit=typo))
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert "unknown domain 'clinical-skill'" in done.stderr and "clinical-skills" in done.stderr


def test_without_domains_the_default_template_applies(tmp_path):
    def plain(data):
        del data["domains"]
        for badge in data["badges"]:
            del badge["domain"]

    designs = designer.resolve(designer.load(make_badge_set(tmp_path, 2, edit=plain)), tiers=["foundation"])
    assert {d.template.name for d in designs} == {"seal"}  # the example's defaults.template
