"""Read Open Badges data back out of PNG and SVG images, tolerant of what real files contain.

Follows the "Extracting" sections of Open Badges 2.0 Baking and OB 3.0 §"Baked Badge": take the first
``iTXt`` chunk with the version's keyword (PNG) or the first ``<assertion>``/``<credential>`` element in
the version's namespace (SVG). Beyond the spec's happy path, and where openbadges-bakery 2.0.0 fails,
this reader also accepts (and says so in :attr:`BakedPayload.notes`):

- an ``iTXt`` with a language tag or translated keyword (they are not leaked into the payload);
- a compressed ``iTXt`` (flag 1, zlib) or a ``zTXt``; the legacy pre-2013 ``tEXt`` URL;
- any namespace prefix in SVG (matched by namespace URI), an XML declaration, comments, a DOCTYPE
  without entities, or a long preamble before ``<svg``; the common ``/spec/`` variant of the OB 3.0
  namespace; an element that is not the first child of the root.

Hostile SVG (entity declarations, external entities) is refused by :func:`~.svgdoc.parse_svg`.
"""

from __future__ import annotations

from designer.base.errors import MedbadgeError
from designer.openbadges.formats import detect_format
from designer.openbadges.payload import VERSIONS, BakedPayload, Kind, payload_kind
from designer.base.png import chunk_keyword, decode_text_chunk, iter_chunks
from designer.openbadges.svgdoc import ElementSpan, badge_version_of, parse_svg

_KEYWORDS = {spec.png_keyword.encode("latin-1"): spec for spec in VERSIONS.values()}


def unbake(data: bytes, *, version: str | None = None, source: str | None = None) -> BakedPayload:
    """The Open Badges payload of a PNG or SVG image: the first one found, or the given version's.

    Raises :class:`~designer.base.errors.MedbadgeError` when the image carries none, when the file is not
    PNG/SVG, when a PNG is truncated or fails a CRC check, or when an SVG is hostile or malformed.
    """
    wanted = {str(version)} if version is not None else set(VERSIONS)
    if detect_format(data, source=source) == "png":
        # "Parse the PNG datastream until the first iTXt chunk is found [...] The rest of the stream
        # can be safely discarded" (OB 3.0 §PNG Extracting): stop at the first match.
        found = _unbake_png(data, source, stop_at_first=version is None, wanted=wanted)
    else:
        found = _unbake_svg(data, source)
    for payload in found:
        if version is None or payload.version == str(version):
            return payload
    where = f"{source}: " if source else ""
    wanted = f"Open Badges {version} data" if version else "Open Badges data"
    extra = f" (it carries OB {found[0].version} data)" if found else ""
    raise MedbadgeError(f"{where}no {wanted} found in this image{extra}", hint="bake it first with `medbadge bake`")


def unbake_all(data: bytes, *, source: str | None = None) -> tuple[BakedPayload, ...]:
    """Every version's payload in the image (at most one per version, the first of each), in file order."""
    if detect_format(data, source=source) == "png":
        return _unbake_png(data, source)
    return _unbake_svg(data, source)


def _unbake_png(
    data: bytes, source: str | None, *, stop_at_first: bool = False, wanted: set[str] | None = None
) -> tuple[BakedPayload, ...]:
    """Payloads per version; with ``stop_at_first`` (or once every ``wanted`` version is found) the
    rest of the file is not read, like a streaming reader."""
    firsts: dict[str, BakedPayload] = {}
    extra: dict[str, int] = {}
    for chunk in iter_chunks(data, source=source):
        spec = _KEYWORDS.get(chunk_keyword(chunk) or b"")
        if spec is None:
            continue
        if spec.version in firsts:
            extra[spec.version] = extra.get(spec.version, 0) + 1
            continue
        text_chunk = decode_text_chunk(chunk, source=source)
        notes = []
        kind_name = text_chunk.chunk_type.decode()
        if kind_name == "tEXt":
            notes.append("legacy tEXt chunk (writers use iTXt)")
        elif kind_name == "zTXt":
            notes.append("zTXt chunk (writers use an uncompressed iTXt)")
        elif text_chunk.compressed:
            notes.append("compressed iTXt (the spec says no compression)")
        if text_chunk.language:
            notes.append(f"iTXt language tag {text_chunk.language!r} ignored")
        if text_chunk.translated_keyword:
            notes.append(f"iTXt translated keyword {text_chunk.translated_keyword!r} ignored")
        text = text_chunk.text.strip()
        kind = payload_kind(text) or _kind_or_fail(text, f"{kind_name} chunk '{spec.png_keyword}' at byte {chunk.offset}", source)
        firsts[spec.version] = BakedPayload(spec.version, kind, text, "png", chunk.offset, kind_name, tuple(notes))
        if stop_at_first or (wanted is not None and wanted <= firsts.keys()):
            break
    if not extra:
        return tuple(firsts.values())
    return tuple(_with_duplicates_noted(firsts[v], extra.get(v, 0), "chunk") for v in firsts)


def _unbake_svg(data: bytes, source: str | None) -> tuple[BakedPayload, ...]:
    outline = parse_svg(data, source=source)
    firsts: dict[str, BakedPayload] = {}
    extra: dict[str, int] = {}
    for element in outline.badge_elements:
        spec = badge_version_of(element.namespace, element.local)
        if spec is None:  # pragma: no cover - badge_elements holds only matches
            continue
        if spec.version in firsts:
            extra[spec.version] = extra.get(spec.version, 0) + 1
            continue
        notes = []
        if element.prefix != "openbadges":
            notes.append(f"namespace prefix {element.prefix or '(default)'!r} instead of 'openbadges'")
        if element.namespace != spec.svg_namespace:
            notes.append(f"namespace {element.namespace!r} instead of {spec.svg_namespace!r}")
        if not element.first_child_of_root:
            notes.append("element is not the first child of <svg>")
        text, kind = _svg_payload(element, source)
        firsts[spec.version] = BakedPayload(spec.version, kind, text, "svg", element.start, f"<{element.qname}>", tuple(notes))
    ordered = sorted(firsts.values(), key=lambda payload: payload.offset)
    return tuple(_with_duplicates_noted(p, extra.get(p.version, 0), "element") for p in ordered)


def _svg_payload(element: ElementSpan, source: str | None) -> tuple[str, Kind]:
    """A signed ``verify`` wins; else the CDATA/text body; else ``verify`` itself (a hosted URL)."""
    where = f"<{element.qname}> at byte {element.start}"
    verify = (element.attribute("verify") or "").strip()
    body = element.text.strip()
    if verify and payload_kind(verify) == "jws":
        return verify, "jws"
    if body:
        return body, _kind_or_fail(body, where, source)
    if verify:
        return verify, _kind_or_fail(verify, where, source)
    raise MedbadgeError(f"{source + ': ' if source else ''}{where} is empty: it has neither a verify attribute nor content")


def _kind_or_fail(text: str, where: str, source: str | None) -> Kind:
    kind = payload_kind(text)
    if kind is None:
        prefix = f"{source}: " if source else ""
        raise MedbadgeError(f"{prefix}{where} holds neither JSON, a compact JWS nor a URL", hint="re-bake the image")
    return kind


def _with_duplicates_noted(payload: BakedPayload, count: int, what: str) -> BakedPayload:
    if not count:
        return payload
    note = f"{count} more {what}{'s' if count > 1 else ''} of this version ignored (the spec allows one)"
    return BakedPayload(payload.version, payload.kind, payload.text, payload.container, payload.offset, payload.found_in, (*payload.notes, note))
