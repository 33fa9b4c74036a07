"""SARIF 2.1.0 for GitHub code scanning (``github/codeql-action/upload-sarif``).

One run; ``tool.driver.rules`` lists every rule that ran with its short description (the
summary), full description (the *What* section), help as plain text and as Markdown (the whole
rule doc; the docstrings' RST ````literals```` become plain words and Markdown code spans), the
``helpUri`` of its page (docs/rules/CODE.md in the repository) and its default level. Each result
has ``ruleId``, ``ruleIndex``, ``level``, a message and a ``physicalLocation`` whose
``artifactLocation.uri`` is the badge set's path relative to the working directory, resolved
against ``%SRCROOT%`` (SARIF §3.4.4: a relative reference, ``/`` separated and percent-encoded);
a badge set outside the working directory is an absolute ``file:`` URI with no base. ``region``
has ``startLine`` / ``startColumn``; ``partialFingerprints`` keep an alert stable when lines move.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import designer

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


def plain(text: str) -> str:
    """Rule text without RST markup: ````MB101```` → ``MB101``.

    >>> plain("set ``fail_level: warning``")
    'set fail_level: warning'
    """
    return text.replace("``", "")


def as_markdown(text: str) -> str:
    """RST literals as Markdown code spans: ````x```` → ```x```.

    >>> as_markdown("set ``fail_level: warning``")
    'set `fail_level: warning`'
    """
    return text.replace("``", "`")


def rules_with_findings(rules, violations) -> list:
    """``rules`` plus the rule of any finding not among them (MB002 reports on suppressions)."""
    rules = list(rules)
    extra = sorted({v.code for v in violations} - {r.CODE for r in rules})
    if extra:
        from designer.lint.registry import get
        rules += [get(code) for code in extra if get(code) is not None]
    return rules


def _rule(rule) -> dict:
    from designer.lint.docs import explain, markdown, sections  # docstring parsing: only when writing

    parts = sections(rule)
    return {
        "id": rule.CODE,
        "name": rule.NAME,
        "shortDescription": {"text": plain(rule.SUMMARY)},
        "fullDescription": {"text": plain(parts.get("What", rule.SUMMARY))},
        "help": {"text": plain(explain(rule)), "markdown": as_markdown(markdown(rule))},
        "helpUri": help_uri(rule),
        "defaultConfiguration": {"level": LEVELS[rule.SEVERITY]},
        "properties": {"tags": ["accessibility" if rule.CODE[:3] in ("MB1", "MB2", "MB3") else "design"]},
    }


def artifact_location(path: str, root: Path) -> dict:
    """``{"uri", "uriBaseId"}`` for a file under ``root`` (``%SRCROOT%``), else an absolute ``file:`` URI."""
    from urllib.parse import quote  # here, not at import: the command line starts without urllib

    absolute = Path(path) if os.path.isabs(path) else root / path
    try:
        relative = absolute.resolve().relative_to(root.resolve())
    except ValueError:
        return {"uri": absolute.resolve().as_uri()}
    return {"uri": quote(relative.as_posix()), "uriBaseId": "%SRCROOT%"}


def _result(violation, index: dict[str, int], fallback: dict, root: Path) -> dict:
    loc = violation.location
    physical: dict = {"artifactLocation": artifact_location(loc.path, root) if loc else fallback}
    if loc is not None and loc.line:
        physical["region"] = {"startLine": loc.line, "startColumn": loc.column or 1}
    location: dict = {"physicalLocation": physical}
    scope = "/".join(p for p in (violation.badge, violation.tier) if p)
    if scope or violation.element:
        location["logicalLocations"] = [{"name": scope or "badge set",
                                         "fullyQualifiedName": f"{scope}:{violation.element}" if violation.element
                                         else scope, "kind": "element"}]
    import hashlib

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
    root = Path.cwd()
    rules = rules_with_findings(report.rules, violations)
    index = {rule.CODE: i for i, rule in enumerate(rules)}
    artifacts = [artifact_location(path, root) for path in report.paths]
    log = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "medbadge", "semanticVersion": designer.__version__, "version": designer.__version__,
                                "informationUri": "https://github.com/medbadge/medbadge",
                                "rules": [_rule(rule) for rule in rules]}},
            "originalUriBaseIds": {"%SRCROOT%": {"uri": root.resolve().as_uri().rstrip("/") + "/",
                                                 "description": {"text": "The working directory of the lint run."}}},
            "artifacts": [{"location": location} for location in artifacts],
            "results": [_result(v, index, artifacts[0], root) for v in violations],
            "columnKind": "unicodeCodePoints",
        }],
    }
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"
