"""Two small asset sets built from edited copies of the example, with one of each kind of change.

``before``: history-taking, psychiatry, global-health, diagnostic-tests, clinical-reasoning.
``after``: history-taking's title is longer (changed), global-health carries the caduceus (changed,
and MB501 makes its lint status a warning), psychiatry's criteria are reworded (metadata only),
clinical-reasoning is gone (removed), physical-examination is new (added), diagnostic-tests is as
it was. Two tiers each, PNGs at 64 and 340 px, built with ``--lint``.
"""

from __future__ import annotations

import pytest

from designer.assetset import BuildOptions, build, parse_sizes
from tests.conftest import EXAMPLE

TIERS = ("foundation", "advanced")
BEFORE = ("history-taking", "psychiatry", "global-health", "diagnostic-tests", "clinical-reasoning")
AFTER = ("history-taking", "psychiatry", "global-health", "diagnostic-tests", "physical-examination")


def edited_example(text: str) -> str:
    """The example with the three edits of ``after``."""
    replacements = [("    title: History Taking\n", "    title: History Taking Skills\n"),
                    ("icon: globe-health", "icon: caduceus")]
    for old, new in replacements:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    lines = text.splitlines(keepends=True)
    start = lines.index("  - id: psychiatry\n")
    criteria = next(i for i in range(start, len(lines)) if lines[i].startswith("    criteria:"))
    lines[criteria] = "    criteria: Supervised psychiatric assessments, each rated by a consultant psychiatrist.\n"
    return "".join(lines)


def options(badges) -> BuildOptions:
    return BuildOptions(sizes=parse_sizes("64,340"), badges=badges, tiers=TIERS, jobs=1, lint=True)


@pytest.fixture(scope="session")
def asset_sets(tmp_path_factory):
    """``(before, after)`` asset set folders."""
    root = tmp_path_factory.mktemp("review")
    (root / "before.yaml").write_bytes(EXAMPLE.read_bytes())
    (root / "after.yaml").write_text(edited_example(EXAMPLE.read_text(encoding="utf-8")), encoding="utf-8")
    build(root / "before.yaml", root / "before", options(BEFORE))
    build(root / "after.yaml", root / "after", options(AFTER))
    return root / "before", root / "after"
