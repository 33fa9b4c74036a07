"""Fuzz badge set loading for longer than the test suite does; print cases per second and failures.

    python benchmarks/fuzz_badgeset.py                 # 2,000 cases from seeds 0..1999
    python benchmarks/fuzz_badgeset.py --cases 5000 --start 10000 --show 5
    python benchmarks/fuzz_badgeset.py --build          # also `medbadge build` every case that lints

Each case is made by the same mutations as tests/designer/test_fuzz_badgeset.py (the example badge
set with keys, values, tags, aliases, nesting and text damaged), from ``random.Random(seed)``, and
run through load → resolve → lint and ``medbadge lint``. A traceback or a hang is a failure: it is
printed with its seed and the exception, and the smallest failing text of each kind is written to
``--save`` (default: a temporary folder) so it can be replayed with ``medbadge lint FILE``.
Exit status 1 if any case failed.
"""

from __future__ import annotations

import argparse
import collections
import random
import sys
import tempfile
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.designer.test_fuzz_badgeset import HANG_SECONDS, Chooser, Hang, make_case, run_case, watchdog  # noqa: E402


def run_build(folder: Path) -> str:
    """``medbadge build`` of the case in ``folder`` (one worker, one PNG size): exit 0, 1 or 2 only."""
    import contextlib
    import io

    from designer.cli import main as cli

    with watchdog(HANG_SECONDS * 4), contextlib.redirect_stdout(io.StringIO()), \
            contextlib.redirect_stderr(io.StringIO()) as err:
        code = cli(["build", str(folder / "badges.yaml"), "-o", str(folder / "dist"), "--quiet", "--jobs", "1",
                    "--sizes", "64"])
    assert code in (0, 1, 2), f"medbadge build exited {code}"
    assert "Traceback" not in err.getvalue()
    return f"built {code}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=int, default=2000)
    parser.add_argument("--start", type=int, default=0, help="first seed")
    parser.add_argument("--show", type=int, default=3, help="tracebacks to print per kind of failure")
    parser.add_argument("--save", type=Path, default=None, help="folder for the failing inputs")
    parser.add_argument("--build", action="store_true", help="also run `medbadge build` on every case that lints")
    args = parser.parse_args(argv)
    save = args.save or Path(tempfile.mkdtemp(prefix="medbadge-fuzz-"))
    save.mkdir(parents=True, exist_ok=True)

    outcomes: collections.Counter[str] = collections.Counter()
    failures: dict[str, list[tuple[int, str]]] = collections.defaultdict(list)
    slowest = (0.0, None)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as folder:
        for seed in range(args.start, args.start + args.cases):
            text = make_case(Chooser(random.Random(seed).randrange))
            began = time.perf_counter()
            try:
                outcome = run_case(text, Path(folder))
                outcomes[outcome] += 1
                if args.build and outcome.startswith("linted"):
                    outcomes[run_build(Path(folder))] += 1
            except (Exception, Hang) as error:  # noqa: BLE001 - every escape is what we are looking for
                frame = traceback.extract_tb(error.__traceback__)[-1]
                kind = f"{type(error).__name__} at {Path(frame.filename).name}:{frame.lineno} ({frame.name})"
                failures[kind].append((seed, text))
                outcomes["FAILED"] += 1
                if len(failures[kind]) <= args.show:
                    print(f"--- seed {seed}: {kind}: {str(error)[:300]}", flush=True)
            took = time.perf_counter() - began
            if took > slowest[0]:
                slowest = (took, seed)
            done = seed - args.start + 1
            if done % 250 == 0:
                rate = done / (time.perf_counter() - started)
                print(f"{done:6d} cases, {rate:5.1f}/s, {outcomes['FAILED']} failed", flush=True)
    elapsed = time.perf_counter() - started
    print(f"\n{args.cases} cases in {elapsed:.1f} s: {args.cases / elapsed:.1f} cases/s; "
          f"slowest case {slowest[0]:.2f} s (seed {slowest[1]})")
    for outcome, count in sorted(outcomes.items()):
        print(f"  {outcome:12} {count}")
    if not failures:
        print("no tracebacks, no hangs")
        return 0
    print(f"\n{sum(len(v) for v in failures.values())} failures of {len(failures)} kinds (inputs in {save}):")
    for kind, cases in sorted(failures.items(), key=lambda item: -len(item[1])):
        seed, text = min(cases, key=lambda case: len(case[1]))
        name = save / f"seed-{seed}.yaml"
        name.write_bytes(text.encode("utf-8", "surrogatepass"))
        print(f"  {len(cases):5d} x {kind}; smallest: {name}")
    return 1


if __name__ == "__main__":
    sys.exit(main())
