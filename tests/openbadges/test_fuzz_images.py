"""Property-based fuzzing of image input to bake, unbake and verify: mutated PNGs and SVGs (bit
flips, truncation, spliced bytes, forged chunk lengths) give a result or a MedbadgeError — never
another exception — and each case ends quickly. ``MEDBADGE_FUZZ_EXAMPLES`` runs more cases."""

from __future__ import annotations

import os
import struct

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from designer.base.errors import MedbadgeError
from designer.openbadges import bake, unbake, verify
from tests.openbadges.conftest import assertion_json, make_png

EXAMPLES = int(os.environ.get("MEDBADGE_FUZZ_EXAMPLES", "150"))
SVG = (b'<svg xmlns="http://www.w3.org/2000/svg" width="48" height="48" viewBox="0 0 48 48">'
       b'<rect width="48" height="48" fill="#0b5563"/></svg>')
BAKED = [bake(make_png(), assertion_json(), "2.0"), bake(SVG, assertion_json(), "2.0")]


@st.composite
def mutated_images(draw) -> bytes:
    data = bytearray(draw(st.sampled_from(BAKED)))
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(["flip", "truncate", "splice", "length", "replace"]))
        position = draw(st.integers(0, max(0, len(data) - 1)))
        if kind == "flip" and data:
            data[position] ^= 1 << draw(st.integers(0, 7))
        elif kind == "truncate":
            del data[position:]
        elif kind == "splice":
            data[position:position] = draw(st.binary(max_size=64))
        elif kind == "length" and len(data) >= position + 4:  # a forged chunk length or size field
            data[position:position + 4] = struct.pack(">I", draw(st.sampled_from([0, 1, 2**31 - 1, 2**32 - 1])))
        elif kind == "replace":
            data[position:position + 8] = draw(st.sampled_from([b"<!ENTITY", b"]]>", b"\x00\x00\x00\x00",
                                                                  b"zTXt", b"iTXt", b"&#x0;", b"\xff\xfe\xfd\xfc"]))
    return bytes(data)


FUZZ = settings(max_examples=EXAMPLES, deadline=5000, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.too_slow])


@FUZZ
@given(mutated_images())
def test_unbake_and_verify_give_a_result_or_one_clear_error(image):
    for operation in (lambda: unbake(image, source="fuzz"), lambda: verify(image, source="fuzz")):
        try:
            operation()
        except MedbadgeError:
            pass


@FUZZ
@given(mutated_images(), st.sampled_from(["2.0", "3.0"]))
def test_bake_gives_an_image_or_one_clear_error(image, version):
    try:
        baked = bake(image, assertion_json(), version, source="fuzz")
    except MedbadgeError:
        return
    unbake(baked)  # what bake writes, unbake reads back
