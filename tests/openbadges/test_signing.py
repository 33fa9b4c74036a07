"""VC-JWT signing (EdDSA, ES256, RS256), keys, and the distinct verdicts for tampering and wrong keys."""

from __future__ import annotations

import json
import stat

import pytest
from cryptography.hazmat.primitives.asymmetric import rsa

from designer.base.errors import MedbadgeError
from designer.openbadges import (
    bake_png, check_signature, load_private_key, load_public_key, new_key, sign_credential, unbake, write_key_files,
)
from designer.openbadges.jws import decode_unverified, encode_jws
from designer.openbadges.keys import b64url_decode, b64url_encode, jwk_to_public_key
from designer.base.png import PNGError, encode_chunk, iter_chunks
from designer.openbadges.signing import claim_problems, credential_of, numeric_date

from .conftest import credential


def _private(pair):
    from cryptography.hazmat.primitives import serialization
    return serialization.load_pem_private_key(pair.private_pem, None)


@pytest.fixture(scope="module", params=["EdDSA", "ES256"])
def pair(request):
    return new_key(request.param)


def test_round_trip(pair):
    token = sign_credential(credential(), _private(pair))
    decoded = decode_unverified(token)
    assert decoded.header["alg"] == pair.alg and decoded.header["typ"] == "JWT"
    assert "d" not in decoded.header["jwk"]
    check = check_signature(token, jwk_to_public_key(pair.public_jwk))
    assert check.verdict == "valid" and check.trusted


def test_claims_follow_ob3_vc_jwt(pair):
    claims = decode_unverified(sign_credential(credential(), _private(pair))).claims
    cred = credential()
    assert claims["iss"] == cred["issuer"]["id"]
    assert claims["jti"] == cred["id"]
    assert claims["sub"] == cred["credentialSubject"]["id"]
    assert claims["nbf"] == numeric_date(cred["validFrom"]) == 1717200000
    assert credential_of(claims) == cred
    assert claim_problems(claims) == []


def test_es256_signature_is_raw_r_s():
    pair = new_key("ES256")
    token = sign_credential(credential(), _private(pair))
    assert len(b64url_decode(token.rsplit(".", 1)[1])) == 64


def test_rs256_round_trip():
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    token = sign_credential(credential(), key)
    assert decode_unverified(token).alg == "RS256"
    assert check_signature(token, key.public_key()).ok


def test_tampered_payload(pair):
    token = sign_credential(credential(), _private(pair))
    header, _, signature = token.split(".")
    claims = decode_unverified(token).claims
    claims["credentialSubject"]["achievement"]["name"] = "Neurosurgery - distinguished"
    forged = f"{header}.{b64url_encode(json.dumps(claims).encode())}.{signature}"
    assert check_signature(forged, jwk_to_public_key(pair.public_jwk)).verdict == "tampered"
    assert check_signature(forged).verdict == "tampered"


def test_wrong_key(pair):
    token = sign_credential(credential(), _private(pair))
    other = new_key(pair.alg)
    assert check_signature(token, jwk_to_public_key(other.public_jwk)).verdict == "wrong-key"
    different_type = new_key("ES256" if pair.alg == "EdDSA" else "EdDSA")
    assert check_signature(token, jwk_to_public_key(different_type.public_jwk)).verdict == "wrong-key"


def test_resigned_by_attacker_is_wrong_key(pair):
    attacker = new_key(pair.alg)
    forged = sign_credential({**credential(), "name": "Forged"}, _private(attacker))
    assert check_signature(forged).verdict == "valid"  # self-consistent ...
    assert not check_signature(forged).trusted  # ... but only against its own key
    assert check_signature(forged, jwk_to_public_key(pair.public_jwk)).verdict == "wrong-key"


def test_alg_none_and_garbage(pair):
    none = b64url_encode(json.dumps({"alg": "none"}).encode()) + "." + b64url_encode(b"{}") + ".c2ln"
    assert check_signature(none, jwk_to_public_key(pair.public_jwk)).verdict == "unsupported-alg"
    assert check_signature("a.b.c").verdict == "malformed"
    unsigned_no_jwk = encode_jws({"iss": "x"}, _private(pair))
    assert check_signature(unsigned_no_jwk).verdict == "no-key"


def test_tampered_png_chunk_is_a_png_error_not_a_signature_verdict(png, pair):
    token = sign_credential(credential(), _private(pair))
    baked = bake_png(png, token, "3.0")
    itxt = list(iter_chunks(baked))[1]
    where = baked.index(token.encode()) + token.index(".") + 40  # inside the JWS payload segment
    flipped = bytearray(baked)
    flipped[where] = ord("A") if flipped[where] != ord("A") else ord("B")
    with pytest.raises(PNGError, match="CRC"):
        unbake(bytes(flipped))
    # someone who also fixes the CRC gets caught by the signature instead
    data = bytes(flipped)[itxt.start + 8 : itxt.end - 4]
    refixed = baked[:itxt.start] + encode_chunk(b"iTXt", data) + baked[itxt.end:]
    assert check_signature(unbake(refixed).text, jwk_to_public_key(pair.public_jwk)).verdict in ("tampered", "malformed")
    assert unbake(refixed).text != token


def test_claim_mismatch_is_reported(pair):
    claims = decode_unverified(sign_credential(credential(), _private(pair))).claims
    claims["iss"] = "https://evil.example"
    assert any("'iss'" in problem for problem in claim_problems(claims))


def test_legacy_vc_claim_is_understood():
    cred = credential()
    claims = {"iss": cred["issuer"]["id"], "jti": cred["id"], "sub": cred["credentialSubject"]["id"],
              "nbf": numeric_date(cred["validFrom"]), "vc": cred}
    assert credential_of(claims) == cred and claim_problems(claims) == []


def test_signing_needs_ids_and_dates(pair):
    with pytest.raises(MedbadgeError, match="validFrom"):
        sign_credential({k: v for k, v in credential().items() if k != "validFrom"}, _private(pair))


def test_key_files(tmp_path, pair):
    files = write_key_files(pair, tmp_path / "keys", name="issuer")
    assert stat.S_IMODE(files.private.stat().st_mode) == 0o600
    token = sign_credential(credential(), load_private_key(files.private))
    for public in (files.public_jwk, files.public_pem, files.private):
        assert check_signature(token, load_public_key(public)).ok
    before = files.private.read_bytes()
    with pytest.raises(MedbadgeError, match="never overwritten"):
        write_key_files(new_key(pair.alg), tmp_path / "keys", name="issuer")
    assert files.private.read_bytes() == before


def test_bad_key_files(tmp_path):
    junk = tmp_path / "junk.pem"
    junk.write_text("hello")
    with pytest.raises(MedbadgeError):
        load_public_key(junk)
    with pytest.raises(MedbadgeError):
        load_private_key(junk)
    with pytest.raises(MedbadgeError, match="private"):
        jwk_to_public_key({"kty": "OKP", "crv": "Ed25519", "x": "AA", "d": "AA"})
    with pytest.raises(MedbadgeError):
        new_key("HS256")
