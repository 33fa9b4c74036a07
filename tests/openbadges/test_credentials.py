"""Issue 13: credentials that independent verifiers accept.

The example roster is issued signed (EdDSA, ES256, RS256 as VC-JWT; Ed25519 Data Integrity) for https,
did:web and did:key issuers, and every token goes through PyJWT, joserfc and openbadgeslib with their
required-claims checks, with keys taken only from what ``issue`` writes under ``publish/``. The same
verifiers must reject each token after tampering with one byte, signing with another key under the
same ``kid``, or stripping the proof.
"""

from __future__ import annotations

import base64
import csv
import json
from pathlib import Path

import pytest

from designer.cli import main
from designer.openbadges import unbake, unbake_all, verify
from designer.openbadges.issue import IssueOptions, issue
from designer.openbadges.jws import decode_unverified
from designer.openbadges.keyring import load_signing_key
from designer.openbadges.keys import new_key, write_key_files
from designer.openbadges.publish import publish_path
from designer.openbadges.trust import load_key_set
from designer.openbadges.verify import load_schema, schema_errors

from .conftest import CREDENTIAL_SCHEMA, PROFILE_SCHEMA

REPO = Path(__file__).resolve().parents[2]
BADGES = REPO / "examples" / "medical-school" / "badges.yaml"
ROSTER = REPO / "examples" / "medical-school" / "roster.csv"
HOST = "badges.northfield-med.example"
REQUIRED = ["iss", "sub", "nbf", "jti"]


def _rows() -> list[dict]:
    with ROSTER.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _issue(root: Path, name: str, alg: str = "EdDSA", **options) -> Path:
    keys = write_key_files(new_key(alg), root / f"{name}-keys", name="issuer")
    out = root / name
    issue(BADGES, ROSTER, out, IssueOptions(issued_on="2025-07-01T00:00:00Z",
                                            signing_key=load_signing_key(keys.private), **options))
    return out


def _tokens(out: Path) -> list[tuple[dict, str]]:
    """(manifest record, baked OB 3.0 payload) for every recipient, from the PNG."""
    manifest = json.loads((out / "issued.json").read_text(encoding="utf-8"))
    result = []
    for record in manifest["issued"]:
        png = next(f for f in record["files"] if f["kind"] == "png")
        result.append((record, unbake((out / png["path"]).read_bytes(), version="3.0").text))
    return result


def _published(out: Path, url: str) -> bytes:
    return (out / publish_path(url)).read_bytes()


def _local_download(out: Path):
    """What a web server hosting publish/<host>/ returns: the file for a URL (used as the verifiers'
    fetcher, so they resolve did:web and status lists from what issue wrote, offline)."""
    return lambda url, *args, **kwargs: _published(out, url)


@pytest.fixture(scope="module", params=["EdDSA", "ES256", "RS256"])
def https_issued(request, tmp_path_factory) -> Path:
    return _issue(tmp_path_factory.mktemp("https"), request.param.lower(), request.param)


@pytest.fixture(scope="module")
def did_web_issued(tmp_path_factory) -> Path:
    return _issue(tmp_path_factory.mktemp("didweb"), "didweb", "ES256", issuer_id=f"did:web:{HOST}")


@pytest.fixture(scope="module")
def did_key_issued(tmp_path_factory) -> Path:
    return _issue(tmp_path_factory.mktemp("didkey"), "didkey", "EdDSA", issuer_id="did:key")


@pytest.fixture(scope="module")
def di_issued(tmp_path_factory) -> Path:
    return _issue(tmp_path_factory.mktemp("di"), "di", "EdDSA", issuer_id="did:key", proof="data-integrity")


# --- 1. recipient binding ---------------------------------------------------------------------------

def test_recipients_with_a_did_are_the_subject_and_sub(https_issued):
    rows = _rows()
    assert sum(bool(r["subject_id"]) for r in rows) >= 5
    for row, (record, token) in zip(rows, _tokens(https_issued)):
        claims = decode_unverified(token).claims
        if row["subject_id"]:
            assert claims["sub"] == claims["credentialSubject"]["id"] == row["subject_id"]
        else:  # e-mail only: the hashed identifier, no credentialSubject.id, hence no sub
            assert "sub" not in claims and "id" not in claims["credentialSubject"]
        assert claims["credentialSubject"]["identifier"][0]["identityHash"] == record["identity"]
        assert claims["iss"] == claims["issuer"]["id"] and claims["jti"] == claims["id"]
        assert row["email"] not in token


# --- 7. real verifiers: PyJWT, joserfc, openbadgeslib ---------------------------------------------

def _pyjwt_decode(token: str, jwks: dict, require: list[str]):
    import jwt

    kid = jwt.get_unverified_header(token)["kid"]
    key = jwt.PyJWKSet.from_dict(jwks)[kid].key
    return jwt.decode(token, key, algorithms=["EdDSA", "ES256", "RS256"], options={"require": require})


def _joserfc_decode(token: str, jwks: dict, require: list[str]):
    from joserfc import jwt
    from joserfc.jwk import KeySet

    decoded = jwt.decode(token, KeySet.import_key_set(jwks), algorithms=["EdDSA", "ES256", "RS256"])
    jwt.JWTClaimsRegistry(**{claim: {"essential": True} for claim in require}).validate(decoded.claims)
    return decoded.claims


def _jwks(out: Path) -> dict:
    return json.loads(_published(out, f"https://{HOST}/jwks.json"))


def test_pyjwt_and_joserfc_with_required_claims_accept_every_token_with_a_subject(https_issued):
    jwks = _jwks(https_issued)
    tokens = _tokens(https_issued)
    with_subject = [t for r, t in tokens if r.get("subjectId")]
    assert len(with_subject) == 7
    for token in with_subject:
        assert _pyjwt_decode(token, jwks, REQUIRED)["sub"].startswith("did:")
        assert _joserfc_decode(token, jwks, REQUIRED)["sub"].startswith("did:")
    import jwt

    for record, token in tokens:
        if not record.get("subjectId"):  # accepted with every claim they carry, refused when sub is demanded
            _pyjwt_decode(token, jwks, ["iss", "nbf", "jti"])
            _joserfc_decode(token, jwks, ["iss", "nbf", "jti"])
            with pytest.raises(jwt.MissingRequiredClaimError):
                _pyjwt_decode(token, jwks, REQUIRED)


def test_headers_are_small_and_name_a_published_kid(https_issued):
    jwks = _jwks(https_issued)
    kids = {key["kid"] for key in jwks["keys"]}
    for _, token in _tokens(https_issued):
        header_segment = token.split(".")[0]
        header = decode_unverified(token).header
        assert len(base64.urlsafe_b64decode(header_segment + "==")) < 512  # joserfc's header limit
        assert "jwk" not in header and header["kid"] in kids and header["typ"] == "JWT"
        # the https kid dereferences to exactly that JWK (OB 3.0 §8.2.3)
        assert json.loads(_published(https_issued, header["kid"]))["kid"] == header["kid"]


def test_openbadgeslib_verifies_and_binds_the_expected_recipient(https_issued):
    from openbadgeslib.ob3.verifier import OB3Verifier, OB3VerificationError

    jwks = _jwks(https_issued)
    from designer.openbadges.keys import jwk_to_public_key
    public = jwk_to_public_key({k: v for k, v in jwks["keys"][0].items() if k not in ("kid", "use", "alg")})
    verifier = OB3Verifier(public)
    bound = 0
    for record, token in _tokens(https_issued):
        if record.get("subjectId"):
            credential = verifier.verify(token, expected_recipient=record["subjectId"])
            assert credential.recipient_id == record["subjectId"]
            bound += 1
            with pytest.raises(OB3VerificationError, match="Recipient mismatch"):
                verifier.verify(token, expected_recipient="did:key:z6MkSomeoneElse")
        else:
            verifier.verify(token)
    assert bound == 7


def test_openbadgeslib_resolves_our_did_web_document(did_web_issued):
    from openbadgeslib.ob3.verifier import OB3Verifier

    verifier = OB3Verifier.for_issuer_did(f"did:web:{HOST}", download=_local_download(did_web_issued))
    for record, token in _tokens(did_web_issued):
        assert verifier.verify(token, expected_recipient=record.get("subjectId")).issuer.id == f"did:web:{HOST}"


def test_openbadgeslib_resolves_our_did_key_offline(did_key_issued):
    from openbadgeslib.ob3.verifier import OB3Verifier

    manifest = json.loads((did_key_issued / "issued.json").read_text())
    verifier = OB3Verifier.for_issuer_did(manifest["issuer"])
    verified = [verifier.verify(token, expected_recipient=record.get("subjectId")).issuer.id
                for record, token in _tokens(did_key_issued)]
    assert verified and set(verified) == {manifest["issuer"]}  # every token, all bound to the did:key


def _tampered(token: str) -> list[tuple[str, str]]:
    """One byte changed in the payload; the same claims signed by another key under the same kid."""
    header, payload, signature = token.split(".")
    claims = json.loads(base64.urlsafe_b64decode(payload + "=="))
    claims["credentialSubject"]["name"] = "Mallory " + claims["credentialSubject"].get("name", "")
    forged_payload = base64.urlsafe_b64encode(json.dumps(claims).encode()).rstrip(b"=").decode()
    flipped = payload[:10] + ("A" if payload[10] != "A" else "B") + payload[11:]
    from designer.openbadges.jws import encode_jws
    from cryptography.hazmat.primitives import serialization

    other = serialization.load_pem_private_key(new_key(decode_unverified(token).alg).private_pem, None)
    swapped = encode_jws(decode_unverified(token).claims, other, header={k: v for k, v in decode_unverified(token).header.items() if k != "alg"})
    return [("one byte", f"{header}.{flipped}.{signature}"), ("edited claims", f"{header}.{forged_payload}.{signature}"),
            ("swapped key", swapped)]


def test_tampered_tokens_fail_in_every_verifier(https_issued):
    import jwt
    from joserfc.errors import JoseError
    from openbadgeslib.ob3.verifier import OB3Verifier, OB3VerificationError
    from designer.openbadges.keys import jwk_to_public_key

    jwks = _jwks(https_issued)
    trusted = load_key_set(https_issued / publish_path(f"https://{HOST}/jwks.json"))
    library = OB3Verifier(jwk_to_public_key({k: v for k, v in jwks["keys"][0].items() if k not in ("kid", "use", "alg")}))
    rejected = 0
    for record, token in _tokens(https_issued)[:4]:
        for what, bad in _tampered(token):
            with pytest.raises((jwt.InvalidTokenError, ValueError)):
                _pyjwt_decode(bad, jwks, ["iss", "nbf", "jti"])
            with pytest.raises((JoseError, ValueError)):
                _joserfc_decode(bad, jwks, ["iss", "nbf", "jti"])
            with pytest.raises(OB3VerificationError):
                library.verify(bad)
            from designer.openbadges.bake import bake_png
            png = next(f for f in record["files"] if f["kind"] == "png")
            image = bake_png((https_issued / png["path"]).read_bytes(), bad, "3.0")
            assert verify(image, public_key=trusted).exit_code == 1, what
            rejected += 1
    assert rejected == 12


def test_a_stripped_proof_fails_every_verifier(https_issued):
    import jwt
    from openbadgeslib.ob3.verifier import OB3Verifier, OB3VerificationError
    from designer.openbadges.bake import bake_png
    from designer.openbadges.keys import jwk_to_public_key

    jwks = _jwks(https_issued)
    record, token = _tokens(https_issued)[0]
    claims = decode_unverified(token).claims
    unsigned = base64.urlsafe_b64encode(json.dumps({"alg": "none", "typ": "JWT"}).encode()).rstrip(b"=").decode()
    none_token = unsigned + "." + token.split(".")[1] + "."
    with pytest.raises(jwt.InvalidTokenError):
        jwt.decode(none_token, options={"require": REQUIRED}, algorithms=["EdDSA", "ES256", "RS256"],
                   key=jwt.PyJWKSet.from_dict(jwks).keys[0].key)
    library = OB3Verifier(jwk_to_public_key({k: v for k, v in jwks["keys"][0].items() if k not in ("kid", "use", "alg")}))
    with pytest.raises(OB3VerificationError):
        library.verify(json.dumps(claims))
    png = next(f for f in record["files"] if f["kind"] == "png")
    image = bake_png((https_issued / png["path"]).read_bytes(), json.dumps(claims), "3.0")
    trusted = load_key_set(https_issued / publish_path(f"https://{HOST}/jwks.json"))
    assert verify(image, public_key=trusted).verdict == "failed"
    assert verify(image).verdict == "unsigned"


def test_our_verify_accepts_every_issued_credential_with_the_published_keys(https_issued, did_web_issued, did_key_issued):
    for out, key_file in ((https_issued, f"https://{HOST}/jwks.json"),
                          (did_web_issued, f"https://{HOST}/.well-known/did.json"), (did_key_issued, None)):
        trusted = load_key_set(out / publish_path(key_file)) if key_file else None
        for record, _ in _tokens(out):
            for entry in record["files"]:
                report = verify((out / entry["path"]).read_bytes(), public_key=trusted, schema_path=CREDENTIAL_SCHEMA,
                                status=out, version="3.0")
                assert report.verdict == "verified", (entry["path"], report.signature, report.status)
                assert report.status.verdict == "active" and report.schema.status == "valid"


# --- 3. Data Integrity -----------------------------------------------------------------------------

def test_data_integrity_credentials_verify_and_tampering_fails(di_issued):
    from designer.openbadges.dataintegrity import check_proof
    from designer.openbadges.did import key_from_did_key

    manifest = json.loads((di_issued / "issued.json").read_text())
    key = key_from_did_key(manifest["issuer"])
    for record, text in _tokens(di_issued):
        document = json.loads(text)
        proof, = document["proof"]  # an array: the OB 3.0 schema requires one
        assert (proof["type"], proof["cryptosuite"], proof["proofPurpose"]) == ("DataIntegrityProof", "eddsa-rdfc-2022", "assertionMethod")
        assert proof["verificationMethod"].startswith(manifest["issuer"] + "#") and proof["proofValue"].startswith("z")
        assert check_proof(document, key, trusted=True).ok
        from designer.openbadges.dataintegrity import expand
        assert "issuer-dependent" not in json.dumps(expand(document))  # safe mode: every term defined, none dropped
        tampered = json.loads(text)
        tampered["credentialSubject"]["name"] = "Mallory"
        assert check_proof(tampered, key, trusted=True).verdict == "invalid"
        png = next(f for f in record["files"] if f["kind"] == "png")
        report = verify((di_issued / png["path"]).read_bytes(), status=di_issued, schema_path=CREDENTIAL_SCHEMA)
        assert report.verdict == "verified" and report.schema.status == "valid" and report.status.verdict == "active"
        other = json.loads(text)
        other["proof"][0]["verificationMethod"] = manifest["issuer"] + "#" + "z6MkOther"
        assert not check_proof(other, key_from_did_key("did:key:z6MkfisK7xTTpWkMhCEDgxxoCZkwxkrCtJf55mEcxrqmk6Sq"), trusted=True).ok


def test_openbadgeslib_verifies_our_data_integrity_credentials(di_issued):
    pytest.importorskip("pyld")
    from openbadgeslib.ob3.ldp import OB3LdpVerifier

    manifest = json.loads((di_issued / "issued.json").read_text())
    verifier = OB3LdpVerifier.for_issuer_did(manifest["issuer"])
    for record, text in _tokens(di_issued):
        credential = verifier.verify(text, expected_recipient=record.get("subjectId"))
        assert credential.issuer.id == manifest["issuer"]


# --- 4. issuer identity and what to publish --------------------------------------------------------

def test_publish_holds_profile_jwks_did_document_and_hosted_json(https_issued, did_web_issued):
    profile = json.loads(_published(https_issued, f"https://{HOST}/issuer"))
    assert profile["type"] == ["Profile"] and profile["id"] == f"https://{HOST}/issuer"
    assert schema_errors(profile, load_schema(PROFILE_SCHEMA)) == []
    did = json.loads(_published(did_web_issued, f"https://{HOST}/.well-known/did.json"))
    assert did["id"] == f"did:web:{HOST}"
    kids = {decode_unverified(t).header["kid"] for _, t in _tokens(did_web_issued)}
    assert kids <= {m["id"] for m in did["verificationMethod"]} and kids <= set(did["assertionMethod"])
    manifest = json.loads((https_issued / "issued.json").read_text())
    for path, url in manifest["publish"].items():
        assert (https_issued / path).is_file() and path == publish_path(url)


def test_key_rotation_keeps_old_credentials_verifiable(tmp_path, capsys):
    keys = tmp_path / "keys"
    assert main(["keys", "rotate", str(keys)]) == 0
    common = ["--roster", str(ROSTER), "--issued-on", "2025-07-01", "-q", "--issuer-id", f"did:web:{HOST}"]
    assert main(["issue", str(BADGES), "-o", str(tmp_path / "before"), "--sign", str(keys), *common]) == 0
    old_token = _tokens(tmp_path / "before")[0][1]
    assert main(["keys", "rotate", str(keys), "--alg", "ES256"]) == 0
    assert "retired" in capsys.readouterr().out
    assert main(["issue", str(BADGES), "-o", str(tmp_path / "after"), "--sign", str(keys), *common]) == 0
    new_token = _tokens(tmp_path / "after")[0][1]
    assert decode_unverified(new_token).header["alg"] == "ES256" != decode_unverified(old_token).header["alg"]
    did_file = tmp_path / "after" / publish_path(f"https://{HOST}/.well-known/did.json")
    assert len(json.loads(did_file.read_text())["verificationMethod"]) == 2
    from openbadgeslib.ob3.verifier import OB3Verifier
    verifier = OB3Verifier.for_issuer_did(f"did:web:{HOST}", download=_local_download(tmp_path / "after"))
    verifier.verify(old_token)  # signed by the retired key, still resolvable
    verifier.verify(new_token)
    trusted = load_key_set(did_file)
    from designer.openbadges.bake import bake_png
    png = next((tmp_path / "before").glob("history-taking/proficient/*.png"))
    assert verify(png.read_bytes(), public_key=trusted).verdict == "verified"


# --- 5. revocation ---------------------------------------------------------------------------------

def test_revoke_flips_the_bit_and_verify_says_revoked(tmp_path, capsys):
    keys = write_key_files(new_key("EdDSA"), tmp_path / "keys", name="issuer")
    out = tmp_path / "issued"
    assert main(["issue", str(BADGES), "--roster", str(ROSTER), "-o", str(out), "--sign", str(keys.private),
                 "--issued-on", "2025-07-01", "-q"]) == 0
    image = next(out.glob("history-taking/proficient/amira-haddad-*.png"))
    other = next(out.glob("history-taking/proficient/priya-*.png"))
    jwks = str(out / publish_path(f"https://{HOST}/jwks.json"))
    assert main(["verify", str(image), "--key", jwks, "--status", str(out)]) == 0
    assert main(["revoke", str(out), "--recipient", "amira.haddad@students.northfield-med.example",
                 "--badge", "history-taking"]) == 0
    capsys.readouterr()
    assert main(["verify", str(image), "--key", jwks, "--status", str(out)]) == 1
    assert "revoked" in capsys.readouterr().out.lower()
    assert main(["verify", str(other), "--key", jwks, "--status", str(out)]) == 0  # only that bit
    # the status list credential is itself signed; openbadgeslib reads our list and agrees
    from openbadgeslib.ob3.verifier import OB3Verifier, OB3VerificationError
    from designer.openbadges.keys import load_public_key
    library = OB3Verifier(load_public_key(keys.public_jwk))
    token = unbake(image.read_bytes()).text
    with pytest.raises(OB3VerificationError, match="status 'revocation' is set"):
        library.verify(token, check_status=True, download=_local_download(out))
    library.verify(unbake(other.read_bytes()).text, check_status=True, download=_local_download(out))
    # re-issuing keeps the revocation
    assert main(["issue", str(BADGES), "--roster", str(ROSTER), "-o", str(out), "--sign", str(keys.private),
                 "--issued-on", "2025-07-01", "-q"]) == 0
    assert main(["verify", str(image), "--key", jwks, "--status", str(out)]) == 1
    assert main(["revoke", str(out), "--recipient", "Amira Haddad", "--badge", "history-taking", "--undo"]) == 0
    assert main(["verify", str(image), "--key", jwks, "--status", str(out)]) == 0
    assert main(["revoke", str(out), "--recipient", "nobody", "--badge", "history-taking"]) == 2
    stranger = write_key_files(new_key("EdDSA"), tmp_path / "stranger", name="x")
    assert main(["revoke", str(out), "--recipient", "Amira Haddad", "--badge", "history-taking",
                 "--sign", str(stranger.private)]) == 2  # not a key this issuer publishes
    assert main(["verify", str(image), "--key", jwks, "--status", str(out)]) == 0


def test_status_list_follows_bitstring_status_list(https_issued):
    from designer.openbadges.status import MIN_BITS, decode_list

    manifest = json.loads((https_issued / "issued.json").read_text())
    text = _published(https_issued, manifest["statusList"]).decode().strip()
    listed = decode_unverified(text).claims
    assert listed["type"] == ["VerifiableCredential", "BitstringStatusListCredential"]
    assert len(decode_list(listed["credentialSubject"]["encodedList"])) * 8 >= MIN_BITS
    indexes = [r["statusListIndex"] for r in manifest["issued"]]
    assert len(set(indexes)) == len(indexes) and indexes != sorted(indexes)  # spread, not row order
    for record, token in _tokens(https_issued):
        entry = decode_unverified(token).claims["credentialStatus"]
        assert entry == {"id": f"{manifest['statusList']}#{record['statusListIndex']}", "type": "BitstringStatusListEntry",
                         "statusPurpose": "revocation", "statusListIndex": str(record["statusListIndex"]),
                         "statusListCredential": manifest["statusList"]}


# --- 6. consistency -------------------------------------------------------------------------------

def test_embedded_achievement_equals_the_hosted_one_and_images_are_set(https_issued):
    from PIL import Image

    for record, token in _tokens(https_issued):
        subject = decode_unverified(token).claims["credentialSubject"]
        achievement = subject["achievement"]
        hosted = json.loads(_published(https_issued, achievement["id"]))
        assert {k: v for k, v in hosted.items() if k != "@context"} == achievement
        assert achievement["image"]["id"].endswith(f"/{record['badge']}-{record['tier']}-600.png")
        png = next(f for f in record["files"] if f["kind"] == "png")
        assert subject["image"]["id"].endswith("/issued/" + png["path"]) and subject["image"]["type"] == "Image"
        info = Image.open(https_issued / png["path"]).info
        for keyword in ("Title", "Description", "Author", "Copyright", "Software"):
            assert info.get(keyword), keyword


def test_dual_version_svg_follows_both_layouts(tmp_path):
    import xml.etree.ElementTree as ET

    out = _issue(tmp_path, "both", version="both")
    svg = next(out.glob("history-taking/proficient/*.svg")).read_bytes()
    root = ET.fromstring(svg)
    start_tag = svg[svg.index(b"<svg"):svg.index(b">", svg.index(b"<svg"))]
    assert b'xmlns:openbadges="http://openbadges.org"' in start_tag
    assert b'"https://purl.imsglobal.org/ob/v3p0"' in start_tag  # both namespaces on the root
    children = list(root)
    assert children[0].tag == "{http://openbadges.org}assertion"
    assert children[1].tag == "{https://purl.imsglobal.org/ob/v3p0}credential"
    assert {p.version for p in unbake_all(svg)} == {"2.0", "3.0"}
    # OB 2.0 hosted verification: Issuer, BadgeClass and Assertion are published where their ids say
    manifest = json.loads((out / "issued.json").read_text())
    record = manifest["issued"][0]
    assertion = json.loads(_published(out, record["assertion"]))
    badgeclass = json.loads(_published(out, assertion["badge"]))
    issuer = json.loads(_published(out, badgeclass["issuer"]))
    assert (assertion["type"], badgeclass["type"], issuer["type"]) == ("Assertion", "BadgeClass", "Issuer")


# --- 2. the badge set names the key ----------------------------------------------------------------

def test_a_key_named_in_the_badge_set_signs_without_sign(tmp_path, capsys):
    keys = tmp_path / "keys"
    assert main(["keys", "rotate", str(keys)]) == 0
    badge_set = tmp_path / "badges.yaml"
    text = BADGES.read_text(encoding="utf-8")
    badge_set.write_text(text + "\ncredentials:\n  signing_key: keys/\n  issuer_id: did:key\n  proof: data-integrity\n",
                         encoding="utf-8")
    out = tmp_path / "issued"
    assert main(["issue", str(badge_set), "--roster", str(ROSTER), "-o", str(out), "--issued-on", "2025-07-01", "-q"]) == 0
    manifest = json.loads((out / "issued.json").read_text())
    assert manifest["signed"] and manifest["proof"] == "data-integrity" and manifest["issuer"].startswith("did:key:z6Mk")
    assert "signed: data-integrity" in capsys.readouterr().out
    # --unsigned cannot be combined with a configured key
    assert main(["issue", str(badge_set), "--roster", str(ROSTER), "-o", str(tmp_path / "x"), "-q", "--unsigned"]) == 2


def test_openbadgeslib_extracts_our_baked_svg_and_png(did_key_issued):
    from openbadgeslib.ob3.verifier import OB3Verifier

    record, token = _tokens(did_key_issued)[0]
    svg = next(f for f in record["files"] if f["kind"] == "svg")
    png = next(f for f in record["files"] if f["kind"] == "png")
    assert OB3Verifier.extract_token_from_svg((did_key_issued / svg["path"]).read_bytes()) == token
    assert OB3Verifier.extract_token_from_png((did_key_issued / png["path"]).read_bytes()) == token


def test_a_key_set_refuses_a_kid_it_does_not_list(did_web_issued, tmp_path):
    other = _issue(tmp_path, "other", "ES256", issuer_id=f"did:web:{HOST}")
    foreign = load_key_set(other / publish_path(f"https://{HOST}/.well-known/did.json"))
    record, _ = _tokens(did_web_issued)[0]
    png = next(f for f in record["files"] if f["kind"] == "png")
    report = verify((did_web_issued / png["path"]).read_bytes(), public_key=foreign)
    assert report.verdict == "failed" and report.signature.verdict == "wrong-key"


def test_a_hostile_status_list_is_refused(https_issued, tmp_path):
    import gzip

    from designer.openbadges.status import decode_list
    bomb = "u" + base64.urlsafe_b64encode(gzip.compress(bytes(64 * 1024 * 1024))).rstrip(b"=").decode()
    with pytest.raises(Exception, match="inflates past"):
        decode_list(bomb)
    record, _ = _tokens(https_issued)[0]
    png = next(f for f in record["files"] if f["kind"] == "png")
    (tmp_path / "list.jwt").write_text("not a status list")
    trusted = load_key_set(https_issued / publish_path(f"https://{HOST}/jwks.json"))
    report = verify((https_issued / png["path"]).read_bytes(), public_key=trusted, status=tmp_path / "list.jwt")
    assert report.status.verdict == "invalid" and report.verdict == "failed"


def test_data_integrity_with_a_did_web_issuer(tmp_path):
    from openbadgeslib.ob3.ldp import OB3LdpVerifier

    out = _issue(tmp_path, "diweb", "EdDSA", issuer_id=f"did:web:{HOST}", proof="data-integrity")
    did_file = out / publish_path(f"https://{HOST}/.well-known/did.json")
    method, = json.loads(did_file.read_text())["verificationMethod"]
    assert method["type"] == "Multikey" and method["publicKeyMultibase"].startswith("z6Mk")
    verifier = OB3LdpVerifier.for_issuer_did(f"did:web:{HOST}")
    trusted = load_key_set(did_file)
    for record, text in _tokens(out)[:4]:
        assert json.loads(text)["proof"][0]["verificationMethod"] == method["id"]
        verifier.verify(text, download=_local_download(out), expected_recipient=record.get("subjectId"))
        png = next(f for f in record["files"] if f["kind"] == "png")
        assert verify((out / png["path"]).read_bytes(), public_key=trusted, status=out).verdict == "verified"
