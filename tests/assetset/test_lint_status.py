"""`build --lint` shows each design's lint status on the contact sheet."""

from __future__ import annotations

import shutil

from designer.assetset import BuildOptions, build, parse_sizes
from designer.cli import main
from tests.conftest import EXAMPLE


def test_contact_sheet_shows_findings_and_clean_designs(tmp_path):
    source = tmp_path / "badges.yaml"
    shutil.copyfile(EXAMPLE, source)
    text = source.read_text(encoding="utf-8").replace("icon: globe-health", "icon: caduceus")
    source.write_text(text, encoding="utf-8")
    options = BuildOptions(sizes=parse_sizes("64,96,150"), formats=("svg", "png"),
                           badges=("global-health", "psychiatry"), tiers=("foundation", "advanced"), jobs=1, lint=True)
    result = build(source, tmp_path / "dist", options)
    html = (tmp_path / "dist" / "index.html").read_text(encoding="utf-8")
    assert result.findings == 1  # the caduceus on a medical badge, reported once for the badge
    assert html.count("<code>MB501</code>") == 2  # shown under both of its tiers
    assert html.count("lint: clean") == 2  # psychiatry's two tiers


def test_build_without_lint_says_nothing_about_it(tmp_path, capsys):
    code = main(["build", str(EXAMPLE), "-o", str(tmp_path / "dist"), "--badge", "psychiatry", "--tier", "advanced",
                 "--sizes", "64", "-q"])
    assert code == 0
    html = (tmp_path / "dist" / "index.html").read_text(encoding="utf-8")
    assert "lint: clean" not in html and '<ul class="lint">' not in html
    assert "lint:" not in capsys.readouterr().out
