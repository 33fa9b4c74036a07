"""``medbadge studio``: serve the Streamlit app on localhost for a badge set, and stop it cleanly.

Streamlit is started as a child process that never asks anything: always headless (its first-run
"Email:" prompt only appears when it is not, and would end a run without a terminal — nohup,
systemd, Docker — with exit 255), usage statistics off, stdin closed, its own start-up banner
filtered out of the output it shares with us. This command prints the one URL itself, and only
once the server answers its health check, so a port that is taken gives one message and exit 2
before any URL. It opens the browser tab itself (``--no-browser`` to leave it). SIGTERM, SIGHUP or
SIGINT (Ctrl-C) to ``medbadge studio`` stops Streamlit too, and on Linux the child is also told to
stop if this process is killed outright. Uploads are capped at the size the icon importer accepts
(:func:`upload_limit_mb`), so the limit the page shows is the real one.
"""

from __future__ import annotations

import errno
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import typer

from designer.base import interrupt
from designer.base.errors import MedbadgeError, display_path
from designer.cli import app
from designer.cli.help import examples

APP = Path(__file__).resolve().parent.parent / "studio" / "app.py"
START_TIMEOUT_S = 90
#: What Streamlit prints at start-up that this command says itself (or that is not for users).
_BANNER = ("You can now view your Streamlit app", "URL: http", "Local URL:", "Network URL:", "External URL:",
           "Uvicorn server started", "Collecting usage statistics", "Welcome to Streamlit", "Stopping...")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def check_port(port: int) -> None:
    """Refuse a port another program listens on, before anything is started or printed."""
    with socket.socket() as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the server will: TIME_WAIT is no owner
        try:
            probe.bind(("127.0.0.1", port))
        except OSError as error:
            if error.errno in (errno.EADDRINUSE, errno.EACCES):
                why = "in use by another program" if error.errno == errno.EADDRINUSE else "not allowed for this user"
                raise MedbadgeError(f"port {port} on 127.0.0.1 is {why}",
                                    hint="choose another --port, or leave --port out for a free one") from None
            raise


def upload_limit_mb() -> int:
    """The largest SVG the icon importer reads (``icon_library.safe_xml.MAX_MIB``, in the whole
    MiB Streamlit counts in); the studio's file uploader is given the same number."""
    from designer.icon_library.safe_xml import MAX_MIB

    return MAX_MIB


def studio_command(badge_set: Path, port: int) -> list[str]:
    return [sys.executable, "-m", "streamlit", "run", str(APP),
            "--server.address", "127.0.0.1", "--server.port", str(port),
            "--server.headless", "true", "--browser.gatherUsageStats", "false",
            "--server.fileWatcherType", "none", "--server.runOnSave", "false",
            "--server.maxUploadSize", str(upload_limit_mb()), "--client.toolbarMode", "minimal",
            "--logger.level", "warning", "--", str(badge_set)]


def _stop_with_parent() -> None:  # pragma: no cover - runs in the child between fork and exec
    """Linux: the child gets SIGTERM if this process dies without a chance to stop it (SIGKILL)."""
    try:
        import ctypes

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def _forward(stream, sink) -> None:
    """Copy the child's output to ours, without Streamlit's banner."""
    for line in iter(stream.readline, ""):
        if line.strip() and not any(marker in line for marker in _BANNER):
            sink.write(line)
            sink.flush()


def _healthy(url: str) -> bool:
    import urllib.request

    try:
        with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as answer:
            return answer.read().strip() == b"ok"
    except OSError:
        return False


def _stop(child: subprocess.Popen) -> None:
    if child.poll() is None:
        child.terminate()
        try:
            child.wait(timeout=15)
        except subprocess.TimeoutExpired:
            child.kill()
            child.wait()


def serve(badge_set: Path, port: int, browser: bool) -> int:
    """Run Streamlit for ``badge_set`` until it exits or we are told to stop; return the exit code."""
    env = dict(os.environ, MEDBADGE_STUDIO_FILE=str(badge_set.resolve()))
    env.pop("STREAMLIT_SERVER_HEADLESS", None)  # the command line decides: always headless
    child = subprocess.Popen(studio_command(badge_set.resolve(), port), env=env, stdin=subprocess.DEVNULL,
                             stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, errors="replace",
                             preexec_fn=_stop_with_parent if sys.platform.startswith("linux") else None)
    forwarder = threading.Thread(target=_forward, args=(child.stdout, sys.stderr), daemon=True)
    forwarder.start()

    def stop_signal(signum, frame) -> None:  # noqa: ANN001 - signal handler
        raise interrupt.Interrupted()

    previous = {sig: signal.signal(sig, stop_signal) for sig in (signal.SIGTERM, signal.SIGHUP)}
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + START_TIMEOUT_S
        while not _healthy(url):
            if child.poll() is not None:
                forwarder.join(timeout=2)
                raise MedbadgeError(f"the studio stopped while starting (Streamlit exit code {child.returncode})",
                                    hint="its messages are above")
            if time.monotonic() > deadline:
                raise MedbadgeError(f"the studio did not answer on {url} within {START_TIMEOUT_S} s")
            time.sleep(0.2)
        typer.echo(f"medbadge studio on {url} — editing {display_path(badge_set)} (Ctrl-C to stop)")
        if browser:
            import webbrowser

            webbrowser.open(url)
        return child.wait()
    except (interrupt.Interrupted, KeyboardInterrupt):
        typer.echo("studio stopped", err=True)
        return 0
    finally:
        _stop(child)
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def _badge_set_or_example(badge_set: Path | None) -> Path:
    """The named file, else one found from here (./badges.yaml, [tool.medbadge]), else a copy of the
    bundled example in ./medical-school-example (never the installed file itself)."""
    from designer.cli.discover import find_badge_set

    if badge_set is not None:
        return badge_set
    try:
        return find_badge_set(None)
    except MedbadgeError:
        pass
    from designer.examples import example_path

    copy = Path("medical-school-example") / "badges.yaml"
    if not copy.exists():
        copy.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(example_path(), copy)
        typer.echo(f"no badges.yaml here: copied the bundled example to {copy}")
    return copy


@app.command(epilog=examples("medbadge studio", "medbadge studio badges.yaml --port 8501 --no-browser"))
def studio(
    badge_set: Path = typer.Argument(None, metavar="BADGES_YAML", show_default=False,
                                     help="The badge set to open (default: ./badges.yaml, \\[tool.medbadge] badge-set "
                                          "in pyproject.toml, else a copy of the bundled example)."),
    port: int = typer.Option(0, "--port", show_default="a free one", help="Port on 127.0.0.1."),
    browser: bool = typer.Option(True, "--browser/--no-browser", help="Open a browser tab."),
) -> int:
    """Preview and edit badges in the browser (Streamlit app on localhost)."""
    import importlib.util

    if importlib.util.find_spec("streamlit") is None:  # looked up, not imported: the child imports it
        raise MedbadgeError("the studio needs Streamlit", hint="pip install 'medbadge[studio]'")
    if port:
        check_port(port)
    badge_set = _badge_set_or_example(badge_set)
    if not badge_set.is_file():
        raise MedbadgeError(f"no such file: {badge_set}", hint="pass a badges.yaml, or no file for the example")
    return serve(badge_set, port or free_port(), browser)
