"""Ctrl-C that stops work cleanly, even inside C code that calls back into Python.

The command line installs :func:`handler` for SIGINT; it raises :class:`Interrupted` (a
``BaseException``, so ``except Exception`` cleanup code does not swallow it, and Typer does not
turn it into a silent exit code). Inside :func:`deferred` — around cairo, whose stream callbacks
would otherwise print "Exception ignored from cffi callback" and report a write error instead —
the interrupt is noted and raised as soon as the block ends.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

_state = threading.local()


class Interrupted(BaseException):
    """The user pressed Ctrl-C (SIGINT)."""


def handler(signum, frame) -> None:  # noqa: ANN001 - the signal handler signature
    if getattr(_state, "depth", 0):
        _state.pending = True
        return
    raise Interrupted()


@contextmanager
def deferred() -> Iterator[None]:
    """Hold a Ctrl-C that arrives in this block until the block ends."""
    _state.depth = getattr(_state, "depth", 0) + 1
    try:
        yield
    finally:
        _state.depth -= 1
        if not _state.depth and getattr(_state, "pending", False):
            _state.pending = False
            raise Interrupted()
