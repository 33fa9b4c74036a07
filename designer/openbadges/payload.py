"""What a baked image carries: the two Open Badges versions' identifiers, payload kinds, and the
:class:`BakedPayload` value that unbaking returns.

The identifiers follow "Open Badges 2.0 Baking" (1EdTech, 2018; PNG ``iTXt`` keyword ``openbadges``,
SVG namespace ``http://openbadges.org``, element ``assertion``) and Open Badges 3.0 §"Baked Badge"
(keyword ``openbadgecredential``, namespace ``https://purl.imsglobal.org/ob/v3p0``, element
``credential``). See 1EdTech Open Badges 2.0 Baking and Open Badges 3.0 § Baked Badge.

>>> payload_kind('{"id": "https://example.org/a/1"}'), payload_kind("eyJh.eyJi.c2ln"), payload_kind("https://example.org/a/1")
('json', 'jws', 'url')
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any, Literal

from designer.base.errors import MedbadgeError

Version = Literal["2.0", "3.0"]
Kind = Literal["jws", "json", "url"]
Container = Literal["png", "svg"]


@dataclass(frozen=True)
class VersionSpec:
    """Where one Open Badges version puts its data in PNG and SVG."""

    version: Version
    png_keyword: str
    svg_namespace: str
    svg_element: str
    #: Namespace URIs that readers also accept (seen in the wild), never written.
    svg_namespace_variants: tuple[str, ...] = ()

    @property
    def svg_qname(self) -> str:
        return f"openbadges:{self.svg_element}"


OB2 = VersionSpec("2.0", "openbadges", "http://openbadges.org", "assertion", ("http://openbadges.org/",))
# The OB 3.0 namespace has no "/spec/" in it; the "/spec/" form is a common mistake readers tolerate.
OB3 = VersionSpec(
    "3.0", "openbadgecredential", "https://purl.imsglobal.org/ob/v3p0", "credential",
    ("https://purl.imsglobal.org/spec/ob/v3p0",),
)
VERSIONS: dict[str, VersionSpec] = {"2.0": OB2, "3.0": OB3}

# Compact JWS (RFC 7515 §7.1): three base64url segments separated by dots, signature non-empty.
_JWS = re.compile(r"[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+")
_URL = re.compile(r"https?://[^\s<>\"]+", re.IGNORECASE)


def version_spec(version: str) -> VersionSpec:
    """The :class:`VersionSpec` for ``"2.0"`` or ``"3.0"``; anything else is a user error."""
    try:
        return VERSIONS[str(version)]
    except KeyError:
        raise MedbadgeError(f"unknown Open Badges version {version!r}", hint="use '2.0' or '3.0'") from None


def payload_kind(text: str) -> Kind | None:
    """Classify a payload: ``json`` (starts with ``{``), ``jws`` (compact JWS), ``url``, else ``None``."""
    stripped = text.strip()
    if stripped.startswith("{"):
        return "json"
    if _JWS.fullmatch(stripped):
        return "jws"
    if _URL.fullmatch(stripped):
        return "url"
    return None


def check_bakeable(payload: str, spec: VersionSpec) -> Kind:
    """The kind of a payload about to be baked, refusing what the spec does not allow writers to embed.

    OB 2.0 and 3.0 writers embed a compact JWS or the JSON document; a bare URL is the pre-2013 form
    that writers must not produce, and JSON must parse to an object.
    """
    kind = payload_kind(payload)
    if kind == "json":
        from designer.openbadges.limits import parse_json

        document = parse_json(payload, f"OB {spec.version} payload")
        if not isinstance(document, dict):
            raise MedbadgeError(f"the OB {spec.version} payload must be a JSON object")
        return kind
    if kind == "jws":
        return kind
    if kind == "url":
        raise MedbadgeError(
            "a bare URL is the legacy (pre-2013) baking form and is not written",
            hint="bake the hosted assertion JSON (its 'id' is the URL) or a signed JWS",
        )
    raise MedbadgeError(
        f"the OB {spec.version} payload is neither JSON nor a compact JWS",
        hint="pass the assertion/credential JSON file or a header.payload.signature token",
    )


@dataclass(frozen=True)
class BakedPayload:
    """Open Badges data found in an image.

    ``offset`` is the byte offset of the chunk (PNG) or element start tag (SVG); ``found_in`` says
    which chunk type or element carried it; ``notes`` lists what was tolerated on the way (a language
    tag, compression, a legacy ``tEXt``, an unusual prefix or namespace, a misplaced element).
    """

    version: Version
    kind: Kind
    text: str
    container: Container
    offset: int
    found_in: str
    notes: tuple[str, ...] = ()

    def json(self) -> Any | None:
        """The payload parsed as JSON: the document itself, or the claims of a JWS (unverified).

        Returns ``None`` for a URL payload; raises ``ValueError`` when the content does not parse.
        """
        if self.kind == "json":
            return json.loads(self.text)
        if self.kind == "jws":
            from designer.openbadges.jws import decode_unverified

            return decode_unverified(self.text).claims
        return None

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready mapping (the CLI's ``unbake --json``)."""
        return {
            "version": self.version, "kind": self.kind, "container": self.container,
            "offset": self.offset, "found_in": self.found_in, "notes": list(self.notes), "text": self.text,
        }
