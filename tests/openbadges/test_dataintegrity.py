"""eddsa-rdfc-2022 (W3C Data Integrity EdDSA Cryptosuites v1.0) against the specification's own test
vector, safe-mode JSON-LD over the vendored contexts, did:key / did:web and multibase."""

from __future__ import annotations

import json

import pytest
from cryptography.hazmat.primitives.asymmetric import ed25519

from designer.base.errors import MedbadgeError
from designer.openbadges import dataintegrity as di
from designer.openbadges.did import (
    base58btc_decode, base58btc_encode, did_key, did_web_url, key_from_did_key, key_from_multikey, multikey,
)

from .conftest import credential

pytest.importorskip("pyld")

# The vc-di-eddsa test vector (w3c/vc-di-eddsa, TestVectors/keyPair.json and
# TestVectors/eddsa-rdfc-2022/signedDataInt.json; also §A.1 of the specification).
PUBLIC = "z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2"
SECRET = "z3u2en7t5LR2WtQH5PfFqMqwVHBeXouLzo6haApm8XHqvjxq"
UNSIGNED = {
    "@context": ["https://www.w3.org/ns/credentials/v2", "https://www.w3.org/ns/credentials/examples/v2"],
    "id": "urn:uuid:58172aac-d8ba-11ed-83dd-0b3aef56cc33",
    "type": ["VerifiableCredential", "AlumniCredential"],
    "name": "Alumni Credential",
    "description": "A minimum viable example of an Alumni Credential.",
    "issuer": "https://vc.example/issuers/5678",
    "validFrom": "2023-01-01T00:00:00Z",
    "credentialSubject": {"id": "did:example:abcdefgh", "alumniOf": "The School of Examples"},
}
METHOD = "https://vc.example/issuers/5678#z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2"
PROOF_VALUE = "z21EVs3eXERqTn4acNHT9viboqgzUaQ3kTmhPT3eA8qrVPE7CrQq78WkzctnMX5W4CrzcKnHw8V6dvy5pgWYCU5e9"
PROOF_CANON = (
    '_:c14n0 <http://purl.org/dc/terms/created> "2023-02-24T23:36:38Z"^^<http://www.w3.org/2001/XMLSchema#dateTime> .\n'
    "_:c14n0 <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://w3id.org/security#DataIntegrityProof> .\n"
    '_:c14n0 <https://w3id.org/security#cryptosuite> "eddsa-rdfc-2022"^^<https://w3id.org/security#cryptosuiteString> .\n'
    "_:c14n0 <https://w3id.org/security#proofPurpose> <https://w3id.org/security#assertionMethod> .\n"
    f"_:c14n0 <https://w3id.org/security#verificationMethod> <{METHOD}> .\n"
)


@pytest.fixture(autouse=True)
def examples_context():
    # The W3C VC 2.0 examples context (https://www.w3.org/ns/credentials/examples/v2): one @vocab.
    di.register_context("https://www.w3.org/ns/credentials/examples/v2",
                        {"@context": {"@vocab": "https://www.w3.org/ns/credentials/examples#"}})
    yield
    di._EXTRA.clear()


def _vector_key() -> ed25519.Ed25519PrivateKey:
    raw = base58btc_decode(SECRET[1:])
    assert raw[:2] == b"\x80\x26"  # multicodec ed25519-priv
    return ed25519.Ed25519PrivateKey.from_private_bytes(raw[2:])


def test_reproduces_the_specification_test_vector():
    key = _vector_key()
    assert multikey(key.public_key()) == PUBLIC
    config = di.proof_configuration(UNSIGNED, METHOD, "2023-02-24T23:36:38Z")
    assert di.canonical_nquads(config) == PROOF_CANON
    signed = di.add_proof(UNSIGNED, key, METHOD, "2023-02-24T23:36:38Z", as_array=False)
    assert signed["proof"]["proofValue"] == PROOF_VALUE
    assert di.add_proof(UNSIGNED, key, METHOD, "2023-02-24T23:36:38Z")["proof"] == [signed["proof"]]
    assert di.check_proof(signed, key_from_multikey(PUBLIC), trusted=True).ok


def test_a_changed_statement_or_proof_option_fails():
    signed = di.add_proof(UNSIGNED, _vector_key(), METHOD, "2023-02-24T23:36:38Z", as_array=False)
    for path, value in ((("credentialSubject", "alumniOf"), "Another School"), (("proof", "created"), "2024-01-01T00:00:00Z"),
                        (("validFrom",), "2020-01-01T00:00:00Z")):
        changed = json.loads(json.dumps(signed))
        target = changed
        for part in path[:-1]:
            target = target[part]
        target[path[-1]] = value
        assert di.check_proof(changed, key_from_multikey(PUBLIC), trusted=True).verdict == "invalid", path
    other = ed25519.Ed25519PrivateKey.generate().public_key()
    assert not di.check_proof(signed, other, trusted=True).ok


def test_safe_mode_expansion_of_issued_credentials_drops_no_term():
    document = credential()
    expanded = json.dumps(di.expand(document))
    # every value of the credential survives expansion (nothing silently dropped)
    for value in ("Suturing - proficient", "Ten supervised closures rated competent.",
                  "Teal disc with a silver ring and a white check mark", "2024-06-01T00:00:00Z"):
        assert value in expanded
    assert "issuer-dependent" not in expanded  # every term is defined by VC 2.0 / OB 3.0, none falls to @vocab


def test_safe_mode_refuses_a_term_no_context_defines():
    document = {"@context": [{"@version": 1.1, "name": "https://schema.org/name"}], "name": "x", "undefinedTerm": "y"}
    with pytest.raises(di.DataIntegrityError, match="undefinedTerm"):
        di.expand(document)
    with pytest.raises(di.DataIntegrityError, match="undefinedTerm"):
        di.canonical_nquads(document)


def test_contexts_are_never_fetched():
    document = {**credential(), "@context": ["https://www.w3.org/ns/credentials/v2", "https://evil.example/context.json"]}
    with pytest.raises(MedbadgeError, match="not vendored"):
        di.canonical_nquads(document)


def test_every_vendored_context_has_its_notice():
    notice = (di.CONTEXT_DIR / "NOTICE.md").read_text(encoding="utf-8")
    for url, name in di.CONTEXTS.items():
        assert json.loads((di.CONTEXT_DIR / name).read_text(encoding="utf-8"))["@context"]
        assert name in notice and url in notice


def test_did_key_and_multibase_round_trip():
    key = ed25519.Ed25519PrivateKey.generate().public_key()
    did = did_key(key)
    assert did.startswith("did:key:z6Mk") and multikey(key_from_did_key(did)) == multikey(key)
    assert base58btc_decode(base58btc_encode(b"\x00\x00\x01\x02")) == b"\x00\x00\x01\x02"
    # the did:key specification's first Ed25519 example
    assert did_key(key_from_did_key("did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp")) == \
        "did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp"
    with pytest.raises(MedbadgeError):
        key_from_multikey("z0OIl")


def test_did_web_urls_follow_the_method():
    assert did_web_url("did:web:example.edu") == "https://example.edu/.well-known/did.json"
    assert did_web_url("did:web:example.edu:badges") == "https://example.edu/badges/did.json"
    assert did_web_url("did:web:example.edu%3A8443") == "https://example.edu:8443/.well-known/did.json"
    with pytest.raises(MedbadgeError):
        did_web_url("did:web:")
