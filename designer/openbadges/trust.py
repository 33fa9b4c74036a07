"""The keys a verifier trusts, from what an issuer publishes, and how a proof's key id picks one.

``medbadge verify --key FILE`` accepts a PEM or JWK public key, a JWK Set (``jwks.json``, RFC 7517
§5) or a DID document (``did.json``). Keys are indexed by the id a proof names — the VC-JWT
``kid`` (OB 3.0 §8.2.3) or the Data Integrity ``verificationMethod`` (VC Data Integrity 1.0 §2.1):
a JWKS entry's ``kid``, a DID document's verification method ``id`` (relative ``#frag`` ids are
made absolute). A ``did:key`` needs no file: the key is the identifier (did:key Method §3.1.1), so a
credential whose issuer *is* that did:key is checked against it and counts as verified.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from designer.base.errors import MedbadgeError, display_path
from designer.openbadges.did import key_for_method, key_from_did_key
from designer.openbadges.keys import PublicKey, jwk_thumbprint, jwk_to_public_key, load_public_key, public_jwk
from designer.openbadges.limits import MAX_KEY_BYTES, parse_json, read_limited


@dataclass(frozen=True)
class KeySet:
    """Trusted public keys; ``by_id`` maps key ids (kid, verification method id) to keys."""

    keys: tuple[PublicKey, ...]
    by_id: dict[str, PublicKey] = field(default_factory=dict)
    source: str = ""

    def for_id(self, key_id: str | None) -> list[PublicKey]:
        """The key the id names; otherwise every key (a single PEM or JWK has no id)."""
        if key_id and key_id in self.by_id:
            return [self.by_id[key_id]]
        if key_id and key_id.startswith("did:") and "#" in key_id and self.by_id:
            return []  # a DID URL this document does not list: not one of the trusted keys
        return list(self.keys)


def key_set(key: PublicKey | KeySet | None) -> KeySet | None:
    if key is None or isinstance(key, KeySet):
        return key
    return KeySet((key,))


def load_key_set(path: str | Path) -> KeySet:
    """Read a PEM/JWK public key, a JWK Set or a DID document."""
    data = read_limited(path, MAX_KEY_BYTES, "key file")
    text = data.strip()
    if not text.startswith(b"{"):
        return KeySet((load_public_key(path),), source=display_path(path))
    document = parse_json(text, f"key file {display_path(path)}")
    if not isinstance(document, dict):
        raise MedbadgeError(f"{display_path(path)}: a key file must be a JSON object")
    if isinstance(document.get("keys"), list):
        keys, by_id = [], {}
        for entry in document["keys"]:
            if not isinstance(entry, dict):
                continue
            key = jwk_to_public_key({k: v for k, v in entry.items() if k not in ("kid", "use", "alg", "key_ops")})
            keys.append(key)
            if isinstance(entry.get("kid"), str):
                by_id[entry["kid"]] = key
        if not keys:
            raise MedbadgeError(f"{display_path(path)}: the JWK Set holds no usable key")
        return KeySet(tuple(keys), by_id, display_path(path))
    if isinstance(document.get("verificationMethod"), list):
        did = document.get("id")
        keys, by_id = [], {}
        for method in document["verificationMethod"]:
            if not isinstance(method, dict) or not isinstance(method.get("id"), str):
                continue
            method_id = method["id"] if not method["id"].startswith("#") else f"{did}{method['id']}"
            key = key_for_method({**document, "verificationMethod": [{**method, "id": method_id}]}, method_id)
            keys.append(key)
            by_id[method_id] = key
        if not keys:
            raise MedbadgeError(f"{display_path(path)}: the DID document lists no usable verification method")
        return KeySet(tuple(keys), by_id, display_path(path))
    return KeySet((jwk_to_public_key({k: v for k, v in document.items() if k not in ("kid", "use", "alg")}),),
                  source=display_path(path))


def did_key_for(issuer_id: Any, key_id: Any) -> PublicKey | None:
    """The key of a did:key issuer when the proof names that same DID (self-certifying), else None."""
    if not (isinstance(issuer_id, str) and issuer_id.startswith("did:key:") and isinstance(key_id, str)):
        return None
    if key_id.split("#", 1)[0] != issuer_id:
        return None
    return key_from_did_key(issuer_id)


def same_key(a: PublicKey, b: PublicKey) -> bool:
    return jwk_thumbprint(public_jwk(a)) == jwk_thumbprint(public_jwk(b))
