"""Issuer identity and what a host must publish so that any verifier can check the credentials.

The issuer id of OB 3.0 credentials may be an https URL, a ``did:web`` or a ``did:key`` (OB 3.0
§B.1.14 Profile ``id``: a URI; W3C VC Data Model 2.0 §4.7 ``issuer``). Each choice fixes the key id
a proof names — the VC-JWT header ``kid`` (OB 3.0 §8.2.3, "a URI that can be dereferenced to an
object of type JWK") and the Data Integrity ``verificationMethod`` (VC Data Integrity 1.0 §2.1):

============  ===================================================  ==========================================
issuer id     kid / verificationMethod                             what resolves it (written under publish/)
============  ===================================================  ==========================================
did:key:z..   ``did:key:z..#z..``                                  nothing: the key is the identifier
did:web:h:p   ``did:web:h:p#<thumbprint>``                         ``https://h/p/did.json`` (DID document)
https://h/i   JWT: ``https://h/keys/<thumbprint>.jwk.json``        that JWK; DI: ``keys/<thumbprint>.multikey.json``
============  ===================================================  ==========================================

Every issuer also gets ``jwks.json`` (RFC 7517 §5, each key with its ``kid``) beside the asset set,
and an OB 3.0 Profile. Retired keys stay in all of them (``medbadge keys rotate``).

Files to host are kept as ``publish/<host>/<path>``: upload ``publish/<host>/`` to ``https://<host>/``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from designer.base.errors import MedbadgeError
from designer.openbadges.did import (
    MULTIKEY_CONTEXT, did_document, did_key, did_key_method, did_web_url, key_fragment, key_from_did_key, multikey,
)
from designer.openbadges.keys import PrivateKey, PublicKey, algorithm_of, jwk_thumbprint, public_jwk


def publish_path(url: str) -> str:
    """Where a hosted URL's file goes inside the output: ``publish/<host>/<path>``.

    >>> publish_path("https://badges.example.org/.well-known/did.json")
    'publish/badges.example.org/.well-known/did.json'
    """
    parts = urlsplit(url)
    if parts.scheme not in ("https", "http") or not parts.netloc:
        raise MedbadgeError(f"{url!r} is not an http(s) URL to publish at")
    path = parts.path.lstrip("/") or "index.json"
    if path.endswith("/"):
        path += "index.json"
    if any(segment in ("..", ".") for segment in path.split("/")) or "\\" in path:
        raise MedbadgeError(f"{url!r}: refusing a path that leaves its folder")
    return f"publish/{parts.netloc.replace(':', '_')}/{path}"


@dataclass(frozen=True)
class Identity:
    """Who signs: the issuer id, the key, the id a proof names, and every public key to publish."""

    issuer_id: str
    key: PrivateKey
    proof: str  # "vc-jwt" or "data-integrity"
    method_id: str
    published: tuple[PublicKey, ...]
    base: str
    files: dict[str, Any] = field(default_factory=dict, compare=False)  # url -> JSON to host

    @property
    def thumbprint(self) -> str:
        return jwk_thumbprint(public_jwk(self.key.public_key()))


def method_id_for(issuer_id: str, key: PublicKey, proof: str, base: str) -> str:
    if issuer_id.startswith("did:key:"):
        return did_key_method(issuer_id)
    if issuer_id.startswith("did:web:"):
        return f"{issuer_id}#{key_fragment(key)}"
    kind = "multikey.json" if proof == "data-integrity" else "jwk.json"
    return f"{base.rstrip('/')}/keys/{key_fragment(key)}.{kind}"


def resolve_identity(issuer_id: str, key: PrivateKey, published: tuple[PublicKey, ...], proof: str,
                     base: str) -> Identity:
    """Check that the issuer id, key and proof format fit together, and name the key."""
    public = key.public_key()
    if proof == "data-integrity" and algorithm_of(key) != "EdDSA":
        raise MedbadgeError(f"--proof data-integrity (eddsa-rdfc-2022) needs an Ed25519 key; this is a {algorithm_of(key)} key",
                            hint="create one with `medbadge keys new --alg EdDSA`, or use --proof vc-jwt")
    if issuer_id == "did:key":
        issuer_id = did_key(public)
    elif issuer_id.startswith("did:key:"):
        if jwk_thumbprint(public_jwk(key_from_did_key(issuer_id))) != jwk_thumbprint(public_jwk(public)):
            raise MedbadgeError(f"the issuer id {issuer_id} is not the did:key of the signing key",
                                hint=f"its did:key is {did_key(public)}; or write issuer_id: did:key")
    elif issuer_id.startswith("did:web:"):
        did_web_url(issuer_id)  # checks its form
    elif not issuer_id.startswith("https://"):
        raise MedbadgeError(f"issuer id {issuer_id!r}: use an https URL, a did:web or a did:key")
    return Identity(issuer_id, key, proof, method_id_for(issuer_id, public, proof, base), published, base)


def jwks(identity: Identity) -> dict[str, Any]:
    """The JWK Set: every published key, each with ``kid`` (the id a JWT header names), ``use`` and ``alg``."""
    keys = []
    for key in identity.published:
        jwk = public_jwk(key)
        keys.append({**jwk, "kid": method_id_for(identity.issuer_id, key, "vc-jwt", identity.base), "use": "sig"})
    return {"keys": keys}


def hosted_files(identity: Identity, profile: dict[str, Any]) -> dict[str, Any]:
    """URL -> JSON of everything the issuer's keys need hosted (profile, DID document, JWKS, key files)."""
    files: dict[str, Any] = {}
    base = identity.base.rstrip("/")
    files[f"{base}/jwks.json"] = jwks(identity)
    files[f"{base}/issuer.profile.json"] = profile
    if identity.issuer_id.startswith("did:web:"):
        files[did_web_url(identity.issuer_id)] = did_document(identity.issuer_id, list(identity.published))
    elif identity.issuer_id.startswith("https://"):
        for key in identity.published:
            files[method_id_for(identity.issuer_id, key, "vc-jwt", identity.base)] = {
                **public_jwk(key), "kid": method_id_for(identity.issuer_id, key, "vc-jwt", identity.base), "use": "sig"}
            if algorithm_of(key) == "EdDSA":
                url = method_id_for(identity.issuer_id, key, "data-integrity", identity.base)
                files[url] = {"@context": MULTIKEY_CONTEXT, "id": url, "type": "Multikey",
                              "controller": identity.issuer_id, "publicKeyMultibase": multikey(key)}
    return files


def json_bytes(data: Any) -> bytes:
    return (json.dumps(data, indent=2, ensure_ascii=False) + "\n").encode("utf-8")
