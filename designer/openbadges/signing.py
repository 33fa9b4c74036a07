"""Sign OB 3.0 credentials as VC-JWT and check signed tokens, with distinct verdicts.

Follows Open Badges 3.0 §8.2 "JSON Web Token Proof Format" (1EdTech, spec v3.0 as aligned with VC
Data Model 2.0):

- JOSE header: ``alg``, ``typ: "JWT"``, and ``jwk`` (the public key, never ``d``) and/or ``kid`` (a
  URI that dereferences to the JWK); no other header parameters.
- JWT payload: the OpenBadgeCredential JSON itself, plus the registered claims ``iss`` = ``issuer.id``,
  ``jti`` = ``id``, ``sub`` = ``credentialSubject.id``, ``nbf`` = ``validFrom`` and ``exp`` =
  ``validUntil`` (when present) as NumericDate. A recipient known only by e-mail has no
  ``credentialSubject.id`` (the address is published only salted and hashed, in ``identifier``), so
  the token has no ``sub``: §8.2.4.1 maps ``sub`` from ``credentialSubject.id`` and RFC 7519 §4.1.2
  makes ``sub`` optional. Give the roster a ``subject_id`` (a DID) to get one. The older VC-DM 1.1 form wraps the credential in a
  ``vc`` claim; §8.2.4 tells verifiers to accept it, so :func:`credential_of` and
  :func:`claim_problems` do, but :func:`sign_credential` writes the current form.

A verdict separates what went wrong: ``tampered`` (the signature does not match the key that made
it), ``wrong-key`` (a valid signature by a different key than the one you trust), ``malformed``,
``unsupported-alg``, besides ``valid``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any, Literal

from designer.base.errors import MedbadgeError
from designer.openbadges.jws import DecodedJWS, JWSFormatError, decode_unverified, encode_jws, signature_matches
from designer.openbadges.keys import PrivateKey, PublicKey, jwk_thumbprint, jwk_to_public_key, public_jwk

REGISTERED_CLAIMS = ("iss", "sub", "aud", "exp", "nbf", "iat", "jti")
Verdict = Literal["valid", "tampered", "wrong-key", "invalid", "malformed", "unsupported-alg", "no-key"]


def _issuer_id(credential: dict[str, Any]) -> Any:
    issuer = credential.get("issuer")
    return issuer.get("id") if isinstance(issuer, dict) else issuer


def _subject_id(credential: dict[str, Any]) -> Any:
    subject = credential.get("credentialSubject")
    return subject.get("id") if isinstance(subject, dict) else None


def numeric_date(value: str) -> int:
    """An RFC 3339 / ISO 8601 date-time as a JWT NumericDate (whole seconds since the epoch, UTC).

    >>> numeric_date("2024-06-01T00:00:00Z")
    1717200000
    """
    moment = datetime.fromisoformat(value.replace("z", "Z").replace("Z", "+00:00"))
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return int(moment.timestamp())


def vc_jwt_claims(credential: dict[str, Any]) -> dict[str, Any]:
    """The JWT payload for a credential: the credential plus ``iss``/``jti``/``sub``/``nbf``/``exp``."""
    issuer, cred_id, valid_from = _issuer_id(credential), credential.get("id"), credential.get("validFrom")
    missing = [name for name, value in (("issuer.id", issuer), ("id", cred_id), ("validFrom", valid_from)) if not isinstance(value, str)]
    if missing:
        raise MedbadgeError(f"cannot sign the credential: it lacks {', '.join(missing)}", hint="VC-JWT needs them for iss, jti and nbf")
    try:
        claims: dict[str, Any] = {**credential, "iss": issuer, "jti": cred_id, "nbf": numeric_date(valid_from)}
        if isinstance(_subject_id(credential), str):
            claims["sub"] = _subject_id(credential)
        if isinstance(credential.get("validUntil"), str):
            claims["exp"] = numeric_date(credential["validUntil"])
    except ValueError as error:
        raise MedbadgeError(f"cannot sign the credential: a date is not ISO 8601 ({error})") from None
    return claims


def sign_credential(credential: dict[str, Any], key: PrivateKey, *, kid: str | None = None,
                    embed_jwk: bool | None = None) -> str:
    """Sign an OpenBadgeCredential as a VC-JWT compact JWS with ``key`` (EdDSA, ES256 or RS256).

    The header carries ``kid`` when given (a URI that dereferences to the public JWK: published by
    ``issue``) and the public ``jwk`` only when there is no ``kid`` (``embed_jwk`` overrides): §8.2
    requires at least one, and a 3072-bit RSA JWK would make the header ~770 bytes, past the
    512-byte header limit some libraries (joserfc) enforce.
    """
    if embed_jwk is None:
        embed_jwk = kid is None
    if not embed_jwk and not kid:
        raise MedbadgeError("a VC-JWT header needs the public 'jwk' or a 'kid' URI", hint="pass kid= or keep embed_jwk")
    header: dict[str, Any] = {"typ": "JWT"}
    if kid:
        header["kid"] = kid
    if embed_jwk:
        header["jwk"] = {k: v for k, v in public_jwk(key.public_key()).items() if k != "alg"}
    return encode_jws(vc_jwt_claims(credential), key, header=header)


def credential_of(claims: dict[str, Any]) -> dict[str, Any]:
    """The OpenBadgeCredential inside VC-JWT claims: the ``vc`` claim (VC-DM 1.1) or the claims minus
    the registered JWT claim names."""
    if isinstance(claims.get("vc"), dict):
        return claims["vc"]
    return {k: v for k, v in claims.items() if k not in REGISTERED_CLAIMS}


def claim_problems(claims: dict[str, Any], *, now: datetime | None = None) -> list[str]:
    """Disagreements between JWT claims and the credential, per §8.2.4.1 (empty when consistent)."""
    credential = credential_of(claims)
    problems = []
    for claim, expected in (("iss", _issuer_id(credential)), ("jti", credential.get("id")), ("sub", _subject_id(credential))):
        if claim == "sub" and expected is None and claim not in claims:
            continue
        if claims.get(claim) != expected:
            problems.append(f"claim '{claim}' is {claims.get(claim)!r} but the credential says {expected!r}")
    moment = int((now or datetime.now(timezone.utc)).timestamp())
    valid_from = credential.get("validFrom") or credential.get("issuanceDate")
    nbf = claims.get("nbf")
    if not isinstance(nbf, (int, float)):
        problems.append("claim 'nbf' is missing")
    else:
        try:
            if isinstance(valid_from, str) and numeric_date(valid_from) != int(nbf):
                problems.append(f"claim 'nbf' ({int(nbf)}) does not equal validFrom {valid_from!r}")
        except ValueError:
            problems.append(f"validFrom {valid_from!r} is not an ISO 8601 date-time")
        if nbf > moment:
            problems.append("the credential is not valid yet (nbf is in the future)")
    exp = claims.get("exp")
    if isinstance(exp, (int, float)) and exp <= moment:
        problems.append("the credential has expired (exp is in the past)")
    return problems


@dataclass(frozen=True)
class SignatureCheck:
    """The outcome of checking a compact JWS. ``trusted`` is True only when the key came from you,
    not from the token's own ``jwk`` header (which proves integrity but not who signed)."""

    verdict: Verdict
    message: str
    alg: str | None = None
    trusted: bool = False
    thumbprint: str | None = None

    @property
    def ok(self) -> bool:
        return self.verdict == "valid"


def check_signature(token: str, public_key: PublicKey | None = None) -> SignatureCheck:
    """Check a compact JWS against ``public_key``, or against the key in its own ``jwk`` header."""
    try:
        decoded = decode_unverified(token)
    except JWSFormatError as error:
        return SignatureCheck("malformed", error.message)
    alg = decoded.alg
    embedded = _embedded_key(decoded)
    if isinstance(embedded, SignatureCheck):
        return embedded
    if public_key is None and embedded is None:
        return SignatureCheck("no-key", "the token names no 'jwk'; pass the issuer's public key", alg)
    key = public_key or embedded
    thumbprint = jwk_thumbprint(public_jwk(key))  # type: ignore[arg-type]
    try:
        matches = signature_matches(decoded, key)  # type: ignore[arg-type]
    except JWSFormatError as error:
        return SignatureCheck("unsupported-alg", error.message, alg)
    except MedbadgeError as error:  # alg does not fit the key type: a different key made it
        return SignatureCheck("wrong-key", error.message, alg, public_key is not None, thumbprint)
    if matches:
        source = "your key" if public_key is not None else "the key embedded in the token (pass --key to check who signed)"
        return SignatureCheck("valid", f"{alg} signature valid against {source}", alg, public_key is not None, thumbprint)
    if public_key is not None and embedded is not None and jwk_thumbprint(public_jwk(embedded)) != thumbprint:
        try:
            by_embedded = signature_matches(decoded, embedded)
        except MedbadgeError:
            by_embedded = False
        if by_embedded:
            return SignatureCheck("wrong-key", "the token is validly signed, but by a different key than yours", alg, True, thumbprint)
        return SignatureCheck("tampered", "the signature matches neither your key nor the token's own key: the content was altered", alg, True, thumbprint)
    if embedded is None:
        return SignatureCheck("invalid", "the signature does not match your key (altered content or a different signer)", alg, True, thumbprint)
    return SignatureCheck("tampered", "the signature does not match the signing key: the content was altered", alg, public_key is not None, thumbprint)


def _embedded_key(decoded: DecodedJWS) -> PublicKey | SignatureCheck | None:
    jwk = decoded.header.get("jwk")
    if jwk is None:
        return None
    if not isinstance(jwk, dict):
        return SignatureCheck("malformed", "the JWS header 'jwk' is not a JSON object", decoded.alg)
    try:
        return jwk_to_public_key(jwk)
    except MedbadgeError as error:
        return SignatureCheck("malformed", f"the JWS header 'jwk' is unusable: {error.message}", decoded.alg)
