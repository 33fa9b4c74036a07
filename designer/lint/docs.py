"""Rule documentation from the rule modules' docstrings: ``--explain``, ``docs/rules/``, SARIF text.

A rule docstring is a one-line title, then the sections *What*, *Why*, *Example* and *Fix*, each
a heading line followed by an indented body (numpy-docstring style without underlines).
"""

from __future__ import annotations

import inspect
import textwrap
from pathlib import Path

from designer.lint.registry import family, rules

SECTIONS = ("What", "Why", "Example", "Fix")


def sections(rule) -> dict[str, str]:
    """``{"title": ..., "What": ..., "Why": ..., "Example": ..., "Fix": ...}`` (only those present)."""
    doc = inspect.cleandoc(rule.__doc__ or "")
    lines = doc.splitlines()
    found: dict[str, list[str]] = {"title": [lines[0]] if lines else []}
    current = None
    for line in lines[1:]:
        if line.strip() in SECTIONS and not line.startswith(" "):
            current = line.strip()
            found[current] = []
        elif current is not None:
            found[current].append(line)
    return {key: textwrap.dedent("\n".join(body)).strip() for key, body in found.items() if "".join(body).strip()}


def missing_sections(rule) -> list[str]:
    have = sections(rule)
    return [name for name in ("title", *SECTIONS) if name not in have]


def explain(rule) -> str:
    """Plain text for ``medbadge lint --explain CODE``."""
    parts = sections(rule)
    out = [f"{rule.CODE} {rule.NAME} ({family(rule.CODE)}, default severity {rule.SEVERITY})", "",
           parts.get("title", rule.SUMMARY), ""]
    for name in SECTIONS:
        if name in parts:
            out += [name, textwrap.indent(parts[name], "    "), ""]
    return "\n".join(out).rstrip() + "\n"


def markdown(rule) -> str:
    parts = sections(rule)
    out = [f"# {rule.CODE} `{rule.NAME}`", "", f"**{parts.get('title', rule.SUMMARY)}**", "",
           f"- Family: {family(rule.CODE)}", f"- Default severity: `{rule.SEVERITY}`",
           f"- Select or ignore it as `{rule.CODE}` or `{rule.NAME}`.", ""]
    for name in SECTIONS:
        if name in parts:
            out += [f"## {name}", "", parts[name], ""]
    return "\n".join(out).rstrip() + "\n"


def index_markdown() -> str:
    out = ["# Lint rules", "", "Generated from the rule modules by `medbadge lint --write-docs docs/rules`;"
           " do not edit by hand.", "", "| Code | Name | Family | Severity | Summary |", "|---|---|---|---|---|"]
    for rule in rules():
        out.append(f"| [{rule.CODE}]({rule.CODE}.md) | `{rule.NAME}` | {family(rule.CODE)} | {rule.SEVERITY} | "
                   f"{rule.SUMMARY} |")
    return "\n".join(out) + "\n"


def write_docs(folder: Path) -> list[Path]:
    """Write ``<CODE>.md`` for every rule and ``index.md``; returns the paths written."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for rule in rules():
        path = folder / f"{rule.CODE}.md"
        path.write_text(markdown(rule), encoding="utf-8")
        written.append(path)
    index = folder / "index.md"
    index.write_text(index_markdown(), encoding="utf-8")
    return written + [index]
