"""Bake Open Badges data into PNG and SVG images, for OB 2.0 and OB 3.0.

PNG follows "Open Badges 2.0 Baking" §PNG and OB 3.0 §"Baked Badge" / PNG: one ``iTXt`` chunk, keyword
``openbadges`` (2.0) or ``openbadgecredential`` (3.0), compression flag 0, method 0, empty language
tag and translated keyword, UTF-8 text. It goes right after ``IHDR`` (so a streaming reader can stop
early) and replaces any earlier text chunk with the same keyword ("MUST NOT appear in a PNG more than
once"). Every other chunk is copied byte for byte, so the pixels cannot change.

SVG follows the same documents' §SVG: ``xmlns:openbadges`` on the root, ``<openbadges:assertion>``
(2.0) or ``<openbadges:credential>`` (3.0) as the first child of the root, exactly one of them. The
document is edited as bytes at offsets found by a safe parser (:mod:`designer.openbadges.svgdoc`).

>>> from designer.openbadges.bake import svg_badge_element
>>> svg_badge_element("2.0", "jws", "aGVhZA.Ym9keQ.c2ln")
'<openbadges:assertion verify="aGVhZA.Ym9keQ.c2ln"/>'
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable

from designer.base.errors import MedbadgeError
from designer.openbadges.formats import detect_format
from designer.openbadges.payload import Kind, check_bakeable, version_spec
from designer.base.png import with_text_chunks
from designer.openbadges.svgdoc import badge_version_of, parse_svg

# Characters XML 1.0 cannot carry at all (§2.2 [2]); a payload holding one cannot go into an SVG.
_NOT_XML_CHAR = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_HTTP_URL = re.compile(r"https?://\S+", re.IGNORECASE)


def bake(image: bytes, payload: str, version: str, *, source: str | None = None) -> bytes:
    """Bake ``payload`` into a PNG or SVG image (the format is detected from the bytes)."""
    if detect_format(image, source=source) == "png":
        return bake_png(image, payload, version, source=source)
    return bake_svg(image, payload, version, source=source)


def bake_png(
    png: bytes, payload: str, version: str, *, source: str | None = None, check_image_data: bool = True
) -> bytes:
    """Return ``png`` with ``payload`` in one uncompressed ``iTXt`` chunk placed right after ``IHDR``.

    Re-baking replaces the version's earlier chunk (``iTXt``, or a legacy ``tEXt``/``zTXt``) rather
    than adding a second one; the other version's chunk, if any, is kept. The structure and every
    CRC are checked first. ``check_image_data=False`` skips recomputing the CRCs of the pixel data
    chunks (copied verbatim anyway): for issuing one artwork to many recipients, after checking it
    once with :func:`~designer.base.png.check_png`.
    """
    spec = version_spec(version)
    check_bakeable(payload, spec)
    return with_text_chunks(png, {spec.png_keyword: payload}, check_image_data=check_image_data, source=source)


def svg_badge_element(version: str, kind: Kind, payload: str, *, declare_namespace: bool = False,
                      prefix: str = "openbadges") -> str:
    """The ``<openbadges:assertion>``/``<openbadges:credential>`` element for a payload.

    Signed payloads (compact JWS) go in ``verify`` on an empty element. JSON goes in CDATA; for OB 2.0
    ``verify`` also holds the hosted assertion's ``id`` URL, for OB 3.0 there is no ``verify``.
    """
    spec = version_spec(version)
    qname = f"{prefix}:{spec.svg_element}"
    attributes = f' xmlns:{prefix}="{spec.svg_namespace}"' if declare_namespace else ""
    if kind == "jws":
        return f"<{qname}{attributes} verify=\"{_escape_attribute(payload.strip())}\"/>"
    if kind != "json":
        raise MedbadgeError(f"cannot bake a {kind} payload into an SVG")
    if spec.version == "2.0":
        attributes += f' verify="{_escape_attribute(_hosted_verify_url(payload))}"'
    return f"<{qname}{attributes}>{_cdata(payload)}</{qname}>"


def bake_svg(svg: bytes, payload: str, version: str, *, source: str | None = None) -> bytes:
    """Return ``svg`` with ``payload`` in one Open Badges element, first child of the root ``<svg>``.

    Earlier elements of the same version (any prefix, anywhere in the document) are removed, so
    re-baking replaces; everything else is kept byte for byte.
    """
    return prepare_svg(svg, version, source=source)(payload)


def prepare_svg(svg: bytes, version: str, *, source: str | None = None) -> Callable[[str], bytes]:
    """Parse ``svg`` once and return ``bake(payload) -> bytes``, equal to :func:`bake_svg` for each
    payload: issuing one artwork to many recipients parses the document once, not per recipient.

    >>> bake_one = prepare_svg(b'<svg xmlns="http://www.w3.org/2000/svg"/>', "3.0")
    >>> bake_one('{"id": "urn:uuid:1"}')
    b'<svg xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0" xmlns="http://www.w3.org/2000/svg"><openbadges:credential><![CDATA[{"id": "urn:uuid:1"}]]></openbadges:credential></svg>'
    """
    spec = version_spec(version)
    outline = parse_svg(svg, source=source)
    if outline.encoding not in (None, "utf-8", "utf8", "us-ascii", "ascii"):
        where = f"{source}: " if source else ""
        raise MedbadgeError(f"{where}the SVG is encoded as {outline.encoding}; baking needs UTF-8", hint="re-save the SVG as UTF-8")
    ascii_only = outline.encoding in ("us-ascii", "ascii")
    root = outline.root
    bound = outline.root_namespaces.get("openbadges")
    # The prefix goes on the root unless the root already binds "openbadges" to another version's URI
    # (an image baked with both versions): then the new element declares it locally.
    declare_locally = bound not in (None, spec.svg_namespace)
    fixed: list[tuple[int, int, bytes]] = []
    if bound is None:
        name_end = root.start + 1 + len(root.qname.encode("utf-8"))
        fixed.append((name_end, name_end, f' xmlns:openbadges="{spec.svg_namespace}"'.encode()))
    removed_until = -1
    for old in outline.badge_elements:
        if badge_version_of(old.namespace, old.local) is spec and old.start >= removed_until:
            fixed.append((old.start, old.end, b""))
            removed_until = old.end
    if root.self_closing:  # <svg .../> becomes <svg ...>ELEMENT</svg>
        close = svg.rindex(b"/", root.start, root.start_tag_end)
        insert_at, insert_end, before, after = close, root.end, b">", f"</{root.qname}>".encode("utf-8")
    else:
        insert_at, insert_end, before, after = root.start_tag_end, root.start_tag_end, b"", b""

    def bake_one(payload: str) -> bytes:
        kind = check_bakeable(payload, spec)
        bad = _NOT_XML_CHAR.search(payload)
        if bad:
            raise MedbadgeError(f"the payload holds U+{ord(bad.group()):04X}, which XML cannot carry", hint="remove it from the JSON")
        if ascii_only and not payload.isascii():
            where = f"{source}: " if source else ""
            raise MedbadgeError(f"{where}the SVG is encoded as {outline.encoding}; baking needs UTF-8", hint="re-save the SVG as UTF-8")
        element = svg_badge_element(spec.version, kind, payload, declare_namespace=declare_locally).encode("utf-8")
        return _apply_edits(svg, [*fixed, (insert_at, insert_end, before + element + after)])

    return bake_one


#: The prefix of the OB 3.0 namespace when one SVG carries both versions (the OB 2.0 one keeps
#: ``openbadges``: one prefix cannot name two namespaces on the same root element).
DUAL_OB3_PREFIX = "ob3"


def prepare_svg_dual(svg: bytes, *, source: str | None = None) -> Callable[[str, str], bytes]:
    """Parse ``svg`` once and return ``bake(ob2_payload, ob3_payload) -> bytes`` for an image that
    carries both versions, laid out as both baking specs ask: both namespaces declared on the root
    ``<svg>`` (``xmlns:openbadges="http://openbadges.org"`` and ``xmlns:ob3="https://purl.imsglobal.org/ob/v3p0"``),
    the OB 2.0 ``<openbadges:assertion>`` as the first child of the root and the OB 3.0
    ``<ob3:credential>`` right after it. Readers that match by namespace find both; a reader that
    matches the literal tag ``openbadges:credential`` finds only the OB 2.0 data (docs/baking.md).

    >>> bake_two = prepare_svg_dual(b'<svg xmlns="http://www.w3.org/2000/svg"/>')
    >>> bake_two('{"id": "https://x.org/a/1"}', "aGVhZA.Ym9keQ.c2ln")[:120]
    b'<svg xmlns:openbadges="http://openbadges.org" xmlns:ob3="https://purl.imsglobal.org/ob/v3p0" xmlns="http://www.w3.org/20'
    """
    outline = parse_svg(svg, source=source)
    if outline.encoding not in (None, "utf-8", "utf8"):
        raise MedbadgeError(f"{source + ': ' if source else ''}baking both versions needs a UTF-8 SVG")
    root = outline.root
    for prefix in ("openbadges", DUAL_OB3_PREFIX):
        if prefix in outline.root_namespaces:
            raise MedbadgeError(f"{source + ': ' if source else ''}the SVG root already binds the prefix '{prefix}'",
                                hint="bake both versions into the unbaked artwork")
    fixed: list[tuple[int, int, bytes]] = []
    name_end = root.start + 1 + len(root.qname.encode("utf-8"))
    declarations = (f' xmlns:openbadges="{version_spec("2.0").svg_namespace}"'
                    f' xmlns:{DUAL_OB3_PREFIX}="{version_spec("3.0").svg_namespace}"')
    fixed.append((name_end, name_end, declarations.encode()))
    removed_until = -1
    for old in outline.badge_elements:
        if old.start >= removed_until:
            fixed.append((old.start, old.end, b""))
            removed_until = old.end
    if root.self_closing:
        close = svg.rindex(b"/", root.start, root.start_tag_end)
        insert_at, insert_end, before, after = close, root.end, b">", f"</{root.qname}>".encode("utf-8")
    else:
        insert_at, insert_end, before, after = root.start_tag_end, root.start_tag_end, b"", b""

    def bake_two(ob2_payload: str, ob3_payload: str) -> bytes:
        elements = []
        for version, payload, prefix in (("2.0", ob2_payload, "openbadges"), ("3.0", ob3_payload, DUAL_OB3_PREFIX)):
            kind = check_bakeable(payload, version_spec(version))
            bad = _NOT_XML_CHAR.search(payload)
            if bad:
                raise MedbadgeError(f"the payload holds U+{ord(bad.group()):04X}, which XML cannot carry")
            elements.append(svg_badge_element(version, kind, payload, prefix=prefix))
        block = "".join(elements).encode("utf-8")
        return _apply_edits(svg, [*fixed, (insert_at, insert_end, before + block + after)])

    return bake_two


def _apply_edits(data: bytes, edits: list[tuple[int, int, bytes]]) -> bytes:
    """Replace each ``[start, end)`` with its bytes; insertions at an offset come before removals there."""
    parts, cursor = [], 0
    for start, end, replacement in sorted(edits, key=lambda edit: (edit[0], edit[1])):
        parts.append(data[cursor:start])
        parts.append(replacement)
        cursor = end
    parts.append(data[cursor:])
    return b"".join(parts)


def _hosted_verify_url(payload: str) -> str:
    """The ``verify`` value of a hosted OB 2.0 assertion: its ``id`` URL (``verify.url`` in OB 1.0)."""
    document = json.loads(payload)
    candidates = [document.get("id")]
    legacy = document.get("verify")
    if isinstance(legacy, dict):
        candidates.append(legacy.get("url"))
    for candidate in candidates:
        if isinstance(candidate, str) and _HTTP_URL.fullmatch(candidate):
            return candidate
    raise MedbadgeError(
        "a hosted OB 2.0 assertion needs an 'id' that is an HTTP(S) URL (it becomes the SVG verify attribute)",
        hint="give the assertion its hosted URL as 'id', or sign it and bake the JWS",
    )


def _escape_attribute(value: str) -> str:
    return (
        value.replace("&", "&amp;").replace("<", "&lt;").replace('"', "&quot;")
        .replace("\t", "&#9;").replace("\n", "&#10;").replace("\r", "&#13;")
    )


def _cdata(text: str) -> str:
    """Wrap text in CDATA; a ``]]>`` inside is split across two sections so it survives intact."""
    return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"


__all__ = ["bake", "bake_png", "bake_svg", "prepare_svg", "prepare_svg_dual", "svg_badge_element"]
