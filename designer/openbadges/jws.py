"""Compact JWS (RFC 7515 §7.1) for JWT claims: encode, decode without trust, and check a signature.

``BASE64URL(UTF8(header)) "." BASE64URL(payload) "." BASE64URL(signature)``, signed over the ASCII of
the first two segments. Signatures per RFC 7518 §3.3 (RS256), §3.4 (ES256: the raw 64-byte ``r || s``,
not DER) and RFC 8037 §3.1 (EdDSA over Ed25519). The algorithm named in the header must match the
key's type: a verifier never lets the token choose a weaker or different algorithm ("alg": "none",
or HS256 with a public key as secret, are refused).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec, padding
from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature, encode_dss_signature

from designer.base.errors import MedbadgeError
from designer.openbadges.keys import ALGORITHMS, PrivateKey, PublicKey, algorithm_of, b64url_decode, b64url_encode


class JWSFormatError(MedbadgeError):
    """A token that is not a well-formed compact JWS with a JSON header and JSON object payload."""


@dataclass(frozen=True)
class DecodedJWS:
    """The parts of a compact JWS, decoded but not verified."""

    header: dict[str, Any]
    claims: dict[str, Any]
    signing_input: bytes
    signature: bytes

    @property
    def alg(self) -> str | None:
        value = self.header.get("alg")
        return value if isinstance(value, str) else None


def _json_segment(segment: str, what: str) -> Any:
    try:
        return json.loads(b64url_decode(segment))
    except RecursionError:
        raise JWSFormatError(f"the JWS {what} nests too deeply") from None
    except (ValueError, UnicodeDecodeError) as error:
        raise JWSFormatError(f"the JWS {what} is not base64url-encoded JSON ({error})") from None


def decode_unverified(token: str) -> DecodedJWS:
    """Split and decode a compact JWS without checking anything cryptographic.

    >>> decode_unverified("eyJhbGciOiJFZERTQSJ9.eyJpc3MiOiJodHRwczovL2V4YW1wbGUub3JnIn0.c2ln").claims
    {'iss': 'https://example.org'}
    """
    parts = token.strip().split(".")
    if len(parts) != 3 or not all(parts):
        raise JWSFormatError(f"a compact JWS has three non-empty dot-separated parts, this has {len(parts)}")
    header = _json_segment(parts[0], "header")
    claims = _json_segment(parts[1], "payload")
    if not isinstance(header, dict) or not isinstance(claims, dict):
        raise JWSFormatError("the JWS header and payload must be JSON objects")
    try:
        signature = b64url_decode(parts[2])
    except ValueError:
        raise JWSFormatError("the JWS signature is not base64url") from None
    return DecodedJWS(header, claims, f"{parts[0]}.{parts[1]}".encode("ascii"), signature)


def _sign(key: PrivateKey, alg: str, data: bytes) -> bytes:
    if alg == "EdDSA":
        return key.sign(data)  # type: ignore[call-arg,union-attr]
    if alg == "ES256":
        r, s = decode_dss_signature(key.sign(data, ec.ECDSA(hashes.SHA256())))  # type: ignore[call-arg,union-attr]
        return r.to_bytes(32, "big") + s.to_bytes(32, "big")
    return key.sign(data, padding.PKCS1v15(), hashes.SHA256())  # type: ignore[call-arg,union-attr]


def encode_jws(claims: dict[str, Any], key: PrivateKey, *, header: dict[str, Any] | None = None) -> str:
    """Sign ``claims`` as a compact JWS; ``alg`` is taken from the key's type and set in the header."""
    alg = algorithm_of(key)
    full_header = {"alg": alg, **(header or {})}
    full_header["alg"] = alg
    segments = [
        b64url_encode(json.dumps(full_header, separators=(",", ":")).encode("utf-8")),
        b64url_encode(json.dumps(claims, separators=(",", ":"), ensure_ascii=False).encode("utf-8")),
    ]
    signing_input = ".".join(segments).encode("ascii")
    return f"{segments[0]}.{segments[1]}.{b64url_encode(_sign(key, alg, signing_input))}"


def signature_matches(decoded: DecodedJWS, key: PublicKey) -> bool:
    """Whether the signature verifies with ``key`` under the header's ``alg``.

    Raises :class:`JWSFormatError` when the header names an algorithm we do not accept and
    ``MedbadgeError`` when it names one that does not fit the key's type.
    """
    alg = decoded.alg
    if alg not in ALGORITHMS:
        raise JWSFormatError(f"JWS algorithm {alg!r} is not accepted", hint=f"accepted: {', '.join(ALGORITHMS)}")
    if algorithm_of(key) != alg:
        raise MedbadgeError(f"the token is signed with {alg} but the key is a {algorithm_of(key)} key")
    data, signature = decoded.signing_input, decoded.signature
    try:
        if alg == "EdDSA":
            key.verify(signature, data)  # type: ignore[call-arg,union-attr]
        elif alg == "ES256":
            if len(signature) != 64:
                return False
            der = encode_dss_signature(int.from_bytes(signature[:32], "big"), int.from_bytes(signature[32:], "big"))
            key.verify(der, data, ec.ECDSA(hashes.SHA256()))  # type: ignore[call-arg,union-attr]
        else:
            key.verify(signature, data, padding.PKCS1v15(), hashes.SHA256())  # type: ignore[call-arg,union-attr]
    except InvalidSignature:
        return False
    return True
