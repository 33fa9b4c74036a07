"""Font faces: found and read by :func:`designer.resolve`, used by compose by content only.

The brand font (default Atkinson Hyperlegible, from its PyPI font package, or a TTF/OTF file
named by path) draws what it can. Characters it lacks fall back to the brand's declared
fallbacks, then by script to a Noto family when that family's font package is installed (Arabic:
``fontpkg-noto-sans-arabic``, a project dependency). A character no font can draw is an error
that names it — never a tofu box.

Resolving reads every face a design's texts need into a :class:`FaceRef` that carries the file's
bytes and is identified by their SHA-256, so everything below resolve (shaping, outlines, the
build cache) is keyed by content: an edited font file is a new face, wherever it lives.
"""

from __future__ import annotations

import hashlib
import io
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path

from designer.base.errors import MedbadgeError, MissingGlyphsError, display_path

#: Script fallbacks: Unicode ranges → Noto family (used only when its font package is installed).
SCRIPT_FALLBACKS: tuple[tuple[str, tuple[tuple[int, int], ...], str], ...] = (
    ("Arabic", ((0x0600, 0x06FF), (0x0750, 0x077F), (0x08A0, 0x08FF), (0xFB50, 0xFDFF), (0xFE70, 0xFEFF)),
     "Noto Sans Arabic"),
    ("Hebrew", ((0x0590, 0x05FF), (0xFB1D, 0xFB4F)), "Noto Sans Hebrew"),
    ("Devanagari", ((0x0900, 0x097F),), "Noto Sans Devanagari"),
    ("Latin, Greek, Cyrillic", ((0x0000, 0x052F), (0x1E00, 0x1FFF)), "Noto Sans"),
)
#: A font file larger than this is refused before it is read whole (CJK families are ~20 MB).
MAX_FONT_BYTES = 64 * 1024 * 1024


@dataclass(frozen=True)
class FaceRef:
    """One face at one weight (the weight picks a variable-font instance), identified by content."""

    family: str
    weight: int
    sha256: str
    data: bytes = field(repr=False, compare=False)


class Face:
    """A loaded font face: HarfBuzz font for shaping, fontTools glyph set for outlines."""

    def __init__(self, ref: FaceRef):
        import uharfbuzz as hb
        from fontTools.ttLib import TTFont

        self.ref = ref
        self.ttfont = TTFont(io.BytesIO(ref.data), lazy=True)
        self.upem = self.ttfont["head"].unitsPerEm
        self.is_variable = "fvar" in self.ttfont
        self.location = {"wght": ref.weight} if self.is_variable else None
        self.hb_font = hb.Font(hb.Face(hb.Blob(ref.data)))
        if self.location:
            self.hb_font.set_variations(self.location)
        os2 = self.ttfont["OS/2"] if "OS/2" in self.ttfont else None
        self.cap_height = getattr(os2, "sCapHeight", 0) or int(self.upem * 0.7)
        self.x_height = getattr(os2, "sxHeight", 0) or int(self.upem * 0.5)
        self.glyph_order = self.ttfont.getGlyphOrder()

    @cached_property
    def glyph_set(self):
        return self.ttfont.getGlyphSet(location=self.location) if self.location else self.ttfont.getGlyphSet()


@lru_cache(maxsize=32)
def load_face(ref: FaceRef) -> Face:
    """The face for ``ref`` (cached by content: file hash, weight, family)."""
    try:
        return Face(ref)
    except Exception:  # noqa: BLE001 - fontTools raises many types for a damaged font
        raise MedbadgeError(f"the font '{ref.family}' cannot be read (its tables are damaged)",
                            hint="give a .ttf or .otf font file") from None


@lru_cache(maxsize=64)
def coverage(ref: FaceRef) -> frozenset[int]:
    """The code points ``ref``'s character map covers (HarfBuzz, without parsing the outlines)."""
    import uharfbuzz as hb

    return frozenset(hb.Face(hb.Blob(ref.data)).unicodes)


def covers(ref: FaceRef, char: str) -> bool:
    """Whether ``ref`` draws ``char``; controls and format characters need no glyph."""
    return ord(char) in coverage(ref) or unicodedata.category(char) in ("Cc", "Cf", "Zl", "Zp")


def font_path(family_or_path: str, weight: int, base_dir: Path | None = None) -> tuple[Path, str]:
    """Where a face is: a path to a TTF/OTF (relative to the badge set) or a fontpkg family name.
    Returns the file and the family name to report."""
    import fontpkg

    if family_or_path.lower().endswith((".ttf", ".otf")):
        path = Path(family_or_path)
        if not path.is_absolute() and base_dir is not None:
            path = base_dir / path
        if not path.is_file():
            raise MedbadgeError(f"font file '{family_or_path}' not found", hint=f"looked at {display_path(path)}")
        return path.resolve(), path.stem
    try:
        return Path(fontpkg.path(family_or_path, weight=weight)), family_or_path
    except fontpkg.WeightNotAvailable:
        return Path(fontpkg.path(family_or_path)), family_or_path
    except fontpkg.FontpkgError:
        raise MedbadgeError(f"font family '{family_or_path}' is not installed",
                            hint="give a .ttf/.otf path, or install the family's fontpkg package") from None


def read_face(family_or_path: str, weight: int, base_dir: Path | None = None) -> FaceRef:
    """Find and read a face, and check that it is a font medbadge can draw with."""
    path, family = font_path(family_or_path, weight, base_dir)
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_FONT_BYTES + 1)
    except OSError as error:
        raise MedbadgeError(f"cannot read the font file {display_path(path)}: {error.strerror}") from None
    if len(data) > MAX_FONT_BYTES:
        raise MedbadgeError(f"the font file {display_path(path)} is larger than {MAX_FONT_BYTES >> 20} MiB")
    ref = FaceRef(family, weight, hashlib.sha256(data).hexdigest(), data)
    if not _is_font(data):
        raise MedbadgeError(f"{display_path(path)} is not a usable TrueType/OpenType font",
                            hint="give a .ttf or .otf font file")
    return ref


def _is_font(data: bytes) -> bool:
    """An sfnt HarfBuzz can open, with glyphs and a character map (checked without fontTools,
    whose import and table parsing would cost a no-op rebuild a tenth of a second)."""
    import uharfbuzz as hb

    if data[:4] not in (b"\x00\x01\x00\x00", b"OTTO", b"true", b"ttcf"):
        return False
    face = hb.Face(hb.Blob(data))
    return face.glyph_count > 1 and face.upem > 0 and bool(face.unicodes)


def _fallback_family(char: str) -> tuple[str, str] | None:
    code = ord(char)
    for script, ranges, family in SCRIPT_FALLBACKS:
        if any(lo <= code <= hi for lo, hi in ranges):
            return script, family
    return None


@dataclass(frozen=True)
class FontStack:
    """The brand face first, then the brand's fallbacks, then the script fallbacks a design's texts
    need (chosen when it was resolved)."""

    primary: FaceRef
    fallbacks: tuple[FaceRef, ...] = ()

    @property
    def faces(self) -> tuple[FaceRef, ...]:
        return (self.primary, *self.fallbacks)

    def face_for_char(self, char: str) -> FaceRef:
        for ref in self.faces:
            if covers(ref, char):
                return ref
        raise _missing([char], self)

    def check(self, text: str) -> None:
        """Raise one error naming every character of ``text`` that no face can draw."""
        missing = [char for char in dict.fromkeys(text) if not any(covers(r, char) for r in self.faces)]
        if missing:
            raise _missing(missing, self)


def stack_for(family: str, fallbacks: tuple[str, ...], weight: int, texts: tuple[str, ...],
              base_dir: Path | None, read=read_face) -> FontStack:
    """The stack that draws ``texts``: brand face, declared fallbacks, then each script fallback a
    character of ``texts`` needs and whose font package is installed. Characters nothing covers
    stay uncovered; compose reports them (lint as MB204)."""
    faces = [read(family, weight, base_dir), *(read(f, weight, base_dir) for f in fallbacks)]
    for char in dict.fromkeys("".join(texts)):
        if any(covers(ref, char) for ref in faces):
            continue
        found = _fallback_family(char)
        if found is None:
            continue
        try:
            ref = read(found[1], weight, None)
        except MedbadgeError:
            continue  # that script's font package is not installed
        if ref not in faces and covers(ref, char):
            faces.append(ref)
    return FontStack(faces[0], tuple(faces[1:]))


def _missing(chars: list[str], stack: FontStack) -> MissingGlyphsError:
    shown = ", ".join(f"'{c}' (U+{ord(c):04X} {unicodedata.name(c, 'unnamed')})" for c in chars)
    found = {_fallback_family(c)[1] for c in chars if _fallback_family(c)}
    hint = (f"install the font package for it (pip install {' '.join('fontpkg-' + f.lower().replace(' ', '-') for f in sorted(found))})"
            if found else "add a font that covers them under brand.fallback_fonts")
    return MissingGlyphsError(f"no font can draw {shown} (brand font: {stack.primary.family})", hint=hint)
