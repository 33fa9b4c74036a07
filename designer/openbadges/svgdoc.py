"""Locate the root element and any Open Badges elements of an SVG, by byte offset, with a safe parser.

Baking edits the SVG as bytes (OB 2.0 Baking §SVG, OB 3.0 §"Baked Badge" / SVG): it inserts one
attribute in the root start tag and one element after it, and removes older Open Badges elements,
so the artwork is kept byte for byte. The places to edit come from a real XML parser, never from
regular expressions over the document: defusedxml's ``DefusedXMLParser`` (entity declarations and
external references refused, so "billion laughs" and XXE never expand) drives a small target that
records expat's byte index for every start and end tag. Elements are matched by namespace URI, so
any prefix works.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from xml.etree.ElementTree import ParseError

from defusedxml import DTDForbidden, EntitiesForbidden, ExternalReferenceForbidden
from defusedxml.ElementTree import DefusedXMLParser

from designer.base.errors import MedbadgeError, UnsafeSVGError
from designer.openbadges.payload import VERSIONS, VersionSpec

SVG_NAMESPACE = "http://www.w3.org/2000/svg"
MAX_SVG_BYTES = 32 * 1024 * 1024
MAX_SVG_ELEMENTS = 200_000

# A well-formed start tag (XML 1.0 §3.1 [40]/[44]); only used at offsets the parser reported.
_START_TAG = re.compile(rb"<([^\s/>]+)(?:\s+[^\s=/>]+\s*=\s*(?:\"[^\"]*\"|'[^']*'))*\s*(/?)>")
_XML_DECL_ENCODING = re.compile(rb"^(?:\xef\xbb\xbf)?\s*<\?xml[^>]*?encoding\s*=\s*[\"']([A-Za-z0-9._\-]+)[\"']")


@dataclass(frozen=True)
class ElementSpan:
    """One element: its expanded name, where its tags sit in the bytes, and (for badge elements) content."""

    namespace: str | None
    local: str
    qname: str
    start: int
    start_tag_end: int
    end: int
    self_closing: bool
    first_child_of_root: bool
    attributes: tuple[tuple[str, str], ...] = ()
    text: str = ""

    @property
    def prefix(self) -> str:
        return self.qname.partition(":")[0] if ":" in self.qname else ""

    def attribute(self, name: str) -> str | None:
        return dict(self.attributes).get(name)


@dataclass(frozen=True)
class SvgOutline:
    """The parts of an SVG document that baking and unbaking need."""

    root: ElementSpan
    root_namespaces: dict[str, str]
    badge_elements: tuple[ElementSpan, ...]
    encoding: str | None


def badge_version_of(namespace: str | None, local: str) -> VersionSpec | None:
    """The Open Badges version whose namespace URI and element name these are, if any (prefix ignored)."""
    for spec in VERSIONS.values():
        if local == spec.svg_element and namespace in (spec.svg_namespace, *spec.svg_namespace_variants):
            return spec
    return None


@dataclass
class _Open:
    tag: str
    start: int
    attrs: dict[str, str]
    first_child: bool
    is_badge: bool
    text: list[str] = field(default_factory=list)


class _OutlineTarget:
    """ElementTree parser target that records byte offsets instead of building a tree."""

    def __init__(self, data: bytes, max_elements: int):
        self.raw = data
        self.max_elements = max_elements
        self.parser: DefusedXMLParser | None = None
        self.stack: list[_Open] = []
        self.count = 0
        self.root: ElementSpan | None = None
        self.root_namespaces: dict[str, str] = {}
        self.pending_ns: dict[str, str] = {}
        self.root_children = 0
        self.badges: list[ElementSpan] = []

    def _index(self) -> int:
        return self.parser.parser.CurrentByteIndex  # type: ignore[union-attr]

    def start_ns(self, prefix: str, uri: str) -> None:
        if not self.stack:
            self.pending_ns[prefix] = uri

    def start(self, tag: str, attrs: dict[str, str]) -> None:
        self.count += 1
        if self.count > self.max_elements:
            raise UnsafeSVGError(f"SVG has more than {self.max_elements} elements; refusing it", hint="simplify the artwork")
        ns, local = _split(tag)
        is_badge = badge_version_of(ns, local) is not None
        # "First child" ignores the other version's element: a dual-baked image puts both first.
        first_child = len(self.stack) == 1 and self.root_children == 0
        if len(self.stack) == 1 and not is_badge:
            self.root_children += 1
        if not self.stack:
            self.root_namespaces = dict(self.pending_ns)
        self.stack.append(_Open(tag, self._index(), dict(attrs), first_child, is_badge))

    def data(self, text: str) -> None:
        for open_element in self.stack:
            if open_element.is_badge:
                open_element.text.append(text)

    def end(self, tag: str) -> None:
        opened = self.stack.pop()
        match = _START_TAG.match(self.raw, opened.start)
        if match is None:  # pragma: no cover - expat accepted it, so the pattern matches
            raise MedbadgeError(f"byte {opened.start}: cannot delimit the <{tag}> start tag")
        qname, self_closing = match.group(1).decode("utf-8", "replace"), bool(match.group(2))
        if self_closing:
            end = match.end()
        else:
            close = self._index()
            end = self.raw.index(b">", close) + 1
        ns, local = _split(tag)
        span = ElementSpan(
            ns, local, qname, opened.start, match.end(), end, self_closing, opened.first_child,
            tuple(opened.attrs.items()), "".join(opened.text) if opened.is_badge else "",
        )
        if not self.stack:
            self.root = span
        elif opened.is_badge:
            self.badges.append(span)

    def close(self) -> None:
        return None


def _split(tag: str) -> tuple[str | None, str]:
    if tag.startswith("{"):
        ns, _, local = tag[1:].partition("}")
        return ns, local
    return None, tag


def parse_svg(
    data: bytes, *, source: str | None = None, max_bytes: int = MAX_SVG_BYTES, max_elements: int = MAX_SVG_ELEMENTS
) -> SvgOutline:
    """Parse ``data`` safely and return its :class:`SvgOutline`.

    Raises :class:`~designer.base.errors.UnsafeSVGError` for entity declarations (entity-expansion bombs),
    external entity references, oversize documents; :class:`MedbadgeError` for XML that is not
    well-formed (with line and column) or a root element that is not ``<svg>``.
    """
    where = f"{source}: " if source else ""
    if len(data) > max_bytes:
        raise UnsafeSVGError(f"{where}SVG is {len(data)} bytes, over the {max_bytes}-byte limit")
    utf16 = data.startswith((b"\xff\xfe", b"\xfe\xff"))
    if utf16:  # parse a UTF-8 copy so offsets and the tag scanner work on ASCII-compatible bytes
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            raise MedbadgeError(f"{where}the SVG starts with a UTF-16 byte order mark but is not UTF-16") from None
        data = re.sub(r"^(\s*<\?xml[^>]*?encoding\s*=\s*)[\"'][^\"']*[\"']", r'\1"utf-8"', text).encode("utf-8")
    target = _OutlineTarget(data, max_elements)
    parser = DefusedXMLParser(target=target, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    target.parser = parser
    try:
        parser.feed(data)
        parser.close()
    except EntitiesForbidden as error:
        raise UnsafeSVGError(
            f"{where}SVG declares the entity '{error.name}' in its DTD: refused, entity expansion is how "
            "'billion laughs' and external-entity (XXE) attacks work",
            hint="remove the <!DOCTYPE ...> internal subset and write the content out",
        ) from None
    except (ExternalReferenceForbidden, DTDForbidden) as error:
        raise UnsafeSVGError(f"{where}SVG refers to an external resource ({error}): refused") from None
    except ParseError as error:
        line, column = error.position
        raise MedbadgeError(
            f"{where}not a well-formed SVG: {error.msg if hasattr(error, 'msg') else error} (line {line}, column {column + 1})",
            hint="open it in an editor or validator and fix the markup",
        ) from None
    root = target.root
    if root is None or root.local != "svg" or root.namespace not in (SVG_NAMESPACE, None):
        found = f"<{root.qname}>" if root else "no element"
        raise MedbadgeError(f"{where}not an SVG document: the root element is {found}, not <svg>")
    encoding_match = _XML_DECL_ENCODING.match(data)
    encoding = encoding_match.group(1).decode("ascii").lower() if encoding_match else None
    if utf16:
        encoding = "utf-16"
    return SvgOutline(root, target.root_namespaces, tuple(target.badges), encoding)
