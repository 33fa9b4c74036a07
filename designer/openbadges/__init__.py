"""Open Badges image layer: bake, unbake and verify OB 2.0 / OB 3.0 data in PNG and SVG images.

The pipeline for one image is ``payload (JSON or compact JWS) --bake--> image --unbake--> payload``;
``verify`` unbakes and checks. Builders of OB JSON (from a badge set) and roster issuing call into
this package; it knows nothing about badge sets.

>>> import json
>>> svg = b'<svg xmlns="http://www.w3.org/2000/svg"/>'
>>> baked = bake(svg, json.dumps({"id": "https://example.org/assertions/1"}), "2.0")
>>> unbake(baked).kind, unbake(baked).version
('json', '2.0')

Modules: :mod:`.png` (chunks), :mod:`.formats` (PNG/SVG detection), :mod:`.svgdoc` (safe SVG
outline), :mod:`.bake`, :mod:`.unbake`, :mod:`.keys`, :mod:`.jws`, :mod:`.signing` (VC-JWT),
:mod:`.verify`; for issuing credentials that other verifiers accept: :mod:`.did` (did:key, did:web),
:mod:`.dataintegrity` (eddsa-rdfc-2022), :mod:`.publish` (issuer identity, what to host),
:mod:`.keyring` (rotation), :mod:`.status` and :mod:`.revoke` (Bitstring Status List), :mod:`.trust`
(JWKS / DID documents as trusted keys), :mod:`.limits` (bounded reads).
"""

from designer.openbadges.bake import bake, bake_png, bake_svg
from designer.openbadges.formats import detect_format
from designer.openbadges.keys import KeyPair, load_private_key, load_public_key, new_key, write_key_files
from designer.openbadges.payload import OB2, OB3, BakedPayload, payload_kind
from designer.base.png import PNGError
from designer.openbadges.signing import SignatureCheck, check_signature, sign_credential
from designer.openbadges.unbake import unbake, unbake_all
from designer.openbadges.verify import VerifyReport, verify

__all__ = [
    "OB2", "OB3", "BakedPayload", "KeyPair", "PNGError", "SignatureCheck", "VerifyReport",
    "bake", "bake_png", "bake_svg", "check_signature", "detect_format", "load_private_key",
    "load_public_key", "new_key", "payload_kind", "sign_credential", "unbake", "unbake_all",
    "verify", "write_key_files",
]
