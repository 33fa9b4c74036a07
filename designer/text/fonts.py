"""Font faces: where a family comes from (a ``fontpkg`` package or a file) and script fallback.

The brand font (default Atkinson Hyperlegible, from its PyPI font package) draws what it can.
Characters it lacks fall back by script to a Noto family when that family's font package is
installed (Arabic: ``fontpkg-noto-sans-arabic``, a project dependency). A character no font can
draw is an error that names it — never a tofu box.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

import fontpkg
import uharfbuzz as hb
from fontTools.ttLib import TTFont

from designer.base.errors import MedbadgeError, MissingGlyphsError

#: Script fallbacks: Unicode ranges → Noto family (used only when its font package is installed).
SCRIPT_FALLBACKS: tuple[tuple[str, tuple[tuple[int, int], ...], str], ...] = (
    ("Arabic", ((0x0600, 0x06FF), (0x0750, 0x077F), (0x08A0, 0x08FF), (0xFB50, 0xFDFF), (0xFE70, 0xFEFF)),
     "Noto Sans Arabic"),
    ("Hebrew", ((0x0590, 0x05FF), (0xFB1D, 0xFB4F)), "Noto Sans Hebrew"),
    ("Devanagari", ((0x0900, 0x097F),), "Noto Sans Devanagari"),
    ("Latin, Greek, Cyrillic", ((0x0000, 0x052F), (0x1E00, 0x1FFF)), "Noto Sans"),
)


@dataclass(frozen=True)
class FaceRef:
    """What names a face: a file and a weight (the weight picks a variable-font instance)."""

    path: str
    weight: int
    family: str


class Face:
    """A loaded font face: HarfBuzz font for shaping, fontTools glyph set for outlines."""

    def __init__(self, ref: FaceRef):
        self.ref = ref
        data = Path(ref.path).read_bytes()
        self.ttfont = TTFont(ref.path, lazy=True)
        self.upem = self.ttfont["head"].unitsPerEm
        self.is_variable = "fvar" in self.ttfont
        self.location = {"wght": ref.weight} if self.is_variable else None
        self.hb_font = hb.Font(hb.Face(hb.Blob(data)))
        if self.location:
            self.hb_font.set_variations(self.location)
        os2 = self.ttfont["OS/2"]
        self.cap_height = getattr(os2, "sCapHeight", 0) or int(self.upem * 0.7)
        self.x_height = getattr(os2, "sxHeight", 0) or int(self.upem * 0.5)
        self.cmap = self.ttfont.getBestCmap()
        self.glyph_order = self.ttfont.getGlyphOrder()

    @cached_property
    def glyph_set(self):
        return self.ttfont.getGlyphSet(location=self.location) if self.location else self.ttfont.getGlyphSet()

    def covers(self, char: str) -> bool:
        return ord(char) in self.cmap or unicodedata.category(char) in ("Cc", "Cf", "Zl", "Zp")


@lru_cache(maxsize=32)
def load_face(ref: FaceRef) -> Face:
    return Face(ref)


def face_for(family_or_path: str, weight: int, base_dir: Path | None = None) -> FaceRef:
    """Find a face: a path to a TTF/OTF (relative to the badge set) or a fontpkg family name."""
    if family_or_path.lower().endswith((".ttf", ".otf")):
        path = Path(family_or_path)
        if not path.is_absolute() and base_dir is not None:
            path = base_dir / path
        if not path.is_file():
            raise MedbadgeError(f"font file '{family_or_path}' not found", hint=f"looked at {path}")
        return FaceRef(str(path.resolve()), weight, path.stem)
    try:
        return FaceRef(str(fontpkg.path(family_or_path, weight=weight)), weight, family_or_path)
    except fontpkg.WeightNotAvailable:
        return FaceRef(str(fontpkg.path(family_or_path)), weight, family_or_path)
    except fontpkg.FontpkgError:
        slug = family_or_path.lower().replace(" ", "-")
        raise MedbadgeError(f"font family '{family_or_path}' is not installed",
                            hint=f"pip install fontpkg-{slug}, or give a .ttf/.otf path") from None


def _fallback_family(char: str) -> tuple[str, str] | None:
    code = ord(char)
    for script, ranges, family in SCRIPT_FALLBACKS:
        if any(lo <= code <= hi for lo, hi in ranges):
            return script, family
    return None


@dataclass(frozen=True)
class FontStack:
    """The brand face first, then user fallbacks, then script fallbacks found per character."""

    primary: FaceRef
    fallbacks: tuple[FaceRef, ...] = ()

    def face_for_char(self, char: str) -> FaceRef:
        for ref in (self.primary, *self.fallbacks):
            if load_face(ref).covers(char):
                return ref
        found = _fallback_family(char)
        if found is not None:
            try:
                ref = face_for(found[1], self.primary.weight)
            except MedbadgeError:
                ref = None
            if ref is not None and load_face(ref).covers(char):
                return ref
        raise _missing([char], self)

    def check(self, text: str) -> None:
        """Raise one error naming every character of ``text`` that no face can draw."""
        missing = []
        for char in dict.fromkeys(text):
            try:
                self.face_for_char(char)
            except MissingGlyphsError:
                missing.append(char)
        if missing:
            raise _missing(missing, self)


def _missing(chars: list[str], stack: FontStack) -> MissingGlyphsError:
    shown = ", ".join(f"'{c}' (U+{ord(c):04X} {unicodedata.name(c, 'unnamed')})" for c in chars)
    found = {_fallback_family(c)[1] for c in chars if _fallback_family(c)}
    hint = (f"install the font package for it (pip install {' '.join('fontpkg-' + f.lower().replace(' ', '-') for f in sorted(found))})"
            if found else "add a font that covers them under brand.fallback_fonts")
    return MissingGlyphsError(f"no font can draw {shown} (brand font: {stack.primary.family})", hint=hint)
