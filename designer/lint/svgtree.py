"""Walk an SVG master as elements with readable paths, for the SVG hygiene rules (MB7xx).

Element paths look like ``svg/g[2]/image[1]``: local names (namespaces dropped) with a 1-based
index among same-named siblings, so a finding can be found in the file by eye or with XPath.
"""

from __future__ import annotations

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
