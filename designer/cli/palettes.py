"""``medbadge palettes derive``: a palette from a brand's key colour(s), previewed and checked.

A thin shell over :mod:`palettes.derive`: parse the options, derive, lint the result (every
template in all four tiers, contrast and tier rules), print a Rich preview with swatches and the
contrast / ΔE2000 figures, and — only with ``-o`` — write the TOML file atomically, never over an
existing file without ``--force``.

Exit codes: 0 derived and clean; 1 a target cannot be met (the message says which and by how much)
or the derived palette fails the lint; 2 bad input (not a colour, unknown level, file exists).
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer
from rich.markup import escape
from rich.table import Table

from designer.cli import app
from designer.cli.help import examples
from designer.cli.output import Output
from designer.base.errors import MedbadgeError, display_path

palettes_app = typer.Typer(
    name="palettes",
    help="Derive palettes from a brand's key colours.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
console = Output(highlight=False)


def _swatch(color) -> str:
    return f"[on {color.hex}]      [/]"


def _colour_table(derived) -> Table:
    users: dict[str, list[str]] = {}
    for role, ref in derived.roles.items():
        users.setdefault(ref, []).append(role)
    table = Table(title=f"palette '{escape(derived.name)}' (WCAG {derived.wcag})", title_justify="left")
    for column in ("swatch", "colour", "hex", "roles"):
        table.add_column(column, no_wrap=True)
    for name, color in derived.colors.items():
        table.add_row(_swatch(color), name, str(color), ", ".join(users.get(name, [])))
    return table


def _measure_table(derived) -> Table:
    table = Table(title="checks (the lint rules re-check these on composed badges)", title_justify="left")
    for column in ("kind", "what", "value", "needed", ""):
        table.add_column(column, no_wrap=column != "what")
    tiers: dict[str, list] = {}
    for m in derived.measures:
        if m.kind == "tier":  # one row per tier pair: its smallest ΔE2000 over the five views
            tiers.setdefault(m.what.split(" in ")[0], []).append(m)
            continue
        table.add_row(m.kind, escape(m.what), f"{m.value:.2f}:1", f"{m.needed:g}:1",
                      "[green]ok[/]" if m.ok else "[red]FAIL[/]")
    for pair, found in tiers.items():
        worst = min(found, key=lambda m: m.value)
        table.add_row("tier ΔE2000", f"{pair} (lowest: {worst.what.split(' in ')[1]})", f"{worst.value:.1f}",
                      f"{worst.needed:g}", "[green]ok[/]" if worst.ok else "[red]FAIL[/]")
    return table


@palettes_app.command("derive", epilog=examples("medbadge palettes derive --key '#0b5563'",
                                                   "medbadge palettes derive -k '#0b5563' -k '#c2410c' -n harbour -o harbour.toml"))
def derive_command(
    key: list[str] = typer.Option(..., "--key", "-k", metavar="COLOUR",
                                  help="A brand key colour: the first is the face, a second gives the accent."),
    name: str = typer.Option("derived", "--name", "-n", help="The palette's name (and title)."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", metavar="TOML_FILE", help="Write the palette TOML here."),
    force: bool = typer.Option(False, "--force", help="Overwrite an existing --output file."),
    wcag: str = typer.Option("AA", "--wcag", metavar="AA|AAA", help="Text contrast target: AA (4.5:1) or AAA (7:1)."),
) -> int:
    """Derive text and tier colours from key colours, check them with the linter, preview, write."""
    from designer.base.color import Color, ColorParseError
    from designer.base.files import write_atomic
    from designer.lint.derived_palette import lint_derived
    from designer.palettes.derive import DerivationError, derive

    wcag = wcag.upper()
    if wcag not in ("AA", "AAA"):
        raise MedbadgeError(f"unknown WCAG level '{wcag}': use AA or AAA")
    try:
        keys = [Color.parse(k) for k in key]
    except ColorParseError as error:
        raise MedbadgeError(str(error)) from None
    if any(not k.opaque for k in keys):
        raise MedbadgeError("key colours must be opaque (no alpha)")
    if output is not None and output.exists() and not force:
        raise MedbadgeError(f"{display_path(output)} exists", hint="use --force to overwrite it")
    derived = derive(keys, name=name, wcag=wcag)
    console.print(_colour_table(derived))
    console.print(_measure_table(derived))
    for note in derived.notes:
        console.print(f"[yellow]note:[/] {escape(note)}")
    violations = lint_derived(derived)
    if violations:
        for v in violations:
            console.print(f"[red]{v.code}[/] {escape(v.message)} [{escape(v.badge or '')}/{escape(v.tier or '')}]")
        raise DerivationError(f"the derived palette fails {len(violations)} lint check(s) (listed above); "
                              "nothing written")
    console.print("[green]lint:[/] contrast and tier rules pass on every template in all four tiers")
    if output is None:
        console.print("[dim]preview only: add -o FILE to write the palette[/]")
        return 0
    data = derived.to_toml().encode("utf-8")
    write_atomic(output, data, exclusive=not force)
    console.print(f"wrote {escape(display_path(output))}")
    return 0


if not any(group.name == "palettes" for group in app.registered_groups):
    app.add_typer(palettes_app, name="palettes", help="Derive palettes from a brand's key colours.")
