"""How long the studio takes to show an edit (goal: <= 300 ms for the example badges).

    python benchmarks/bench_studio.py

Two figures per badge of the example, measured in one run:
- preview: compose the edited design and rasterise the 600 px preview — what the designer waits
  for before the big picture changes (the studio's `cached.compose` + `cached.preview` misses);
- rerun: the whole Streamlit script rerun after a title edit, driven by AppTest, which also
  re-renders the tier strip and the 96/64 px previews and re-lints the badge.
"""

from __future__ import annotations

import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import designer  # noqa: E402
from designer.studio.previews import preview_on_page  # noqa: E402


def preview_times(badge_set) -> list[float]:
    times = []
    for badge in badge_set.model.badges:
        design = designer.resolve(badge_set, badges=[badge.id], tiers=["distinguished"])[0]
        edited = design.__class__(**{**design.__dict__, "title": design.title + " II"})
        started = time.perf_counter()
        preview_on_page(designer.compose(edited).svg, 600, "normal", "white")
        times.append((time.perf_counter() - started) * 1000)
    return times


def rerun_times(path: Path, badges: list[str]) -> list[float]:
    from streamlit.testing.v1 import AppTest

    app = AppTest.from_file(str(ROOT / "designer" / "studio" / "app.py"), default_timeout=120)
    app.session_state["path"] = str(path)
    app.run()
    times = []
    for badge in badges:
        app.selectbox(key="badge").set_value(badge).run()
        title = app.text_input(key="title").value
        started = time.perf_counter()
        app.text_input(key="title").set_value(title + " II").run()
        times.append((time.perf_counter() - started) * 1000)
        assert not app.exception
    return times


def main() -> None:
    example = ROOT / "examples" / "medical-school" / "badges.yaml"
    badge_set = designer.load(example)
    designer.compose(designer.resolve(badge_set)[0])  # warm fonts and templates, as a running studio has
    preview = preview_times(badge_set)
    with tempfile.TemporaryDirectory() as scratch:
        path = Path(scratch) / "badges.yaml"
        shutil.copyfile(example, path)
        rerun = rerun_times(path, [b.id for b in badge_set.model.badges[:6]])
    print(f"edit -> 600 px preview ({len(preview)} badges): median {statistics.median(preview):.0f} ms, "
          f"max {max(preview):.0f} ms (goal <= 300 ms)")
    print(f"edit -> full studio rerun incl. tier strip and lint ({len(rerun)} badges): "
          f"median {statistics.median(rerun):.0f} ms, max {max(rerun):.0f} ms")


if __name__ == "__main__":
    main()
