"""``medbadge build``: the asset set for a badge set file (a thin shell over ``designer.assetset``).

Progress goes to stderr: a Rich progress bar on a terminal, otherwise one plain line per design
rendered (reused designs are not listed), nothing but the summary with ``--quiet``. The summary is
one line: how many designs were rendered or reused and files written or unchanged, and how long it
took — or, when nothing changed, that the asset set is up to date. The asset set always holds
exactly what the last build asked for (docs/build.md), so a filtered build (``--badge``,
``--tier``) into a fuller set says which badges' files it removed.
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
    badge_set: Path = typer.Argument(None, metavar="BADGES_YAML", show_default=False,
                                    help="The badge set file (default: ./badges.yaml, or \\[tool.medbadge] badge-set in pyproject.toml)."),
    output: Path = typer.Option(Path("dist"), "--output", "-o", metavar="DIR", help="The asset set folder (replaced as a whole)."),
    badge: list[str] = typer.Option(None, "--badge", "-b", help="Only these badges (repeat, or a comma list)."),
    tier: list[str] = typer.Option(None, "--tier", "-t", help="Only these tiers (repeat, or a comma list)."),
    sizes: str = typer.Option(DEFAULT_SIZES, "--sizes", help="PNG sizes in px, e.g. 64,96,600 or 96@2x."),
    formats: str = typer.Option(",".join(FORMATS), "--format", "-f", metavar="FORMATS", help="Any of svg,png,json (a comma list)."),
    jobs: int = typer.Option(0, "--jobs", "-j", help="Worker processes (0: one per CPU)."),
    base_url: str = typer.Option(None, "--base-url", help="Where the asset set is hosted (default: from the issuer id)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Print only the summary."),
    lint: bool = typer.Option(False, "--lint", help="Lint every design and show its status on the contact sheet."),
    watch: bool = typer.Option(False, "--watch", "-w", help="Build again each time a file the badge set uses is saved (Ctrl-C stops)."),
) -> int:
    """Build the asset set: SVG masters, PNGs, Open Badges JSON, manifest and contact sheet."""
    from designer.assetset import BuildOptions, parse_formats, parse_ids, parse_sizes
    from designer.cli.discover import find_badge_set

    badge_set = find_badge_set(badge_set)
    options = BuildOptions(sizes=parse_sizes(sizes), formats=parse_formats(formats), badges=parse_ids(badge),
                           tiers=parse_ids(tier), jobs=jobs, base_url=base_url, lint=lint)
    if watch:
        from designer.cli.watch import watch_badge_set

        return watch_badge_set(badge_set, "build", lambda: _build_once(badge_set, output, options, quiet=True, echo=False),
                               ignore=[output])
    _build_once(badge_set, output, options, quiet)
    return 0


def _build_once(badge_set: Path, output: Path, options, quiet: bool, echo: bool = True) -> str:
    """Build, print the summary line unless ``echo`` is off (and what a filtered build removed);
    return the summary."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from designer.assetset import build as build_asset_set

    console = Console(stderr=True, highlight=False)
    before = _designs_in(output)
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
            if status != "unchanged":  # a no-op rebuild is one summary line, not one line per design
                typer.echo(f"[{done}/{total}] {status} {slug}", err=True)

        result = build_asset_set(badge_set, output, options, on_progress)
    summary = summary_line(result)
    if echo:
        typer.echo(summary)
    removed = removed_designs(before, _designs_in(output))
    if removed:
        files = sum(removed.values())
        typer.echo(f"removed {files} file{'s' if files != 1 else ''} of designs this build did not include: "
                   f"{', '.join(removed)} (the asset set holds exactly what the last build asked for; "
                   "build without --badge/--tier for every badge)", err=True)
    return summary


def summary_line(result) -> str:
    """One line: what was done, or that nothing needed doing."""
    lint = "" if result.findings is None else f"; lint: {result.findings} findings (see index.html)"
    shown = display_path(result.output)
    if result.rendered == 0 and result.written == 0:
        return f"{shown} is up to date: {_n(result.designs, 'design')}, {_n(result.files, 'file')} unchanged ({result.seconds:.1f} s){lint}"
    return (f"built {shown}: {_n(result.designs, 'design')} ({result.rendered} rendered, {result.reused} unchanged), "
            f"{_n(result.files, 'file')} ({result.written} written, {result.unchanged} unchanged) "
            f"in {result.seconds:.1f} s{lint}")


def _n(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def _designs_in(output: Path) -> dict[tuple[str, str], int]:
    """Files per (badge, tier) in the asset set's manifest (empty if there is none or it is unreadable)."""
    from designer.base.errors import MedbadgeError
    from designer.review.assetsets import MANIFEST, read_asset_set

    if not (output / MANIFEST).is_file():
        return {}
    try:
        found = read_asset_set(output)
    except MedbadgeError:
        return {}  # not ours to judge here: the build itself refuses a folder it did not make
    return {(design.badge, design.tier): len(design.files) for design in found.designs.values()}


def removed_designs(before: dict[tuple[str, str], int], after: dict[tuple[str, str], int]) -> dict[str, int]:
    """What was in the asset set and is gone now, with file counts: a badge whose every tier went
    is named alone, else ``badge/tier``.

    >>> removed_designs({("a", "x"): 5, ("b", "x"): 5, ("b", "y"): 5}, {("a", "x"): 5})
    {'b': 10}
    >>> removed_designs({("a", "x"): 5, ("a", "y"): 5}, {("a", "x"): 5})
    {'a/y': 5}
    """
    gone = {key: count for key, count in before.items() if key not in after}
    kept_badges = {badge for badge, _ in after}
    named: dict[str, int] = {}
    for (badge, tier), count in sorted(gone.items()):
        name = f"{badge}/{tier}" if badge in kept_badges and tier else badge
        named[name] = named.get(name, 0) + count
    return named
