"""Time and peak memory of each command over every hostile input; flag any that runs away.

    python benchmarks/bench_hostile.py                  # every command, every hostile file
    python benchmarks/bench_hostile.py --only lint      # one command (lint, build, render, icons, unbake, verify)

Each run is a fresh ``python -m designer ...`` child process, so its figures are its own: wall time
from start to exit, and peak resident memory from ``os.wait4`` (the child's own ``ru_maxrss``, which
includes any process it waited for). The inputs:

* ``medbadge lint``, ``build -o <tmp>`` and ``render -o <tmp>.svg`` over tests/hostile/badgesets/*.yaml,
  plus ``/dev/zero`` and an 8 GiB sparse file named badges.yaml;
* ``medbadge icons import`` over tests/hostile/icons/*.svg, if that folder exists;
* ``medbadge unbake`` and ``verify`` over tests/hostile/images/*, if that folder exists.

An input of at most 1 MB that takes a command above 500 MB or 10 s is flagged (so is a traceback,
an exit code other than 0-3, or a run killed at the 120 s timeout); the exit status is 1 if any was.
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HOSTILE = ROOT / "tests" / "hostile"
MAX_MB, MAX_SECONDS, INPUT_MB, TIMEOUT = 500, 10.0, 1_000_000, 120.0


@dataclass
class Run:
    command: str
    input: Path
    size: int | None
    seconds: float
    peak_mb: float
    code: int | None
    message: str

    @property
    def flags(self) -> list[str]:
        found = []
        if self.code is None:
            found.append(f"killed after {TIMEOUT:.0f} s")
        elif self.code not in (0, 1, 2, 3):
            found.append(f"exit {self.code}")
        if "Traceback" in self.message:
            found.append("traceback")
        small = self.size is None or self.size <= INPUT_MB  # a device reads as no size: count it as small
        if small and self.peak_mb > MAX_MB:
            found.append(f"> {MAX_MB} MB")
        if small and self.seconds > MAX_SECONDS:
            found.append(f"> {MAX_SECONDS:.0f} s")
        return found


def measure(argv: list[str], cwd: Path) -> tuple[float, float, int | None, str]:
    """Run ``python -m designer *argv``; return (seconds, peak MB, exit code or None if killed, stderr)."""
    with tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        child = subprocess.Popen([sys.executable, "-m", "designer", *argv], cwd=cwd, stdout=subprocess.DEVNULL,
                                 stderr=err, stdin=subprocess.DEVNULL, start_new_session=True)
        deadline = started + TIMEOUT
        code: int | None = None
        while True:
            pid, status, usage = os.wait4(child.pid, os.WNOHANG)
            if pid:
                code = os.waitstatus_to_exitcode(status)
                break
            if time.perf_counter() > deadline:
                os.killpg(child.pid, signal.SIGKILL)
                _pid, _status, usage = os.wait4(child.pid, 0)
                break
            time.sleep(0.005)
        seconds = time.perf_counter() - started
        child.returncode = code if code is not None else -9  # reaped here; keep Popen from waiting again
        err.seek(0)
        message = err.read().decode("utf-8", "replace")
    return seconds, usage.ru_maxrss / 1024, code, message


def badge_set_inputs(scratch: Path) -> list[Path]:
    files = sorted((HOSTILE / "badgesets").glob("*.yaml"))
    sparse = scratch / "sparse" / "badges.yaml"
    sparse.parent.mkdir()
    with open(sparse, "wb") as stream:
        stream.truncate(8 * 1024**3)
    extra = [sparse]
    if Path("/dev/zero").exists():
        extra.insert(0, Path("/dev/zero"))
    return files + extra


def plan(only: str | None, scratch: Path) -> list[tuple[str, Path, list[str]]]:
    jobs: list[tuple[str, Path, list[str]]] = []
    out = scratch / "out"
    for path in badge_set_inputs(scratch):
        jobs.append(("lint", path, ["lint", str(path)]))
        jobs.append(("build", path, ["build", str(path), "-o", str(out / "dist"), "--quiet"]))
        jobs.append(("render", path, ["render", str(path), "--badge", "history-taking", "-o", str(out / "badge.svg")]))
    for path in sorted((HOSTILE / "icons").glob("*.svg")) if (HOSTILE / "icons").is_dir() else []:
        jobs.append(("icons", path, ["icons", "import", str(path), "--name", "hostile", "--dest", str(out / "icons")]))
    for path in sorted((HOSTILE / "images").iterdir()) if (HOSTILE / "images").is_dir() else []:
        if path.is_file():
            jobs.append(("unbake", path, ["unbake", str(path)]))
            jobs.append(("verify", path, ["verify", str(path)]))
    return [job for job in jobs if only is None or job[0] == only]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", choices=["lint", "build", "render", "icons", "unbake", "verify"])
    args = parser.parse_args(argv)
    runs: list[Run] = []
    with tempfile.TemporaryDirectory(prefix="medbadge-hostile-") as folder:
        scratch = Path(folder)
        (scratch / "out").mkdir()
        seconds, peak, _code, _ = measure(["--help"], scratch)
        print(f"baseline: `medbadge --help` {seconds:.2f} s, {peak:.0f} MB (interpreter and imports)\n")
        print(f"{'command':8} {'input':48} {'size':>12} {'time s':>7} {'peak MB':>8} {'exit':>4}  message")
        for command, path, command_argv in plan(args.only, scratch):
            size = path.stat().st_size if path.is_file() else None
            seconds, peak, code, message = measure(command_argv, scratch)
            lines = [line for line in message.splitlines() if line.strip()]
            run = Run(command, path, size, seconds, peak, code, message)
            runs.append(run)
            shown = str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)
            shown = shown.replace("tests/hostile/", "")
            size_text = "device" if size is None else f"{size:,}"
            last = lines[-1] if lines else ""
            flag = ("  <<< " + ", ".join(run.flags)) if run.flags else ""
            print(f"{command:8} {shown[-48:]:48} {size_text:>12} {seconds:7.2f} {peak:8.0f} "
                  f"{'kill' if code is None else code:>4}  {last[:90]}{flag}", flush=True)
    flagged = [run for run in runs if run.flags]
    slowest = max(runs, key=lambda run: run.seconds, default=None)
    biggest = max(runs, key=lambda run: run.peak_mb, default=None)
    print(f"\n{len(runs)} runs; slowest {slowest.seconds:.2f} s ({slowest.command} {slowest.input.name}); "
          f"largest peak {biggest.peak_mb:.0f} MB ({biggest.command} {biggest.input.name})" if runs else "no runs")
    if flagged:
        print(f"{len(flagged)} flagged (input <= 1 MB above {MAX_MB} MB or {MAX_SECONDS:.0f} s, a traceback, "
              "a strange exit or a kill):")
        for run in flagged:
            print(f"  {run.command} {run.input}: {', '.join(run.flags)}")
        return 1
    print(f"none flagged: every input <= 1 MB stayed under {MAX_MB} MB and {MAX_SECONDS:.0f} s with a clean exit")
    return 0


if __name__ == "__main__":
    sys.exit(main())
