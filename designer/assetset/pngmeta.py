"""Descriptive PNG metadata: iTXt Title, Description, Author, Copyright, Software.

The chunk payloads are made by Pillow's ``PngInfo.add_itxt`` (so the encoding is Pillow's, and
Pillow reads them back), but they are spliced into CairoSVG's PNG stream directly after IHDR
instead of re-saving the image with Pillow: a Pillow re-encode costs about as much as the render
itself (measured: 38 ms vs 45 ms for a 600 px badge), which would break the build-time budget
(benchmarks/bench_build.py). Neither CairoSVG nor this splice adds a ``tIME`` chunk, so the bytes
are a pure function of the SVG and the texts.
"""

from __future__ import annotations

import struct
import zlib

from PIL import PngImagePlugin

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def text_chunks(fields: dict[str, str]) -> list[tuple[bytes, bytes]]:
    """``(type, data)`` of one uncompressed iTXt chunk per field, in the order given."""
    info = PngImagePlugin.PngInfo()
    for keyword, value in fields.items():
        info.add_itxt(keyword, value, lang="", tkey="", zip=False)
    return [(chunk[0], chunk[1]) for chunk in info.chunks]


def with_text(png: bytes, fields: dict[str, str]) -> bytes:
    """``png`` with the ``fields`` as iTXt chunks right after IHDR (any existing chunk with the
    same keyword is dropped first, so re-running never duplicates metadata)."""
    if not png.startswith(PNG_SIGNATURE):
        raise ValueError("not a PNG")
    keywords = {key.encode("latin-1") for key in fields}
    out = [PNG_SIGNATURE]
    pos = len(PNG_SIGNATURE)
    first = True
    while pos < len(png):
        (length,) = struct.unpack(">I", png[pos:pos + 4])
        end = pos + 12 + length
        kind, data = png[pos + 4:pos + 8], png[pos + 8:pos + 8 + length]
        if not (kind in (b"iTXt", b"tEXt", b"zTXt") and data.split(b"\0", 1)[0] in keywords):
            out.append(png[pos:end])
        if first:  # IHDR is always first (PNG spec 5.6)
            out.extend(_chunk(k, d) for k, d in text_chunks(fields))
            first = False
        pos = end
    return b"".join(out)


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
