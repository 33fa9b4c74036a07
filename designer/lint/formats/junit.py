"""JUnit XML: one test suite per rule that ran, one test case per badge × rule finding.

CI systems that show test reports (GitLab, Jenkins, Azure) list each finding as a failed case
named ``CODE badge/tier``; a rule with no findings is one passing case.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET


def write(violations, report) -> str:
    root = ET.Element("testsuites", name="medbadge lint", tests="0", failures="0")
    total = failures = 0
    for rule in report.rules:
        found = [v for v in violations if v.code == rule.CODE]
        suite = ET.SubElement(root, "testsuite", name=f"{rule.CODE} {rule.NAME}", tests=str(max(1, len(found))),
                              failures=str(len(found)), errors="0", skipped="0")
        if not found:
            ET.SubElement(suite, "testcase", classname=rule.CODE, name=rule.NAME)
            total += 1
        for v in found:
            scope = "/".join(p for p in (v.badge, v.tier) if p) or "badge set"
            case = ET.SubElement(suite, "testcase", classname=rule.CODE, name=f"{rule.CODE} {scope}", file=v.where)
            failure = ET.SubElement(case, "failure", message=v.message, type=v.severity)
            failure.text = f"{v.where}: {v.code} {v.message}"
            total += 1
            failures += 1
    root.set("tests", str(total))
    root.set("failures", str(failures))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
