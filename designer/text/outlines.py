"""Glyph outlines from fontTools pens, written as SVG path data.

Text is emitted as paths so an SVG master looks the same in every renderer with no font
installed. Each glyph is drawn once into a recording and replayed through an affine transform;
numbers go through :func:`designer.base.geometry.fmt`, so output is byte-stable. A line's path is
memoised by its shaped glyphs, size and place: the title of a badge is the same line in all four
tiers and at every size its template draws it alike, and a tier word is the same line on every
badge of a template, so a set of 200 designs draws a few hundred distinct lines, not a thousand.
"""

from __future__ import annotations

import math
from functools import lru_cache

from fontTools.pens.boundsPen import ControlBoundsPen
from fontTools.pens.recordingPen import DecomposingRecordingPen, RecordingPen
from fontTools.pens.svgPathPen import SVGPathPen
from fontTools.pens.teePen import TeePen
from fontTools.pens.transformPen import TransformPen

from designer.base.geometry import Arc, Box, fmt
from designer.text.fonts import FaceRef, load_face
from designer.text.shaping import ShapedText


@lru_cache(maxsize=16384)
def _recording(face_ref: FaceRef, glyph_name: str) -> RecordingPen:
    face = load_face(face_ref)
    pen = DecomposingRecordingPen(face.glyph_set)  # accents are components: flatten them once
    face.glyph_set[glyph_name].draw(pen)
    return pen


def _draw(face_ref: FaceRef, glyph_name: str, transform: tuple[float, ...], out: SVGPathPen,
          bounds: ControlBoundsPen) -> None:
    # One replay feeds both the path writer and the bounds (control-point bounds: a glyph's
    # off-curve points lie at most a hair outside its ink, and they cost no curve solving).
    _recording(face_ref, glyph_name).replay(TransformPen(TeePen(out, bounds), transform))


def _result(out: SVGPathPen, bounds: ControlBoundsPen) -> tuple[str, Box]:
    if bounds.bounds is None:
        return out.getCommands(), Box(0, 0, 0, 0)
    x0, y0, x1, y1 = bounds.bounds
    return out.getCommands(), Box(x0, y0, x1 - x0, y1 - y0)


@lru_cache(maxsize=1024)
def line_path(shaped: ShapedText, size: float, x: float, baseline: float) -> tuple[str, Box]:
    """Path data and ink bounds for ``shaped`` at font ``size``, origin at (``x``, ``baseline``)."""
    out, bounds = SVGPathPen(None, ntos=fmt), ControlBoundsPen(None)
    for glyph in shaped.glyphs:
        scale = size / load_face(glyph.face).upem
        transform = (scale, 0, 0, -scale, x + glyph.x * size, baseline - glyph.y * size)
        _draw(glyph.face, glyph.name, transform, out, bounds)
    return _result(out, bounds)


@lru_cache(maxsize=256)
def arc_path(shaped: ShapedText, size: float, arc: Arc) -> tuple[str, Box]:
    """Path data for ``shaped`` set along ``arc``, centred on its middle angle.

    On a top arc letters stand on the circle with their tops outwards, reading clockwise; on a
    bottom arc they hang from it with their tops towards the centre, reading anticlockwise (so both
    read left to right). Each glyph is rotated about the point under its centre.
    """
    out, bounds = SVGPathPen(None, ntos=fmt), ControlBoundsPen(None)
    total = shaped.width * size
    for glyph in shaped.glyphs:
        centre = glyph.x * size + glyph.advance * size / 2
        offset = math.degrees((centre - total / 2) / arc.radius)
        angle = arc.middle - offset if arc.bottom else arc.middle + offset
        rotation = math.radians(angle - 180 if arc.bottom else angle)
        a = math.radians(angle)
        px, py = arc.cx + arc.radius * math.sin(a), arc.cy - arc.radius * math.cos(a)
        cos, sin = math.cos(rotation), math.sin(rotation)
        scale = size / load_face(glyph.face).upem
        # local glyph point (u, v) in font units, origin at the glyph's centre on the baseline:
        # x' = u*scale - advance/2 ; y' = -(v*scale + y_offset) ; then rotate and move to (px, py)
        dx = -glyph.advance * size / 2
        dy = -glyph.y * size
        transform = (
            cos * scale, sin * scale, sin * scale, -cos * scale,
            px + cos * dx - sin * dy, py + sin * dx + cos * dy,
        )
        _draw(glyph.face, glyph.name, transform, out, bounds)
    return _result(out, bounds)
