"""``medbadge studio`` as a process, the way a service manager or a script runs it: no terminal, stdin
closed, stopped with a signal. Real Streamlit, real HTTP, real process table (Linux /proc)."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from designer.cli.studio import free_port
from tests.conftest import EXAMPLE

pytestmark = pytest.mark.skipif(not Path("/proc/self/task").is_dir() or shutil.which("setsid") is None,
                                reason="needs Linux /proc and setsid")


def descendants(pid: int) -> set[int]:
    """Every process below ``pid`` (children, grandchildren, ...), from /proc."""
    found, todo = set(), [pid]
    while todo:
        parent = todo.pop()
        for task in Path(f"/proc/{parent}/task").glob("*"):
            try:
                children = (task / "children").read_text().split()
            except OSError:
                continue
            for child in map(int, children):
                if child not in found:
                    found.add(child)
                    todo.append(child)
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().split(") ")[-1].split()[0]
    except OSError:
        return False
    return state != "Z"


def get(url: str) -> tuple[int, bytes]:
    with urllib.request.urlopen(url, timeout=5) as answer:
        return answer.status, answer.read()


class Studio:
    """``setsid medbadge studio FILE --port P --no-browser < /dev/null`` with its output in a file."""

    def __init__(self, tmp_path: Path, port: int | None = None):
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        badge_set = tmp_path / "badges.yaml"
        shutil.copyfile(EXAMPLE, badge_set)
        self.log = tmp_path / "studio.log"
        with open(os.devnull, "rb") as stdin, self.log.open("wb") as out:
            self.process = subprocess.Popen(
                ["setsid", sys.executable, "-m", "designer", "studio", str(badge_set), "--port", str(self.port),
                 "--no-browser"], cwd=tmp_path, stdin=stdin, stdout=out, stderr=subprocess.STDOUT,
                env={k: v for k, v in os.environ.items() if k not in ("DISPLAY", "BROWSER")})

    def output(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")

    def wait_until_serving(self, timeout: float = 120) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.url in self.output():
                return
            assert self.process.poll() is None, self.output()
            time.sleep(0.2)
        raise AssertionError(f"no URL after {timeout} s: {self.output()}")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        for pid in descendants(self.process.pid):
            os.kill(pid, signal.SIGKILL)


@pytest.mark.parametrize("stop_with", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_headless_without_stdin_it_serves_and_a_signal_stops_streamlit_too(tmp_path, stop_with):
    studio = Studio(tmp_path)
    try:
        studio.wait_until_serving()
        status, page = get(studio.url + "/")
        assert status == 200 and b"<html" in page.lower()
        assert get(studio.url + "/_stcore/health") == (200, b"ok")
        children = descendants(studio.process.pid)
        assert children, "Streamlit runs as a child process"
        studio.process.send_signal(stop_with)
        assert studio.process.wait(timeout=30) == 0
        deadline = time.monotonic() + 10
        while any(alive(pid) for pid in children) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not any(alive(pid) for pid in children), "a Streamlit process survived medbadge studio"
        with pytest.raises(OSError):
            get(studio.url + "/_stcore/health")
    finally:
        studio.stop()
    output = studio.output()
    for unwanted in ("Email", "Welcome to Streamlit", "usage statistics", "You can now view", "Traceback"):
        assert unwanted not in output, output
    assert output.count(studio.url) == 1


def test_a_busy_port_is_one_message_and_exit_2_before_any_url(tmp_path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        studio = Studio(tmp_path, port)
        try:
            code = studio.process.wait(timeout=60)
        finally:
            studio.stop()
    output = studio.output()
    assert code == 2
    assert output.strip().splitlines() == [f"error: port {port} on 127.0.0.1 is in use by another program "
                                           "(choose another --port, or leave --port out for a free one)"]
    assert "http://" not in output
