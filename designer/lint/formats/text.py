"""Human text: ``file:line:col: CODE message [badge/tier]``, coloured on a TTY (Rich), then a summary
line (left out with ``--quiet``)."""

from __future__ import annotations

import io

from rich.console import Console
from rich.text import Text

STYLES = {"error": "bold red", "warning": "yellow", "info": "cyan"}


def line(violation) -> Text:
    scope = "/".join(p for p in (violation.badge, violation.tier) if p)
    return Text.assemble(
        (violation.where, "bold"), ": ", (violation.code, STYLES.get(violation.severity, "")),
        f" {violation.message}", (f" [{scope}]" if scope else "", "dim"),
    )


def summary(violations) -> str:
    """``3 findings (1 error, 2 warnings)``."""
    counts = {s: sum(v.severity == s for v in violations) for s in ("error", "warning", "info")}
    parts = ", ".join(f"{n} {s}{'s' if n != 1 else ''}" for s, n in counts.items() if n)
    return f"{len(violations)} finding{'s' if len(violations) != 1 else ''} ({parts})"


def write(violations, report) -> str:
    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=report.color, no_color=not report.color, width=10_000,
                      highlight=False, soft_wrap=True)
    for violation in violations:
        console.print(line(violation))
    if not report.quiet:
        console.print(summary(violations) if violations else f"{report.badge_set_path}: no findings")
    return buffer.getvalue()
