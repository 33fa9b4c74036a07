"""Decentralized identifiers for issuers: did:key (offline, self-certifying) and did:web (hosted).

- **did:key** (W3C CCG "The did:key Method v0.7"): ``did:key:`` + multibase base58-btc (prefix ``z``)
  of a multicodec-prefixed public key — ``0xed 0x01`` + 32 bytes for Ed25519 (``z6Mk...``),
  ``0x80 0x24`` + the 33-byte compressed point for P-256 (``zDn...``). The DID document is derived
  from the identifier itself, so it resolves offline; its one verification method is
  ``did:key:X#X``.
- **did:web** (W3C CCG "did:web Method Specification"): ``did:web:example.edu`` resolves to
  ``https://example.edu/.well-known/did.json``, ``did:web:example.edu:badges`` to
  ``https://example.edu/badges/did.json`` (a port is written ``%3A``). medbadge writes that
  document; the host serves it.

Verification methods are ``Multikey`` (W3C "Controlled Identifiers v1.0" §2.2.2, used by Data
Integrity EdDSA Cryptosuites v1.0) for Ed25519 and P-256 in did:key, and in did:web ``Multikey`` for
Ed25519 and ``JsonWebKey`` (same document, §2.2.3, ``publicKeyJwk``) for ES256 and RS256 keys. The
method id is the DID plus ``#`` and the key's RFC 7638 thumbprint; it is the VC-JWT ``kid`` and the
Data Integrity ``verificationMethod``.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import unquote

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519

from designer.base.errors import MedbadgeError
from designer.openbadges.keys import PublicKey, algorithm_of, jwk_thumbprint, public_jwk

_ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
_INDEX = {c: i for i, c in enumerate(_ALPHABET)}
ED25519_PUB = b"\xed\x01"
P256_PUB = b"\x80\x24"
DID_CONTEXT = "https://www.w3.org/ns/did/v1"
MULTIKEY_CONTEXT = "https://w3id.org/security/multikey/v1"
JWK_CONTEXT = "https://w3id.org/security/jwk/v1"


def base58btc_encode(data: bytes) -> str:
    """Bitcoin base58 (the ``z`` multibase), leading zero bytes as ``1``.

    >>> base58btc_encode(b"\\x00\\x00hello")
    '11Cn8eVZg'
    """
    number = int.from_bytes(data, "big")
    out = []
    while number:
        number, rest = divmod(number, 58)
        out.append(_ALPHABET[rest])
    zeros = len(data) - len(data.lstrip(b"\x00"))
    return "1" * zeros + "".join(reversed(out))


def base58btc_decode(text: str) -> bytes:
    """Inverse of :func:`base58btc_encode`; raises ``ValueError`` on a character outside the alphabet."""
    number = 0
    for char in text:
        if char not in _INDEX:
            raise ValueError(f"{char!r} is not a base58 character")
        number = number * 58 + _INDEX[char]
    zeros = len(text) - len(text.lstrip("1"))
    body = number.to_bytes((number.bit_length() + 7) // 8, "big") if number else b""
    return b"\x00" * zeros + body


def multikey(key: PublicKey) -> str:
    """The ``publicKeyMultibase`` of a key: ``z`` + base58-btc(multicodec prefix + key bytes)."""
    if isinstance(key, ed25519.Ed25519PublicKey):
        return "z" + base58btc_encode(ED25519_PUB + key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw))
    if isinstance(key, ec.EllipticCurvePublicKey) and key.curve.name == "secp256r1":
        point = key.public_bytes(serialization.Encoding.X962, serialization.PublicFormat.CompressedPoint)
        return "z" + base58btc_encode(P256_PUB + point)
    raise MedbadgeError(f"a {algorithm_of(key)} key has no did:key form here", hint="use an EdDSA (Ed25519) or ES256 key")


def key_from_multikey(value: str) -> PublicKey:
    """The public key of a ``z...`` multikey (Ed25519 or P-256)."""
    try:
        if not value.startswith("z"):
            raise ValueError("not base58-btc multibase")
        raw = base58btc_decode(value[1:])
        if raw[:2] == ED25519_PUB and len(raw) == 34:
            return ed25519.Ed25519PublicKey.from_public_bytes(raw[2:])
        if raw[:2] == P256_PUB and len(raw) == 35:
            return ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP256R1(), raw[2:])
    except ValueError as error:
        raise MedbadgeError(f"malformed multikey {value[:60]!r} ({error})") from None
    raise MedbadgeError(f"unsupported multikey {value[:60]!r}", hint="Ed25519 (z6Mk...) and P-256 (zDn...) are supported")


def did_key(key: PublicKey) -> str:
    """``did:key:z...`` of a public key."""
    return "did:key:" + multikey(key)


def did_key_method(did: str) -> str:
    """The verification method id of a did:key: ``did:key:X#X``."""
    return f"{did}#{did.removeprefix('did:key:')}"


def key_from_did_key(did_or_url: str) -> PublicKey:
    """The public key a ``did:key`` (or one of its DID URLs) names; no network needed."""
    did = did_or_url.split("#", 1)[0]
    if not did.startswith("did:key:"):
        raise MedbadgeError(f"{did!r} is not a did:key")
    return key_from_multikey(did.removeprefix("did:key:"))


def did_web_url(did: str) -> str:
    """Where a did:web's DID document is hosted.

    >>> did_web_url("did:web:example.edu"), did_web_url("did:web:example.edu%3A8443:badges:nsm")
    ('https://example.edu/.well-known/did.json', 'https://example.edu:8443/badges/nsm/did.json')
    """
    if not did.startswith("did:web:") or len(did) <= 8:
        raise MedbadgeError(f"{did!r} is not a did:web", hint="write it as did:web:host[:path:segments]")
    host, *path = did.removeprefix("did:web:").split(":")
    host = unquote(host)
    if not host or "/" in host:
        raise MedbadgeError(f"{did!r}: the host part is not a host name")
    if not path:
        return f"https://{host}/.well-known/did.json"
    return f"https://{host}/{'/'.join(unquote(p) for p in path)}/did.json"


def key_fragment(key: PublicKey) -> str:
    """The fragment medbadge gives a key in a did:web document or JWKS: its RFC 7638 thumbprint."""
    return jwk_thumbprint(public_jwk(key))


def verification_methods(controller: str, keys: list[PublicKey]) -> list[dict[str, Any]]:
    """One method per key: Multikey for Ed25519 (Data Integrity), JsonWebKey for the others."""
    methods = []
    for key in keys:
        method_id = f"{controller}#{key_fragment(key)}"
        if isinstance(key, ed25519.Ed25519PublicKey):
            methods.append({"id": method_id, "type": "Multikey", "controller": controller,
                            "publicKeyMultibase": multikey(key)})
        else:
            jwk = {k: v for k, v in public_jwk(key).items()}
            methods.append({"id": method_id, "type": "JsonWebKey", "controller": controller, "publicKeyJwk": jwk})
    return methods


def did_document(did: str, keys: list[PublicKey]) -> dict[str, Any]:
    """The DID document to host for a did:web (every key, the current first), or a did:key's own."""
    if did.startswith("did:key:"):
        key = key_from_did_key(did)
        method_id = did_key_method(did)
        methods = [{"id": method_id, "type": "Multikey", "controller": did, "publicKeyMultibase": multikey(key)}]
    else:
        methods = verification_methods(did, keys)
    ids = [m["id"] for m in methods]
    return {"@context": [DID_CONTEXT, MULTIKEY_CONTEXT, JWK_CONTEXT], "id": did, "verificationMethod": methods,
            "assertionMethod": ids, "authentication": ids}


def key_for_method(document: dict[str, Any], method_id: str) -> PublicKey:
    """The public key of ``method_id`` in a DID document (Multikey or JsonWebKey)."""
    from designer.openbadges.keys import jwk_to_public_key

    for method in document.get("verificationMethod") or []:
        if isinstance(method, dict) and method.get("id") == method_id:
            if isinstance(method.get("publicKeyMultibase"), str):
                return key_from_multikey(method["publicKeyMultibase"])
            if isinstance(method.get("publicKeyJwk"), dict):
                return jwk_to_public_key(method["publicKeyJwk"])
            raise MedbadgeError(f"verification method {method_id!r} carries no usable key")
    raise MedbadgeError(f"the DID document of {document.get('id')!r} has no verification method {method_id!r}",
                        hint="was the key rotated out of did.json? keep old public keys published")
