"""How fast the command line starts, and how cheap a rebuild that changes nothing is.

Measured in one run, as whole processes (interpreter start-up and imports included), each the
median of ``REPEAT`` runs, alternating so a busy machine slows every command alike:

- ``medbadge --help`` and ``medbadge --version`` against ``python -c "import typer, rich"`` —
  goal: ≤ 3× (commands import CairoSVG, HarfBuzz, ColorAide, pydantic only when they use them);
- ``medbadge build`` of the bundled example: a cold build (new output folder) and a no-op rebuild
  into the same folder, with one job and with one job per CPU — goal: no-op ≤ 10 % of cold.

Run: ``python benchmarks/bench_start.py`` (the medbadge command must be installed).
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "medical-school" / "badges.yaml"
REPEAT = 5
MEDBADGE = [sys.executable, "-m", "designer"]
#: As users run it: byte-code caching on (some shells and sandboxes set PYTHONDONTWRITEBYTECODE,
#: which makes every start compile every module).
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def _seconds(argv: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(argv, check=True, capture_output=True, cwd=tempfile.gettempdir(), env=ENV)
    return time.perf_counter() - started


def start_up() -> dict[str, float]:
    commands = {"import typer, rich": [sys.executable, "-c", "import typer, rich"],
                "medbadge --help": [*MEDBADGE, "--help"], "medbadge --version": [*MEDBADGE, "--version"]}
    runs: dict[str, list[float]] = {name: [] for name in commands}
    for argv in commands.values():  # warm up: write byte code, fill the OS file cache
        _seconds(argv)
    for _ in range(REPEAT):
        for name, argv in commands.items():
            runs[name].append(_seconds(argv))
    return {name: statistics.median(times) for name, times in runs.items()}


def rebuild(jobs: int) -> dict[str, float]:
    """Cold build and no-op rebuild with ``--jobs jobs`` (0: one worker per CPU)."""
    cold, noop = [], []
    with tempfile.TemporaryDirectory(prefix="medbadge-bench-") as folder:
        for index in range(3):
            out = Path(folder) / f"dist-{index}"
            argv = [*MEDBADGE, "build", str(EXAMPLE), "-o", str(out), "--quiet", "--jobs", str(jobs)]
            cold.append(_seconds(argv))
            noop.append(_seconds(argv))
            shutil.rmtree(out)
    return {"cold build": statistics.median(cold), "no-op rebuild": statistics.median(noop)}


def main() -> None:
    times = start_up()
    base = times["import typer, rich"]
    print(f"{'command':<22} {'median s':>9} {'ratio':>7}")
    for name, seconds in times.items():
        print(f"{name:<22} {seconds:9.3f} {seconds / base:6.2f}x")
    for jobs, label in ((1, "1 job"), (0, "1 job per CPU")):
        builds = rebuild(jobs)
        print(f"{'cold build, ' + label:<22} {builds['cold build']:9.3f}")
        print(f"{'no-op rebuild':<22} {builds['no-op rebuild']:9.3f} "
              f"{100 * builds['no-op rebuild'] / builds['cold build']:5.1f} % of cold")


if __name__ == "__main__":
    main()
