"""The composed master as layers of ink, at one working resolution, for the geometry rules.

The rules that judge *where things are* — clipping by the canvas edge (MB206), collisions and
margins (MB207), the badge's outline on a page (MB104), icon optical size (MB503), cue ink
(MB306) and emblems by appearance (MB502) — measure the composed SVG, not the template's
intentions; MB103 reads the pixels behind the text from here too. This module splits the master
into its top-level elements ("parts", named by their ``class``: ``edge``, ``rim``, ``face``,
``icon``, ``tier-pips``, ``tier-laurel``, ``tier-ribbon``, ``rosette-tails``, ``text-title`` …;
see docs/templates.md, "Classes the linter reads") and gives

- :meth:`Layers.ink` / :meth:`Layers.coverage`: one part's coverage alone, on a grid of
  :data:`WORK_PX` pixels per canvas side that reaches :data:`PAD_PX` pixels past every canvas
  edge (so artwork beyond the canvas is seen, not clipped away);
- :attr:`Layers.composite_surface` / :meth:`Layers.colours`: the whole master without its text, in
  colour, on the same grid (converted to numbers only where a rule looks).

Each part is rendered alone (CairoSVG, with the master's ``<defs>``), and the composite is laid
together from those renders with the SVG "over" operator. A part's render is cached by its
bytes (the cache is keyed by content, never by path), so the rim of every badge of a template in
a tier, or the icon of every tier of a badge, is rendered once per lint run: in a set of 200
designs there are about 90 distinct non-text parts. Outlined text is drawn by
:mod:`designer.lint.textmask`.
"""

from __future__ import annotations

import math
import re
import xml.parsers.expat
from dataclasses import dataclass
from functools import cached_property, lru_cache

#: Pixels per canvas side of the working grid: 3.125 canvas units per pixel on a 600-unit master,
#: three pixels to one pixel of a 64 px thumbnail — fine enough to measure a one-thumbnail-pixel gap.
WORK_PX = 192
#: The grid reaches this many pixels past each canvas edge (50 units on a 600 master).
PAD_PX = 16
#: A pixel counts as ink when its coverage is at least half (antialiasing dust is not ink).
INK = 0.5
_INK_ALPHA = 128  # INK on the 0..255 scale: 128/255 is the first value at or above one half

_NOT_PAINTING = {"title", "desc", "metadata", "defs", "style", "linearGradient", "radialGradient", "clipPath",
                 "mask", "pattern", "filter", "symbol", "marker"}
_PAINT = re.compile(rb'\s(fill|stroke|stop-color|color)="(?!none")[^"]*"')
_OPACITY = re.compile(rb'\s(?:fill-|stroke-)?opacity="[^"]*"')
_TEXT_CLASS = "text-"


@dataclass(frozen=True)
class Part:
    name: str  # the first token of its class, or ``tag[n]`` for an element without one
    tag: str
    source: bytes  # the element as written in the master

    @property
    def is_text(self) -> bool:
        return self.name.startswith(_TEXT_CLASS)


class Layers:
    """The parts of one master and their ink on the working grid (computed on first use)."""

    def __init__(self, svg: bytes, canvas: int):
        self.svg, self.canvas = svg, canvas
        self.root, self.parts, self.support = _split(svg)
        self.size = WORK_PX + 2 * PAD_PX
        self.px_per_unit = WORK_PX / canvas
        self._ink: dict[str, object] = {}

    # --- coordinates ----------------------------------------------------------------------------
    def units(self, px: float) -> float:
        """A length on the grid (pixels) in canvas units."""
        return px / self.px_per_unit

    def to_canvas(self, row: float, col: float) -> tuple[float, float]:
        """The canvas point ``(x, y)`` at the centre of grid pixel ``(row, col)``."""
        return ((col + 0.5 - PAD_PX) / self.px_per_unit, (row + 0.5 - PAD_PX) / self.px_per_unit)

    def names(self) -> list[str]:
        return [p.name for p in self.parts]

    def part(self, name: str) -> Part | None:
        return next((p for p in self.parts if p.name == name), None)

    # --- ink ------------------------------------------------------------------------------------
    def coverage(self, name: str):
        """``size × size`` float32 coverage (0..1) of the parts called ``name`` (zeros when none)."""
        import numpy as np

        return self.alpha(name) / np.float32(255)

    def alpha(self, name: str):
        """``size × size`` uint8 coverage (0..255) of the parts called ``name``: the most any of
        them covers each pixel (zeros when none). Read-only: it is shared by every rule."""
        import numpy as np

        if name not in self._ink:
            chosen = [p for p in self.parts if p.name == name]
            alpha = np.zeros((self.size, self.size), np.uint8)
            if chosen and all(p.is_text for p in chosen):
                alpha = _text_ink(tuple(p.source for p in chosen), self.canvas).astype(np.uint8, copy=True)
            for part in chosen:
                if not part.is_text:
                    top, left, pixels, _ = self._render(part)
                    h, w = pixels.shape[:2]
                    window = alpha[top:top + h, left:left + w]
                    np.maximum(window, pixels[..., 3], out=window)
            alpha.flags.writeable = False
            self._ink[name] = alpha
        return self._ink[name]

    def ink(self, name: str):
        """Where part ``name`` paints at least half a pixel (``size × size`` bool)."""
        return self.alpha(name) >= _INK_ALPHA

    def _render(self, part: Part):
        return _part_pixels(self.root, self.support, part.source, self.canvas)

    @cached_property
    def composite_surface(self):
        """The master without its text on the grid, as a cairo ARGB32 surface: the parts' renders
        laid over each other by cairo's OVER operator, as the SVG paints them."""
        import cairocffi as cairo

        target = cairo.ImageSurface(cairo.FORMAT_ARGB32, self.size, self.size)
        context = cairo.Context(target)
        for part in self.parts:
            if part.is_text:
                continue
            top, left, _, surface = self._render(part)
            context.set_source_surface(surface, left, top)
            context.paint()
        target.flush()
        return target

    @cached_property
    def _composite_pixels(self):
        return surface_pixels(self.composite_surface)  # B, G, R, A premultiplied

    @property
    def composite_alpha(self):
        """``size × size`` uint8 coverage of the composite (0..255)."""
        return self._composite_pixels[..., 3]

    def colours(self, index):
        """``(rgb, alpha)`` of the composite at ``index`` (a numpy index: a window of slices, or
        rows and columns): ``rgb`` float 0..255 not premultiplied, ``alpha`` float 0..1. Only the
        pixels asked for are converted."""
        import numpy as np

        pixels = self._composite_pixels[index].astype(np.float32)
        alpha = pixels[..., 3] / 255
        safe = np.where(alpha > 0, alpha, 1)[..., None]
        return np.minimum(pixels[..., 2::-1] / safe, 255), alpha

    @property
    def composite(self):
        """``(rgb, alpha)`` of the whole grid (see :meth:`colours`)."""
        return self.colours((slice(None), slice(None)))

    @cached_property
    def artwork_alpha(self):
        """Coverage of everything the master paints, text included (``size × size`` float): the
        most any one part covers each pixel (no colour needed, so no composite)."""
        import numpy as np

        alpha = np.zeros((self.size, self.size), np.uint8)
        texts = []
        for part in self.parts:
            if part.is_text:
                texts.append(part.source)
                continue
            top, left, pixels, _ = self._render(part)
            h, w = pixels.shape[:2]
            window = alpha[top:top + h, left:left + w]
            np.maximum(window, pixels[..., 3], out=window)
        alpha = alpha.astype(np.float32) / 255
        if texts:
            np.maximum(alpha, _text_ink(tuple(texts), self.canvas) / np.float32(255), out=alpha)
        return alpha


def surface_pixels(surface):
    """A square cairo ARGB32/RGB24 ``surface`` as ``n × n × 4`` uint8 (B, G, R, A; premultiplied)."""
    import numpy as np

    size = surface.get_width()
    data = np.frombuffer(bytes(surface.get_data()), np.uint8).reshape(size, surface.get_stride())
    return data[:, :size * 4].reshape(size, size, 4)


def _split(svg: bytes) -> tuple[bytes, list[Part], bytes]:
    """The root's namespace declarations, the painting top-level elements and the support
    elements (``defs``, gradients, clip paths …) every isolated render needs for its references."""
    parser = xml.parsers.expat.ParserCreate()
    parser.SetParamEntityParsing(xml.parsers.expat.XML_PARAM_ENTITY_PARSING_NEVER)
    depth, spans, root_attrs, counts = 0, [], {}, {}
    starts: list[tuple[str, dict, int]] = []

    def start(tag, attrs):
        nonlocal depth, root_attrs
        if depth == 0:
            root_attrs = attrs
        elif depth == 1:
            begin = parser.CurrentByteIndex
            tag_end = _tag_end(svg, begin)
            starts.append((tag, attrs, begin, tag_end if svg[tag_end - 2:tag_end] == b"/>" else None))
        depth += 1

    def end(tag):
        nonlocal depth
        depth -= 1
        if depth == 1:
            tag, attrs, begin, close = starts.pop()
            if close is None:  # expat points at the end tag of an element with content
                close = svg.index(b">", parser.CurrentByteIndex) + 1
            spans.append((tag, attrs, begin, close))

    def no_entities(*_):
        raise ValueError("entity declarations are not read")

    parser.StartElementHandler, parser.EndElementHandler = start, end
    parser.EntityDeclHandler = no_entities
    parser.Parse(svg, True)
    namespaces = "".join(f' {k}="{v}"' for k, v in root_attrs.items() if k.startswith("xmlns"))
    root = (namespaces or ' xmlns="http://www.w3.org/2000/svg"').encode()
    if b'xmlns="' not in root:
        root += b' xmlns="http://www.w3.org/2000/svg"'
    parts, support = [], []
    for tag, attrs, begin, close in spans:
        local = tag.rsplit(" ", 1)[-1].rsplit(":", 1)[-1]
        source = svg[begin:close]
        if local in _NOT_PAINTING:
            if local not in ("title", "desc", "metadata"):
                support.append(source)
            continue
        classes = attrs.get("class", "").split()
        if classes:
            name = classes[0]
        else:
            counts[local] = counts.get(local, 0) + 1
            name = f"{local}[{counts[local]}]"
        parts.append(Part(name, local, source))
    return root, parts, b"".join(support)


_START_TAG = re.compile(rb"""<[^\s>/]+(?:[^>"']|"[^"]*"|'[^']*')*>""")


def _tag_end(svg: bytes, begin: int) -> int:
    """The offset just past the ``>`` that closes the start tag at ``begin`` (quotes respected)."""
    found = _START_TAG.match(svg, begin)
    if found is None:
        raise ValueError("unterminated start tag")
    return found.end()


def _geometry(source: bytes) -> bytes:
    """The element with its paint made black and opaque: what its coverage depends on."""
    return _OPACITY.sub(b"", _PAINT.sub(lambda m: b" " + m.group(1) + b'="#000"', source))


def _grid_root(root: bytes, canvas: int) -> bytes:
    size = WORK_PX + 2 * PAD_PX
    pad = PAD_PX * canvas / WORK_PX
    return (f'<svg{root.decode()} width="{size}" height="{size}" '
            f'viewBox="{-pad:g} {-pad:g} {canvas + 2 * pad:g} {canvas + 2 * pad:g}">').encode()


def _render(root: bytes, body: bytes, canvas: int):
    from designer.base.raster import render_pixels

    return render_pixels(_grid_root(root, canvas) + body + b"</svg>", WORK_PX + 2 * PAD_PX)


@lru_cache(maxsize=512)
def _part_pixels(root: bytes, support: bytes, source: bytes, canvas: int):
    """``(top, left, pixels, surface)``: one part rendered alone on the grid, cropped to where it
    paints (``pixels`` is cairo's premultiplied B, G, R, A, uint8, read-only; ``surface`` a cairo
    surface over the same pixels, for compositing)."""
    import cairocffi as cairo
    import numpy as np

    try:
        pixels = _render(root, support + source, canvas)
    except Exception:  # noqa: BLE001 - a part CairoSVG cannot draw paints nothing here (MB7xx judge the SVG)
        pixels = np.zeros((1, 1, 4), np.uint8)
    rows, cols = np.flatnonzero(pixels[..., 3].any(axis=1)), np.flatnonzero(pixels[..., 3].any(axis=0))
    if not len(rows):
        cropped, top, left = pixels[:1, :1].copy(), 0, 0
    else:
        top, left = int(rows[0]), int(cols[0])
        cropped = np.ascontiguousarray(pixels[top:rows[-1] + 1, left:cols[-1] + 1])
    h, w = cropped.shape[:2]
    surface = cairo.ImageSurface.create_for_data(bytearray(cropped.tobytes()), cairo.FORMAT_ARGB32, w, h, w * 4)
    cropped.flags.writeable = False
    return top, left, cropped, surface


@lru_cache(maxsize=512)
def _text_ink(sources: tuple[bytes, ...], canvas: int):
    from designer.lint.textmask import UnsupportedPath, text_coverage

    try:
        coverage = text_coverage(list(sources), WORK_PX, canvas, pad=PAD_PX)
    except UnsupportedPath:
        geometry = b"".join(_geometry(s) for s in sources)
        try:
            coverage = _render(b' xmlns="http://www.w3.org/2000/svg"', geometry, canvas)[..., 3]
        except Exception:  # noqa: BLE001 - text CairoSVG cannot draw is judged by the SVG rules
            import numpy as np

            coverage = np.zeros((WORK_PX + 2 * PAD_PX,) * 2, np.uint8)
    coverage = coverage.copy()  # uint8 (a quarter of float32's memory in the cache)
    coverage.flags.writeable = False
    return coverage


def luminance(rgb):
    """WCAG relative luminance of ``…×3`` float sRGB pixels (0..255), as :meth:`Color.relative_luminance`."""
    import numpy as np

    values = np.clip(rgb, 0, 255) / 255
    linear = np.where(values <= 0.04045, values / 12.92, ((values + 0.055) / 1.055) ** 2.4)
    return 0.2126 * linear[..., 0] + 0.7152 * linear[..., 1] + 0.0722 * linear[..., 2]


# --- measuring on masks --------------------------------------------------------------------------
def bounds(mask) -> tuple[int, int, int, int] | None:
    """``(top, left, bottom, right)`` pixel rows/columns of a bool mask (inclusive), or ``None``."""
    import numpy as np

    rows, cols = np.flatnonzero(mask.any(axis=1)), np.flatnonzero(mask.any(axis=0))
    if not len(rows):
        return None
    return int(rows[0]), int(cols[0]), int(rows[-1]), int(cols[-1])


def dilate(mask, radius: int):
    """``mask`` grown by a disc of ``radius`` pixels.

    The disc is the union, over each row offset ``dy``, of a horizontal run of half-width
    ``floor(sqrt(r² - dy²))``: the rows are widened step by step (two shifted ORs a step) and the
    widened rows are then shifted up and down, ``4 r + 1`` array operations instead of one per
    pixel of the disc."""
    import math

    import numpy as np

    if radius <= 0:
        return mask.copy()
    h, w = mask.shape
    widened = [mask]
    for step in range(1, radius + 1):
        last = widened[-1]
        grown = last.copy()
        grown[:, 1:] |= last[:, :-1]
        grown[:, :-1] |= last[:, 1:]
        widened.append(grown)
    out = np.zeros_like(mask)
    for dy in range(-min(radius, h - 1), min(radius, h - 1) + 1):  # a shift past the edge adds nothing
        rows = widened[math.isqrt(radius * radius - dy * dy)]
        if dy >= 0:
            out[dy:, :] |= rows[:h - dy, :]
        else:
            out[:h + dy, :] |= rows[-dy:, :]
    return out


def edge_pixels(mask):
    """The pixels of ``mask`` with a 4-neighbour outside it, as ``k × 2`` (row, col)."""
    import numpy as np

    inner = mask.copy()
    inner[1:, :] &= mask[:-1, :]
    inner[:-1, :] &= mask[1:, :]
    inner[:, 1:] &= mask[:, :-1]
    inner[:, :-1] &= mask[:, 1:]
    return np.argwhere(mask & ~inner)


def gap_px(a, b, within: float) -> float | None:
    """The clear pixels between two bool masks (0 when they touch or overlap; pixel centres
    ``d`` apart leave ``d - 1`` clear), or ``None`` when that is at least ``within`` (only nearby
    pixels are compared, so far-apart parts cost nothing)."""
    import numpy as np

    box_a, box_b = bounds(a), bounds(b)
    if box_a is None or box_b is None:
        return None
    reach = int(np.ceil(within)) + 1
    top, left = max(box_a[0], box_b[0]) - reach, max(box_a[1], box_b[1]) - reach
    bottom, right = min(box_a[2], box_b[2]) + reach, min(box_a[3], box_b[3]) + reach
    if top > bottom or left > right:
        return None
    top, left = max(top, 0), max(left, 0)
    window = (slice(top, bottom + 1), slice(left, right + 1))
    wa, wb = a[window], b[window]
    if (wa & wb).any():
        return 0.0
    # Clear means pixel centres at least ``within + 1`` apart: if ``a`` grown by a disc of that
    # radius misses ``b``, no pair is closer, and the pairwise distances need not be computed
    # (the usual case: parts that are comfortably apart).
    if within <= 32 and not (dilate(wa, math.ceil(within + 1)) & wb).any():
        return None
    pa, pb = edge_pixels(wa), edge_pixels(wb)
    if not len(pa) or not len(pb):
        return None
    best = within + 1
    for chunk in range(0, len(pa), 512):  # bounded memory for large outlines
        d = pa[chunk:chunk + 512, None, :] - pb[None, :, :]
        best = min(best, float(np.sqrt((d * d).sum(axis=2).min())))
    clear = max(0.0, best - 1)
    return clear if clear < within else None


def components(mask):
    """Each 8-connected part of a small bool mask, as its own mask."""
    import numpy as np

    seen = np.zeros_like(mask)
    h, w = mask.shape
    for start in zip(*np.nonzero(mask)):
        if seen[start]:
            continue
        part = np.zeros_like(mask)
        stack = [start]
        seen[start] = True
        while stack:
            y, x = stack.pop()
            part[y, x] = True
            for dy in (-1, 0, 1):
                for dx in (-1, 0, 1):
                    ny, nx = y + dy, x + dx
                    if 0 <= ny < h and 0 <= nx < w and mask[ny, nx] and not seen[ny, nx]:
                        seen[ny, nx] = True
                        stack.append((ny, nx))
        yield part
