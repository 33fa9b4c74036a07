"""``medbadge icons list | search | show | import | sheet``: the icon library from the command line.

A thin shell over :mod:`icon_library`: it parses options, calls the library and prints with Rich.
Every expected failure is a :class:`~designer.base.errors.MedbadgeError` (an unknown icon, a refused SVG)
that :func:`designer.cli.main` turns into one line on stderr and exit code 2. Files are written
atomically by the library functions, so an interrupted command leaves no half-written output.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Optional

import typer

from designer.cli.help import examples
from designer.cli.output import Output
from rich.markup import escape
from rich.table import Table

from designer import icon_library  # a lazy package: its catalog and model load on first use
from designer.base.errors import MedbadgeError, display_path

if TYPE_CHECKING:
    from designer.icon_library.model import Icon

icons_app = typer.Typer(
    name="icons",
    help="List, search, show, import icons; print a specimen sheet.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
console = Output(highlight=False)


def _checks():
    from designer.icon_library import checks  # renders icons: imported only by the commands that measure

    return checks

CHECK_SIZES = (24, 32, 48, 96)
_ICON_PATH_HELP = "A folder of your own icons, searched after the built-ins (repeatable)."


def _paths(icon_path: Optional[list[Path]]) -> list[Path]:
    return list(icon_path or [])


def _count(n: int) -> str:
    """``1 icon``, ``2 icons``."""
    return f"{n} icon{'' if n == 1 else 's'}"


def _icon_table(icons: list[Icon], title: str) -> Table:
    table = Table(title=title, title_justify="left", show_lines=False)
    for column in ("name", "title", "categories", "emblem", "licence"):
        table.add_column(column, no_wrap=column == "name")
    for icon in icons:
        source = "" if icon.builtin else f" [dim]({escape(display_path(icon.path.parent))})[/dim]"
        table.add_row(f"[bold]{icon.name}[/bold]{source}", escape(icon.title), ", ".join(icon.categories),
                      icon.emblem or "", escape(icon.licence))
    return table


@icons_app.command("list", epilog=examples("medbadge icons list", "medbadge icons list --category anatomy"))
def list_icons(
    category: Optional[str] = typer.Option(None, "--category", "-c", help="Only icons in this category."),
    icon_path: Optional[list[Path]] = typer.Option(None, "--icon-path", "-I", metavar="DIR", help=_ICON_PATH_HELP),
) -> int:
    """List every icon (name, title, categories, emblem, licence)."""
    icons = icon_library.search(category=category, search_paths=_paths(icon_path))
    heading = _count(len(icons)) + (f" in '{escape(category)}'" if category else "")
    console.print(_icon_table(icons, heading))
    return 0


@icons_app.command("search", epilog=examples("medbadge icons search airway", "medbadge icons search heart -c anatomy"))
def search_icons(
    query: str = typer.Argument(..., metavar="QUERY", help="Words to look for in names, titles and keywords."),
    category: Optional[str] = typer.Option(None, "--category", "-c", help="Only icons in this category."),
    icon_path: Optional[list[Path]] = typer.Option(None, "--icon-path", "-I", metavar="DIR", help=_ICON_PATH_HELP),
) -> int:
    """Search icons by meaning ("pediatrics", "airway"), best match first."""
    icons = icon_library.search(query, category=category, search_paths=_paths(icon_path))
    if not icons:
        console.print(f"no icon matches '{escape(query)}'; try a broader word or 'medbadge icons list'")
        return 0
    matches = "matches" if len(icons) == 1 else "match"
    console.print(_icon_table(icons, f"{_count(len(icons))} {matches} '{escape(query)}'"))
    return 0


@icons_app.command("show", epilog=examples("medbadge icons show stethoscope",
                                            "medbadge icons show stethoscope -o stethoscope.png --size 96 --color '#0b5563'"))
def show_icon(
    name: str = typer.Argument(..., metavar="NAME", help="The icon name."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", metavar="PNG_FILE", help="Also render it to this PNG file."),
    size: int = typer.Option(256, "--size", min=8, max=4096, help="PNG size in px, 8 to 4096 (with -o)."),
    color: str = typer.Option("#1f2933", "--color", metavar="COLOUR", help="Colour for currentColor in the PNG: #rrggbb or a CSS name."),
    icon_path: Optional[list[Path]] = typer.Option(None, "--icon-path", "-I", metavar="DIR", help=_ICON_PATH_HELP),
) -> int:
    """Show an icon's catalog entry and its legibility checks; optionally render it."""
    from designer.base.color import Color, ColorParseError

    try:
        Color.parse(color)  # before any work: a typo must not give a black icon
    except ColorParseError as error:
        raise MedbadgeError(f"--color: {error}") from None
    icon = icon_library.get(name, search_paths=_paths(icon_path))
    facts = Table.grid(padding=(0, 2))
    facts.add_column(style="bold")
    facts.add_column()
    for label, value in (("name", icon.name), ("title", icon.title), ("categories", ", ".join(icon.categories)),
                         ("keywords", ", ".join(icon.keywords)), ("licence", icon.licence),
                         ("emblem", icon.emblem or "none"), ("notes", icon.notes),
                         ("file", display_path(icon.path)), ("viewBox", " ".join(f"{v:g}" for v in icon.view_box)),
                         ("colour", "uses colours" if _checks().uses_colour(icon) else "currentColor only")):
        facts.add_row(label, escape(value))
    console.print(facts)
    if icon.emblem:
        from designer.icon_library.model import EMBLEMS

        protected = "protected emblem: " if EMBLEMS[icon.emblem]["protected"] else ""
        console.print(f"[yellow]{protected}{EMBLEMS[icon.emblem]['note']}[/yellow]")
    table = Table(title="legibility at display sizes", title_justify="left")
    for column in ("size", "thinnest stroke", "smallest detail", "verdict"):
        table.add_column(column)
    for px in CHECK_SIZES:
        measured = _checks().legibility(icon, px)
        stroke, detail, problems = measured.thinnest_stroke_px, measured.smallest_detail_px, measured.problems
        table.add_row(f"{px} px", "-" if stroke is None else f"{stroke:.2f} px",
                      "-" if detail is None else f"{detail:.2f} px",
                      "[green]ok[/green]" if not problems else f"[red]{'; '.join(problems)}[/red]")
    console.print(table)
    if output is not None:
        from designer.icon_library.raster import render_icon_png
        from designer.base.files import write_atomic

        write_atomic(output, render_icon_png(icon.svg(color=color, size=size), size))
        console.print(f"wrote {escape(display_path(output))} ({size}x{size} px)")
    return 0


@icons_app.command("import", epilog=examples("medbadge icons import trachea.svg --name trachea --licence CC0-1.0 -k breathing"))
def import_svg(
    file: Path = typer.Argument(..., metavar="SVG_FILE", help="The SVG file to import (from a set whose licence allows it)."),
    name: str = typer.Option(..., "--name", "-n", help="Icon name: lower-case, digits and hyphens."),
    dest: Path = typer.Option(Path("icons"), "--dest", "-d", metavar="DIR", help="Your icon folder (created if needed)."),
    title: Optional[str] = typer.Option(None, "--title", help="Human title (default: from the name)."),
    keyword: Optional[list[str]] = typer.Option(None, "--keyword", "-k", help="Search keyword (repeatable)."),
    category: Optional[list[str]] = typer.Option(None, "--category", "-c", help="Category (repeatable)."),
    licence: str = typer.Option("unspecified", "--licence", help="SPDX licence id of the source, e.g. CC0-1.0."),
) -> int:
    """Import an SVG safely: sanitize it, recolour it to currentColor and fit it to the 24 grid."""
    from designer.icon_library.importer import import_icon

    report = import_icon(file, name, dest, title=title, keywords=keyword or (),
                         categories=category or ("symbol",), licence=licence)
    console.print(f"imported [bold]{name}[/bold] -> {escape(display_path(report.svg_path))} "
                  f"(catalog {escape(display_path(report.catalog_path))})")
    for change in report.changes:
        console.print(f"  - {escape(change)}")
    if licence == "unspecified":
        console.print("[yellow]no --licence given: record the source's licence before publishing badges[/yellow]")
    for problem in _checks().findings(report.icon, 32):
        console.print(f"[yellow]check at 32 px: {escape(problem)}[/yellow]")
    folder = escape(display_path(dest))
    console.print(f"use it with --icon-path {folder}, or in the badge set: paths: {{icons: \\[{folder}]}}")
    return 0


@icons_app.command("sheet", epilog=examples("medbadge icons sheet -o icons.png", "medbadge icons sheet -o icons.png --html icons.html"))
def sheet(
    output: Path = typer.Option(..., "--output", "-o", metavar="PNG_FILE", help="PNG specimen to write."),
    html: Optional[Path] = typer.Option(None, "--html", metavar="HTML_FILE", help="Also write an HTML specimen with inline SVG."),
    category: Optional[str] = typer.Option(None, "--category", "-c", help="Only icons in this category."),
    icon_path: Optional[list[Path]] = typer.Option(None, "--icon-path", "-I", metavar="DIR", help=_ICON_PATH_HELP),
) -> int:
    """Write a specimen sheet: every icon at 24, 48 and 96 px with its name."""
    from designer.icon_library.sheet import write_sheets

    if output.suffix.lower() != ".png":
        raise MedbadgeError(f"{display_path(output)}: the sheet is a PNG", hint="name the output file ....png")
    icons = icon_library.search(category=category, search_paths=_paths(icon_path))
    write_sheets(output, icons, html)  # both or neither
    console.print(f"wrote {escape(display_path(output))} ({_count(len(icons))})")
    if html is not None:
        console.print(f"wrote {escape(display_path(html))}")
    return 0
