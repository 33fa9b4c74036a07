"""Write and re-read the small SVG subset the library keeps, without namespace prefixes.

ElementTree's own serializer invents ``ns0:`` prefixes for namespaced tags, which breaks an icon
body pasted into another document. Icons only ever contain plain SVG elements, so this module writes
them with bare local names, escaped attribute values in their original order and no whitespace
between elements: the same tree always gives the same bytes.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterable, Mapping

SVG_NS = "http://www.w3.org/2000/svg"
_ATTRIBUTE_ENTITIES = {'"': "&quot;", "\n": "&#10;", "\t": "&#9;", "\r": "&#13;"}


def escape(text: str, entities: dict[str, str] | None = None) -> str:
    """``&``, ``<`` and ``>`` as entities, then any of ``entities`` (as ``xml.sax.saxutils.escape``,
    whose module would pull in ``urllib`` at start-up)."""
    text = text.replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;")
    for char, entity in (entities or {}).items():
        text = text.replace(char, entity)
    return text


def local_name(qualified: str) -> str:
    """``{http://www.w3.org/2000/svg}path`` -> ``path``; a plain name is returned unchanged."""
    return qualified.rsplit("}", 1)[-1]


def namespace(qualified: str) -> str:
    """The namespace URI of an ElementTree name, or ``""`` when it has none."""
    return qualified[1:].split("}", 1)[0] if qualified.startswith("{") else ""


def format_attributes(attributes: Mapping[str, str]) -> str:
    """`` name="value"`` pairs in the mapping's order, values escaped for a double-quoted attribute.

    >>> format_attributes({"d": "M1 1h2", "title": 'a "b" <c>'})
    ' d="M1 1h2" title="a &quot;b&quot; &lt;c&gt;"'
    """
    parts = []
    for key, value in attributes.items():
        parts.append(f' {key}="{escape(str(value), _ATTRIBUTE_ENTITIES)}"')
    return "".join(parts)


def serialize_element(element: ET.Element) -> str:
    """One element and its subtree as SVG markup with bare tag and attribute names."""
    attributes = {local_name(k): v for k, v in element.attrib.items()}
    name = local_name(element.tag)
    inner = serialize_children(element)
    text = escape(element.text) if element.text and element.text.strip() else ""
    if not inner and not text:
        return f"<{name}{format_attributes(attributes)}/>"
    return f"<{name}{format_attributes(attributes)}>{text}{inner}</{name}>"


def serialize_children(element: ET.Element | Iterable[ET.Element]) -> str:
    """The children of ``element`` (or an iterable of elements) concatenated, no whitespace."""
    return "".join(serialize_element(child) for child in element)


def parse_body(body: str) -> ET.Element:
    """Parse markup produced by :func:`serialize_children` back into a tree under an ``<svg>`` root.

    Only for bodies this library wrote itself (already sanitized): it adds the SVG namespace so the
    tags come back as ``{SVG_NS}name`` like a freshly parsed file.
    """
    from defusedxml.ElementTree import fromstring

    return fromstring(f'<svg xmlns="{SVG_NS}">{body}</svg>', forbid_dtd=True)
