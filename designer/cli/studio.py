"""``medbadge studio``: start the Streamlit app on localhost for a badge set."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import typer

from designer.cli import app
from designer.cli.help import examples
from designer.base.errors import MedbadgeError

APP = Path(__file__).resolve().parent.parent / "studio" / "app.py"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def studio_command(badge_set: Path, port: int, browser: bool) -> list[str]:
    return [sys.executable, "-m", "streamlit", "run", str(APP),
            "--server.address", "127.0.0.1", "--server.port", str(port),
            "--server.headless", "false" if browser else "true",
            "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none",
            "--server.runOnSave", "false", "--client.toolbarMode", "minimal", "--", str(badge_set)]


@app.command(epilog=examples("medbadge studio", "medbadge studio badges.yaml --port 8501 --no-browser"))
def studio(
    badge_set: Path = typer.Argument(None, metavar="BADGES_YAML", help="The badge set to open (default: a copy of the bundled example)."),
    port: int = typer.Option(0, "--port", show_default="a free one", help="Port on 127.0.0.1."),
    browser: bool = typer.Option(True, "--browser/--no-browser", help="Open a browser tab."),
) -> int:
    """Preview and edit badges in the browser (Streamlit app on localhost)."""
    try:
        import streamlit  # noqa: F401
    except ImportError:
        raise MedbadgeError("the studio needs Streamlit", hint="pip install 'medbadge[studio]'") from None
    if badge_set is None:
        from designer.examples import example_path

        # Never edit the installed example in place: work on a copy in the current folder.
        badge_set = Path("medical-school-example") / "badges.yaml"
        if not badge_set.exists():
            badge_set.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(example_path(), badge_set)
            typer.echo(f"copied the bundled example to {badge_set}")
    if not badge_set.is_file():
        raise MedbadgeError(f"no such file: {badge_set}", hint="pass a badges.yaml, or no file for the example")
    port = port or free_port()
    typer.echo(f"medbadge studio on http://127.0.0.1:{port} — editing {badge_set} (Ctrl-C to stop)")
    env = dict(os.environ, MEDBADGE_STUDIO_FILE=str(badge_set.resolve()))
    return subprocess.call(studio_command(badge_set.resolve(), port, browser), env=env)
