"""``Violation``: one finding of one rule, as plain data (no printing, no colours).

A violation names the rule (code and kebab-case name), its severity, a message, the badge and tier
it concerns (or, for a finding shared by several, the tiers and badges it lists) and where to look: a place in the badge set file (``path:line:col``) and, when the
finding is inside the SVG master, the element path (``svg/g[@class='icon']``).
"""

from __future__ import annotations

from dataclasses import dataclass

from designer.base.errors import Location

#: Severities from most to least serious; ``--fail-level`` and the config pick one of them.
SEVERITIES = ("error", "warning", "info")


def severity_rank(severity: str) -> int:
    """0 for error, 1 for warning, 2 for info (lower is more serious).

    >>> severity_rank("error") < severity_rank("warning")
    True
    """
    return SEVERITIES.index(severity)


def reaches(severity: str, level: str) -> bool:
    """Whether a finding of ``severity`` is at or above ``level`` (``--fail-level``): the one
    test behind the exit code and behind what JUnit counts as a failure.

    >>> reaches("error", "warning"), reaches("info", "warning")
    (True, False)
    """
    return severity_rank(severity) <= severity_rank(level)


@dataclass(frozen=True)
class Violation:
    code: str
    name: str
    severity: str
    message: str
    badge: str | None = None
    tier: str | None = None
    location: Location | None = None
    element: str | None = None
    #: A finding shared by several tiers of a badge (then ``tier`` is ``None``), or by several
    #: badges (then ``badge`` is ``None``), is one finding that lists them (rank / file order).
    tiers: tuple[str, ...] = ()
    badges: tuple[str, ...] = ()

    @property
    def where(self) -> str:
        """``path:line:col`` (or the element path when there is no file location)."""
        if self.location is not None:
            return str(self.location)
        return self.element or "<badge set>"

    def sort_key(self) -> tuple:
        loc = self.location
        return (loc.path if loc else "", (loc.line or 0) if loc else 0, (loc.column or 0) if loc else 0,
                self.code, self.badge or "", self.tier or "", self.message)

    def to_dict(self) -> dict:
        loc = self.location
        return {
            "code": self.code, "name": self.name, "severity": self.severity, "message": self.message,
            "badge": self.badge, "tier": self.tier,
            "location": None if loc is None else {"path": loc.path, "line": loc.line, "column": loc.column},
            "element": self.element, "tiers": list(self.tiers), "badges": list(self.badges),
        }
