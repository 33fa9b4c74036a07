"""An SVG master larger than the size budget.

What
    The composed SVG master is larger than ``svg_budget_kb`` kilobytes (default 100 kB; 1 kB =
    1024 bytes).

Why
    Masters are baked, e-mailed, embedded in Open Badges credentials and shown in lists of dozens
    of badges; a heavy master (usually a traced or over-detailed icon) slows every one of them.
    PNG exports are best kept at or under 256 kB (badge platforms' upload guidance).

Example
    An imported icon with 20,000 path nodes: a 450 kB master.

Fix
    Simplify the icon (fewer nodes, rounded coordinates), or raise the budget deliberately.
"""

from __future__ import annotations

import sys

from designer.lint.rounding import above

CODE = "MB705"
NAME = "svg-file-size"
SUMMARY = "SVG master over the file size budget"
SEVERITY = "warning"


def check(context):
    if context.artwork is None:
        return
    size_kb = len(context.artwork.svg) / 1024
    if size_kb > context.config.svg_budget_kb:
        yield context.violation(sys.modules[__name__],
                                f"SVG master is {above(size_kb, 1)} kB, over the {context.config.svg_budget_kb:g} kB budget",
                                element="svg", location=context.badge_location("template"))
