"""``FrozenMap``: a read-only mapping that can cross a process boundary.

Resolved values (a template's slots and parameters) travel to the build's worker processes by
pickling; ``types.MappingProxyType`` cannot be pickled, so they use this dict that refuses change.
"""

from __future__ import annotations

from typing import Any, NoReturn


class FrozenMap(dict):
    """A ``dict`` that refuses to change after it is made.

    >>> m = FrozenMap({"a": 1})
    >>> m["a"], m == {"a": 1}
    (1, True)
    >>> m["b"] = 2
    Traceback (most recent call last):
    ...
    TypeError: FrozenMap is read-only
    """

    def _refuse(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise TypeError("FrozenMap is read-only")

    __setitem__ = __delitem__ = clear = pop = popitem = setdefault = update = _refuse  # type: ignore[assignment]
    __ior__ = _refuse  # type: ignore[assignment]

    def __reduce__(self):
        return (FrozenMap, (dict(self),))

    def __hash__(self) -> int:  # type: ignore[override]
        return hash(tuple(sorted((k, repr(v)) for k, v in self.items())))
