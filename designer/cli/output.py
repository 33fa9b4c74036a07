"""Where commands print for people: Rich on a terminal, whole lines in a pipe or a file.

On a terminal Rich fits tables to the window. Piped into ``grep`` or written to a file, the same
table would be cut to 80 columns with "…" in the middle of a path; :class:`Output` instead gives
every line the width its content needs, so what a script reads is never truncated.
"""

from __future__ import annotations

from rich.console import Console, ConsoleDimensions

#: Width of a line when stdout is not a terminal: wide enough for any row, never reached by padding
#: (tables are as wide as their content unless told to expand).
PIPE_WIDTH = 100_000


class Output(Console):
    """A Rich console whose width is the terminal's, or :data:`PIPE_WIDTH` when stdout is not one."""

    def _size(self) -> ConsoleDimensions:
        size = Console.size.fget(self)
        return size if self.is_terminal else ConsoleDimensions(PIPE_WIDTH, size.height)

    size = property(_size, Console.size.fset)
