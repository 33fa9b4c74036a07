"""JUnit XML: one test suite per rule that ran, one test case per finding.

CI systems that show test reports (Jenkins, GitLab, Azure) list each finding as a case named
``CODE badge/tier`` with the badge set in ``file`` and the line in ``line`` (separate attributes,
as GitLab and the common JUnit dialect read them; Jenkins ignores what it does not know). Only a
finding at or above the fail level is a ``<failure>`` — the ones that make ``medbadge lint`` exit
1 —, so a report never shows failures for a run that passed: a finding below the fail level is a
passing case whose ``<system-out>`` says what was found. A rule with no findings is one passing
case.
"""

from __future__ import annotations

from designer.lint.formats.sarif import rules_with_findings


def _case(suite, violation, failing: bool) -> None:
    import xml.etree.ElementTree as ET

    scope = "/".join(p for p in (violation.badge, violation.tier) if p) or "badge set"
    attributes = {"classname": violation.code, "name": f"{violation.code} {scope}"}
    loc = violation.location
    if loc is not None:
        attributes["file"] = loc.path
        if loc.line:
            attributes["line"] = str(loc.line)
    case = ET.SubElement(suite, "testcase", attributes)
    detail = f"{violation.where}: {violation.code} [{violation.severity}] {violation.message}"
    if failing:
        failure = ET.SubElement(case, "failure", message=violation.message, type=violation.severity)
        failure.text = detail
    else:
        ET.SubElement(case, "system-out").text = f"{detail} (below the fail level)"


def write(violations, report) -> str:
    import xml.etree.ElementTree as ET  # here, not at import: every command's start loads this module

    root = ET.Element("testsuites", name="medbadge lint", tests="0", failures="0", errors="0")
    total = failures = 0
    for rule in rules_with_findings(report.rules, violations):
        found = [v for v in violations if v.code == rule.CODE]
        failing = [report.fails(v) for v in found]
        suite = ET.SubElement(root, "testsuite", name=f"{rule.CODE} {rule.NAME}", tests=str(max(1, len(found))),
                              failures=str(sum(failing)), errors="0", skipped="0")
        if not found:
            ET.SubElement(suite, "testcase", classname=rule.CODE, name=rule.NAME)
        for violation, fails in zip(found, failing):
            _case(suite, violation, fails)
        total += max(1, len(found))
        failures += sum(failing)
    root.set("tests", str(total))
    root.set("failures", str(failures))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
