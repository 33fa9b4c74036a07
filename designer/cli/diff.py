"""``medbadge diff``: what a change did to the artwork — two asset sets, or a badge set at two git revisions.

Exit codes: 0 no visual change, 1 a design was added, removed or its artwork changed, 2 bad input.
"""

from __future__ import annotations

import os
from pathlib import Path

import typer

from designer.base.errors import MedbadgeError
from designer.cli import app


_EXAMPLES = ("medbadge diff dist-main dist", "medbadge diff --rev main..HEAD badges.yaml --markdown diff.md",
             "medbadge diff --rev v1.0.. badges.yaml -o review")


@app.command(epilog="Examples:\n\n" + "\n\n".join(f"  {line}" for line in _EXAMPLES))
def diff(
    paths: list[Path] = typer.Argument(..., metavar="OLD NEW | BADGES.YAML",
                                       help="Two asset set folders; with --rev, one badge set file."),
    rev: str = typer.Option(None, "--rev", metavar="A..B", help="Compare BADGES.YAML at two git revisions, A..B (A.. : A against "
                                                "the working tree); what is missing is built into the cache."),
    output: Path = typer.Option(Path("medbadge-diff"), "--output", "-o", metavar="DIR",
                                help="The report folder (index.html and images/)."),
    markdown: Path = typer.Option(None, "--markdown", metavar="FILE", help="Also write a Markdown summary to this file."),
    cache_dir: Path = typer.Option(None, "--cache-dir", metavar="DIR", help="Where --rev builds go (default: the user cache)."),
    jobs: int = typer.Option(0, "--jobs", "-j", metavar="N", help="Worker processes for --rev builds (0: one per CPU)."),
) -> int:
    """Compare two asset sets: before, after and pixel-difference images, lint status, an HTML report."""
    from designer.base.files import write_atomic
    from designer.review import diff_asset_sets
    from designer.review.revisions import build_revision, default_cache_dir, parse_range

    if rev is not None:
        if len(paths) != 1:
            raise MedbadgeError("--rev takes one badge set file", hint="medbadge diff --rev main..HEAD badges.yaml")
        old_rev, new_rev = parse_range(rev)
        cache = cache_dir or default_cache_dir()
        old = build_revision(paths[0], old_rev, cache, jobs)
        new = build_revision(paths[0], new_rev, cache, jobs)
        title = f"medbadge diff {rev} — {paths[0].name}"
    else:
        if len(paths) != 2:
            raise MedbadgeError("give two asset set folders (OLD NEW)",
                                hint="or one badges.yaml with --rev A..B")
        old, new = paths
        title = f"medbadge diff {old} → {new}"
    result = diff_asset_sets(old, new, output, title)
    typer.echo(result.terminal(), nl=False)
    text = result.markdown().encode("utf-8")
    if markdown is not None:
        write_atomic(markdown, text)
    step_summary = os.environ.get("GITHUB_STEP_SUMMARY")
    if step_summary:
        try:  # GitHub collects the job summary from this file: append, as its docs ask
            with open(step_summary, "ab") as handle:
                handle.write(text)
        except OSError as error:
            raise MedbadgeError(f"cannot append to $GITHUB_STEP_SUMMARY ({error.strerror or error})",
                                hint="unset GITHUB_STEP_SUMMARY outside GitHub Actions") from None
    return 1 if result.visual_changes else 0
