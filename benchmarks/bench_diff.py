"""Benchmark ``medbadge diff`` against the goal of issue 15 (figures go in docs/review.md).

Goal: two asset sets of 200 designs (50 badges × 4 tiers, made by the generator of
``bench_build.py``) with 5 designs changed diff in at most 2 s — the whole command, in a fresh
Python process: start-up, reading both manifests, finding the changes from their hashes, drawing
the before / after / pixel-difference images of the 5 and writing the report and the Markdown.

The 5 changes: one badge's title made longer (its 4 tiers change) and one tier dropped from
another badge (1 design removed). A second round edits 5 badges' titles (20 designs changed) to
show how the time grows with the changes, not with the set.

Run: ``python benchmarks/bench_diff.py`` from the repository root. The two builds are set-up and
not timed.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

GOAL_S = 2.0
REPEAT = 3


def _edit(titles: int, drop_tier: bool):
    def edit(data) -> None:
        for badge in data["badges"][:titles]:
            badge["title"] = f"{badge['title']} II"
        if drop_tier:
            badge = data["badges"][-1]
            badge["tiers"] = ["foundation", "proficient", "advanced"]
    return edit


def timed_diff(old: Path, new: Path, work: Path) -> tuple[float, str]:
    best, out = float("inf"), ""
    for _ in range(REPEAT):
        started = time.perf_counter()
        proc = subprocess.run([sys.executable, "-m", "designer.cli", "diff", str(old), str(new), "-o",
                               str(work / "report"), "--markdown", str(work / "diff.md")],
                              capture_output=True, text=True, cwd=ROOT, env=dict(os.environ, PYTHONPATH=str(ROOT)))
        best = min(best, time.perf_counter() - started)
        if proc.returncode != 1:
            raise SystemExit(f"diff exited {proc.returncode}: {proc.stderr}")
        out = proc.stdout
    return best, out.splitlines()[0]


def main() -> None:
    from designer.assetset import BuildOptions, build
    from tests.assetset.badgesets import make_badge_set

    print(f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}",
          flush=True)
    with tempfile.TemporaryDirectory(prefix="bench-diff-") as tmp:
        work = Path(tmp)
        before = make_badge_set(work / "src", 50, name="before.yaml")
        build(before, work / "before", BuildOptions(lint=True))
        for label, titles, drop in (("5 changes (4 changed, 1 removed)", 1, True), ("20 changed", 5, False)):
            after = make_badge_set(work / "src", 50, name="after.yaml", edit=_edit(titles, drop))
            # Built over a copy of the first set, so only the edited designs render (and the tree,
            # shared with other work, has little time to change between the two builds).
            shutil.rmtree(work / "after", ignore_errors=True)
            shutil.copytree(work / "before", work / "after")
            build(after, work / "after", BuildOptions(lint=True))
            seconds, line = timed_diff(work / "before", work / "after", work)
            goal = ""  # the goal is for 5 changes; the second round shows how the time grows
            if titles == 1:
                goal = f"; goal <= {GOAL_S:g} s: {'met' if seconds <= GOAL_S else 'MISSED'}"
            print(f"200 designs, {label}: medbadge diff {seconds:.2f} s (best of {REPEAT}{goal}; load average "
                  f"{os.getloadavg()[0]:.1f})\n  {line}", flush=True)
            if "unchanged" in line and int(line.rsplit(", ", 1)[1].split()[0]) < 200 - 4 * titles - drop:
                print("  (more designs changed than were edited: templates, palettes or the renderer's code changed "
                      "between the two builds; run it on a tree nobody is editing)", flush=True)


if __name__ == "__main__":
    main()
