"""Baking PNG: exact iTXt layout, placement after IHDR, replacement on re-bake, pixels untouched."""

from __future__ import annotations

import io
import json

import pytest
from PIL import Image

from designer.base.errors import MedbadgeError
from designer.openbadges import bake_png, unbake, unbake_all
from designer.base.png import PNG_SIGNATURE, chunk_keyword, encode_chunk, iter_chunks

from .conftest import assertion_json, make_png

JWS = "eyJhbGciOiJFZERTQSJ9.eyJpc3MiOiJ4In0.c2lnbmF0dXJl"


def _text_chunks(png: bytes, keyword: bytes):
    return [c for c in iter_chunks(png) if chunk_keyword(c) == keyword]


@pytest.mark.parametrize("version, keyword", [("2.0", b"openbadges"), ("3.0", b"openbadgecredential")])
def test_itxt_bytes_and_position(png, version, keyword):
    payload = assertion_json() if version == "2.0" else JWS
    baked = bake_png(png, payload, version)
    chunks = list(iter_chunks(baked))
    assert chunks[0].type == b"IHDR"
    assert chunks[1].type == b"iTXt"
    assert chunks[1].data == keyword + b"\x00\x00\x00\x00\x00" + payload.encode("utf-8")
    assert len(_text_chunks(baked, keyword)) == 1


def test_non_ascii_payload_is_utf8(png):
    payload = json.dumps({"id": "https://example.org/a/1", "name": "Réanimation – niveau avancé"}, ensure_ascii=False)
    baked = bake_png(png, payload, "2.0")
    assert payload.encode("utf-8") in baked
    assert unbake(baked).text == payload


def test_rebake_replaces_never_duplicates(png):
    once = bake_png(png, assertion_json(), "2.0")
    twice = bake_png(once, JWS, "2.0")
    assert len(_text_chunks(twice, b"openbadges")) == 1
    assert unbake(twice).text == JWS
    assert bake_png(once, assertion_json(), "2.0") == once  # idempotent


def test_versions_coexist_one_chunk_each(png):
    both = bake_png(bake_png(png, assertion_json(), "2.0"), JWS, "3.0")
    again = bake_png(both, JWS, "3.0")
    assert len(_text_chunks(again, b"openbadges")) == 1
    assert len(_text_chunks(again, b"openbadgecredential")) == 1
    assert {p.version for p in unbake_all(again)} == {"2.0", "3.0"}
    assert unbake(again, version="2.0").kind == "json"


def test_legacy_text_chunk_is_replaced(png):
    chunks = list(iter_chunks(png))
    legacy = PNG_SIGNATURE + png[chunks[0].start:chunks[0].end] + encode_chunk(b"tEXt", b"openbadges\x00https://example.org/a/1") + png[chunks[1].start:]
    baked = bake_png(legacy, assertion_json(), "2.0")
    assert [c.type for c in _text_chunks(baked, b"openbadges")] == [b"iTXt"]


@pytest.mark.parametrize("mode", ["RGBA", "RGB", "P", "L"])
def test_pixels_and_image_chunks_untouched(mode):
    original = make_png(64, "RGBA" if mode == "RGBA" else "RGB")
    if mode in ("P", "L"):
        buffer = io.BytesIO()
        Image.open(io.BytesIO(original)).convert(mode).save(buffer, "PNG")
        original = buffer.getvalue()
    baked = bake_png(original, assertion_json(), "2.0")
    before, after = Image.open(io.BytesIO(original)), Image.open(io.BytesIO(baked))
    assert before.mode == after.mode and before.size == after.size
    assert before.tobytes() == after.tobytes()
    image_chunks = lambda data: [(c.type, c.data) for c in iter_chunks(data) if c.type != b"iTXt"]
    assert image_chunks(original) == image_chunks(baked)


def test_bare_url_is_not_written(png):
    with pytest.raises(MedbadgeError, match="legacy"):
        bake_png(png, "https://example.org/assertions/1", "2.0")


@pytest.mark.parametrize("payload", ["{not json", "[1, 2]", "hello world"])
def test_bad_payload_is_refused(png, payload):
    with pytest.raises(MedbadgeError):
        bake_png(png, payload, "3.0")


def test_unknown_version_is_refused(png):
    with pytest.raises(MedbadgeError, match="version"):
        bake_png(png, JWS, "1.0")
