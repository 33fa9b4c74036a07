"""Map a framework's developmental levels to badge tiers.

A framework with levels (entrustment-supervision levels, milestone levels, stages of training)
gets one tier per level, lowest first, named and labelled after the level. Each keeps the colours
and the non-colour cues of the same rank in the built-in ``four-metals`` scheme (bronze, silver,
gold, onyx; one to four stars; a double rim from the third; a laurel on the fourth), so the tiers
stay distinguishable in every view the tier rules check. Without levels the set uses
``four-metals`` itself.
"""

from __future__ import annotations

from typing import Any

from designer.base.errors import MedbadgeError
from designer.frameworks import Framework

DEFAULT_SCHEME = "four-metals"


def tier_specs(framework: Framework | None) -> list[tuple[dict[str, Any], str]] | None:
    """The ``tiers:`` list of a badge set for ``framework``, each with the level's full name (written
    as a comment beside it), or ``None`` for the default scheme."""
    if framework is None or not framework.levels:
        return None
    from designer import palettes

    metals = palettes.tier_schemes()[DEFAULT_SCHEME].tiers
    if len(metals) != len(framework.levels):  # frameworks.LEVEL_COUNT is the scheme's length
        raise MedbadgeError(f"framework '{framework.name}' has {len(framework.levels)} levels but the "
                            f"{DEFAULT_SCHEME} scheme has {len(metals)} tiers", hint="give it one level per tier")
    specs = []
    for level, metal in zip(framework.levels, metals):
        spec: dict[str, Any] = {"id": level.id, "label": level.label, "pips": metal.pips, "border": metal.border}
        if metal.laurel:
            spec["laurel"] = True
        spec["roles"] = dict(metal.roles)
        specs.append((spec, level.name))
    return specs
