"""Shape text with HarfBuzz: kerning, ligatures, Arabic joining and right-to-left runs.

Text is split into runs by the face that draws each character (brand font, then fallbacks by
script); each run is shaped on its own. Positions are kept in em units (font units / units per
em), so a shaped string is measured once and laid out at any size.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import uharfbuzz as hb

from designer.text.fonts import FaceRef, FontStack, covers, load_face

FEATURES = {"kern": True, "liga": True, "calt": True}


@dataclass(frozen=True)
class PlacedGlyph:
    """A glyph at ``x``/``y`` (em units from the string's origin, y up, baseline at 0)."""

    face: FaceRef
    name: str
    x: float
    y: float
    advance: float


@dataclass(frozen=True)
class ShapedText:
    text: str
    glyphs: tuple[PlacedGlyph, ...]
    width: float  # em

    def faces(self) -> tuple[FaceRef, ...]:
        return tuple(dict.fromkeys(g.face for g in self.glyphs))


def _is_neutral(char: str) -> bool:
    return unicodedata.category(char)[0] in "ZPNS"


def split_runs(text: str, stack: FontStack) -> list[tuple[FaceRef, str]]:
    """Consecutive characters drawn by the same face. Spaces, digits and punctuation stay in the
    current run when its face has them, so a fallback run is not broken at every space."""
    runs: list[tuple[FaceRef, str]] = []
    for char in text:
        if runs and _is_neutral(char) and covers(runs[-1][0], char):
            face = runs[-1][0]
        else:
            face = stack.face_for_char(char)
        if runs and runs[-1][0] == face:
            runs[-1] = (face, runs[-1][1] + char)
        else:
            runs.append((face, char))
    return runs


def _is_rtl_paragraph(text: str) -> bool:
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind in ("R", "AL"):
            return True
        if kind == "L":
            return False
    return False


@lru_cache(maxsize=8192)
def shape(text: str, stack: FontStack) -> ShapedText:
    """Shape ``text`` into glyphs in visual order.

    Runs are placed in reading order; in a right-to-left paragraph (first strong character
    Arabic or Hebrew) the runs are placed right to left. This is the paragraph-level part of the
    bidi algorithm, enough for badge titles; embedded numbers keep HarfBuzz's own run order.
    """
    stack.check(text)
    runs = split_runs(text, stack)
    if _is_rtl_paragraph(text):
        runs.reverse()
    glyphs: list[PlacedGlyph] = []
    pen = 0.0
    for face_ref, run_text in runs:
        face = load_face(face_ref)
        buffer = hb.Buffer()
        buffer.add_str(run_text)
        buffer.guess_segment_properties()
        hb.shape(face.hb_font, buffer, FEATURES)
        scale = 1.0 / face.upem
        for info, pos in zip(buffer.glyph_infos, buffer.glyph_positions):
            glyphs.append(PlacedGlyph(face_ref, face.glyph_order[info.codepoint],
                                      pen + pos.x_offset * scale, pos.y_offset * scale, pos.x_advance * scale))
            pen += pos.x_advance * scale
    return ShapedText(text, tuple(glyphs), pen)


def cap_height_em(face_ref: FaceRef) -> float:
    face = load_face(face_ref)
    return face.cap_height / face.upem
