"""Baking SVG: namespaces, first child, CDATA only for JSON, one element, artwork kept byte for byte."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import pytest

from designer.base.errors import MedbadgeError
from designer.openbadges import bake_svg, unbake
from designer.openbadges.bake import svg_badge_element

from .conftest import BADGE_SVG, assertion_json, credential

OB2_NS = "http://openbadges.org"
OB3_NS = "https://purl.imsglobal.org/ob/v3p0"
SVG_NS = "http://www.w3.org/2000/svg"
JWS = "eyJhbGciOiJFZERTQSJ9.eyJpc3MiOiJ4In0.c2lnbmF0dXJl"


def _badge_elements(svg: bytes, ns: str, local: str):
    return ET.fromstring(svg).iter(f"{{{ns}}}{local}")


def test_ob2_hosted_json(svg):
    baked = bake_svg(svg, assertion_json(), "2.0")
    assert b'xmlns:openbadges="http://openbadges.org"' in baked
    root = ET.fromstring(baked)
    first = root[0]
    assert first.tag == f"{{{OB2_NS}}}assertion"
    assert first.get("verify") == "https://badges.example-med.edu/assertions/123"
    assert json.loads(first.text) == json.loads(assertion_json())
    assert b"<openbadges:assertion verify=" in baked and b"<![CDATA[" in baked


def test_ob2_signed_is_empty_self_closing(svg):
    baked = bake_svg(svg, JWS, "2.0")
    assert f'<openbadges:assertion verify="{JWS}"/>'.encode() in baked
    assert b"CDATA" not in baked


def test_ob3_vc_jwt(svg):
    baked = bake_svg(svg, JWS, "3.0")
    assert b'xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0"' in baked
    assert f'<openbadges:credential verify="{JWS}"/>'.encode() in baked
    assert b"CDATA" not in baked
    assert ET.fromstring(baked)[0].tag == f"{{{OB3_NS}}}credential"


def test_ob3_json_has_no_verify_and_uses_cdata(svg):
    payload = json.dumps(credential())
    baked = bake_svg(svg, payload, "3.0")
    element = ET.fromstring(baked)[0]
    assert element.tag == f"{{{OB3_NS}}}credential"
    assert element.get("verify") is None
    assert json.loads(element.text) == credential()


def test_cdata_terminator_inside_json_survives(svg):
    payload = json.dumps({"name": "a ]]> b ]]]]> c", "id": "urn:x"})
    baked = bake_svg(svg, payload, "3.0")
    assert ET.fromstring(baked)[0].text == payload
    assert unbake(baked).text == payload


def test_artwork_bytes_are_kept(svg):
    baked = bake_svg(svg, assertion_json(), "2.0")
    element = svg_badge_element("2.0", "json", assertion_json()).encode()
    namespace = b' xmlns:openbadges="http://openbadges.org"'
    assert baked.replace(element, b"", 1).replace(namespace, b"", 1) == svg


@pytest.mark.parametrize("version, ns, local, first, second", [
    ("2.0", OB2_NS, "assertion", assertion_json(), JWS),
    ("3.0", OB3_NS, "credential", JWS, json.dumps(credential())),
])
def test_rebake_replaces(svg, version, ns, local, first, second):
    once = bake_svg(svg, first, version)
    twice = bake_svg(once, second, version)
    assert len(list(_badge_elements(twice, ns, local))) == 1
    assert twice.count(b"xmlns:openbadges=") == 1
    assert unbake(twice).text == second
    assert bake_svg(once, first, version) == once  # idempotent


def test_rebake_replaces_element_with_another_prefix():
    odd = (b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:ob="http://openbadges.org">'
           b'<rect width="1" height="1"/><g><ob:assertion verify="https://example.org/old"/></g></svg>')
    baked = bake_svg(odd, JWS, "2.0")
    assert len(list(_badge_elements(baked, OB2_NS, "assertion"))) == 1
    assert b"ob:assertion" not in baked
    assert unbake(baked).text == JWS


def test_both_versions_in_one_svg(svg):
    both = bake_svg(bake_svg(svg, assertion_json(), "2.0"), JWS, "3.0")
    ET.fromstring(both)  # still well-formed: the second prefix binding is declared locally
    assert len(list(_badge_elements(both, OB2_NS, "assertion"))) == 1
    assert len(list(_badge_elements(both, OB3_NS, "credential"))) == 1
    assert unbake(both, version="2.0").kind == "json" and unbake(both, version="3.0").kind == "jws"
    assert all(not p.notes for p in (unbake(both, version="2.0"), unbake(both, version="3.0")))


def test_self_closing_root():
    baked = bake_svg(b'<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"/>', JWS, "3.0")
    root = ET.fromstring(baked)
    assert len(root) == 1 and root[0].get("verify") == JWS


def test_prefixed_svg_root_and_preamble():
    doc = (b'<?xml version="1.0" encoding="utf-8"?>\n<!-- ' + b"x" * 400 + b' -->\n'
           b'<s:svg xmlns:s="http://www.w3.org/2000/svg"><s:rect width="1" height="1"/></s:svg>')
    baked = bake_svg(doc, JWS, "2.0")
    assert baked.startswith(doc[:430])
    assert b"</s:svg>" in baked and unbake(baked).text == JWS


def test_baked_svg_still_renders(svg):
    cairosvg = pytest.importorskip("cairosvg")
    from PIL import Image
    import io
    plain = Image.open(io.BytesIO(cairosvg.svg2png(bytestring=svg)))
    baked = Image.open(io.BytesIO(cairosvg.svg2png(bytestring=bake_svg(svg, assertion_json(), "2.0"))))
    assert plain.tobytes() == baked.tobytes()


def test_hosted_ob2_json_needs_an_http_id(svg):
    with pytest.raises(MedbadgeError, match="'id'"):
        bake_svg(svg, json.dumps({"id": "urn:uuid:1", "type": "Assertion"}), "2.0")


def test_non_utf8_svg_is_refused():
    doc = '<?xml version="1.0" encoding="UTF-16"?><svg xmlns="http://www.w3.org/2000/svg"/>'.encode("utf-16")
    with pytest.raises(MedbadgeError, match="UTF-8"):
        bake_svg(doc, JWS, "3.0")


def test_not_an_svg_root():
    with pytest.raises(MedbadgeError, match="root element"):
        bake_svg(b'<html xmlns="http://www.w3.org/1999/xhtml"><svg/></html>', JWS, "3.0")


def test_unchanged_reference_svg():
    assert BADGE_SVG.startswith(b"<?xml")
