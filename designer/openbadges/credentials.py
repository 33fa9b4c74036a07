"""Awards: OB 2.0 Assertions and OB 3.0 OpenBadgeCredentials for one recipient of one design.

Built on the BadgeClass / Achievement of :mod:`designer.assetset.metadata`, so the artwork's alt text
is the image caption everywhere. Recipients are identified by a salted SHA-256 of their e-mail
(OB 2.0 ``recipient.identity = "sha256$<hex>"``; OB 3.0 ``IdentityObject.identityHash``), never
the plain address. Everything is a plain dict, ready to be serialised, signed or baked.
"""

from __future__ import annotations

import hashlib

from designer.assetset import metadata
from designer.design import Design


def hashed_email(email: str, salt: str) -> str:
    """``sha256$<hex>`` of the lower-cased e-mail followed by the salt (OB 2.0 §IdentityObject).

    >>> hashed_email("Ada@Example.org", "s1") == hashed_email("ada@example.org", "s1")
    True
    """
    digest = hashlib.sha256((email.strip().lower() + salt).encode("utf-8")).hexdigest()
    return f"sha256${digest}"


def assertion(design: Design, *, badgeclass_id: str, assertion_id: str, email: str, salt: str,
              issued_on: str, image: str | None = None) -> dict:
    """An OB 2.0 hosted Assertion (Open Badges 2.0 §Assertion: recipient hashed, verification hosted)."""
    data = {
        "@context": metadata.OB2_CONTEXT,
        "type": "Assertion",
        "id": assertion_id,
        "recipient": {"type": "email", "hashed": True, "salt": salt, "identity": hashed_email(email, salt)},
        "badge": badgeclass_id,
        "verification": {"type": "hosted"},
        "issuedOn": issued_on,
    }
    if image:
        data["image"] = image
    return data


def credential(design: Design, issuer: metadata.IssuerInfo, achievement: dict, *, credential_id: str,
               email: str, salt: str, issued_on: str, name: str | None = None, image: str | None = None,
               subject_id: str | None = None) -> dict:
    """An OB 3.0 OpenBadgeCredential (unsigned: sign it as a VC-JWT or bake it as JSON).

    ``image`` is the baked image's URL (``credentialSubject.image``); the Achievement keeps the
    unbaked artwork (OB 3.0 §"Baked Badge"). ``subject_id`` (a DID or other URI of the learner)
    becomes ``credentialSubject.id``, the holder a wallet binds the credential to (VC Data Model 2.0
    §4.4); the hashed e-mail ``identifier`` is always there too (OB 3.0 AchievementSubject: "either
    id or at least one identifier MUST be supplied")."""
    subject: dict = {"id": subject_id} if subject_id else {}
    subject |= {
        "type": ["AchievementSubject"],
        "identifier": [{
            "type": "IdentityObject",
            "identityHash": hashed_email(email, salt),
            "identityType": "emailAddress",
            "hashed": True,
            "salt": salt,
        }],
        "achievement": {k: v for k, v in achievement.items() if k != "@context"},
    }
    if image:
        subject["image"] = {"id": image, "type": "Image", "caption": design.alt_text}
    data = {
        "@context": metadata.OB3_CONTEXT,
        "id": credential_id,
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "issuer": metadata.profile(issuer),
        "validFrom": issued_on,
        "name": metadata.badge_name(design),
        "credentialSubject": subject,
    }
    if name:
        data["credentialSubject"]["name"] = name
    return data
