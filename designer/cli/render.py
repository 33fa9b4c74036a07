"""``medbadge render``: compose one badge × tier and write it as SVG or PNG."""

from __future__ import annotations

from pathlib import Path

import typer

from designer.base.errors import MedbadgeError
from designer.cli import app
from designer.cli.help import examples


@app.command(epilog=examples("medbadge render badges.yaml -b history-taking -t advanced -o history.png",
                                      "medbadge render badges.yaml -b history-taking -o history.svg"))
def render(
    badge_set: Path = typer.Argument(..., metavar="BADGES_YAML", help="The badge set file (badges.yaml)."),
    badge: str = typer.Option(..., "--badge", "-b", help="Badge id."),
    tier: str = typer.Option(None, "--tier", "-t", help="Tier id (default: the lowest tier the badge has)."),
    output: Path = typer.Option(..., "--output", "-o", metavar="FILE", help="Where to write: a .svg or .png file."),
    size: int = typer.Option(600, "--size", help="PNG width and height in pixels (16 to 4096)."),
) -> int:
    """Render one badge in one tier to an SVG master or a PNG."""
    import designer
    from designer.base.files import write_atomic
    from designer.base.raster import render_png

    suffix = output.suffix.lower()
    if suffix not in (".svg", ".png"):
        raise MedbadgeError(f"cannot write '{output}': the output must end in .svg or .png")
    if not 16 <= size <= 4096:
        raise MedbadgeError(f"--size {size} is out of range", hint="use 16 to 4096 pixels")
    loaded = designer.load(badge_set)
    designs = designer.resolve(loaded, badges=[badge], tiers=[tier] if tier else None)
    if not designs:
        raise MedbadgeError(f"badge '{badge}' has no tier '{tier}'")
    artwork = designer.compose(designs[0])
    data = artwork.svg if suffix == ".svg" else render_png(artwork.svg, size)
    write_atomic(output, data)
    typer.echo(f"wrote {output} ({designs[0].slug}, {len(data):,} bytes)")
    return 0
