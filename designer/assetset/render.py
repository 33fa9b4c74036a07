"""Render one design into the staging folder: the SVG master and every PNG size.

This is the unit of work a build hands to its process pool, so it takes plain values and returns
plain values (file records or an error as text) — nothing that needs the badge set or the
parent's state. Each design is composed once and every size is rasterised from that one SVG by
CairoSVG (each size rendered, not downscaled, so small sizes stay crisp).
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import jinja2

from designer.base import raster
from designer.compose import compose, small_variant
from designer.assetset.options import PngSize
from designer.assetset.records import FileRecord
from designer.assetset.staging import UNTOUCHED
from designer.base.files import write_error
from designer.base.png import with_text_chunks
from designer.design import Design
from designer.base.errors import Location, MedbadgeError


@dataclass(frozen=True)
class RenderJob:
    design: Design
    staging: str
    sizes: tuple[PngSize, ...]
    write_svg: bool
    write_png: bool
    png_text: tuple[tuple[str, str], ...]  # Title, Author, ... (Description is the alt text)
    writer: Callable[[Path, bytes], None]
    parent_pid: int
    share: tuple[str, ...] = ()  # share renditions (designer.share.selection.RENDITIONS)


@dataclass(frozen=True)
class RenderResult:
    slug: str
    files: tuple[FileRecord, ...] = ()
    rasters: int = 0
    error: tuple[str, str | None, str | None] | None = None  # message, location, hint


def render_design(job: RenderJob) -> RenderResult:
    """Compose ``job.design`` and write its files; errors come back as data (picklable)."""
    design = job.design
    try:
        if os.getppid() != job.parent_pid and job.parent_pid != os.getpid():
            raise MedbadgeError("the build that started this worker has gone")  # orphaned: stop
        artwork = _compose(design)
        folder = Path(job.staging) / design.badge_id
        folder.mkdir(exist_ok=True)  # never parents=True: a deleted staging folder stays deleted
        files = []
        if job.write_svg:
            files.append(_write(job, folder, f"{design.slug}.svg", artwork.svg, "svg", None))
        rasters = 0
        if job.write_png:
            text = dict(job.png_text) | {"Title": f"{design.title} — {design.cue.label}",
                                          "Description": design.alt_text}
            tree = _parse(design, artwork.svg)
            for size in job.sizes:
                # a template may draw small sizes differently (compose's [small] variant)
                drawn = _parse(design, _compose(design, size.pixels).svg) if small_variant(design, size.pixels) else tree
                png = with_text_chunks(_rasterise(design, drawn, size.pixels), _ordered(text))
                rasters += 1
                files.append(_write(job, folder, f"{design.slug}-{size.suffix}.png", png, "png", size.pixels))
        if job.share:  # the share card, e-mail PNG and print PDF, from the artwork composed above
            from designer.share.renditions import render_renditions

            text = dict(job.png_text) | {"Title": f"{design.title} — {design.cue.label}", "Description": design.alt_text}
            for name, data, kind, pixels in render_renditions(design, artwork, tree if job.write_png else None,
                                                              job.share, _ordered(text)):
                files.append(_write(job, folder, name, data, kind, pixels))
        return RenderResult(design.slug, tuple(files), rasters)
    except MedbadgeError as error:
        return RenderResult(design.slug, error=(error.message, str(error.location) if error.location else None,
                                                error.hint))
    except OSError as error:
        return RenderResult(design.slug, error=_os_error(error))


def _compose(design: Design, size: int | None = None):
    try:
        return compose(design, size)
    except jinja2.TemplateError as error:
        where = Location(getattr(error, "filename", None) or f"template '{design.template.name}'",
                         getattr(error, "lineno", None))
        raise MedbadgeError(f"template '{design.template.name}' failed to render for {design.slug}: {error.message}",
                            where, hint="fix the template, or choose another template for this badge") from None


def _parse(design: Design, svg: bytes):
    """Parse the master once for all its sizes (CairoSVG's ``svg2png`` would parse it per size;
    drawing does not change the tree — the bytes are identical, checked over the example set)."""
    try:
        return raster.parse(svg)
    except Exception as error:  # CairoSVG/lxml raise many types; all mean "not an SVG we can draw"
        raise MedbadgeError(f"{design.slug}: the SVG could not be parsed for rasterising: {error}",
                            hint=f"check template '{design.template.name}' produces well-formed SVG") from None


def _rasterise(design: Design, tree, pixels: int) -> bytes:
    try:
        return raster.render_png(tree, pixels)
    except Exception as error:
        raise MedbadgeError(f"{design.slug}: the SVG could not be rasterised at {pixels} px: {error}",
                            hint=f"check template '{design.template.name}' produces well-formed SVG") from None


def _ordered(text: dict[str, str]) -> dict[str, str]:
    order = ("Title", "Description", "Author", "Copyright", "Software")
    return {key: text[key] for key in order if key in text}


def _write(job: RenderJob, folder: Path, name: str, data: bytes, kind: str, pixels: int | None) -> FileRecord:
    job.writer(folder / name, data)
    design = job.design
    return FileRecord(f"{design.badge_id}/{name}", hashlib.sha256(data).hexdigest(), len(data),
                      design.badge_id, design.tier_id, kind, pixels)


def _os_error(error: OSError) -> tuple[str, str | None, str | None]:
    """The base writer's message for ``error``, as plain values a worker can send back."""
    failure = write_error(error, None, UNTOUCHED)
    return failure.message, str(failure.location) if failure.location else None, failure.hint
