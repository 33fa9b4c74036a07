"""Check what a baked image carries: version, payload kind, JSON, OB 3.0 schema, signature, claims.

Combines the extraction rules of the baking specs (:mod:`.unbake`), OB 3.0 §8.2.4 "Verify a
Credential" for VC-JWT (:mod:`.signing`) and the published OB 3.0 JSON Schema (Draft 2019-09) when
``jsonschema`` is installed and a schema file is given. It never fetches anything over the network:
hosted OB 2.0 assertions and ``kid`` URLs are reported, not dereferenced.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, Literal

from designer.base.errors import MedbadgeError, display_path
from designer.openbadges.jws import JWSFormatError, decode_unverified
from designer.openbadges.keys import PublicKey
from designer.openbadges.limits import MAX_JSON_BYTES, MAX_PAYLOAD_BYTES, parse_json, read_limited
from designer.openbadges.payload import BakedPayload
from designer.openbadges.signing import SignatureCheck, check_signature, claim_problems, credential_of
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
                    or self.unsigned_with_key)

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
    public_key: PublicKey | None = None,
    schema_path: str | Path | None = None,
    version: str | None = None,
    source: str | None = None,
    now: datetime | None = None,
) -> VerifyReport:
    """Unbake ``image`` and check its payload.

    ``schema_path`` (or the ``MEDBADGE_OB3_SCHEMA`` environment variable) names the OB 3.0
    AchievementCredential JSON Schema; without it, or without ``jsonschema``, the schema check is
    skipped. Bad input (not PNG/SVG, CRC mismatch, hostile SVG, no badge data) raises
    :class:`~designer.base.errors.MedbadgeError`; failed checks are reported, not raised.
    """
    payload = unbake(image, version=version, source=source)
    if len(payload.text) > MAX_PAYLOAD_BYTES:
        raise MedbadgeError(f"{source + ': ' if source else ''}the baked payload is {len(payload.text)} characters, "
                            f"over the {MAX_PAYLOAD_BYTES}-character limit; refusing it")
    document, json_error, signature, problems = None, None, None, []
    if payload.kind == "json":
        try:
            parsed = parse_json(payload.text, "baked JSON")
            document = parsed if isinstance(parsed, dict) else None
            json_error = None if document is not None else "the JSON is not an object"
        except MedbadgeError as error:
            json_error = error.message
    elif payload.kind == "jws":
        signature = check_signature(payload.text, public_key)
        try:
            claims = decode_unverified(payload.text).claims
        except JWSFormatError as error:
            json_error = error.message
        else:
            document = credential_of(claims) if payload.version == "3.0" else claims
            if payload.version == "3.0":
                problems = claim_problems(claims, now=now)
    schema = _check_schema(document, payload.version, schema_path)
    return VerifyReport(payload, document, json_error, schema, signature, tuple(problems), key_given=public_key is not None)


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
