"""Which container an image is, and a clear refusal for formats that cannot carry Open Badges data.

Open Badges 2.0 Baking and Open Badges 3.0 §"Baked Badge" define baking only for PNG and SVG ("The
image MUST be in either PNG or SVG format in order to support baking"). Other formats are named by
their magic bytes so the message can say what the file is and how to convert it.

>>> detect_format(b"\\xff\\xd8\\xff\\xe0JFIF")  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
designer.base.errors.MedbadgeError: this file is a JPEG image: only PNG and SVG can carry Open Badges data (...)
"""

from __future__ import annotations

import re

from designer.base.errors import MedbadgeError
from designer.openbadges.payload import Container
from designer.base.png import PNG_SIGNATURE, PNGError

CONVERT_HINT = (
    "export the badge as PNG or SVG, e.g. `medbadge render ... -o badge.png`, "
    "or convert it with an image tool such as `magick badge.jpg badge.png`"
)

# (magic test, human name) for formats we recognise in order to refuse them by name.
_OTHER_FORMATS: tuple[tuple[object, str], ...] = (
    (lambda d: d.startswith(b"\xff\xd8\xff"), "JPEG"),
    (lambda d: d[:6] in (b"GIF87a", b"GIF89a"), "GIF"),
    (lambda d: d[:4] == b"RIFF" and d[8:12] == b"WEBP", "WebP"),
    (lambda d: d[4:8] == b"ftyp" and d[8:12] in (b"avif", b"avis"), "AVIF"),
    (lambda d: d[4:8] == b"ftyp" and d[8:12] in (b"heic", b"heix", b"mif1", b"msf1"), "HEIC/HEIF"),
    (lambda d: d[:2] == b"BM", "BMP"),
    (lambda d: d[:4] in (b"II*\x00", b"MM\x00*"), "TIFF"),
    (lambda d: d[:4] == b"\x00\x00\x01\x00", "ICO"),
    (lambda d: d[:5] == b"%PDF-", "PDF"),
    (lambda d: d[:4] == b"\x8aMNG", "MNG"),
    (lambda d: d[:2] == b"\x1f\x8b", "gzip-compressed (an .svgz?)"),
)

# A start tag named svg with any (or no) prefix; the real parser later confirms the root element.
_SVG_TAG = re.compile(rb"<(?:[A-Za-z_][\w.\-]*:)?svg[\s/>]")


def detect_format(data: bytes, *, source: str | None = None) -> Container:
    """``"png"`` or ``"svg"``, or a :class:`MedbadgeError` that names the format and how to convert it.

    SVG is recognised anywhere after an XML declaration, comments, a DOCTYPE or any long preamble
    (openbadges-bakery only looks at the first 256 bytes).
    """
    where = f"{source}: " if source else ""
    if not data:
        raise MedbadgeError(f"{where}the file is empty", hint=CONVERT_HINT)
    if data.startswith(PNG_SIGNATURE):
        return "png"
    if len(data) < 8 and PNG_SIGNATURE.startswith(data):
        raise PNGError("truncated PNG: the file ends inside the signature", len(data), source=source)
    if data[1:4] == b"PNG":
        raise PNGError(
            "damaged PNG signature (line endings were converted, e.g. a text-mode transfer)", 0, source=source,
            hint="transfer the file in binary mode and try again",
        )
    for test, name in _OTHER_FORMATS:
        if test(data):  # type: ignore[operator]
            raise MedbadgeError(
                f"{where}this file is a{'n' if name[0] in 'AEIOU' else ''} {name} image: "
                "only PNG and SVG can carry Open Badges data",
                hint=CONVERT_HINT,
            )
    if _looks_like_svg(data):
        return "svg"
    raise MedbadgeError(f"{where}unrecognised image format: only PNG and SVG can carry Open Badges data", hint=CONVERT_HINT)


def _looks_like_svg(data: bytes) -> bool:
    """Markup that starts with ``<`` (after a BOM and whitespace) and has an ``svg`` start tag."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            data = data.decode("utf-16").encode("utf-8")
        except UnicodeDecodeError:
            return False
    head = data.removeprefix(b"\xef\xbb\xbf").lstrip()
    return head.startswith(b"<") and _SVG_TAG.search(data) is not None
