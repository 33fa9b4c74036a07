"""The writer's chunk walk (``chunk_spans``) checks exactly what the reader's (``iter_chunks``) does."""

from __future__ import annotations

import pytest

from designer.openbadges import bake_png
from designer.base.png import PNGError, check_png, chunk_spans, iter_chunks

from .conftest import assertion_json, make_png


def _corruptions(png: bytes) -> dict[str, bytes]:
    idat = png.index(b"IDAT") - 4
    flipped = bytearray(png)
    flipped[idat + 10] ^= 0xFF
    bad_type = bytearray(png)
    bad_type[idat + 4 : idat + 8] = b"ID@T"
    huge = bytearray(png)
    huge[idat : idat + 4] = (2**31).to_bytes(4, "big")
    return {
        "crc": bytes(flipped), "type": bytes(bad_type), "length": bytes(huge),
        "cut-in-chunk": png[: idat + 20], "cut-at-boundary": png[:idat], "cut-in-header": png[: idat + 5], "cut-after-header": png[: idat + 10],
        "cut-before-iend": png[:-12], "signature": b"\x89PNX" + png[4:],
    }


@pytest.mark.parametrize("case", ["crc", "type", "length", "cut-in-chunk", "cut-at-boundary", "cut-in-header", "cut-after-header",
                                  "cut-before-iend", "signature"])
def test_spans_and_iter_chunks_refuse_alike(case):
    data = _corruptions(make_png(64))[case]
    with pytest.raises(PNGError) as by_reader:
        list(iter_chunks(data))
    with pytest.raises(PNGError) as by_writer:
        chunk_spans(data)
    assert (by_writer.value.offset, str(by_writer.value)) == (by_reader.value.offset, str(by_reader.value))
    with pytest.raises(PNGError):
        bake_png(data, assertion_json(), "2.0")


def test_spans_match_chunks_and_skipping_image_crcs_is_only_for_checked_artwork():
    png = make_png(64)
    assert chunk_spans(png) == [(c.type, c.offset, c.length) for c in iter_chunks(png)]
    damaged = _corruptions(png)["crc"]
    with pytest.raises(PNGError, match="CRC mismatch in the IDAT"):
        check_png(damaged)  # what issuing runs once per artwork before baking with check_image_data=False
    assert bake_png(damaged, assertion_json(), "2.0", check_image_data=False)  # the pixels are copied as they are
