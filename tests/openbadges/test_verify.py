"""verify(): what an image carries, JSON, OB 3.0 schema, signature and claims."""

from __future__ import annotations

import json
from datetime import datetime, timezone

import pytest

from designer.base.errors import MedbadgeError
from designer.openbadges import bake_png, bake_svg, new_key, sign_credential, verify
from designer.openbadges.keys import jwk_to_public_key
from designer.openbadges.verify import load_schema, schema_errors

from .conftest import CREDENTIAL_SCHEMA, assertion_json, credential

jsonschema = pytest.importorskip("jsonschema")
needs_schema = pytest.mark.skipif(not CREDENTIAL_SCHEMA.exists(), reason="shared/reference/ob3-schema not present")


@needs_schema
def test_sample_credential_validates_against_the_published_schema():
    assert schema_errors(credential(), load_schema(CREDENTIAL_SCHEMA)) == []


@needs_schema
def test_schema_catches_a_bare_string_image():
    bad = credential()
    bad["credentialSubject"]["achievement"]["image"] = "https://example.org/badge.png"
    errors = schema_errors(bad, load_schema(CREDENTIAL_SCHEMA))
    assert any(error.startswith("credentialSubject/achievement/image") for error in errors)


@needs_schema
def test_verify_ob3_json_png(png):
    report = verify(bake_png(png, json.dumps(credential()), "3.0"), schema_path=CREDENTIAL_SCHEMA)
    assert (report.payload.version, report.payload.kind, report.parses_as_json) == ("3.0", "json", True)
    assert report.schema.status == "valid" and report.signature is None
    # Well-formed but unsigned: never "ok", exit 3 (nothing failed, nothing verified).
    assert not report.ok and report.verdict == "unsigned" and report.exit_code == 3


@needs_schema
def test_verify_invalid_ob3_json_fails(svg):
    bad = credential()
    del bad["credentialSubject"]["achievement"]["criteria"]
    report = verify(bake_svg(svg, json.dumps(bad), "3.0"), schema_path=CREDENTIAL_SCHEMA)
    assert report.schema.status == "invalid" and report.exit_code == 1


@needs_schema
@pytest.mark.parametrize("alg", ["EdDSA", "ES256"])
def test_verify_signed_credential(svg, alg):
    from cryptography.hazmat.primitives import serialization
    pair = new_key(alg)
    token = sign_credential(credential(), serialization.load_pem_private_key(pair.private_pem, None))
    image = bake_svg(svg, token, "3.0")
    good = verify(image, public_key=jwk_to_public_key(pair.public_jwk), schema_path=CREDENTIAL_SCHEMA)
    assert good.ok and good.signature.verdict == "valid" and good.schema.status == "valid"
    other = new_key(alg)
    bad = verify(image, public_key=jwk_to_public_key(other.public_jwk))
    assert bad.signature.verdict == "wrong-key" and bad.signature_failed and bad.exit_code == 1


def test_verify_expired_credential_reports_claims(png):
    from cryptography.hazmat.primitives import serialization
    pair = new_key("EdDSA")
    cred = {**credential(), "validUntil": "2025-01-01T00:00:00Z"}
    token = sign_credential(cred, serialization.load_pem_private_key(pair.private_pem, None))
    report = verify(bake_png(png, token, "3.0"), now=datetime(2026, 1, 1, tzinfo=timezone.utc))
    assert report.signature.ok and any("expired" in problem for problem in report.claim_problems)
    assert report.exit_code == 1


def test_verify_ob2_hosted(png):
    report = verify(bake_png(png, assertion_json(), "2.0"))
    assert report.payload.version == "2.0" and report.parses_as_json
    assert report.schema.status == "skipped" and report.verdict == "unsigned" and report.exit_code == 3


def test_schema_skipped_without_a_path(png, monkeypatch):
    monkeypatch.delenv("MEDBADGE_OB3_SCHEMA", raising=False)
    assert verify(bake_png(png, json.dumps(credential()), "3.0")).schema.status == "skipped"


def test_verify_bad_input_raises(png):
    with pytest.raises(MedbadgeError):
        verify(png)
    with pytest.raises(MedbadgeError):
        verify(b"\xff\xd8\xff\xe0 jpeg")
