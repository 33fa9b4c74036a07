"""Walk an SVG master as elements with readable paths, for the SVG hygiene rules (MB7xx).

Element paths look like ``svg/g[2]/image[1]``: local names (namespaces dropped) with a 1-based
index among same-named siblings, so a finding can be found in the file by eye or with XPath.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from functools import lru_cache

from defusedxml.ElementTree import fromstring


def local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


@lru_cache(maxsize=256)
def _parse(svg: bytes) -> ET.Element:
    return fromstring(svg)


def elements(svg: bytes) -> Iterator[tuple[str, ET.Element]]:
    """``(path, element)`` for every element, root first, in document order."""
    root = _parse(svg)

    def walk(element: ET.Element, path: str):
        yield path, element
        counts: dict[str, int] = {}
        for child in element:
            name = local(child.tag)
            if not name:
                continue
            counts[name] = counts.get(name, 0) + 1
            yield from walk(child, f"{path}/{name}[{counts[name]}]")

    yield from walk(root, local(root.tag))


#: Raster image types a ``data:`` URL may carry (MB703); anything else in ``data:`` is inline data.
RASTER_TYPES = ("image/png", "image/jpeg", "image/jpg", "image/gif", "image/webp", "image/bmp", "image/avif",
                "image/tiff", "image/x-icon", "image/vnd.microsoft.icon", "image/apng")
_SCRIPT_SCHEMES = ("javascript:", "vbscript:", "livescript:")


_CONTROLS = "".join(map(chr, range(33)))
#: The target of each ``url(...)`` in an attribute or style sheet (MB701, MB702, MB703).
CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]*)")


def _url_start(value: str, keep: int = 96) -> str:
    """The first ``keep`` characters of ``value`` as a URL parser reads them: leading C0 controls
    and spaces trimmed, tabs and newlines removed. Only the start of a URL says what it is, so a
    long attribute (path data) costs no more than a short one."""
    out, i = [], 0
    value = value.lstrip(_CONTROLS)
    while len(out) < keep and i < len(value):
        chunk = value[i:i + keep]
        out.extend(c for c in chunk if c not in "\t\n\r")
        i += keep
    return "".join(out)[:keep].rstrip(_CONTROLS)


def url_kind(value: str) -> str:
    """What a URL in an attribute or ``url(...)`` points at, as a browser would read it.

    The XML parser has already turned character references into characters; the WHATWG URL
    standard then removes every ASCII tab and newline from the input and trims leading and
    trailing C0 controls and spaces, so ``java&#x9;script:`` and `` javascript:`` are scripts.
    Returns ``"fragment"`` (``#id``), ``"script"``, ``"raster"`` (a ``data:`` raster image),
    ``"data"`` (other inline data) or ``"external"``.

    >>> [url_kind(v) for v in ("#a", "java\\tscript:x", " JAVASCRIPT:x", "data:image/png;base64,AA", "data:,x",
    ...                        "https://e.org/a.svg")]
    ['fragment', 'script', 'script', 'raster', 'data', 'external']
    """
    text = _url_start(value).lower()
    if text.startswith("#"):
        return "fragment"
    scheme_text = "".join(c for c in text if c > " ")  # a spaced-out scheme is treated as one too (stricter)
    if scheme_text.startswith(_SCRIPT_SCHEMES):
        return "script"
    if text.startswith("data:"):
        media = text[5:].split(",", 1)[0].split(";", 1)[0].strip()
        return "raster" if media in RASTER_TYPES else "data"
    return "external"
