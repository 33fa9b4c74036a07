"""Bounds on what the Open Badges commands read, so hostile input fails with a message, not a crash.

Every file is read through :func:`read_limited`, which reads at most ``limit + 1`` bytes: a device
such as ``/dev/zero``, a FIFO or a multi-gigabyte file is refused after ``limit`` bytes instead of
exhausting memory. JSON is parsed through :func:`parse_json`, which turns a nesting bomb (``[[[[...``
100,000 deep makes Python's parser raise ``RecursionError``) into the same kind of clear error.
The figures are documented in ``docs/limits.md`` ("Images and credentials").
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from designer.base.files import read_bounded
from designer.base.errors import MedbadgeError

MiB = 1024 * 1024
#: A baked badge image (PNG or SVG). The largest PNG medbadge writes (1200 px) is under 1 MiB.
MAX_IMAGE_BYTES = 32 * MiB
#: A credential, assertion or JWS file given to ``bake``, and a payload found in an image.
MAX_PAYLOAD_BYTES = 4 * MiB
#: A key file (PEM, JWK, JWKS); a 16384-bit RSA private key PEM is about 12 KiB.
MAX_KEY_BYTES = 256 * 1024
#: Other JSON inputs: a schema, a status list credential, a DID document, a manifest.
MAX_JSON_BYTES = 16 * MiB
#: Deepest JSON nesting accepted; OB 3.0 credentials nest about 8 levels.
MAX_JSON_DEPTH = 64


def read_limited(path: str | Path, limit: int, what: str) -> bytes:
    """The bytes of ``path``, refusing files longer than ``limit`` after reading ``limit + 1`` bytes."""
    return read_bounded(path, limit, what,
                        hint="a badge image or credential is far smaller; check the file (see docs/limits.md)")


def parse_json(text: str | bytes, what: str, *, max_depth: int = MAX_JSON_DEPTH) -> Any:
    """``json.loads`` with a nesting bound; every failure is one :class:`MedbadgeError`."""
    if _depth_exceeds(text, max_depth):
        raise MedbadgeError(f"the {what} nests deeper than {max_depth} levels; refusing it")
    try:
        return json.loads(text)
    except RecursionError:  # pragma: no cover - the depth scan refuses these first
        raise MedbadgeError(f"the {what} nests too deeply; refusing it") from None
    except ValueError as error:
        raise MedbadgeError(f"the {what} is not valid JSON ({error})") from None


def _depth_exceeds(text: str | bytes, max_depth: int) -> bool:
    """Whether brackets outside strings nest deeper than ``max_depth`` (a linear scan, no parsing)."""
    if isinstance(text, bytes):
        text = text.decode("utf-8", "replace")
    if text.count("[") + text.count("{") <= max_depth:
        return False
    depth, in_string, escaped = 0, False, False
    for char in text:
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            if depth > max_depth:
                return True
        elif char in "]}":
            depth -= 1
    return False


