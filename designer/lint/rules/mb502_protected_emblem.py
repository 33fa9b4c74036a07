"""A protected emblem used without a declared right.

What
    The badge's icon is a protected emblem: the red cross, the red crescent (Geneva Conventions
    and national law) or the Star of Life (a registered emblem of emergency medical services in
    several countries). The use is allowed only when the badge set declares the right to use it.

    **How a right is declared:** a suppression of this rule for the badge, whose reason names the
    authorisation::

        lint:
          suppress:
            - code: MB502
              badge: first-aid
              reason: "Issued by the national Red Cross society (licence 2024-17)"

Why
    The red cross on white is not a generic health mark; misuse is unlawful in most countries and
    weakens the emblem's protective meaning (Geneva Convention I, 1949, Articles 38 and 44; Additional Protocol III, 2005).

Example
    ``icon: red-cross`` on a first-aid badge of a medical school.

Fix
    Use a neutral symbol (``health-cross`` in green or white, ``heart-pulse``), or declare the
    right as above.
"""

from __future__ import annotations

import sys

from designer.icon_library import EMBLEMS

CODE = "MB502"
NAME = "protected-emblem"
SUMMARY = "Protected emblem (red cross, red crescent, Star of Life) without a declared right"
SEVERITY = "error"


def check(context):
    icon = context.design.icon
    if icon.emblem and EMBLEMS.get(icon.emblem, {}).get("protected"):
        yield context.violation(sys.modules[__name__],
                                f"icon '{icon.name}' is the protected {icon.emblem} emblem; declare the right to use "
                                f"it with a suppression and a reason, or use another symbol",
                                location=context.badge_location("icon"), tier=False)
