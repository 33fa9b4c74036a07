"""PNG chunk layer: iteration, CRC checks, and errors that name the byte offset."""

from __future__ import annotations

import struct
import zlib

import pytest

from designer.base.errors import MedbadgeError
from designer.base.png import (
    PNG_SIGNATURE, PNGError, decode_text_chunk, encode_chunk, encode_itxt, iter_chunks,
)


def test_iter_chunks_reads_pillow_png(png):
    chunks = list(iter_chunks(png))
    assert chunks[0].type == b"IHDR" and chunks[0].offset == 8
    assert chunks[-1].type == b"IEND"
    assert b"IDAT" in {c.type for c in chunks}
    # slices reproduce the file exactly
    assert PNG_SIGNATURE + b"".join(png[c.start:c.end] for c in chunks) == png


def test_encode_chunk_layout_and_crc():
    chunk = encode_chunk(b"tEXt", b"a\x00b")
    assert chunk[:8] == struct.pack(">I4s", 3, b"tEXt")
    assert chunk[8:11] == b"a\x00b"
    assert chunk[11:] == struct.pack(">I", zlib.crc32(b"tEXta\x00b"))


def test_bad_signature_is_reported_at_byte_0():
    with pytest.raises(PNGError) as caught:
        list(iter_chunks(b"GIF89a" + b"\x00" * 20))
    assert caught.value.offset == 0
    assert isinstance(caught.value, MedbadgeError)


@pytest.mark.parametrize("cut", [8, 20, 40, -20, -5])
def test_truncated_png_names_the_offset(png, cut):
    data = png[:cut] if cut > 0 else png[:len(png) + cut]
    with pytest.raises(PNGError) as caught:
        list(iter_chunks(data))
    assert 8 <= caught.value.offset <= len(data)
    assert f"byte {caught.value.offset}" in str(caught.value)


def test_crc_mismatch_names_the_offset(png):
    chunks = list(iter_chunks(png))
    idat = next(c for c in chunks if c.type == b"IDAT")
    damaged = bytearray(png)
    damaged[idat.start + 10] ^= 0xFF
    with pytest.raises(PNGError) as caught:
        list(iter_chunks(bytes(damaged)))
    assert caught.value.offset == idat.end - 4  # the CRC field of the damaged chunk
    assert f"byte {idat.start}" in str(caught.value)


def test_crc_check_can_be_switched_off(png):
    damaged = bytearray(png)
    damaged[-2] ^= 0xFF  # the IEND CRC
    assert list(iter_chunks(bytes(damaged), check_crc=False))[-1].type == b"IEND"


def test_itxt_layout_is_exact():
    assert encode_itxt("openbadges", "x") == b"openbadges\x00" + b"\x00\x00" + b"\x00" + b"\x00" + b"x"
    assert encode_itxt("openbadgecredential", "\u00e9") == b"openbadgecredential\x00\x00\x00\x00\x00\xc3\xa9"


def _chunk(data: bytes, ctype: bytes = b"iTXt"):
    raw = PNG_SIGNATURE + encode_chunk(ctype, data) + encode_chunk(b"IEND", b"")
    return next(iter_chunks(raw))


def test_decode_itxt_keeps_language_and_translated_keyword_apart():
    text = decode_text_chunk(_chunk(b"openbadges\x00\x00\x00en-GB\x00Abzeichen\x00{}"))
    assert (text.keyword, text.language, text.translated_keyword, text.text) == ("openbadges", "en-GB", "Abzeichen", "{}")


def test_decode_compressed_itxt():
    text = decode_text_chunk(_chunk(b"openbadges\x00\x01\x00\x00\x00" + zlib.compress("{\"a\": \"\u00e9\"}".encode())))
    assert text.compressed and text.text == '{"a": "\u00e9"}'


def test_decompression_bomb_is_refused():
    bomb = zlib.compress(b" " * (20 * 1024 * 1024), 9)
    with pytest.raises(PNGError, match="bomb"):
        decode_text_chunk(_chunk(b"openbadges\x00\x01\x00\x00\x00" + bomb))


def test_invalid_utf8_is_reported():
    with pytest.raises(PNGError, match="UTF-8"):
        decode_text_chunk(_chunk(b"openbadges\x00\x00\x00\x00\x00\xff\xfe"))
