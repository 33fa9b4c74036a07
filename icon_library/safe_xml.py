"""Parse untrusted SVG bytes into a tree without letting the file cost us anything.

The threats here are the ones that strike *while parsing*, before any allow-list can look at the
tree (never trust an imported or uploaded file):

* entity tricks — XXE (``<!ENTITY x SYSTEM "file:///etc/passwd">``) reads local files or fetches
  URLs; "billion laughs" expands a few bytes into gigabytes. defusedxml refuses any DTD, entity
  declaration or external reference, so nothing is ever fetched or read;
* sheer size — the byte bound is checked from ``stat`` *before* reading, and enforced again while
  streaming (a FIFO or ``/dev/zero`` reports size 0), so a 50 MB file is refused unread;
* node floods and deep nesting — nodes are counted while ``iterparse`` streams the file, so a
  million-node file is refused after ~5,000 nodes instead of being built in memory, and a depth
  bound keeps every later recursive walk far below Python's recursion limit.

Every refusal is an :class:`~designer.base.errors.UnsafeSVGError` naming the file, the reason and the fix,
with a stable ``reason`` code on the exception for programs and tests.
"""

from __future__ import annotations

import io
import math
import os
import stat
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import BinaryIO

import defusedxml
import defusedxml.ElementTree as defused_et

from designer.base.errors import Location, UnsafeSVGError, display_path

MAX_BYTES = 1_000_000
#: The same bound in the whole MiB an upload widget counts in (Streamlit's ``maxUploadSize``).
MAX_MIB = max(1, math.ceil(MAX_BYTES / (1024 * 1024)))
MAX_NODES = 5_000
MAX_DEPTH = 64


def refuse(source: str, reason: str, problem: str, fix: str) -> UnsafeSVGError:
    """Build the one error type every refusal uses; ``reason`` is a stable code such as ``"script"``.

    >>> error = refuse("x.svg", "script", "it contains a <script> element", "remove it")
    >>> error.reason, str(error)
    ('script', 'x.svg: unsafe SVG refused: it contains a <script> element (fix: remove it)')
    """
    error = UnsafeSVGError(f"unsafe SVG refused: {problem}", Location(source), hint=f"fix: {fix}")
    error.reason = reason
    return error


class _BoundedReader(io.RawIOBase):
    """A read-only stream that raises once more than ``limit`` bytes have come through it."""

    def __init__(self, raw: BinaryIO, limit: int, source: str):
        super().__init__()
        self._raw, self._limit, self._source, self.count = raw, limit, source, 0

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        # Never ask for more than one byte past the limit: enough to know it was exceeded.
        room = self._limit + 1 - self.count
        chunk = self._raw.read(room if size is None or size < 0 else min(size, room))
        self.count += len(chunk)
        if self.count > self._limit:
            raise _too_large(self._source, self._limit)
        return chunk


def _too_large(source: str, limit: int) -> UnsafeSVGError:
    return refuse(source, "too-large", f"the file is larger than {limit:,} bytes",
                  "simplify the icon (fewer points, no embedded data) or export it again as plain paths")


def parse_svg_file(path: str | os.PathLike[str], *, max_bytes: int = MAX_BYTES,
                   max_nodes: int = MAX_NODES) -> ET.Element:
    """Parse the SVG file at ``path`` safely; return its root element or raise UnsafeSVGError."""
    path = Path(path)
    source = display_path(path)
    try:
        info = os.stat(path)
    except OSError as error:
        raise refuse(source, "unreadable", f"cannot read the file ({error.strerror})", "check the path") from None
    if not stat.S_ISREG(info.st_mode):
        raise refuse(source, "not-a-file", "it is not a regular file", "give the path of an .svg file")
    if info.st_size > max_bytes:  # refuse before reading a single byte
        raise _too_large(source, max_bytes)
    with open(path, "rb") as raw:
        return parse_svg_stream(raw, source, max_bytes=max_bytes, max_nodes=max_nodes)


def parse_svg_bytes(data: bytes, source: str, *, max_bytes: int = MAX_BYTES,
                    max_nodes: int = MAX_NODES) -> ET.Element:
    """Parse SVG bytes already in memory (e.g. an upload in the studio); ``source`` names them."""
    if len(data) > max_bytes:
        raise _too_large(source, max_bytes)
    return parse_svg_stream(io.BytesIO(data), source, max_bytes=max_bytes, max_nodes=max_nodes)


def parse_svg_stream(raw: BinaryIO, source: str, *, max_bytes: int = MAX_BYTES,
                     max_nodes: int = MAX_NODES) -> ET.Element:
    """Stream-parse with defusedxml, counting nodes and depth as they arrive."""
    stream = _BoundedReader(raw, max_bytes, source)
    nodes = depth = 0
    root = None
    try:
        events = defused_et.iterparse(stream, events=("start", "end", "pi"), forbid_dtd=True,
                                      forbid_entities=True, forbid_external=True)
        for event, element in events:
            if event == "pi":
                _check_processing_instruction(element, source)
            elif event == "start":
                nodes += 1
                depth += 1
                if root is None:
                    root = element
                if nodes > max_nodes:
                    raise refuse(source, "too-many-nodes", f"it has more than {max_nodes:,} elements",
                                 "simplify the icon; an icon needs tens of shapes, not thousands")
                if depth > MAX_DEPTH:
                    raise refuse(source, "too-deep", f"elements are nested more than {MAX_DEPTH} deep",
                                 "ungroup the artwork in your editor and export it again")
            else:
                depth -= 1
    except defusedxml.DTDForbidden:
        raise refuse(source, "dtd", "it has a <!DOCTYPE> declaration (DTDs can define entities and fetch files)",
                     "delete the <!DOCTYPE ...> line or export as plain SVG") from None
    except defusedxml.EntitiesForbidden:
        raise refuse(source, "entity", "it declares XML entities (used for XXE and 'billion laughs' attacks)",
                     "delete the entity declarations or export as plain SVG") from None
    except (defusedxml.ExternalReferenceForbidden, defusedxml.NotSupportedError):
        raise refuse(source, "external-reference", "it refers to an external resource from the XML prolog",
                     "export as plain SVG without a DTD") from None
    except ET.ParseError as error:
        raise refuse(source, "not-xml", f"it is not well-formed XML ({error})",
                     "open it in a vector editor and save it as plain SVG") from None
    if root is None:  # pragma: no cover - expat reports "no element found" first
        raise refuse(source, "not-xml", "it has no root element", "save it as plain SVG")
    return root


def _check_processing_instruction(instruction: ET.Element, source: str) -> None:
    """``<?xml-stylesheet href=...?>`` loads an external stylesheet: refuse; other PIs are dropped."""
    text = (instruction.text or "").strip().lower()
    if text.startswith("xml-stylesheet"):
        raise refuse(source, "stylesheet", "it links a stylesheet with <?xml-stylesheet ...?>",
                     "delete that line; colours come from currentColor")
