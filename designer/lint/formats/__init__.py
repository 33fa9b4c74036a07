"""Output formats as a table: one module per format, one dict from name to writer.

A writer takes the violations and a :class:`Report` (what was linted, with which rules, which
severity fails the run) and returns the whole output as a string. ``medbadge lint --format`` takes
its choices from :data:`FORMATS`; ``--statistics`` prints :func:`statistics.write` instead.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from designer.lint.formats import github, json_format, junit, sarif, statistics, text
from designer.lint.violation import Violation, reaches


@dataclass(frozen=True)
class Report:
    badge_set_path: str  # as shown to the user (relative to the working directory); several joined by ", "
    rules: tuple  # the rule modules that ran
    color: bool = False  # ANSI colours (text format on a TTY)
    badge_set_paths: tuple[str, ...] = ()  # each file linted (default: just badge_set_path)
    fail_level: str = "error"  # findings at or above this severity fail the run (JUnit: <failure>)
    quiet: bool = False  # text: the findings only, no summary line

    @property
    def paths(self) -> tuple[str, ...]:
        return self.badge_set_paths or (self.badge_set_path,)

    def fails(self, violation: Violation) -> bool:
        """Whether ``violation`` is at or above the fail level (so the run exits 1 for it).

        >>> Report("b.yaml", ()).fails(Violation("MB501", "caduceus", "warning", "use the rod"))
        False
        """
        return reaches(violation.severity, self.fail_level)


Writer = Callable[[Sequence[Violation], Report], str]

FORMATS: dict[str, Writer] = {
    "text": text.write,
    "json": json_format.write,
    "sarif": sarif.write,
    "junit": junit.write,
    "github": github.write,
}

__all__ = ["FORMATS", "Report", "Writer", "statistics"]
