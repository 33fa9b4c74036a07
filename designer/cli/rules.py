"""``medbadge rules``: every lint rule — code, name, family, default severity, summary — as a table or JSON.

The list comes from the one rule registry (:func:`designer.lint.registry.rules`), so it is the
same as ``--explain``, the docs pages and the SARIF rule table. ``--format json`` is for scripts
(an array of objects with ``code``, ``name``, ``family``, ``severity``, ``summary``, ``help_uri``).
"""

from __future__ import annotations

import json
from enum import Enum

import typer

from designer.cli import app
from designer.cli.help import examples
from designer.cli.output import Output


class RulesFormat(str, Enum):
    table = "table"
    json = "json"


@app.command("rules", epilog=examples("medbadge rules", "medbadge rules --format json",
                                      "medbadge lint --explain MB301"))
def rules_command(
    format: RulesFormat = typer.Option(RulesFormat.table, "--format", "-f",
                                       help="table (for people) or json (for scripts)."),
) -> int:
    """List every lint rule: code, name, family, default severity and what it checks."""
    from designer.lint.formats.sarif import help_uri
    from designer.lint.registry import family, rules

    entries = [{"code": r.CODE, "name": r.NAME, "family": family(r.CODE), "severity": r.SEVERITY,
                "summary": r.SUMMARY, "help_uri": help_uri(r)} for r in rules()]
    if format is RulesFormat.json:
        typer.echo(json.dumps(entries, indent=2, ensure_ascii=False))
        return 0
    from rich.markup import escape
    from rich.table import Table

    table = Table(title=f"{len(entries)} lint rules", title_justify="left")
    for column in ("code", "name", "family", "severity", "summary"):
        table.add_column(column, no_wrap=column != "summary")
    for entry in entries:
        table.add_row(entry["code"], entry["name"], entry["family"], entry["severity"], escape(entry["summary"]))
    Output(highlight=False).print(table)
    typer.echo("Details: medbadge lint --explain CODE")
    return 0
