"""Check what a baked image carries: version, payload kind, JSON, OB 3.0 schema, signature, claims.

Combines the extraction rules of the baking specs (:mod:`.unbake`), OB 3.0 §8.2.4 "Verify a
Credential" for VC-JWT (:mod:`.signing`) and the published OB 3.0 JSON Schema (Draft 2019-09) when
``jsonschema`` is installed and a schema file is given. It never fetches anything over the network:
hosted OB 2.0 assertions and ``kid`` URLs are reported, not dereferenced.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Literal

from designer.base.errors import MedbadgeError, display_path
from designer.openbadges.jws import JWSFormatError, decode_unverified
from designer.openbadges.keys import PublicKey
from designer.openbadges.limits import MAX_JSON_BYTES, MAX_PAYLOAD_BYTES, parse_json, read_limited
from designer.openbadges.payload import BakedPayload
from designer.openbadges.dataintegrity import check_proof, proof_of
from designer.openbadges.payload import payload_kind
from designer.openbadges.publish import publish_path
from designer.openbadges.signing import SignatureCheck, check_signature, claim_problems, credential_of, numeric_date
from designer.openbadges.status import revoked as status_revoked
from designer.openbadges.trust import KeySet, did_key_for, key_set
from designer.openbadges.unbake import unbake

#: Environment variable naming the OB 3.0 AchievementCredential JSON Schema file.
SCHEMA_ENV = "MEDBADGE_OB3_SCHEMA"
SchemaStatus = Literal["valid", "invalid", "skipped"]


@dataclass(frozen=True)
class SchemaCheck:
    status: SchemaStatus
    detail: str = ""
    errors: tuple[str, ...] = ()


@dataclass(frozen=True)
class StatusCheck:
    """Revocation (Bitstring Status List v1.0): ``active``, ``revoked``, ``unchecked`` or ``invalid``."""

    verdict: Literal["active", "revoked", "unchecked", "invalid"]
    detail: str = ""


@dataclass(frozen=True)
class VerifyReport:
    """Everything ``verify`` found out. ``ok`` is False when a check failed (not when one was skipped)."""

    payload: BakedPayload
    document: dict[str, Any] | None
    json_error: str | None
    schema: SchemaCheck
    signature: SignatureCheck | None
    claim_problems: tuple[str, ...] = ()

    @property
    def parses_as_json(self) -> bool:
        return self.document is not None

    @property
    def signature_failed(self) -> bool:
        return self.signature is not None and self.signature.verdict not in ("valid", "no-key")

    #: Whether the caller named the key to trust (``--key``): then an unsigned payload fails.
    key_given: bool = False
    status: StatusCheck | None = None

    @property
    def signed(self) -> bool:
        return self.signature is not None

    @property
    def unsigned_with_key(self) -> bool:
        """A payload with no signature checked against a key you trust: a stripped signature."""
        return self.key_given and not self.signed

    @property
    def failed(self) -> bool:
        return bool(self.signature_failed or self.claim_problems or self.json_error or self.schema.status == "invalid"
                    or self.unsigned_with_key or (self.status is not None and self.status.verdict in ("revoked", "invalid")))

    @property
    def verified(self) -> bool:
        """Nothing failed and a signature was checked against a key you trust."""
        return not self.failed and self.signature is not None and self.signature.ok and self.signature.trusted

    @property
    def verdict(self) -> Literal["verified", "failed", "unsigned", "untrusted"]:
        """``verified``; ``failed`` (a check failed, or no signature although a key was given);
        ``unsigned`` (no signature, no key: nothing could be verified); ``untrusted`` (the signature
        matches only a key the payload itself carries, so who signed is not known)."""
        if self.failed:
            return "failed"
        if self.verified:
            return "verified"
        return "unsigned" if self.signature is None else "untrusted"

    @property
    def ok(self) -> bool:
        """Only a verified payload is ok: an unsigned one is never reported as verified."""
        return self.verdict == "verified"

    @property
    def exit_code(self) -> int:
        """0 verified, 1 failed, 3 not verified (unsigned or signer unknown); 2 is bad input (raised)."""
        return {"verified": 0, "failed": 1, "unsigned": 3, "untrusted": 3}[self.verdict]


def verify(
    image: bytes,
    *,
    public_key: PublicKey | KeySet | None = None,
    schema_path: str | Path | None = None,
    version: str | None = None,
    source: str | None = None,
    now: datetime | None = None,
    status: str | Path | None = None,
) -> VerifyReport:
    """Unbake ``image`` and check its payload.

    ``public_key`` is the key (or :class:`~.trust.KeySet`: a JWKS or DID document) you trust; a
    credential whose issuer is a ``did:key`` and whose proof names it is checked against that DID
    without one. ``schema_path`` (or the ``MEDBADGE_OB3_SCHEMA`` environment variable) names the
    OB 3.0 AchievementCredential JSON Schema; without it, or without ``jsonschema``, the schema check
    is skipped. ``status`` is a status list credential file, or a folder holding ``publish/`` (an
    ``issued/`` folder), to check revocation offline. Bad input (not PNG/SVG, CRC mismatch, hostile
    SVG, no badge data) raises :class:`~designer.base.errors.MedbadgeError`; failed checks are
    reported, not raised.
    """
    payload = unbake(image, version=version, source=source)
    if len(payload.text) > MAX_PAYLOAD_BYTES:
        raise MedbadgeError(f"{source + ': ' if source else ''}the baked payload is {len(payload.text)} characters, "
                            f"over the {MAX_PAYLOAD_BYTES}-character limit; refusing it")
    trusted = key_set(public_key)
    document, json_error, signature, problems = None, None, None, []
    if payload.kind == "json":
        try:
            parsed = parse_json(payload.text, "baked JSON")
            document = parsed if isinstance(parsed, dict) else None
            json_error = None if document is not None else "the JSON is not an object"
        except MedbadgeError as error:
            json_error = error.message
        if document is not None and payload.version == "3.0" and "proof" in document:
            signature = _check_data_integrity(document, trusted)
            problems = _validity_problems(document, now)
    elif payload.kind == "jws":
        try:
            decoded = decode_unverified(payload.text)
        except JWSFormatError as error:
            json_error = error.message
            signature = SignatureCheck("malformed", error.message)
        else:
            document = credential_of(decoded.claims) if payload.version == "3.0" else decoded.claims
            signature = _check_jws(payload.text, decoded.header.get("kid"), document, trusted)
            if payload.version == "3.0":
                problems = claim_problems(decoded.claims, now=now)
    schema = _check_schema(document, payload.version, schema_path)
    status_check = _check_status(document, status, trusted) if document is not None and payload.version == "3.0" else None
    return VerifyReport(payload, document, json_error, schema, signature, tuple(problems),
                        key_given=public_key is not None, status=status_check)


def _issuer(document: dict[str, Any] | None) -> Any:
    issuer = (document or {}).get("issuer")
    return issuer.get("id") if isinstance(issuer, dict) else issuer


def _check_jws(token: str, kid: Any, document: dict[str, Any] | None, trusted: KeySet | None) -> SignatureCheck:
    if trusted is None:
        own = did_key_for(_issuer(document), kid)
        if own is not None:  # did:key: the issuer id is the key
            check = check_signature(token, own)
            return replace(check, message=check.message.replace("your key", f"the issuer's did:key"), trusted=check.ok)
        if kid and not (decode_unverified(token).header.get("jwk")):
            return SignatureCheck("no-key", f"the token names kid {kid!r}; pass the issuer's published key (--key jwks.json or did.json)",
                                  decode_unverified(token).alg)
        return check_signature(token, None)
    candidates = trusted.for_id(kid if isinstance(kid, str) else None)
    if not candidates:
        return SignatureCheck("wrong-key", f"the token's kid {kid!r} is not among your keys ({trusted.source or 'given'})",
                              decode_unverified(token).alg, True)
    checks = [check_signature(token, key) for key in candidates]
    return next((c for c in checks if c.ok), checks[0])


def _check_data_integrity(document: dict[str, Any], trusted: KeySet | None) -> SignatureCheck:
    proof = proof_of(document) or {}
    method = proof.get("verificationMethod") if isinstance(proof, dict) else None
    if trusted is None:
        own = did_key_for(_issuer(document), method)
        if own is not None:
            return check_proof(document, own, trusted=True)
        return check_proof(document, None, trusted=False)
    candidates = trusted.for_id(method if isinstance(method, str) else None)
    if not candidates:
        return SignatureCheck("wrong-key", f"the proof's verificationMethod {method!r} is not among your keys", "eddsa-rdfc-2022", True)
    checks = [check_proof(document, key, trusted=True) for key in candidates]
    return next((c for c in checks if c.ok), checks[0])


def _validity_problems(document: dict[str, Any], now: datetime | None) -> list[str]:
    """validFrom / validUntil against the clock (VC Data Model 2.0 §4.9), for embedded-proof credentials."""
    moment = (now or datetime.now(timezone.utc)).timestamp()
    problems = []
    for name, in_future in (("validFrom", True), ("validUntil", False)):
        value = document.get(name)
        if value is None:
            continue
        try:
            when = numeric_date(value)
        except (ValueError, AttributeError, TypeError):
            problems.append(f"{name} {value!r} is not an ISO 8601 date-time")
            continue
        if in_future and when > moment:
            problems.append("the credential is not valid yet (validFrom is in the future)")
        if not in_future and when <= moment:
            problems.append("the credential has expired (validUntil is in the past)")
    return problems


def _check_status(document: dict[str, Any], status: str | Path | None, trusted: KeySet | None) -> StatusCheck | None:
    entry = document.get("credentialStatus")
    if entry is None:
        return None
    if isinstance(entry, list):
        entry = next((e for e in entry if isinstance(e, dict) and e.get("statusPurpose") == "revocation"), None)
    if not isinstance(entry, dict) or entry.get("type") != "BitstringStatusListEntry":
        return StatusCheck("unchecked", "credentialStatus is not a BitstringStatusListEntry")
    url = entry.get("statusListCredential")
    if status is None:
        return StatusCheck("unchecked", f"not checked: pass --status with the list {url} (verify never fetches)")
    path = Path(status)
    if path.is_dir():
        try:
            candidates = [path / publish_path(str(url)), path / publish_path(str(url)).removeprefix("publish/")]
        except MedbadgeError as error:
            return StatusCheck("invalid", error.message)
        found = next((c for c in candidates if c.is_file()), None)
        if found is None:
            return StatusCheck("invalid", f"{display_path(path)} holds no status list for {url}")
        path = found
    try:
        text = read_limited(path, MAX_JSON_BYTES, "status list").decode("utf-8").strip()
        if payload_kind(text) == "jws":
            list_check = _check_jws(text, decode_unverified(text).header.get("kid"), credential_of(decode_unverified(text).claims), trusted)
            list_credential = credential_of(decode_unverified(text).claims)
        else:
            list_credential = parse_json(text, "status list credential")
            list_check = _check_data_integrity(list_credential, trusted) if "proof" in list_credential else SignatureCheck("no-key", "unsigned")
        if not (list_check.ok and list_check.trusted):
            return StatusCheck("invalid", f"the status list's own signature is not verified: {list_check.verdict}: {list_check.message}")
        if _issuer(list_credential) != _issuer(document):
            return StatusCheck("invalid", "the status list was issued by someone else than the credential")
        if status_revoked(entry, list_credential):
            return StatusCheck("revoked", f"REVOKED: bit {entry.get('statusListIndex')} is set in {url}")
    except (MedbadgeError, UnicodeDecodeError) as error:
        return StatusCheck("invalid", getattr(error, "message", str(error)))
    return StatusCheck("active", f"not revoked (bit {entry.get('statusListIndex')} of {url} is clear)")


def _check_schema(document: dict[str, Any] | None, version: str, schema_path: str | Path | None) -> SchemaCheck:
    if version != "3.0":
        return SchemaCheck("skipped", "OB 2.0 has no published JSON Schema to check against")
    if document is None:
        return SchemaCheck("skipped", "no JSON document to check")
    schema_path = schema_path or os.environ.get(SCHEMA_ENV)
    if not schema_path:
        return SchemaCheck("skipped", f"no schema given (pass a schema path or set {SCHEMA_ENV})")
    try:
        import jsonschema
    except ImportError:
        return SchemaCheck("skipped", "jsonschema is not installed (pip install jsonschema)")
    errors = schema_errors(document, load_schema(schema_path), jsonschema)
    if errors:
        return SchemaCheck("invalid", f"{len(errors)} schema error(s)", tuple(errors))
    return SchemaCheck("valid", f"valid against {Path(schema_path).name}")


def load_schema(path: str | Path) -> dict[str, Any]:
    """Read a JSON Schema file, with a clear error when it is missing or not JSON."""
    data = read_limited(path, MAX_JSON_BYTES, "schema")
    try:
        return json.loads(data.decode("utf-8"))
    except (ValueError, RecursionError) as error:
        raise MedbadgeError(f"{display_path(path)}: the schema is not JSON ({error})") from None


def schema_errors(document: dict[str, Any], schema: dict[str, Any], jsonschema_module: Any = None) -> list[str]:
    """Each schema violation as ``path: message`` (the validator class follows the schema's ``$schema``)."""
    if jsonschema_module is None:
        import jsonschema as jsonschema_module
    validator_class = jsonschema_module.validators.validator_for(schema)
    validator = validator_class(schema, format_checker=validator_class.FORMAT_CHECKER)
    found = sorted(validator.iter_errors(document), key=lambda error: list(error.absolute_path))
    return [f"{'/'.join(map(str, error.absolute_path)) or '(root)'}: {error.message}" for error in found]
