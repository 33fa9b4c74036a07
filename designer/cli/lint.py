"""``medbadge lint``: check a badge set's artwork for contrast, legibility, tiers, brand, icons, SVG.

With no file it lints the badge set found from the current folder (:mod:`designer.cli.discover`);
``--statistics`` prints a count per rule instead of each finding, ``--quiet`` leaves out the
summary line, ``--watch`` lints again on every save. Exit codes: 0 no findings at or above the fail
level, 1 findings at or above it, 2 bad input (with ``--watch``: 0 when stopped with Ctrl-C).
"""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from designer.cli import app
from designer.cli.help import examples
from designer.base.errors import MedbadgeError, display_path
from designer.lint.formats import FORMATS, Report
from designer.lint.formats import statistics as statistics_format
from designer.base.files import write_atomic


def _split(values: list[str] | None) -> tuple[str, ...] | None:
    if not values:
        return None
    return tuple(part.strip() for value in values for part in value.split(",") if part.strip())


@app.command(epilog=examples("medbadge lint", "medbadge lint badges.yaml --statistics",
                                      "medbadge lint badges.yaml --format sarif -o lint.sarif",
                                      "medbadge lint --explain MB101", "medbadge lint --watch"))
def lint(
    badge_sets: list[Path] = typer.Argument(None, metavar="BADGES_YAML", show_default=False,
                                            help="Badge set files; findings are combined (default: ./badges.yaml, "
                                                 "or \\[tool.medbadge] badge-set in pyproject.toml)."),
    format: str = typer.Option("text", "--format", "-f", help=f"Output format: {', '.join(FORMATS)}."),
    select: list[str] = typer.Option(None, "--select", metavar="RULES", help="Only these rules (codes, prefixes like MB3, or names)."),
    ignore: list[str] = typer.Option(None, "--ignore", metavar="RULES", help="Skip these rules (codes, prefixes or names)."),
    wcag: str = typer.Option(None, "--wcag", metavar="AA|AAA", show_default="AA, or the lint configuration's", help="WCAG level for text contrast."),
    fail_level: str = typer.Option(None, "--fail-level", metavar="error|warning|info", show_default="error, or the lint configuration's", help="Exit 1 on findings at or above this severity."),
    badge: list[str] = typer.Option(None, "--badge", "-b", help="Lint only these badge ids."),
    output: Path = typer.Option(None, "--output", "-o", metavar="FILE", help="Write the report to this file instead of stdout."),
    explain: str = typer.Option(None, "--explain", metavar="CODE", help="Print the documentation of a rule and exit."),
    write_docs: Path = typer.Option(None, "--write-docs", metavar="DIR", help="Write docs/rules pages for every rule and exit."),
    statistics: bool = typer.Option(False, "--statistics", help="Print how many findings each rule made instead of each finding."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Print the findings only: no summary line, nothing when clean."),
    watch: bool = typer.Option(False, "--watch", "-w", help="Lint again each time a file the badge set uses is saved (Ctrl-C stops)."),
) -> int:
    """Lint a badge set: contrast, legibility, tiers, brand, iconography, metadata, SVG hygiene."""
    import designer
    from designer.lint import failing
    from designer.lint import lint as run_lint
    from designer.lint import load_config
    from designer.lint.docs import explain as explain_rule
    from designer.lint.docs import write_docs as write_rule_docs
    from designer.lint.registry import get, is_known_rule, rules
    from designer.lint.violation import SEVERITIES

    if explain:
        rule = get(explain)
        if rule is None:
            raise MedbadgeError(f"unknown rule '{explain}'", hint="see `medbadge lint --explain MB101` or docs/rules")
        typer.echo(explain_rule(rule), nl=False)
        return 0
    if write_docs is not None:
        written = write_rule_docs(write_docs)
        typer.echo(f"wrote {len(written)} pages to {write_docs}")
        return 0
    if format not in FORMATS:
        raise MedbadgeError(f"unknown format '{format}'", hint=f"use one of {', '.join(FORMATS)}")
    if statistics and format != "text":
        raise MedbadgeError("--statistics prints a table for people", hint="use it without --format, or with --format text")
    from designer.cli.discover import find_badge_set

    badge_sets = list(badge_sets) if badge_sets else [find_badge_set(None)]
    overrides: dict = {}
    for key, values in (("select", _split(select)), ("ignore", _split(ignore))):
        if values is not None:
            unknown = [v for v in values if not is_known_rule(v, prefix=True)]
            if unknown:
                raise MedbadgeError(f"--{key}: unknown rule '{unknown[0]}'")
            overrides[key] = values
    if wcag is not None:
        if wcag.upper() not in ("AA", "AAA"):
            raise MedbadgeError(f"--wcag {wcag}: use AA or AAA")
        overrides["wcag"] = wcag.upper()
    if fail_level is not None:
        if fail_level not in SEVERITIES:
            raise MedbadgeError(f"--fail-level {fail_level}: use error, warning or info")
        overrides["fail_level"] = fail_level

    def lint_once() -> tuple[str, bool, list]:
        violations, ran, failed, fail_level = [], {}, False, None
        for badge_set in badge_sets:
            loaded = designer.load(badge_set)
            config = load_config(loaded, overrides)
            fail_level = fail_level or config.fail_level
            wanted = badge or None
            if wanted and len(badge_sets) > 1:  # with several files, each takes the ids it has
                wanted = [b for b in wanted if b in {item.id for item in loaded.model.badges}]
                if not wanted:
                    continue
            designs = designer.resolve(loaded, badges=wanted)
            found = run_lint(loaded, designs, config) + _card_findings(loaded, designs, config)
            violations += found
            failed = failed or bool(failing(found, config.fail_level))
            ran.update({r.CODE: r for r in rules() if config.enabled(r.CODE, r.NAME)})
        to_tty = output is None and format == "text" and sys.stdout.isatty()
        shown = ", ".join(display_path(p) for p in badge_sets)
        report = Report(shown, tuple(ran[code] for code in sorted(ran)), color=to_tty,
                        badge_set_paths=tuple(display_path(p) for p in badge_sets),
                        fail_level=fail_level or "error", quiet=quiet)
        writer = statistics_format.write if statistics else FORMATS[format]
        return writer(violations, report), failed, violations

    def emit(text: str) -> None:
        if output is not None:
            write_atomic(output, text.encode("utf-8"))
        else:
            typer.echo(text, nl=False)

    if watch:
        from designer.cli.watch import watch_badge_set

        def relint() -> str:
            text, _, found = lint_once()
            emit(text)
            return f"{len(found)} finding{'s' if len(found) != 1 else ''}" if found else "no findings"

        return watch_badge_set(badge_sets[0], "lint", relint, extra=badge_sets[1:],
                               ignore=[output] if output is not None else [])
    text, failed, _ = lint_once()
    emit(text)
    return 1 if failed else 0


def _card_findings(badge_set, designs, config) -> list:
    """The share card's findings, when the badge set makes cards: judged like a badge (docs/share.md)."""
    from designer.share.selection import wants

    if not wants(badge_set, "card"):
        return []
    from designer.lint import Violation
    from designer.share.checks import card_violations

    return sorted(card_violations(badge_set, designs, config), key=Violation.sort_key)
