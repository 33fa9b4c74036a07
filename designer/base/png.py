"""PNG chunk layer: read and write chunks, and the three text chunk types, with struct and zlib only.

Follows the PNG specification (W3C, Third Edition), §5 "Datastream structure" (signature, chunk
layout ``length | type | data | CRC``, CRC-32 over type and data) and §11.3.3 "Textual information"
(``tEXt``, ``zTXt``, ``iTXt``). No image decoding happens here: chunks are sliced out of the original
bytes, so a writer can copy every chunk it does not own byte for byte.

Every problem is a :class:`PNGError` (a :class:`~designer.base.errors.MedbadgeError`) that names the byte
offset where the reading stopped:

>>> list(iter_chunks(b"GIF89a..."))
Traceback (most recent call last):
...
designer.base.png.PNGError: byte 0: not a PNG file: the 8-byte PNG signature is missing
"""

from __future__ import annotations

import struct
import zlib
from collections.abc import Iterator
from typing import NamedTuple

from designer.base.errors import MedbadgeError

try:  # ISA-L's CRC-32 gives the same values ~3x faster than zlib's; every image chunk is checked
    from isal.isal_zlib import crc32 as _crc32
except ImportError:  # pragma: no cover - platforms without an isal wheel
    _crc32 = zlib.crc32

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
#: Largest chunk length the spec allows (§5.3: "restricted to 2^31 - 1 bytes").
MAX_CHUNK_LENGTH = 2**31 - 1
#: A compressed text chunk may not inflate past this (a zlib bomb in a badge is an attack, not art).
MAX_INFLATED_TEXT = 16 * 1024 * 1024

_HEADER = struct.Struct(">I4s")
_CRC = struct.Struct(">I")


class PNGError(MedbadgeError):
    """A PNG that cannot be read: bad signature, truncation, CRC mismatch, malformed text chunk."""

    def __init__(self, message: str, offset: int, *, source: str | None = None, hint: str | None = None):
        self.offset = offset
        where = f"{source}: byte {offset}" if source else f"byte {offset}"
        super().__init__(f"{where}: {message}", hint=hint)


class Chunk(NamedTuple):
    """One chunk as found in a datastream; ``offset`` is where its length field starts.

    The chunk keeps a reference to the datastream instead of a copy, so walking a large PNG copies
    nothing; ``data`` slices on demand. ``start``/``end`` delimit the whole chunk (length, type,
    data, CRC), so writers can copy it unchanged with ``png[chunk.start:chunk.end]``. (A named tuple,
    not a dataclass: a reader creates one per chunk and this is the cheapest immutable value.)
    """

    type: bytes
    offset: int
    length: int
    stream: bytes

    def __repr__(self) -> str:
        return f"Chunk(type={self.type!r}, offset={self.offset}, length={self.length})"

    @property
    def data(self) -> bytes:
        return self.stream[self.offset + 8 : self.offset + 8 + self.length]

    @property
    def start(self) -> int:
        return self.offset

    @property
    def end(self) -> int:
        return self.offset + 12 + self.length


#: Chunks that carry compressed pixels (PNG IDAT, APNG fdAT): large, and only a decoder needs them.
IMAGE_DATA_CHUNKS = frozenset({b"IDAT", b"fdAT"})


def iter_chunks(
    png: bytes, *, check_crc: bool = True, skip_crc: frozenset[bytes] = frozenset(), source: str | None = None
) -> Iterator[Chunk]:
    """Yield each chunk of ``png`` up to and including ``IEND``, checking structure and CRCs (§5.2-5.3).

    Raises :class:`PNGError` naming the byte offset for a missing signature, a chunk cut short, a
    length beyond 2^31-1, a CRC mismatch or a datastream that ends before ``IEND``. A consumer that
    stops early (a reader taking the first matching chunk) has checked only what it read. Chunk
    types in ``skip_crc`` are delimited but their CRC is not recomputed (see :func:`check_png`).
    """
    png = bytes(png)
    new_chunk = tuple.__new__  # a NamedTuple's own constructor is a Python-level call
    for span in _walk(png, check_crc, skip_crc, source):
        yield new_chunk(Chunk, (*span, png))


def chunk_spans(
    png: bytes, *, check_crc: bool = True, skip_crc: frozenset[bytes] = frozenset(), source: str | None = None
) -> list[tuple[bytes, int, int]]:
    """``(type, offset, length)`` of every chunk up to ``IEND``, with exactly the checks of
    :func:`iter_chunks`, as one list (the writer's walk: no chunk objects).

    >>> [span[0] for span in chunk_spans(PNG_SIGNATURE + encode_chunk(b"IHDR", bytes(13)) + encode_chunk(b"IEND", b""))]
    [b'IHDR', b'IEND']
    """
    return list(_walk(png, check_crc, skip_crc, source))


def _walk(png: bytes, check_crc: bool, skip_crc: frozenset[bytes], source: str | None) -> Iterator[tuple[bytes, int, int]]:
    """The one chunk walk behind both readers: ``(type, offset, length)`` lazily, checked as it goes."""
    if png[:8] != PNG_SIGNATURE:
        raise PNGError("not a PNG file: the 8-byte PNG signature is missing", 0, source=source)
    view = memoryview(png)
    pos, size = 8, len(png)
    # Hot loop (baking a roster walks it per recipient): bound methods in locals.
    unpack_header, unpack_crc, crc32 = _HEADER.unpack_from, _CRC.unpack_from, _crc32
    while True:
        if pos + 12 > size:
            _raise_bad_header(png, pos, 0, b"", source)
        length, ctype = unpack_header(png, pos)
        data_end = pos + 8 + length
        if data_end + 4 > size or length > MAX_CHUNK_LENGTH or not ctype.isalpha():
            _raise_bad_header(png, pos, length, ctype, source)
        if check_crc and ctype not in skip_crc and unpack_crc(png, data_end)[0] != crc32(view[pos + 4 : data_end]):
            _raise_crc_mismatch(png, pos, data_end, ctype, source)
        yield ctype, pos, length
        if ctype == b"IEND":
            return
        pos = data_end + 4


def _raise_crc_mismatch(png: bytes, pos: int, data_end: int, ctype: bytes, source: str | None) -> None:
    stored = _CRC.unpack_from(png, data_end)[0]
    actual = _crc32(memoryview(png)[pos + 4 : data_end])
    raise PNGError(
        f"CRC mismatch in the {ctype.decode('ascii')} chunk at byte {pos} "
        f"(stored {stored:08x}, computed {actual:08x})", data_end, source=source,
        hint="the file was altered or damaged after it was written",
    )


def _raise_bad_header(png: bytes, pos: int, length: int, ctype: bytes, source: str | None) -> None:
    if pos + 8 > len(png):
        raise PNGError(
            "truncated PNG: the datastream ends before the IEND chunk", pos, source=source,
            hint="the file was cut short; export or download it again",
        )
    length, ctype = _HEADER.unpack_from(png, pos)
    if length > MAX_CHUNK_LENGTH:
        raise PNGError(f"chunk length {length} exceeds the PNG limit of 2^31-1", pos, source=source)
    if not ctype.isalpha():
        raise PNGError(f"invalid chunk type {ctype!r}: the datastream is corrupt", pos + 4, source=source)
    raise PNGError(
        f"truncated PNG: the {ctype.decode('ascii')} chunk at byte {pos} needs {length + 12} bytes "
        f"but only {len(png) - pos} remain", pos, source=source,
        hint="the file was cut short; export or download it again",
    )


def check_png(png: bytes, *, source: str | None = None) -> None:
    """Walk the whole datastream and check every CRC, image data included; raise :class:`PNGError`.

    Bulk baking of one artwork for many recipients checks the artwork once with this, then bakes
    with ``check_image_data=False``.
    """
    for _ in iter_chunks(png, source=source):
        pass


def encode_chunk(ctype: bytes, data: bytes) -> bytes:
    """One complete chunk: big-endian length, type, data and the CRC-32 of type + data (§5.3).

    >>> encode_chunk(b"IEND", b"").hex()
    '0000000049454e44ae426082'
    """
    if len(ctype) != 4 or not ctype.isalpha():
        raise ValueError(f"chunk type must be 4 ASCII letters, got {ctype!r}")
    return _HEADER.pack(len(data), ctype) + data + _CRC.pack(_crc32(data, _crc32(ctype)))


class TextChunk(NamedTuple):
    """The decoded content of a ``tEXt``, ``zTXt`` or ``iTXt`` chunk (§11.3.3).

    ``language`` and ``translated_keyword`` exist only in ``iTXt``; ``compressed`` says whether the
    text was zlib-compressed in the file.
    """

    chunk_type: bytes
    keyword: str
    text: str
    compressed: bool = False
    language: str = ""
    translated_keyword: str = ""


def chunk_keyword(chunk: Chunk) -> bytes | None:
    """The keyword of a text chunk (the bytes before the first NUL), or ``None`` for other chunks."""
    if chunk.type not in TEXT_CHUNKS:
        return None
    start = chunk.offset + 8
    nul = chunk.stream.find(b"\x00", start, min(start + 80, start + chunk.length))  # keywords are 1-79 bytes
    return chunk.stream[start:nul] if nul > start else None


def encode_itxt(keyword: str, text: str) -> bytes:
    """The data of an uncompressed ``iTXt`` chunk with empty language tag and translated keyword.

    Layout (§11.3.3.4): ``keyword NUL | flag 0 | method 0 | language NUL | translated NUL | UTF-8 text``.

    >>> encode_itxt("openbadges", "{}")
    b'openbadges\\x00\\x00\\x00\\x00\\x00{}'
    """
    key = keyword.encode("latin-1")
    if not 1 <= len(key) <= 79 or b"\x00" in key:
        raise ValueError(f"iTXt keyword must be 1-79 Latin-1 characters without NUL, got {keyword!r}")
    return key + b"\x00" + b"\x00" + b"\x00" + b"\x00" + b"\x00" + text.encode("utf-8")


TEXT_CHUNKS = frozenset({b"tEXt", b"zTXt", b"iTXt"})


def with_text_chunks(png: bytes, fields: dict[str, str], *, check_image_data: bool = True,
                     source: str | None = None) -> bytes:
    """``png`` with one uncompressed ``iTXt`` chunk per field right after ``IHDR``, in the order given.

    The one chunk writer (baking and the build's descriptive metadata use it): an earlier text
    chunk with the same keyword (``iTXt``, or a legacy ``tEXt``/``zTXt``) is dropped rather than
    kept beside the new one, so re-running never duplicates; every other chunk is copied byte for
    byte. Structure and CRCs are checked first; ``check_image_data=False`` skips recomputing the
    CRCs of the pixel data (copied verbatim anyway) for a PNG already checked with
    :func:`check_png`. No ``tIME`` chunk is added: the bytes are a function of the input.

    >>> png = PNG_SIGNATURE + encode_chunk(b"IHDR", bytes(13)) + encode_chunk(b"IEND", b"")
    >>> [c.type for c in iter_chunks(with_text_chunks(png, {"Title": "Suturing"}))]
    [b'IHDR', b'iTXt', b'IEND']
    """
    png = bytes(png)
    spans = chunk_spans(png, skip_crc=frozenset() if check_image_data else IMAGE_DATA_CHUNKS, source=source)
    header_type, header_offset, header_length = spans[0]
    if header_type != b"IHDR":
        raise PNGError(f"the first chunk is {header_type.decode()}, not IHDR: the PNG is corrupt", header_offset,
                       source=source)
    keywords = {keyword.encode("latin-1") for keyword in fields}
    view = memoryview(png)  # slices of a view are not copies: the bytes are copied once, by join
    header_end = header_offset + 12 + header_length
    parts = [view[:header_end], *(encode_chunk(b"iTXt", encode_itxt(k, v)) for k, v in fields.items())]
    run_start = header_end  # copy unchanged chunks in contiguous runs
    for ctype, offset, length in spans[1:]:
        if ctype in TEXT_CHUNKS and chunk_keyword(Chunk(ctype, offset, length, png)) in keywords:
            parts.append(view[run_start:offset])
            run_start = offset + 12 + length
    parts.append(view[run_start:])  # the rest, IEND and any trailing bytes included, unchanged
    return b"".join(parts)


def decode_text_chunk(chunk: Chunk, *, source: str | None = None) -> TextChunk:
    """Decode a text chunk leniently: compressed ``iTXt``/``zTXt`` are inflated (bounded), and the
    language tag and translated keyword of an ``iTXt`` are kept apart from the text."""
    ctype, stream, start = chunk.type, chunk.stream, chunk.offset + 8
    if ctype == b"iTXt":  # what writers (ours included) produce: uncompressed, no language, no translation
        end = start + chunk.length
        nul = stream.find(b"\x00", start, min(start + 80, end))
        if nul > start and stream.startswith(b"\x00\x00\x00\x00", nul + 1, end):
            try:
                text = str(memoryview(stream)[nul + 5 : end], "utf-8")  # decoded in place, no copy
            except UnicodeDecodeError:
                pass  # the full path below reports it
            else:
                return tuple.__new__(TextChunk, (ctype, stream[start:nul].decode("latin-1"), text, False, "", ""))
    data = chunk.data
    nul = data.find(b"\x00")
    if nul < 1:
        raise PNGError(f"{ctype.decode()} chunk has no keyword terminator", chunk.offset, source=source)
    keyword = data[:nul].decode("latin-1")
    rest = data[nul + 1 :]
    if ctype == b"tEXt":
        return TextChunk(ctype, keyword, rest.decode("latin-1"))
    if ctype == b"zTXt":
        if not rest or rest[0] != 0:
            raise PNGError("zTXt chunk uses an unknown compression method", chunk.offset, source=source)
        raw = _inflate(rest[1:], chunk, source)
        return TextChunk(ctype, keyword, raw.decode("latin-1"), compressed=True)
    if ctype != b"iTXt":
        raise ValueError(f"not a text chunk: {ctype!r}")
    if len(rest) < 2:
        raise PNGError("iTXt chunk is cut short after its keyword", chunk.offset, source=source)
    flag, method, rest = rest[0], rest[1], rest[2:]
    lang_end = rest.find(b"\x00")
    trans_end = rest.find(b"\x00", lang_end + 1) if lang_end >= 0 else -1
    if trans_end < 0:
        raise PNGError("iTXt chunk lacks its language tag or translated keyword terminator", chunk.offset, source=source)
    language = rest[:lang_end].decode("ascii", "replace")
    translated = rest[lang_end + 1 : trans_end].decode("utf-8", "replace")
    body = rest[trans_end + 1 :]
    if flag == 1:
        if method != 0:
            raise PNGError(f"iTXt chunk uses unknown compression method {method}", chunk.offset, source=source)
        body = _inflate(body, chunk, source)
    elif flag != 0:
        raise PNGError(f"iTXt chunk has invalid compression flag {flag}", chunk.offset, source=source)
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as error:
        raise PNGError(f"iTXt text is not valid UTF-8 ({error.reason})", chunk.offset, source=source) from None
    return TextChunk(ctype, keyword, text, compressed=flag == 1, language=language, translated_keyword=translated)


def _inflate(compressed: bytes, chunk: Chunk, source: str | None) -> bytes:
    """Inflate zlib data with an output bound, so a tiny chunk cannot expand into gigabytes."""
    inflater = zlib.decompressobj()
    try:
        out = inflater.decompress(compressed, MAX_INFLATED_TEXT + 1)
    except zlib.error as error:
        raise PNGError(f"{chunk.type.decode()} text does not inflate ({error})", chunk.offset, source=source) from None
    if len(out) > MAX_INFLATED_TEXT or inflater.unconsumed_tail:
        raise PNGError(
            f"{chunk.type.decode()} text inflates past {MAX_INFLATED_TEXT} bytes; refusing it as a zlib bomb",
            chunk.offset, source=source,
        )
    return out
