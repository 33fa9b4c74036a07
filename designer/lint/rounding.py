"""Numbers in lint messages that never round across their threshold.

A contrast of 2.995:1 fails 3:1 (WCAG: never round before comparing), but ``f"{2.995:.2f}"``
prints ``3.00`` and the message would read "3.00:1 … needs 3:1". A measured value is therefore
rounded *away from the threshold it missed*: down when it is too small, up when it is too large,
so the printed number is on the same side of the threshold as the value itself.

>>> below(2.995, 2), above(100.004, 1), below(4.4999, 2)
('2.99', '100.1', '4.49')
"""

from __future__ import annotations

from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal


def below(value: float, digits: int = 2) -> str:
    """``value`` (which fell short of a minimum) rounded down to ``digits`` decimals."""
    return _round(value, digits, ROUND_FLOOR)


def above(value: float, digits: int = 2) -> str:
    """``value`` (which went past a maximum) rounded up to ``digits`` decimals."""
    return _round(value, digits, ROUND_CEILING)


def _round(value: float, digits: int, mode: str) -> str:
    # repr() is the shortest decimal that reads back as the same float: 2.99 stays 2.99, not 2.98999…
    return str(Decimal(repr(float(value))).quantize(Decimal(1).scaleb(-digits), rounding=mode))
