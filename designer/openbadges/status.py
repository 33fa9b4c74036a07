"""Revocation with W3C Bitstring Status List v1.0.

Each issued credential carries a ``credentialStatus`` entry (§2.1 ``BitstringStatusListEntry``:
``id``, ``type``, ``statusPurpose: "revocation"``, ``statusListIndex`` as a string,
``statusListCredential``: the URL of the list). The list is itself a credential (§2.2,
``BitstringStatusListCredential``) whose subject holds ``encodedList`` = multibase base64url (``u``
prefix, no padding) of the GZIP-compressed bitstring. Bit *n* (the first bit is the most significant
bit of the first byte, §3.2) set means credential *n* is revoked. The list has at least 131,072 bits
(16 KiB, §6.1 "herd privacy"), and indexes are spread over it, not handed out in row order.
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import hmac
from typing import Any

from designer.base.errors import MedbadgeError

MIN_BITS = 131_072
VC2_CONTEXT = "https://www.w3.org/ns/credentials/v2"
#: The largest list (decompressed) verify accepts: 16 Mbit.
MAX_LIST_BYTES = 2 * 1024 * 1024


def encode_list(bits: bytearray) -> str:
    """``u`` + base64url(gzip(bits)) without padding (§3.1 step 4).

    >>> decode_list(encode_list(bytearray(16384))) == bytearray(16384)
    True
    """
    compressed = gzip.compress(bytes(bits), compresslevel=9, mtime=0)
    return "u" + base64.urlsafe_b64encode(compressed).rstrip(b"=").decode("ascii")


def decode_list(encoded: str) -> bytearray:
    """Inverse of :func:`encode_list` with a bound on the decompressed size (a gzip bomb is refused)."""
    if not isinstance(encoded, str) or not encoded.startswith("u"):
        raise MedbadgeError("encodedList is not multibase base64url (it must start with 'u')")
    try:
        compressed = base64.urlsafe_b64decode(encoded[1:] + "=" * (-len(encoded[1:]) % 4))
        import zlib

        inflater = zlib.decompressobj(wbits=31)
        data = inflater.decompress(compressed, MAX_LIST_BYTES + 1)
    except (ValueError, zlib.error) as error:
        raise MedbadgeError(f"encodedList does not decode ({error})") from None
    if len(data) > MAX_LIST_BYTES:
        raise MedbadgeError(f"the status list inflates past {MAX_LIST_BYTES} bytes; refusing it")
    return bytearray(data)


def get_bit(bits: bytearray, index: int) -> bool:
    if not 0 <= index < len(bits) * 8:
        raise MedbadgeError(f"statusListIndex {index} is outside the list ({len(bits) * 8} bits)")
    return bool(bits[index // 8] & (0x80 >> (index % 8)))


def set_bit(bits: bytearray, index: int, value: bool = True) -> None:
    if value:
        bits[index // 8] |= 0x80 >> (index % 8)
    else:
        bits[index // 8] &= ~(0x80 >> (index % 8)) & 0xFF


def allocate_indexes(keys: list[str], secret: bytes, size: int = MIN_BITS) -> list[int]:
    """A distinct index per key, spread pseudo-randomly (HMAC) over the list, stable across runs."""
    used: set[int] = set()
    out = []
    if len(keys) > size:
        raise MedbadgeError(f"{len(keys)} credentials do not fit one status list of {size} entries")
    for key in keys:
        index = int.from_bytes(hmac.new(secret, b"status\x00" + key.encode(), hashlib.sha256).digest()[:8], "big") % size
        while index in used:
            index = (index + 1) % size
        used.add(index)
        out.append(index)
    return out


def status_entry(list_url: str, index: int) -> dict[str, Any]:
    return {"id": f"{list_url}#{index}", "type": "BitstringStatusListEntry", "statusPurpose": "revocation",
            "statusListIndex": str(index), "statusListCredential": list_url}


def status_list_credential(list_url: str, issuer: Any, valid_from: str, bits: bytearray) -> dict[str, Any]:
    """The unsigned BitstringStatusListCredential (§2.2)."""
    return {
        "@context": [VC2_CONTEXT],
        "id": list_url,
        "type": ["VerifiableCredential", "BitstringStatusListCredential"],
        "issuer": issuer,
        "validFrom": valid_from,
        "credentialSubject": {"id": f"{list_url}#list", "type": "BitstringStatusList",
                              "statusPurpose": "revocation", "encodedList": encode_list(bits)},
    }


def revoked(entry: dict[str, Any], list_credential: dict[str, Any]) -> bool:
    """Whether the list credential marks the entry's index (purpose and URL must match)."""
    subject = list_credential.get("credentialSubject")
    if not isinstance(subject, dict):
        raise MedbadgeError("the status list credential has no credentialSubject")
    if entry.get("statusListCredential") != list_credential.get("id"):
        raise MedbadgeError(f"the status list is {list_credential.get('id')!r}, the credential names {entry.get('statusListCredential')!r}")
    if subject.get("statusPurpose") != entry.get("statusPurpose"):
        raise MedbadgeError("the status list's purpose differs from the credential's entry")
    try:
        index = int(entry.get("statusListIndex"))
    except (TypeError, ValueError):
        raise MedbadgeError(f"statusListIndex {entry.get('statusListIndex')!r} is not a number") from None
    return get_bit(decode_list(subject.get("encodedList")), index)
