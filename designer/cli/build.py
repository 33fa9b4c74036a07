"""``medbadge build``: the asset set for a badge set file (a thin shell over ``designer.assetset``).

Progress goes to stderr: a Rich progress bar on a terminal, one plain line per design otherwise,
nothing but the summary with ``--quiet``. The summary says how many designs were rendered or
reused, how many files were written or unchanged, and how long it took.
"""

from __future__ import annotations

from pathlib import Path

import typer

from designer.assetset.options import DEFAULT_SIZES, FORMATS
from designer.base.errors import display_path
from designer.cli import app
from designer.cli.help import examples


@app.command(epilog=examples("medbadge build", "medbadge build badges.yaml -o dist --sizes 96,600",
                                      "medbadge build --badge history-taking --tier advanced --watch"))
def build(
    badge_set: Path = typer.Argument(..., metavar="BADGES_YAML", help="The badge set file (badges.yaml)."),
    output: Path = typer.Option(Path("dist"), "--output", "-o", metavar="DIR", help="The asset set folder (replaced as a whole)."),
    badge: list[str] = typer.Option(None, "--badge", "-b", help="Only these badges (repeat, or a comma list)."),
    tier: list[str] = typer.Option(None, "--tier", "-t", help="Only these tiers (repeat, or a comma list)."),
    sizes: str = typer.Option(DEFAULT_SIZES, "--sizes", help="PNG sizes in px, e.g. 64,96,600 or 96@2x."),
    formats: str = typer.Option(",".join(FORMATS), "--format", "-f", metavar="FORMATS", help="Any of svg,png,json (a comma list)."),
    jobs: int = typer.Option(0, "--jobs", "-j", help="Worker processes (0: one per CPU)."),
    base_url: str = typer.Option(None, "--base-url", help="Where the asset set is hosted (default: from the issuer id)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Print only the summary."),
    lint: bool = typer.Option(False, "--lint", help="Lint every design and show its status on the contact sheet."),
) -> int:
    """Build the asset set: SVG masters, PNGs, Open Badges JSON, manifest and contact sheet."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from designer.assetset import BuildOptions, parse_formats, parse_ids, parse_sizes
    from designer.assetset import build as build_asset_set

    options = BuildOptions(sizes=parse_sizes(sizes), formats=parse_formats(formats), badges=parse_ids(badge),
                           tiers=parse_ids(tier), jobs=jobs, base_url=base_url, lint=lint)
    console = Console(stderr=True, highlight=False)
    if quiet:
        result = build_asset_set(badge_set, output, options)
    elif console.is_terminal:
        with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                      console=console, transient=True) as bar:
            task = bar.add_task("building", total=None)

            def on_progress(done: int, total: int, slug: str, status: str) -> None:
                bar.update(task, completed=done, total=total, description=f"{status} {slug}")

            result = build_asset_set(badge_set, output, options, on_progress)
    else:
        def on_progress(done: int, total: int, slug: str, status: str) -> None:
            typer.echo(f"[{done}/{total}] {status} {slug}", err=True)

        result = build_asset_set(badge_set, output, options, on_progress)
    typer.echo(f"built {display_path(result.output)}: {result.designs} designs ({result.rendered} rendered, "
               f"{result.reused} unchanged), {result.files} files ({result.written} written, "
               f"{result.unchanged} unchanged) in {result.seconds:.1f} s"
               + ("" if result.findings is None else f"; lint: {result.findings} findings (see index.html)"))
    return 0
