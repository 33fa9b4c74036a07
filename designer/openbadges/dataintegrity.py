"""Embedded Data Integrity proofs: ``DataIntegrityProof`` with the ``eddsa-rdfc-2022`` cryptosuite.

W3C "Verifiable Credential Data Integrity 1.0" §2.1 (the proof object) and "Data Integrity EdDSA
Cryptosuites v1.0" §3.2 (eddsa-rdfc-2022):

1. proof configuration = the proof options (``type``, ``cryptosuite``, ``created``,
   ``verificationMethod``, ``proofPurpose``) with the document's ``@context``;
2. both the document (without ``proof``) and the configuration are canonicalised with RDF Dataset
   Canonicalization (RDFC-1.0, which is URDNA2015) into N-Quads — here by pyld;
3. hash data = SHA-256(canonical configuration) ‖ SHA-256(canonical document);
4. ``proofValue`` = ``z`` + base58-btc of the Ed25519 signature over the hash data.

Contexts are never fetched: :func:`document_loader` serves the vendored copies in
``designer/openbadges/contexts/`` (see its NOTICE.md) and refuses every other URL. Expansion runs in
"safe mode": a term that no context defines would be silently dropped from the signed RDF (so it
could be changed without breaking the signature); here it is an error instead.

pyld is needed only for this proof format (``pip install pyld``); VC-JWT does not use it.
"""

from __future__ import annotations

import copy
import hashlib
import json
from functools import lru_cache
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric import ed25519

from designer.base.errors import MedbadgeError
from designer.openbadges.did import base58btc_decode, base58btc_encode
from designer.openbadges.keys import PrivateKey, PublicKey
from designer.openbadges.signing import SignatureCheck

CRYPTOSUITE = "eddsa-rdfc-2022"
CONTEXT_DIR = Path(__file__).resolve().parent / "contexts"
CONTEXTS = {
    "https://www.w3.org/ns/credentials/v2": "credentials-v2.json",
    "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json": "ob-v3p0-context-3.0.3.json",
    "https://w3id.org/security/data-integrity/v2": "data-integrity-v2.json",
    "https://w3id.org/security/multikey/v1": "multikey-v1.json",
}
#: Extra contexts a caller (a test with the W3C examples context) may register.
_EXTRA: dict[str, dict] = {}


class DataIntegrityError(MedbadgeError):
    """A document that cannot be canonicalised safely (unknown context, undefined term)."""


def register_context(url: str, document: dict) -> None:
    """Make one more context available offline (e.g. the W3C examples context for test vectors)."""
    _EXTRA[url] = document


@lru_cache(maxsize=None)
def _vendored(url: str) -> str:
    try:
        return (CONTEXT_DIR / CONTEXTS[url]).read_text(encoding="utf-8")
    except OSError:
        raise DataIntegrityError(f"the vendored context for {url} is missing from {CONTEXT_DIR}",
                                 hint="reinstall medbadge; the package data must include designer/openbadges/contexts/*.json") from None


def document_loader(url: str, options: dict | None = None) -> dict[str, Any]:
    """pyld document loader over the vendored contexts only: no network, ever."""
    if url in _EXTRA:
        document = _EXTRA[url]
    elif url in CONTEXTS:
        document = json.loads(_vendored(url))
    else:
        raise DataIntegrityError(f"the JSON-LD context {url!r} is not vendored; medbadge does not fetch contexts",
                                 hint="use the OB 3.0 and VC 2.0 contexts, or add the context to designer/openbadges/contexts")
    return {"contextUrl": None, "documentUrl": url, "document": document}


def _pyld():
    try:
        from pyld import jsonld
    except ImportError:
        raise MedbadgeError("Data Integrity proofs need the pyld package", hint="pip install pyld") from None
    return jsonld


def _refuse_dropped(*args: Any, **kwargs: Any) -> None:
    term = kwargs.get("property") or kwargs.get("expanded_property") or (args[-1] if args else "?")
    raise DataIntegrityError(f"the term {term!r} is not defined by any context, so it would not be signed",
                             hint="remove it or use a term the OB 3.0 / VC 2.0 contexts define")


def _processor():
    jsonld = _pyld()
    try:
        return jsonld.JsonLdProcessor(on_property_dropped=_refuse_dropped)
    except TypeError:  # pragma: no cover - pyld < 3 has no safe-mode hook
        return jsonld.JsonLdProcessor()


def expand(document: dict[str, Any]) -> list:
    """JSON-LD expansion in safe mode (an undefined term raises :class:`DataIntegrityError`)."""
    return _processor().expand(copy.deepcopy(document), {"documentLoader": document_loader})


def canonical_nquads(document: dict[str, Any]) -> str:
    """RDFC-1.0 (URDNA2015) canonical N-Quads of a JSON-LD document, in safe mode."""
    jsonld = _pyld()
    try:
        return _processor().normalize(copy.deepcopy(document), {
            "algorithm": "URDNA2015", "format": "application/n-quads", "documentLoader": document_loader})
    except DataIntegrityError:
        raise
    except jsonld.JsonLdError as error:
        cause, seen = error, 0
        while cause is not None and seen < 20:  # pyld wraps the loader's error in its own, maybe twice
            if isinstance(cause, MedbadgeError):
                raise cause from None
            cause, seen = getattr(cause, "cause", None) or cause.__cause__ or cause.__context__, seen + 1
        raise DataIntegrityError(f"the document cannot be canonicalised as JSON-LD ({error.type if hasattr(error, 'type') else error})") from None


def proof_configuration(document: dict[str, Any], verification_method: str, created: str) -> dict[str, Any]:
    return {"@context": document["@context"], "type": "DataIntegrityProof", "cryptosuite": CRYPTOSUITE,
            "created": created, "verificationMethod": verification_method, "proofPurpose": "assertionMethod"}


def hash_data(document: dict[str, Any], configuration: dict[str, Any]) -> bytes:
    """SHA-256(canonical proof configuration) ‖ SHA-256(canonical document) (vc-di-eddsa §3.2.4-3.2.5)."""
    unsecured = {k: v for k, v in document.items() if k != "proof"}
    return (hashlib.sha256(canonical_nquads(configuration).encode("utf-8")).digest()
            + hashlib.sha256(canonical_nquads(unsecured).encode("utf-8")).digest())


def add_proof(document: dict[str, Any], key: PrivateKey, verification_method: str, created: str, *,
              as_array: bool = True) -> dict[str, Any]:
    """The document with an ``eddsa-rdfc-2022`` proof (the input is not changed).

    The proof goes in an array (``"proof": [{...}]``): the OB 3.0 AchievementCredential JSON Schema
    requires one, and VC Data Model 2.0 §4.12 allows a set; in JSON-LD both are the same graph, so
    the signature does not change. ``as_array=False`` writes the single object (the W3C test vectors'
    shape)."""
    if not isinstance(key, ed25519.Ed25519PrivateKey):
        raise MedbadgeError("eddsa-rdfc-2022 proofs need an Ed25519 key", hint="create one with `medbadge keys new --alg EdDSA`")
    configuration = proof_configuration(document, verification_method, created)
    signature = key.sign(hash_data(document, configuration))
    proof = {k: v for k, v in configuration.items() if k != "@context"}
    proof["proofValue"] = "z" + base58btc_encode(signature)
    return {**{k: v for k, v in document.items() if k != "proof"}, "proof": [proof] if as_array else proof}


def proof_of(document: dict[str, Any]) -> dict[str, Any] | None:
    """The document's eddsa-rdfc-2022 proof, or None when it carries no proof at all."""
    proof = document.get("proof")
    if proof is None:
        return None
    if isinstance(proof, list):
        proof = next((p for p in proof if isinstance(p, dict) and p.get("cryptosuite") == CRYPTOSUITE), proof[0] if proof else None)
    return proof if isinstance(proof, dict) else {"invalid": True}


def check_proof(document: dict[str, Any], public_key: PublicKey | None, *, trusted: bool) -> SignatureCheck:
    """Check the embedded proof against ``public_key`` (resolved by the caller from its
    ``verificationMethod``); ``trusted`` says whether that key came from the verifier's trust anchor."""
    proof = proof_of(document)
    if proof is None:
        return SignatureCheck("malformed", "the credential carries no proof")
    if proof.get("type") != "DataIntegrityProof" or proof.get("cryptosuite") != CRYPTOSUITE:
        return SignatureCheck("unsupported-alg", f"proof type {proof.get('type')!r} / cryptosuite {proof.get('cryptosuite')!r} is not supported", CRYPTOSUITE)
    if proof.get("proofPurpose") != "assertionMethod":
        return SignatureCheck("invalid", f"proofPurpose is {proof.get('proofPurpose')!r}, not assertionMethod", CRYPTOSUITE)
    value, method, created = proof.get("proofValue"), proof.get("verificationMethod"), proof.get("created")
    if not (isinstance(value, str) and value.startswith("z") and isinstance(method, str) and isinstance(created, str)):
        return SignatureCheck("malformed", "the proof lacks a z-base58 proofValue, a verificationMethod or created", CRYPTOSUITE)
    if public_key is None:
        return SignatureCheck("no-key", f"no key for {method}; pass the issuer's key or DID document", CRYPTOSUITE)
    if not isinstance(public_key, ed25519.Ed25519PublicKey):
        return SignatureCheck("wrong-key", "eddsa-rdfc-2022 is verified with an Ed25519 key; yours is another type", CRYPTOSUITE, trusted)
    try:
        signature = base58btc_decode(value[1:])
    except ValueError:
        return SignatureCheck("malformed", "proofValue is not base58-btc", CRYPTOSUITE)
    configuration = proof_configuration(document, method, created)
    for name in ("expires", "domain", "challenge", "nonce"):
        if name in proof:
            configuration[name] = proof[name]
    try:
        data = hash_data(document, configuration)
    except DataIntegrityError as error:
        return SignatureCheck("invalid", error.message, CRYPTOSUITE, trusted)
    from designer.openbadges.keys import jwk_thumbprint, public_jwk

    thumbprint = jwk_thumbprint(public_jwk(public_key))
    try:
        public_key.verify(signature, data)
    except InvalidSignature:
        return SignatureCheck("invalid", "the Data Integrity proof does not match (altered content or another signer)",
                              CRYPTOSUITE, trusted, thumbprint)
    return SignatureCheck("valid", f"{CRYPTOSUITE} proof valid ({method})", CRYPTOSUITE, trusted, thumbprint)
