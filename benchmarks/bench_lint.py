"""Benchmark ``medbadge lint`` against a cold build of the same set (issue 6; figures in docs/lint.md).

Goal: linting a set (every rule: the pixel checks of MB103, the geometry and page checks of
MB104, MB206, MB207, MB306, MB307, MB502 and MB503 included) takes at most 25 % of a cold one-job
build of it. For the example set (64 designs) and the generated set of 200 designs
(50 badges × 4 tiers, made by the same generator as ``bench_build.py``) it measures, each in a
fresh Python process so no font, template or colour cache is warm:

- a cold build with ``--jobs 1`` into an empty folder;
- a lint of the same set (load, resolve, compose every design once, run every rule).

Run: ``python benchmarks/bench_lint.py`` from the repository root. Timings exclude interpreter
start-up and imports; both include loading the badge set. The figure that matters is the ratio;
on a busy machine compare the CPU-time ratio too.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

GOAL = 0.25


def measure(kind: str, badge_set: str, out: str) -> dict:
    """One measurement in this process (called through ``--one``)."""
    import designer
    from designer.assetset import BuildOptions, build, parse_sizes
    from designer.assetset.options import DEFAULT_SIZES
    from designer.lint import lint
    from designer.lint.registry import rules

    import designer.base.raster  # noqa: F401  (CairoSVG and cairocffi: imports are not timed, as in bench_build)
    import cairosvg.parser  # noqa: F401  (raster.py imports CairoSVG on first use: import it here, for both kinds)
    import cairosvg.surface  # noqa: F401
    import designer.lint.layers  # noqa: F401  (the geometry rules' helpers)
    import numpy  # noqa: F401
    rules()  # import every rule module (same for both kinds, so neither pays it in the timed part)
    started, cpu_started = time.perf_counter(), _cpu()
    if kind == "build":
        result = build(badge_set, out, BuildOptions(jobs=1, sizes=parse_sizes(DEFAULT_SIZES)))
        extra = {"designs": result.designs}
    else:
        loaded = designer.load(badge_set)
        designs = designer.resolve(loaded)
        violations = lint(loaded, designs)
        extra = {"designs": len(designs), "findings": len(violations)}
    return {"seconds": time.perf_counter() - started, "cpu": _cpu() - cpu_started, **extra}


def _cpu() -> float:
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def run_one(kind: str, badge_set: Path, out: Path) -> dict:
    proc = subprocess.run([sys.executable, __file__, "--one", kind, str(badge_set), str(out)],
                          capture_output=True, text=True, cwd=ROOT)
    if proc.returncode:
        raise SystemExit(proc.stderr)
    return json.loads(proc.stdout.strip().splitlines()[-1])


def bench(label: str, badge_set: Path, work: Path) -> dict:
    build = run_one("build", badge_set, work / "out")
    lint = run_one("lint", badge_set, work / "unused")
    ratio, cpu_ratio = lint["seconds"] / build["seconds"], lint["cpu"] / build["cpu"]
    verdict = "met" if ratio <= GOAL else "MISSED"
    print(f"{label}: {build['designs']} designs\n"
          f"  cold build, 1 job  {build['seconds']:7.2f} s  (CPU {build['cpu']:.2f} s)\n"
          f"  lint, all rules    {lint['seconds']:7.2f} s  (CPU {lint['cpu']:.2f} s), {lint['findings']} findings\n"
          f"  lint / build       {100 * ratio:6.1f} %   (CPU {100 * cpu_ratio:.1f} %; goal <= {100 * GOAL:.0f} %: "
          f"{verdict})", flush=True)
    return {"set": label, "designs": build["designs"], "build_s": build["seconds"], "lint_s": lint["seconds"],
            "ratio": ratio, "cpu_ratio": cpu_ratio}


def main() -> None:
    from tests.assetset.badgesets import EXAMPLE, make_badge_set

    print(f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}",
          flush=True)
    with tempfile.TemporaryDirectory(prefix="bench-lint-") as tmp:
        work = Path(tmp)
        bench("example (medical school)", EXAMPLE, work / "example")
        generated = make_badge_set(work / "generated-src", 50)
        bench("generated (50 badges x 4 tiers)", generated, work / "generated")


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--one":
        print(json.dumps(measure(*sys.argv[2:5])))
    else:
        main()
