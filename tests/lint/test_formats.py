"""Output formats and the ``medbadge lint`` command: exit codes, every format parsed by a consumer."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest

from designer.cli import main
from designer.base.errors import Location
from designer.lint.formats import FORMATS, Report
from designer.lint.registry import rules
from designer.lint.violation import Violation
from tests.lint.conftest import EXAMPLE, write_case

HERE = Path(__file__).parent
# The published SARIF 2.1.0 schema (rtm.5, draft-04; vendored from npm @microsoft/jest-sarif, see
# SARIF_SCHEMA_NOTICE.md) checks the whole log; the hand-written subset adds what GitHub code
# scanning needs beyond the schema (a region with startLine, rule ids, ...).
OFFICIAL = json.loads((HERE / "sarif-schema-2.1.0-rtm.5.json").read_text(encoding="utf-8"))
SUBSET = json.loads((HERE / "sarif-2.1.0-subset.schema.json").read_text(encoding="utf-8"))
OFFICIAL_VALIDATOR = jsonschema.Draft4Validator(OFFICIAL, format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER)


def validate_sarif(log: dict) -> None:
    OFFICIAL_VALIDATOR.validate(log)
    jsonschema.validate(log, SUBSET)
SAMPLE = [
    Violation("MB101", "text-contrast", "error", "title 'A, b: 100%' low\ncontrast", "demo", "foundation",
              Location("badges.yaml", 12, 5), "svg/path[@class='text-title']"),
    Violation("MB501", "caduceus", "warning", "use the rod", "demo", None, Location("badges.yaml", 14, 11)),
]
REPORT = Report("badges.yaml", rules())


@pytest.fixture(scope="module")
def bad_set(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("bad")
    return write_case(folder, {"badges": [{"icon": "caduceus", "description": "Short."}],
                               "lint": {"select": ["MB5", "MB6"]}})


def test_text_format():
    out = FORMATS["text"](SAMPLE, REPORT)
    assert out.splitlines()[0].startswith("badges.yaml:12:5: MB101 ")
    assert "\x1b[" not in out
    assert "\x1b[" in FORMATS["text"](SAMPLE, Report("badges.yaml", rules(), color=True))


def test_json_format():
    data = json.loads(FORMATS["json"](SAMPLE, REPORT))
    assert [v["code"] for v in data["violations"]] == ["MB101", "MB501"]
    assert data["violations"][0]["location"] == {"path": "badges.yaml", "line": 12, "column": 5}
    assert data["summary"] == {"error": 1, "warning": 1, "info": 0}


def test_sarif_is_valid_and_complete():
    log = json.loads(FORMATS["sarif"](SAMPLE, REPORT))
    validate_sarif(log)
    run = log["runs"][0]
    rule_ids = [r["id"] for r in run["tool"]["driver"]["rules"]]
    assert rule_ids == [r.CODE for r in rules()]
    for rule in run["tool"]["driver"]["rules"]:
        assert rule["fullDescription"]["text"] and "## Fix" in rule["help"]["markdown"]
    first = run["results"][0]
    assert first["ruleId"] == "MB101" and rule_ids[first["ruleIndex"]] == "MB101"
    assert first["locations"][0]["physicalLocation"]["region"] == {"startLine": 12, "startColumn": 5}
    assert [r["level"] for r in run["results"]] == ["error", "warning"]


def test_official_sarif_schema_rejects_a_broken_log():
    log = json.loads(FORMATS["sarif"](SAMPLE, REPORT))
    log["runs"][0]["results"][0]["level"] = "fatal"  # not a SARIF level
    with pytest.raises(jsonschema.ValidationError):
        OFFICIAL_VALIDATOR.validate(log)
    assert OFFICIAL["title"].startswith("Static Analysis Results Format (SARIF) Version 2.1.0")


def test_junit_format():
    root = ET.fromstring(FORMATS["junit"](SAMPLE, REPORT))
    assert root.get("failures") == "1"  # the warning is below the default fail level (error)
    failed = [c for c in root.iter("testcase") if c.find("failure") is not None]
    assert {c.get("classname") for c in failed} == {"MB101"}


def test_github_annotations_escape():
    lines = FORMATS["github"](SAMPLE, REPORT).splitlines()
    assert lines[0].startswith("::error file=badges.yaml,line=12,col=5,title=MB101::text-contrast: ")
    assert "%0A" in lines[0] and "%25" in lines[0] and "\n" not in lines[0]
    assert lines[1].startswith("::warning ")


def test_cli_clean_example_exits_0(capsys):
    assert main(["lint", str(EXAMPLE), "--badge", "history-taking", "--select", "MB1,MB3"]) == 0
    assert "no findings" in capsys.readouterr().out


def test_cli_findings_exit_1_and_fail_level(bad_set, capsys):
    assert main(["lint", str(bad_set)]) == 0  # only warnings: below the default fail level
    assert main(["lint", str(bad_set), "--fail-level", "warning"]) == 1
    out = capsys.readouterr().out
    assert "MB501" in out and "MB601" in out


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_cli_every_format_to_file(bad_set, tmp_path, fmt):
    target = tmp_path / f"report.{fmt}"
    assert main(["lint", str(bad_set), "--format", fmt, "--output", str(target)]) == 0
    text = target.read_text(encoding="utf-8")
    assert "MB501" in text
    if fmt == "sarif":
        validate_sarif(json.loads(text))


def test_cli_bad_input_exits_2(tmp_path, capsys):
    assert main(["lint", str(tmp_path / "missing.yaml")]) == 2
    assert main(["lint", str(EXAMPLE), "--format", "xml"]) == 2
    assert main(["lint", str(EXAMPLE), "--select", "MB999"]) == 2
    assert main(["lint", "--explain", "MB999"]) == 2
    bad = write_case(tmp_path, {"lint": {"suppress": [{"code": "MB502"}]}})
    assert main(["lint", str(bad)]) == 2
    assert "needs a reason" in capsys.readouterr().err


def test_cli_explain(capsys):
    assert main(["lint", "--explain", "graphic-contrast"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("MB102 graphic-contrast")
    for section in ("What", "Why", "Example", "Fix"):
        assert f"\n{section}\n" in out


def test_cli_wcag_aaa(tmp_path):
    # a gold title on the seal's deep band: 5.5:1, AA but not AAA (the seal has no accent text now)
    path = write_case(tmp_path, {"brand": {"roles": {"on-primary": "gold"}}})
    assert main(["lint", str(path), "--select", "MB101"]) == 0
    assert main(["lint", str(path), "--select", "MB101", "--wcag", "AAA"]) == 1


def test_cli_several_badge_sets(bad_set, capsys):
    assert main(["lint", str(EXAMPLE), str(bad_set), "--badge", "history-taking", "--badge", "demo",
                 "--select", "MB5", "--fail-level", "warning", "--format", "json"]) == 1
    found = json.loads(capsys.readouterr().out)["violations"]
    assert [(v["code"], v["badge"]) for v in found] == [("MB501", "demo")]


def test_cli_write_docs(tmp_path):
    assert main(["lint", "--write-docs", str(tmp_path / "rules")]) == 0
    pages = {p.name for p in (tmp_path / "rules").iterdir()}
    assert {"index.md", "MB101.md", "MB705.md"} <= pages
