"""Choose each competency's icon with the icon search, and keep the runners-up for the reader.

An item carries a few search terms ("history taking", "physical examination"). The icon search
(:mod:`designer.icon_library.ranking`) asks every word of one query to match, so the terms are
scored one at a time and the scores added: an icon that answers several terms beats one that
answers a single term by a prefix. The best icon goes on the badge; the next three are written
beside it as a comment in ``badges.yaml``, so a designer can swap with one edit.

>>> from designer import frameworks
>>> suggest(frameworks.get("canmeds-2015").item("health-advocate"))[0].name
'megaphone'
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from designer.frameworks import Item
from designer.icon_library.ranking import KEYWORD_EXACT, score

#: The least a chosen icon must score: one whole search term is the icon's name, its title or one
#: of its keyword phrases (a lone prefix or substring match is not a fitting icon).
FITTING_SCORE = KEYWORD_EXACT
RUNNERS_UP = 3


@dataclass(frozen=True)
class IconChoice:
    name: str
    score: int


def suggest(item: Item, search_paths: Sequence[str] = (), *, avoid: frozenset[str] = frozenset()) -> list[IconChoice]:
    """Icons for ``item``, best first (ties in name order); ``avoid`` moves icons already used
    by other badges of the set behind the others that score as well."""
    from designer import icon_library

    entries = [icon_library.entry_for(name, search_paths) for name in icon_library.names(search_paths)]
    scored = []
    for entry in entries:
        points = sum(score(entry, term) for term in item.icon_terms)
        if points > 0:
            scored.append(IconChoice(entry.name, points))
    return sorted(scored, key=lambda c: (-c.score, c.name in avoid, c.name))


def choose(item: Item, search_paths: Sequence[str] = (), *,
           used: frozenset[str] = frozenset()) -> tuple[IconChoice, list[IconChoice]]:
    """The icon for ``item`` and the next :data:`RUNNERS_UP`; a fallback when nothing fits.

    Among the icons that fit, one no other badge of the set uses yet is preferred, so a set of
    badges does not repeat an icon while a fitting alternative exists."""
    ranked = suggest(item, search_paths, avoid=used)
    fitting = [c for c in ranked if c.score >= FITTING_SCORE]
    fresh = [c for c in fitting if c.name not in used]
    if fresh:
        best = fresh[0]
    elif ranked:
        best = ranked[0]
    else:
        best = IconChoice("rod-of-asclepius", 0)  # the symbol of medicine, when no term matches
    rest = [c for c in ranked if c.name != best.name][:RUNNERS_UP]
    return best, rest
