"""Does a starter text fit every template? The same fitting compose does, without composing.

A framework's short titles and level labels are written into badges that may use any template
(``init --template mixed`` uses all of them), so each is fitted, with the real font and the real
slot geometry, to the title or tier-label slot of every built-in template. What does not fit is
returned with compose's own message (how far over, at the minimum size and the line limit).
"""

from __future__ import annotations

from functools import lru_cache

from designer.base.errors import TextFitError
from designer.base.geometry import Arc, Box
from designer.compose import ornaments
from designer.text.fit import fit_text_to_arc, fit_text_to_box
from designer.text.fonts import FontStack, stack_for

DEFAULT_FONT = "Atkinson Hyperlegible"


@lru_cache(maxsize=8)
def _stack(family: str, weight: int) -> FontStack:
    return stack_for(family, (), weight, (), None)


def misfits(text: str, slot_name: str, template_names: tuple[str, ...] | None = None,
            font: str = DEFAULT_FONT) -> list[tuple[str, TextFitError]]:
    """``(template, error)`` for each template whose ``slot_name`` slot cannot hold ``text``."""
    from designer import templates

    found = []
    for name in template_names or tuple(templates.names()):
        slot = templates.get(name).text_slots.get(slot_name)
        if slot is None:
            continue
        stack = _stack(font, slot.weight)
        what = f"{slot_name.replace('_', ' ')} on the {name} template"
        try:
            if slot.arc is not None:
                fit_text_to_arc(text, stack, Arc(**slot.arc), max_size=slot.max_size, min_size=slot.min_size, what=what)
            else:
                room = Box(*slot.box)
                if slot.ribbon:
                    room = ornaments.ribbon_box_for_text(room, slot.notch)
                fit_text_to_box(text, stack, width=room.width, height=room.height, max_size=slot.max_size,
                                min_size=slot.min_size, max_lines=slot.max_lines, line_height=slot.line_height,
                                what=what)
        except TextFitError as error:
            found.append((name, error))
    return found
