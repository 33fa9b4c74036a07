"""Signing keys for VC-JWT: create, write, load, and convert to and from JWK.

Algorithms (RFC 7518 §3.1, RFC 8037 §3.1): ``EdDSA`` (Ed25519), ``ES256`` (ECDSA P-256 with SHA-256),
and ``RS256`` (RSASSA-PKCS1-v1_5 with SHA-256, the minimum OB 3.0 §8.2 "Create the JOSE Header" asks
verifiers to support). Private keys are written as unencrypted PKCS#8 PEM with mode 0600; public keys
as a JWK (RFC 7517) and a SubjectPublicKeyInfo PEM. Existing key files are never overwritten.
"""

from __future__ import annotations

import base64
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, Union

from cryptography.exceptions import UnsupportedAlgorithm
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, rsa

from designer.base.errors import MedbadgeError, display_path
from designer.base.files import write_all_atomic, write_error

Algorithm = Literal["EdDSA", "ES256", "RS256"]
ALGORITHMS: tuple[Algorithm, ...] = ("EdDSA", "ES256", "RS256")
PrivateKey = Union[ed25519.Ed25519PrivateKey, ec.EllipticCurvePrivateKey, rsa.RSAPrivateKey]
PublicKey = Union[ed25519.Ed25519PublicKey, ec.EllipticCurvePublicKey, rsa.RSAPublicKey]


def b64url_encode(data: bytes) -> str:
    """Base64url without padding (RFC 7515 §2).

    >>> b64url_encode(b"\\xfb\\xff")
    '-_8'
    """
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def b64url_decode(text: str) -> bytes:
    """Inverse of :func:`b64url_encode`; raises ``ValueError`` on characters outside the alphabet."""
    if not all(c.isalnum() or c in "-_" for c in text) or len(text) % 4 == 1:
        raise ValueError("not base64url")
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _int_bytes(value: int, length: int | None = None) -> bytes:
    return value.to_bytes(length or max(1, (value.bit_length() + 7) // 8), "big")


@dataclass(frozen=True)
class KeyPair:
    """A new key: its algorithm, the private key as PEM, and the public key as JWK and PEM."""

    alg: Algorithm
    private_pem: bytes
    public_jwk: dict[str, str]
    public_pem: bytes

    @property
    def thumbprint(self) -> str:
        return jwk_thumbprint(self.public_jwk)


def check_algorithm(alg: str) -> Algorithm:
    if alg not in ALGORITHMS:
        raise MedbadgeError(f"unsupported signing algorithm {alg!r}", hint=f"use one of {', '.join(ALGORITHMS)}")
    return alg  # type: ignore[return-value]


def new_key(alg: str) -> KeyPair:
    """Generate a key pair for ``alg`` (``EdDSA``, ``ES256`` or ``RS256``)."""
    alg = check_algorithm(alg)
    private: PrivateKey
    if alg == "EdDSA":
        private = ed25519.Ed25519PrivateKey.generate()
    elif alg == "ES256":
        private = ec.generate_private_key(ec.SECP256R1())
    else:
        private = rsa.generate_private_key(public_exponent=65537, key_size=3072)
    pem = private.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    public = private.public_key()
    public_pem = public.public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
    return KeyPair(alg, pem, public_jwk(public), public_pem)


@dataclass(frozen=True)
class KeyFiles:
    private: Path
    public_jwk: Path
    public_pem: Path


def write_key_files(pair: KeyPair, directory: str | Path, *, name: str | None = None) -> KeyFiles:
    """Write ``<name>.private.pem`` (mode 0600), ``<name>.public.jwk`` and ``<name>.public.pem``.

    ``name`` defaults to ``<alg>-<first 8 characters of the JWK thumbprint>``. Refuses (before writing
    anything) when any of the three files exists.
    """
    directory = Path(directory)
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as error:  # a read-only place, a file where a folder should be, a full disk
        raise write_error(error, directory) from None
    stem = name or f"{pair.alg.lower()}-{pair.thumbprint[:8]}"
    files = KeyFiles(directory / f"{stem}.private.pem", directory / f"{stem}.public.jwk", directory / f"{stem}.public.pem")
    for path in (files.private, files.public_jwk, files.public_pem):
        if path.exists():
            raise MedbadgeError(f"{display_path(path)} already exists; key files are never overwritten", hint="choose another -o folder or --name")
    # All three or none; exclusive: never replace anything that appeared in the meantime. The
    # private key's 0600 is set exactly (not narrowed or widened by the umask).
    write_all_atomic([(files.private, pair.private_pem, 0o600),
                      (files.public_jwk, (json.dumps(pair.public_jwk, indent=2) + "\n").encode(), 0o644),
                      (files.public_pem, pair.public_pem, 0o644)], exclusive=True)
    return files


def algorithm_of(key: PrivateKey | PublicKey) -> Algorithm:
    """The JWS algorithm a key type signs with; P-256 only for EC, 2048 bits at least for RSA."""
    if isinstance(key, (ed25519.Ed25519PrivateKey, ed25519.Ed25519PublicKey)):
        return "EdDSA"
    if isinstance(key, (ec.EllipticCurvePrivateKey, ec.EllipticCurvePublicKey)):
        if key.curve.name != "secp256r1":
            raise MedbadgeError(f"EC key on curve {key.curve.name}: only P-256 (ES256) is supported")
        return "ES256"
    if isinstance(key, (rsa.RSAPrivateKey, rsa.RSAPublicKey)):
        if key.key_size < 2048:
            raise MedbadgeError(f"RSA key of {key.key_size} bits is too weak", hint="use 2048 bits or more")
        return "RS256"
    raise MedbadgeError(f"unsupported key type {type(key).__name__}", hint=f"use one of {', '.join(ALGORITHMS)}")


def public_jwk(key: PublicKey) -> dict[str, str]:
    """The public JWK of a key (RFC 7517, RFC 8037 for OKP); never contains ``d``."""
    alg = algorithm_of(key)
    if alg == "EdDSA":
        raw = key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)  # type: ignore[union-attr]
        return {"kty": "OKP", "crv": "Ed25519", "x": b64url_encode(raw), "alg": alg}
    numbers = key.public_numbers()  # type: ignore[union-attr]
    if alg == "ES256":
        return {"kty": "EC", "crv": "P-256", "x": b64url_encode(_int_bytes(numbers.x, 32)), "y": b64url_encode(_int_bytes(numbers.y, 32)), "alg": alg}
    return {"kty": "RSA", "n": b64url_encode(_int_bytes(numbers.n)), "e": b64url_encode(_int_bytes(numbers.e)), "alg": alg}


def jwk_to_public_key(jwk: dict[str, Any]) -> PublicKey:
    """A public key object from a JWK; a JWK carrying ``d`` (a private key) is refused."""
    if "d" in jwk:
        raise MedbadgeError("the JWK holds a private key ('d'); pass the public key")
    try:
        kty = jwk.get("kty")
        if kty == "OKP" and jwk.get("crv") == "Ed25519":
            return ed25519.Ed25519PublicKey.from_public_bytes(b64url_decode(jwk["x"]))
        if kty == "EC" and jwk.get("crv") == "P-256":
            x, y = (int.from_bytes(b64url_decode(jwk[k]), "big") for k in ("x", "y"))
            return ec.EllipticCurvePublicNumbers(x, y, ec.SECP256R1()).public_key()
        if kty == "RSA":
            n, e = (int.from_bytes(b64url_decode(jwk[k]), "big") for k in ("n", "e"))
            return rsa.RSAPublicNumbers(e, n).public_key()
    except (KeyError, ValueError, TypeError) as error:
        raise MedbadgeError(f"malformed JWK ({error})") from None
    raise MedbadgeError(f"unsupported JWK (kty={jwk.get('kty')!r}, crv={jwk.get('crv')!r})", hint="use Ed25519, P-256 or RSA")


def jwk_thumbprint(jwk: dict[str, Any]) -> str:
    """The RFC 7638 SHA-256 thumbprint (base64url) over the key's required members only."""
    required = {"OKP": ("crv", "kty", "x"), "EC": ("crv", "kty", "x", "y"), "RSA": ("e", "kty", "n")}[jwk["kty"]]
    canonical = json.dumps({k: jwk[k] for k in required}, separators=(",", ":"), sort_keys=True)
    return b64url_encode(hashlib.sha256(canonical.encode()).digest())


def load_private_key(path: str | Path) -> PrivateKey:
    """Read an unencrypted PEM private key (PKCS#8 or traditional) of a supported type."""
    data = _read_key_file(path)
    try:
        key = serialization.load_pem_private_key(data, password=None)
    except TypeError:
        raise MedbadgeError(f"{display_path(path)}: the private key is encrypted", hint="export it without a passphrase for signing") from None
    except (ValueError, UnsupportedAlgorithm):
        raise MedbadgeError(f"{display_path(path)}: not a PEM private key", hint="create one with `medbadge keys new`") from None
    algorithm_of(key)  # type: ignore[arg-type]
    return key  # type: ignore[return-value]


def load_public_key(path: str | Path) -> PublicKey:
    """Read a public key from a JWK (JSON) or PEM file; a PEM private key yields its public half."""
    data = _read_key_file(path)
    text = data.strip()
    if text.startswith(b"{"):
        try:
            jwk = json.loads(text)
        except (ValueError, RecursionError) as error:
            raise MedbadgeError(f"{display_path(path)}: not valid JWK JSON ({error})") from None
        if isinstance(jwk, dict) and isinstance(jwk.get("keys"), list) and len(jwk["keys"]) == 1:
            jwk = jwk["keys"][0]  # a JWK Set with one key
        if not isinstance(jwk, dict):
            raise MedbadgeError(f"{display_path(path)}: a JWK must be a JSON object")
        return jwk_to_public_key(jwk)
    try:
        if b"PRIVATE KEY" in text:
            key = load_private_key(path).public_key()
        else:
            key = serialization.load_pem_public_key(text)
    except (ValueError, UnsupportedAlgorithm):
        raise MedbadgeError(f"{display_path(path)}: not a PEM or JWK public key") from None
    algorithm_of(key)  # type: ignore[arg-type]
    return key  # type: ignore[return-value]


def _read_key_file(path: str | Path) -> bytes:
    from designer.openbadges.limits import MAX_KEY_BYTES, read_limited

    return read_limited(path, MAX_KEY_BYTES, "key file")
