"""``medbadge lint`` output for people and for CI: ``--statistics``, ``--quiet``, ``medbadge rules``,
JUnit that Jenkins' schema accepts with failures only at the fail level, SARIF with help URIs, plain
and Markdown help and ``%SRCROOT%``-relative uris (the published SARIF schema, vendored in tests/lint)."""

from __future__ import annotations

import json
import os
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest
from lxml import etree

from designer.cli import main
from designer.lint.registry import rules
from tests.lint.conftest import write_case

HERE = Path(__file__).parent
JUNIT_SCHEMA = etree.XMLSchema(etree.parse(str(HERE / "junit-10.xsd")))
SARIF_SCHEMA = json.loads((HERE.parent / "lint" / "sarif-schema-2.1.0-rtm.5.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def bad_set(tmp_path_factory) -> Path:
    """Findings of two severities: MB501 caduceus (warning) and MB601 short description (warning),
    made errors for MB601 by the badge set's own lint configuration."""
    folder = tmp_path_factory.mktemp("bad")
    return write_case(folder, {"badges": [{"icon": "caduceus", "description": "Short."}],
                               "lint": {"select": ["MB5", "MB6"], "severity": {"MB601": "error"}}})


def lint(capsys, *args) -> tuple[int, str, str]:
    code = main(["lint", *map(str, args)])
    out, err = capsys.readouterr()
    return code, out, err


def test_statistics_count_findings_per_rule(capsys, bad_set):
    code, out, _ = lint(capsys, bad_set, "--statistics")
    assert code == 1
    lines = out.splitlines()
    rows = [line.split() for line in lines[:-1]]
    assert {row[1]: row[2] for row in rows} == {"MB501": "warning", "MB601": "error"}
    assert rows == sorted(rows, key=lambda row: (-int(row[0]), row[1]))  # most first
    counts = {row[1]: int(row[0]) for row in rows}
    code, detail, _ = lint(capsys, bad_set, "--format", "json")
    found = json.loads(detail)["violations"]
    assert counts == {c: sum(v["code"] == c for v in found) for c in {v["code"] for v in found}}
    assert lines[-1].startswith(f"{len(found)} finding")
    assert lint(capsys, bad_set, "--statistics", "--format", "sarif")[0] == 2


def test_quiet_prints_findings_only(capsys, bad_set, tmp_path):
    code, out, _ = lint(capsys, bad_set, "--quiet")
    assert code == 1 and out and all(": MB" in line for line in out.splitlines())
    clean = write_case(tmp_path, {"lint": {"select": ["MB7"]}})
    code, out, err = lint(capsys, clean, "-q")
    assert code == 0 and out == "" and err == ""


def test_rules_table_and_json(capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")
    assert main(["rules"]) == 0
    table = capsys.readouterr().out
    assert all(rule.CODE in table and rule.NAME in table for rule in rules())
    assert main(["rules", "--format", "json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [entry["code"] for entry in listed] == [rule.CODE for rule in rules()]
    assert set(listed[0]) == {"code", "name", "family", "severity", "summary", "help_uri"}
    assert listed[0]["help_uri"].endswith(f"/docs/rules/{listed[0]['code']}.md")
    assert main(["rules", "--format", "yaml"]) == 2


def junit(capsys, *args) -> ET.Element:
    code, out, _ = lint(capsys, *args, "--format", "junit")
    document = etree.fromstring(out.encode("utf-8"))
    for case in document.iter("testcase"):  # the place attributes Jenkins' schema does not know (see notice)
        case.attrib.pop("file", None)
        case.attrib.pop("line", None)
    JUNIT_SCHEMA.assertValid(document)
    return code, ET.fromstring(out)


def test_junit_is_valid_and_fails_only_at_the_fail_level(capsys, bad_set):
    code, root = junit(capsys, bad_set)
    assert code == 1
    cases = [c for c in root.iter("testcase") if c.get("classname") in ("MB501", "MB601")]
    failed = {c.get("classname") for c in cases if c.find("failure") is not None}
    assert failed == {"MB601"}  # the error; the warning is below the default fail level
    assert root.get("failures") == str(sum(c.find("failure") is not None for c in root.iter("testcase")))
    warning = next(c for c in cases if c.get("classname") == "MB501")
    assert "below the fail level" in warning.find("system-out").text
    for case in cases:  # file and line apart, as GitLab reads them
        assert case.get("file").endswith("case.yaml") and ":" not in case.get("file")
        assert int(case.get("line")) > 1
    code, root = junit(capsys, bad_set, "--fail-level", "warning")
    assert {c.get("classname") for c in root.iter("testcase") if c.find("failure") is not None} == {"MB501", "MB601"}
    code, root = junit(capsys, bad_set, "--select", "MB5")
    assert code == 0 and root.get("failures") == "0"  # exit 0 and no failure shown: they agree


def sarif(capsys, *args) -> dict:
    code, out, _ = lint(capsys, *args, "--format", "sarif")
    log = json.loads(out)
    jsonschema.Draft4Validator(SARIF_SCHEMA).validate(log)
    return log


def test_sarif_rules_have_help_uri_and_clean_help(capsys, bad_set):
    log = sarif(capsys, bad_set)
    for rule in log["runs"][0]["tool"]["driver"]["rules"]:
        assert rule["helpUri"] == f"https://github.com/medbadge/medbadge/blob/main/docs/rules/{rule['id']}.md"
        assert "``" not in rule["help"]["text"] and "``" not in rule["help"]["markdown"]
        assert "``" not in rule["fullDescription"]["text"] and "``" not in rule["shortDescription"]["text"]
        assert rule["help"]["markdown"].startswith(f"# {rule['id']}")


def test_sarif_uris_are_relative_to_srcroot(capsys, bad_set, monkeypatch):
    monkeypatch.chdir(bad_set.parent.parent)
    log = sarif(capsys, bad_set)
    run = log["runs"][0]
    base = run["originalUriBaseIds"]["%SRCROOT%"]["uri"]
    assert base == Path.cwd().resolve().as_uri() + "/"
    uris = [r["locations"][0]["physicalLocation"]["artifactLocation"] for r in run["results"]]
    assert uris and all(u == {"uri": f"{bad_set.parent.name}/case.yaml", "uriBaseId": "%SRCROOT%"} for u in uris)
    assert not any(os.path.isabs(u["uri"]) for u in uris)


def test_sarif_outside_the_working_directory_is_an_absolute_file_uri(capsys, bad_set, tmp_path, monkeypatch):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    log = sarif(capsys, bad_set)
    location = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert location == {"uri": bad_set.resolve().as_uri()}
