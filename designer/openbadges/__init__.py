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

from designer.base.lazy import lazy_exports

_EXPORTS = {
    **dict.fromkeys(("bake", "bake_png", "bake_svg"), "designer.openbadges.bake"),
    "detect_format": "designer.openbadges.formats",
    **dict.fromkeys(("KeyPair", "load_private_key", "load_public_key", "new_key", "write_key_files"),
                    "designer.openbadges.keys"),
    **dict.fromkeys(("OB2", "OB3", "BakedPayload", "payload_kind"), "designer.openbadges.payload"),
    "PNGError": "designer.base.png",
    **dict.fromkeys(("SignatureCheck", "check_signature", "sign_credential"), "designer.openbadges.signing"),
    **dict.fromkeys(("unbake", "unbake_all"), "designer.openbadges.unbake"),
    **dict.fromkeys(("VerifyReport", "verify"), "designer.openbadges.verify"),
}
__all__ = sorted(_EXPORTS)
# Signing pulls in cryptography and, for Data Integrity, pyld: imported when a command uses them.
__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)
