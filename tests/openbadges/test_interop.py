"""Interoperability with openbadges-bakery 2.0.0 (PyPI), both ways, and with its own sample files."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from designer.openbadges import bake_png, bake_svg, unbake
from designer.base.png import chunk_keyword, iter_chunks

from .conftest import assertion_json

bakery = pytest.importorskip("openbadges_bakery")
from openbadges_bakery import png_bakery, svg_bakery  # noqa: E402

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")  # rfc3986, used by the bakery
SAMPLES = Path(bakery.__file__).parent / "testfiles"
JWS = "eyJhbGciOiJSUzI1NiJ9.eyJ1aWQiOiIxMjMifQ.c2lnbmF0dXJlLWJ5dGVz"


def _bakery_bake(module, image: bytes, payload: str) -> bytes:
    out = module.bake(io.BytesIO(image), payload)
    return out.read()


@pytest.mark.parametrize("payload", [assertion_json(), JWS])
def test_bakery_reads_our_png(png, payload):
    ours = bake_png(png, payload, "2.0")
    assert bakery.unbake(io.BytesIO(ours)) == payload


def test_bakery_reads_our_svg_signed(svg):
    assert bakery.unbake(io.BytesIO(bake_svg(svg, JWS, "2.0"))) == JWS


def test_bakery_reads_our_svg_hosted(svg):
    # For hosted assertions openbadges-bakery returns the verify URL (the assertion's id).
    assert bakery.unbake(io.BytesIO(bake_svg(svg, assertion_json(), "2.0"))) == json.loads(assertion_json())["id"]


@pytest.mark.parametrize("payload, kind", [(assertion_json(), "json"), (JWS, "jws")])
def test_we_read_bakery_png(png, payload, kind):
    theirs = _bakery_bake(png_bakery, png, payload)
    result = unbake(theirs)
    assert (result.version, result.kind, result.text) == ("2.0", kind, payload)


@pytest.mark.parametrize("payload, kind", [(assertion_json(), "json"), (JWS, "jws")])
def test_we_read_bakery_svg(svg, payload, kind):
    theirs = _bakery_bake(svg_bakery, svg, payload)
    result = unbake(theirs)
    assert (result.version, result.kind, result.text) == ("2.0", kind, payload)


def test_rebaking_a_bakery_png_keeps_one_chunk(png):
    theirs = _bakery_bake(png_bakery, png, assertion_json())
    ours = bake_png(theirs, JWS, "2.0")
    assert [chunk_keyword(c) for c in iter_chunks(ours)].count(b"openbadges") == 1
    assert bakery.unbake(io.BytesIO(ours)) == JWS


def test_we_clean_up_bakerys_duplicate_svg_elements(svg):
    doubled = _bakery_bake(svg_bakery, _bakery_bake(svg_bakery, svg, JWS), assertion_json())
    assert doubled.count(b"<openbadges:assertion") == 2  # its fault: re-baking adds a second element
    assert any("ignored" in note for note in unbake(doubled).notes)
    ours = bake_svg(doubled, JWS, "2.0")
    assert ours.count(b"<openbadges:assertion") == 1
    assert bakery.unbake(io.BytesIO(ours)) == JWS


def test_bakery_sample_files():
    png = unbake((SAMPLES / "baked_heart.png").read_bytes())
    assert png.kind == "json" and json.loads(png.text)["uid"] == "123"
    svg = unbake((SAMPLES / "baked_example.svg").read_bytes())
    assert svg.version == "2.0" and svg.kind in ("json", "url")
