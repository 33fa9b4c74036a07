"""A key folder with rotation: which key signs now, and every public key that must stay published.

``medbadge keys rotate KEYS/`` writes a new key pair into the folder and records it in
``KEYS/keyring.json`` as the current key; the keys it replaces stay listed (``retired``) so their
public halves keep being published in the JWKS and DID document: credentials signed before the
rotation keep verifying. (OB 3.0 §8.2 has a verifier dereference the ``kid``; a kid that no longer
resolves makes every older credential unverifiable.) A folder without ``keyring.json`` holding
exactly one private key works too.

``keyring.json``::

    {"current": "eddsa-1a2b3c4d", "keys": [{"name": "eddsa-1a2b3c4d", "alg": "EdDSA",
      "thumbprint": "...", "created": "2026-01-01T00:00:00Z", "retired": null}, ...]}
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from designer.base.errors import MedbadgeError, display_path
from designer.base.files import write_atomic
from designer.openbadges.keys import (
    KeyFiles, PrivateKey, PublicKey, jwk_thumbprint, load_private_key, load_public_key, new_key, public_jwk,
    write_key_files,
)
from designer.openbadges.limits import MAX_KEY_BYTES, parse_json, read_limited

KEYRING = "keyring.json"


@dataclass(frozen=True)
class SigningKey:
    """The key that signs, where it came from, and every public key to publish (current first)."""

    private: PrivateKey
    path: Path
    published: tuple[PublicKey, ...]

    @property
    def thumbprint(self) -> str:
        return jwk_thumbprint(public_jwk(self.private.public_key()))


def _now() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def read_keyring(folder: Path) -> dict | None:
    path = folder / KEYRING
    if not path.is_file():
        return None
    data = parse_json(read_limited(path, MAX_KEY_BYTES, "keyring"), f"keyring {display_path(path)}")
    if not isinstance(data, dict) or not isinstance(data.get("keys"), list) or not isinstance(data.get("current"), str):
        raise MedbadgeError(f"{display_path(path)}: not a medbadge keyring", hint="it is written by `medbadge keys rotate`")
    return data


def rotate(folder: str | Path, alg: str = "EdDSA") -> tuple[KeyFiles, dict]:
    """Create a new key in ``folder``, make it current, keep the previous keys listed as retired."""
    folder = Path(folder)
    ring = read_keyring(folder) if folder.is_dir() else None
    if ring is None:
        ring = {"current": None, "keys": []}
        if folder.is_dir():  # adopt keys made with `keys new` before the first rotation
            for private in sorted(folder.glob("*.private.pem")):
                key = load_private_key(private)
                name = private.name.removesuffix(".private.pem")
                ring["keys"].append({"name": name, "alg": _alg(key), "thumbprint": jwk_thumbprint(public_jwk(key.public_key())),
                                     "created": None, "retired": None})
                ring["current"] = name
    pair = new_key(alg)
    files = write_key_files(pair, folder)
    now = _now()
    for entry in ring["keys"]:
        if entry.get("retired") is None:
            entry["retired"] = now
    name = files.private.name.removesuffix(".private.pem")
    ring["keys"].append({"name": name, "alg": pair.alg, "thumbprint": pair.thumbprint, "created": now, "retired": None})
    ring["current"] = name
    write_atomic(folder / KEYRING, (json.dumps(ring, indent=2) + "\n").encode())
    return files, ring


def _alg(key: PrivateKey) -> str:
    from designer.openbadges.keys import algorithm_of

    return algorithm_of(key)


def load_signing_key(path: str | Path) -> SigningKey:
    """A private key PEM, or a key folder (its keyring's current key). The published keys are the
    signing key plus every other ``*.public.jwk`` beside it (retired keys stay published)."""
    path = Path(path)
    if path.is_dir():
        ring = read_keyring(path)
        if ring is not None:
            private_path = path / f"{ring['current']}.private.pem"
        else:
            candidates = sorted(path.glob("*.private.pem"))
            if len(candidates) != 1:
                raise MedbadgeError(f"{display_path(path)}: {len(candidates)} private keys and no {KEYRING}",
                                    hint="name one key file, or create the folder with `medbadge keys rotate`")
            private_path = candidates[0]
        folder = path
    else:
        private_path, folder = path, path.parent
    private = load_private_key(private_path)
    current = jwk_thumbprint(public_jwk(private.public_key()))
    published: list[PublicKey] = [private.public_key()]
    seen = {current}
    for jwk_file in sorted(folder.glob("*.public.jwk")):
        key = load_public_key(jwk_file)
        thumb = jwk_thumbprint(public_jwk(key))
        if thumb not in seen:
            seen.add(thumb)
            published.append(key)
    return SigningKey(private, private_path, tuple(published))
