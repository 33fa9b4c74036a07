"""Output formats as a table: one module per format, one dict from name to writer.

A writer takes the violations and a :class:`Report` (what was linted, with which rules) and
returns the whole output as a string. ``medbadge lint --format`` takes its choices from
:data:`FORMATS`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from designer.lint.formats import github, json_format, junit, sarif, text
from designer.lint.violation import Violation


@dataclass(frozen=True)
class Report:
    badge_set_path: str  # as shown to the user (relative to the working directory); several joined by ", "
    rules: tuple  # the rule modules that ran
    color: bool = False  # ANSI colours (text format on a TTY)
    badge_set_paths: tuple[str, ...] = ()  # each file linted (default: just badge_set_path)

    @property
    def paths(self) -> tuple[str, ...]:
        return self.badge_set_paths or (self.badge_set_path,)


Writer = Callable[[Sequence[Violation], Report], str]

FORMATS: dict[str, Writer] = {
    "text": text.write,
    "json": json_format.write,
    "sarif": sarif.write,
    "junit": junit.write,
    "github": github.write,
}
