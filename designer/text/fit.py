"""Fit text into a template slot: shrink to fit, then wrap, then fail saying by how much.

Order matters for legibility: a one-line title is easiest to read, so the size shrinks first
(down to the slot's minimum legible size); only then is the text wrapped (up to the slot's line
limit, balanced so lines are of similar width); if it still does not fit, the error gives the
overflow in canvas units at the minimum size, so the designer knows how much to cut.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass

from designer.base.errors import TextFitError
from designer.base.geometry import Arc
from designer.text.fonts import FontStack, load_face
from designer.text.shaping import ShapedText, cap_height_em, shape

SIZE_STEP = 1.0


@dataclass(frozen=True)
class FittedText:
    """Text laid out for a slot: its lines (shaped), the font size and the line pitch."""

    text: str
    lines: tuple[ShapedText, ...]
    size: float
    line_height: float

    @property
    def width(self) -> float:
        return max(line.width for line in self.lines) * self.size

    @property
    def cap_height(self) -> float:
        return cap_height_em(self.lines[0].glyphs[0].face) * self.size if self.lines[0].glyphs else 0.0


def _units(overflow: float) -> str:
    """An overflow in whole units, or to a tenth when under one (never "0 units too tall")."""
    return f"{overflow:.0f}" if overflow >= 0.5 else f"{math.ceil(overflow * 10) / 10:.1f}"


def height_em(line: ShapedText) -> float:
    """The height (em) a slot must hold for a line, by script.

    Text with capitals (Latin, Greek, Cyrillic) is fitted on the font's cap height: capitals fill
    it, lowercase ascenders and accents overshoot it a little. A script without capitals (Arabic,
    Hebrew, Devanagari, CJK …) has no cap height to go by — a font's ``sCapHeight`` is then a
    nominal Latin value (Noto Sans Arabic: 0.714 em, taller than the brand font's capitals), which
    made short Arabic subtitles "overflow by 0 units". Such text is fitted on its letters' body,
    the font's x-height (OS/2 ``sxHeight``), with its tall strokes and dots overshooting as Latin
    ascenders do."""
    if not line.glyphs:
        return 0.7
    if any(char.upper() != char.lower() for char in line.text):
        return cap_height_em(line.glyphs[0].face)
    face = load_face(line.glyphs[0].face)
    return face.x_height / face.upem


#: How much larger (×) the type must set on one more line for the extra line to be taken.
LINE_GAIN = 1.15


def _sizes(max_size: float, min_size: float) -> list[float]:
    sizes, size = [], max_size
    while size >= min_size - 1e-9:
        sizes.append(round(size, 2))
        size -= SIZE_STEP
    return sizes


def balanced_lines(words: list[str], count: int, stack: FontStack) -> tuple[ShapedText, ...]:
    """Split ``words`` into ``count`` lines minimising the widest line (words are few on a badge,
    so every break combination is tried)."""
    best: tuple[ShapedText, ...] | None = None
    for breaks in itertools.combinations(range(1, len(words)), count - 1):
        bounds = (0, *breaks, len(words))
        lines = tuple(shape(" ".join(words[a:b]), stack) for a, b in zip(bounds, bounds[1:]))
        if best is None or max(l.width for l in lines) < max(l.width for l in best):
            best = lines
    assert best is not None
    return best


def fit_text_to_box(text: str, stack: FontStack, *, width: float, height: float, max_size: float,
                    min_size: float, max_lines: int, line_height: float = 1.12, what: str = "text") -> FittedText:
    """Largest layout of ``text`` that fits a ``width`` × ``height`` box.

    Height counts the cap height of the first line plus the line pitch of the others (badge text
    is mostly capitals and short words; descenders may enter the slot's margin).
    """
    words = text.split()
    stack.check(text)
    best: FittedText | None = None
    for count in range(1, min(max_lines, len(words)) + 1):
        if best is not None and best.size * LINE_GAIN >= max_size:
            break  # no more lines can set the type clearly larger: shape no more break options
        lines = (shape(" ".join(words), stack),) if count == 1 else balanced_lines(words, count, stack)
        widest = max(l.width for l in lines)
        cap = height_em(lines[0])
        for size in _sizes(max_size, min_size):
            if widest * size <= width and (cap + (count - 1) * line_height) * size <= height:
                # Fewer lines win unless another line makes the type clearly larger: a two-word
                # title set small on one line reads worse than the same title large on two.
                if best is None or size > best.size * LINE_GAIN:
                    best = FittedText(text, lines, size, line_height)
                break
    if best is not None:
        return best
    # Report how far it is off at the smallest size and the most lines allowed.
    count = min(max_lines, len(words))
    lines = (shape(" ".join(words), stack),) if count == 1 else balanced_lines(words, count, stack)
    over_w = max(l.width for l in lines) * min_size - width
    over_h = (height_em(lines[0]) + (count - 1) * line_height) * min_size - height
    if over_w > 0:
        how = f"{_units(over_w)} units too wide ({over_w / width:.0%})"
    else:
        how = f"{_units(over_h)} units too tall"
    raise TextFitError(f"{what} '{text}' does not fit: at the minimum size {min_size:g} on {count} "
                       f"line{'s' if count > 1 else ''} it is {how}",
                       hint="shorten the text, or pick a template with a larger slot")


def fit_text_to_arc(text: str, stack: FontStack, arc: Arc, *, max_size: float, min_size: float,
                    what: str = "text") -> FittedText:
    """Largest size at which ``text`` fits the arc's usable length (arcs do not wrap)."""
    line = shape(text, stack)
    for size in _sizes(max_size, min_size):
        if line.width * size <= arc.length:
            return FittedText(text, (line,), size, 1.0)
    over = line.width * min_size - arc.length
    raise TextFitError(f"{what} '{text}' does not fit its arc: at the minimum size {min_size:g} it is "
                       f"{over:.0f} units ({over / arc.length:.0%}) too long",
                       hint="shorten the text, or pick a template that sets it in a box")
