"""SARIF 2.1.0 for GitHub code scanning (``github/codeql-action/upload-sarif``).

One run; ``tool.driver.rules`` lists every rule that ran with its short description (the
summary), full description (the *What* section), help text and markdown (the whole rule doc) and
default level; each result has ``ruleId``, ``ruleIndex``, ``level``, a message and a
``physicalLocation`` whose ``artifactLocation.uri`` is the badge set path relative to the working
directory (``%SRCROOT%``) with ``region.startLine`` / ``startColumn``. ``partialFingerprints``
keep an alert stable when lines move.
"""

from __future__ import annotations

import hashlib
import json

from designer import __version__
from designer.lint.docs import explain, markdown, sections

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
#: Where each rule's page (docs/rules/CODE.md, generated from its docstring) is read on the web.
RULE_DOCS = "https://github.com/medbadge/medbadge/blob/main/docs/rules/"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def help_uri(rule) -> str:
    """The web page of ``rule``'s documentation.

    >>> from designer.lint.registry import get
    >>> help_uri(get("MB101"))
    'https://github.com/medbadge/medbadge/blob/main/docs/rules/MB101.md'
    """
    return f"{RULE_DOCS}{rule.CODE}.md"


def _rule(rule) -> dict:
    parts = sections(rule)
    return {
        "id": rule.CODE,
        "name": rule.NAME,
        "shortDescription": {"text": rule.SUMMARY},
        "fullDescription": {"text": parts.get("What", rule.SUMMARY)},
        "help": {"text": explain(rule), "markdown": markdown(rule)},
        "defaultConfiguration": {"level": LEVELS[rule.SEVERITY]},
        "properties": {"tags": ["accessibility" if rule.CODE[:3] in ("MB1", "MB2", "MB3") else "design"]},
    }


def _result(violation, index: dict[str, int], fallback_uri: str) -> dict:
    loc = violation.location
    uri = (loc.path if loc else fallback_uri).replace("\\", "/")
    physical: dict = {"artifactLocation": {"uri": uri, "uriBaseId": "%SRCROOT%"}}
    if loc is not None and loc.line:
        physical["region"] = {"startLine": loc.line, "startColumn": loc.column or 1}
    location: dict = {"physicalLocation": physical}
    scope = "/".join(p for p in (violation.badge, violation.tier) if p)
    if scope or violation.element:
        location["logicalLocations"] = [{"name": scope or "badge set",
                                         "fullyQualifiedName": f"{scope}:{violation.element}" if violation.element
                                         else scope, "kind": "element"}]
    digest = hashlib.sha256(f"{violation.code}|{scope}|{violation.message}".encode()).hexdigest()[:32]
    result = {
        "ruleId": violation.code,
        "level": LEVELS[violation.severity],
        "message": {"text": f"{violation.message} [{scope}]" if scope else violation.message},
        "locations": [location],
        "partialFingerprints": {"medbadgeFinding/v1": digest},
    }
    if violation.code in index:
        result["ruleIndex"] = index[violation.code]
    return result


def write(violations, report) -> str:
    rules = list(report.rules)
    extra = sorted({v.code for v in violations} - {r.CODE for r in rules})
    if extra:
        from designer.lint.registry import get
        rules += [get(code) for code in extra if get(code) is not None]
    index = {rule.CODE: i for i, rule in enumerate(rules)}
    log = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "medbadge", "semanticVersion": __version__, "version": __version__,
                                "rules": [_rule(rule) for rule in rules]}},
            "originalUriBaseIds": {"%SRCROOT%": {"description": {"text": "The working directory of the lint run."}}},
            "artifacts": [{"location": {"uri": path.replace("\\", "/"), "uriBaseId": "%SRCROOT%"}}
                          for path in report.paths],
            "results": [_result(v, index, report.paths[0]) for v in violations],
            "columnKind": "unicodeCodePoints",
        }],
    }
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"
