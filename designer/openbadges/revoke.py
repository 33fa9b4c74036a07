"""``medbadge revoke``: set (or clear) a credential's bit in the issuer's status list and re-sign it.

The issued folder's manifest says which status list index each credential has and where the list
file is (``publish/<host>/.../status/revocation-1.jwt|.json``). Revoking changes only that file and
the manifest (``"revoked": true`` on the record, so re-issuing keeps it revoked); the baked images
do not change — verifiers read the bit from the hosted list (W3C Bitstring Status List v1.0 §3.2).
"""

from __future__ import annotations

import hashlib
import json
from datetime import datetime, timezone
from pathlib import Path

from designer.base.errors import MedbadgeError, display_path
from designer.base.files import write_all_atomic
from designer.openbadges.keyring import load_signing_key
from designer.openbadges.limits import MAX_JSON_BYTES, parse_json, read_limited
from designer.openbadges.publish import publish_path, resolve_identity
from designer.openbadges.status import MIN_BITS, set_bit

MANIFEST = "issued.json"


def _matches(record: dict, recipient: str) -> bool:
    wanted = recipient.strip()
    if record.get("name") == wanted or record.get("subjectId") == wanted:
        return True
    if "@" in wanted and record.get("salt"):
        digest = hashlib.sha256((wanted.lower() + record["salt"]).encode("utf-8")).hexdigest()
        return record.get("identity") == f"sha256${digest}"
    return False


def revoke(issued: str | Path, *, recipient: str, badge: str, tier: str | None = None,
           key_path: str | Path | None = None, undo: bool = False, now: str | None = None) -> list[dict]:
    """Revoke (or with ``undo`` reinstate) the matching credentials; returns their manifest records."""
    folder = Path(issued)
    manifest_path = folder / MANIFEST
    if not manifest_path.is_file():
        raise MedbadgeError(f"{display_path(folder)} has no {MANIFEST}", hint="give the folder `medbadge issue -o` wrote")
    manifest = parse_json(read_limited(manifest_path, MAX_JSON_BYTES, "manifest"), "manifest")
    url = manifest.get("statusList")
    if not url:
        raise MedbadgeError("these credentials were issued without a status list (unsigned or --no-status)",
                            hint="issue them again signed; credentials without credentialStatus cannot be revoked")
    records = [r for r in manifest.get("issued", []) if r.get("badge") == badge and (tier is None or r.get("tier") == tier)
               and _matches(r, recipient) and "statusListIndex" in r]
    if not records:
        raise MedbadgeError(f"no credential of badge {badge!r}{f' / {tier!r}' if tier else ''} for {recipient!r} in {display_path(manifest_path)}",
                            hint="give the recipient's name as in the roster, their e-mail, or their subject id")
    key_path = key_path or manifest.get("signingKey")
    if not key_path:
        raise MedbadgeError("which key signs the status list?", hint="pass --sign KEY (the key issue used)")
    signing = load_signing_key(key_path)
    base = url.rsplit("/status/", 1)[0] + "/"
    identity = resolve_identity(manifest["issuer"], signing.private, signing.published, manifest.get("proof") or "vc-jwt", base)
    published = manifest.get("publishedKeys") or []
    if identity.issuer_id != manifest["issuer"] or (published and identity.thumbprint not in published):
        raise MedbadgeError("this key is not one the issued credentials' issuer publishes",
                            hint="sign with the key issue used (or a newer one from the same key folder, after re-issuing)")
    for record in records:
        record["revoked"] = not undo
    bits = bytearray(MIN_BITS // 8)
    for record in manifest["issued"]:
        if record.get("revoked") and "statusListIndex" in record:
            set_bit(bits, record["statusListIndex"])
    from designer.openbadges.issue import sign_status_list

    moment = now or datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    list_bytes = sign_status_list(identity, url, moment, bits)
    write_all_atomic([(folder / publish_path(url), list_bytes),
                      (manifest_path, (json.dumps(manifest, indent=2, ensure_ascii=False) + "\n").encode("utf-8"))])
    return records
