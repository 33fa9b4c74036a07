"""Errors that reach the user: one clear message naming the file, the place and the fix.

Every failure the toolkit expects (bad YAML, an unknown icon, text that does not fit, a hostile
SVG) is raised as a :class:`MedbadgeError`. The CLI prints ``str(error)`` and exits with
``error.exit_code`` (2 for bad input); it never shows a traceback for these.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Location:
    """A place in a file: ``path:line:col`` (1-based, like compilers and editors print it)."""

    path: str
    line: int | None = None
    column: int | None = None

    def __str__(self) -> str:
        parts = [self.path]
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        return ":".join(parts)


class MedbadgeError(Exception):
    """An expected failure with a message meant for the user.

    >>> str(MedbadgeError("unknown icon 'hart'", Location("badges.yaml", 12, 11), hint="did you mean 'heart'?"))
    "badges.yaml:12:11: unknown icon 'hart' (did you mean 'heart'?)"
    """

    exit_code = 2

    def __init__(self, message: str, location: Location | None = None, *, hint: str | None = None):
        self.message = message
        self.location = location
        self.hint = hint
        super().__init__(str(self))

    def place(self, location: Location | None) -> MedbadgeError:
        """This error, placed at ``location`` unless it names a place of its own already."""
        if self.location is None and location is not None:
            self.location = location
            self.args = (str(self),)
        return self

    @property
    def text(self) -> str:
        """The message with its hint, without the place (for reports that print the place apart)."""
        return self.message if self.hint is None else f"{self.message} ({self.hint})"

    def __str__(self) -> str:
        return f"{self.location}: {self.text}" if self.location else self.text


class BadgeSetError(MedbadgeError):
    """One or more problems in a badge set file; ``problems`` holds each as its own error."""

    def __init__(self, problems: list[MedbadgeError]):
        self.problems = problems
        first = problems[0]
        super().__init__(first.message, first.location, hint=first.hint)

    def __str__(self) -> str:
        return "\n".join(MedbadgeError.__str__(p) for p in self.problems)


class TextFitError(MedbadgeError):
    """A text that does not fit its slot even at the minimum size and the line limit."""


class MissingGlyphsError(MedbadgeError):
    """Characters that no configured font (nor a script fallback) can draw."""


class UnsafeSVGError(MedbadgeError):
    """An SVG refused by the sanitizer (scripts, external references, bombs, ...)."""


def did_you_mean(name: str, choices: Iterable[str]) -> str | None:
    """A hint naming the closest known names, or ``None`` when nothing is close.

    >>> did_you_mean("stethoscop", ["stethoscope", "syringe"])
    "did you mean 'stethoscope'?"
    """
    close = difflib.get_close_matches(name, sorted(set(choices)), n=3, cutoff=0.6)
    if not close:
        return None
    return "did you mean " + " or ".join(f"'{c}'" for c in close) + "?"


def unknown_name(kind: str, name: str, choices: Iterable[str], location: Location | None = None) -> MedbadgeError:
    """The standard error for a name that is not in a catalog (icon, template, palette, role, tier)."""
    choices = list(choices)
    hint = did_you_mean(name, choices)
    if hint is None:
        shown = ", ".join(sorted(choices)[:12]) + (", ..." if len(choices) > 12 else "")
        hint = f"known {kind}s: {shown}"
    return MedbadgeError(f"unknown {kind} '{name}'", location, hint=hint)


def display_path(path: str | Path) -> str:
    """A path as the user typed it, relative to the working directory when that is shorter."""
    path = Path(path)
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)
