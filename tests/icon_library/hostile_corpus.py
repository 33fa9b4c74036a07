"""The hostile icon corpus: SVG files that once hung, crashed or half-wrote an import, build or lint.

Each file in ``tests/hostile/icons/`` is named for what it is and is made by a function here, so
the corpus can be regenerated (``python -m tests.icon_library.hostile_corpus``) and a test checks
that the files on disk are what these functions make. Every one must be refused with the reason
code in :data:`CORPUS`, within seconds, writing nothing.
"""

from __future__ import annotations

import random
from pathlib import Path

CORPUS_DIR = Path(__file__).resolve().parents[1] / "hostile" / "icons"
NS = 'xmlns="http://www.w3.org/2000/svg"'


def _svg(body: str, view_box: str = "0 0 24 24", extra: str = "") -> str:
    return f'<svg {NS} viewBox="{view_box}"{extra}>{body}</svg>'


def _random_lines(count: int, seed: int, digits: int = 2) -> str:
    rng = random.Random(seed)
    return "M1 1" + "".join(f" L{rng.uniform(1, 23):.{digits}f} {rng.uniform(1, 23):.{digits}f}" for _ in range(count))


def _padded_path(total: int) -> str:
    """A file of exactly ``total`` bytes: one small path whose data is padded with spaces."""
    head, tail = f'<svg {NS} viewBox="0 0 24 24"><path d="M4 4', ' h16v16H4z"/></svg>'
    return head + " " * (total - len(head) - len(tail)) + tail


def _nested(groups: int) -> str:
    return _svg("<g>" * groups + '<path d="M4 4h16v16H4z"/>' + "</g>" * groups)


#: file name -> (reason code, text). The byte-exact 102-byte file is the one first reported.
CORPUS: dict[str, tuple[str, str]] = {
    "circle-radius-1e300.svg": ("number-too-large", _svg('<circle cx="12" cy="12" r="1e300"/>') + "\n"),
    "dashed-path-100k-segments.svg": ("too-many-segments", _svg(
        '<path d="M2 2' + " l.2.1 l-.2.1" * 50_000 + '" fill="none" stroke="black" stroke-dasharray="0.01 0.01"/>')),
    "dashes-too-fine.svg": ("too-many-dashes", _svg(
        '<path d="M2 2h20v20H2z" fill="none" stroke="black" stroke-dasharray="0.001"/>')),
    "crossing-lines-5000-segments.svg": ("too-many-segments", _svg(
        f'<path d="{_random_lines(5_000, 2)}" fill="none" stroke="black" stroke-width="2"/>')),
    "shapes-2000-circles.svg": ("too-many-shapes", _svg(
        "".join(f'<circle cx="{i % 24}" cy="{i // 24 % 24}" r="0.3"/>' for i in range(2_000)))),
    "view-box-nan.svg": ("bad-view-box", _svg('<circle cx="12" cy="12" r="5"/>', "0 0 nan nan")),
    "view-box-negative-infinity.svg": ("bad-view-box", _svg('<circle cx="12" cy="12" r="5"/>', "-inf -inf 24 24")),
    "view-box-zero-width.svg": ("bad-view-box", _svg('<circle cx="12" cy="12" r="5"/>', "0 0 0 24")),
    "view-box-tiny.svg": ("bad-view-box", _svg('<circle cx="0" cy="0" r="1e-9"/>', "0 0 1e-300 1e-300")),
    "size-infinite-no-view-box.svg": ("bad-view-box",
                                      f'<svg {NS} width="inf" height="inf"><circle cx="12" cy="12" r="5"/></svg>'),
    "transform-scale-1e308.svg": ("number-too-large", _svg('<g transform="scale(1e308)"><circle cx="12" cy="12" r="5"/></g>')),
    "transform-scale-zero.svg": ("degenerate-transform", _svg('<g transform="scale(0)"><circle cx="12" cy="12" r="5"/></g>')),
    "transform-nested-scale-overflow.svg": ("degenerate-transform", _svg(
        '<g transform="scale(1e5)">' * 4 + '<circle cx="0" cy="0" r="1e-9"/>' + "</g>" * 4)),
    "transform-skew-90.svg": ("degenerate-transform", _svg('<path transform="skewX(90)" d="M4 4h16v16H4z"/>')),
    "transform-rotate-without-angle.svg": ("bad-transform", _svg('<path transform="rotate()" d="M4 4h16v16H4z"/>')),
    "transform-nan.svg": ("bad-number", _svg('<path transform="translate(nan nan)" d="M4 4h16v16H4z"/>')),
    "path-nan-coordinates.svg": ("bad-path", _svg('<path d="M4 4L nan nan"/>')),
    "path-arc-missing-arguments.svg": ("bad-path", _svg('<path d="M4 4A5 5"/>')),
    "path-arc-radii-1e12-apart.svg": ("degenerate-shape", _svg('<path d="M4 4A0.00000001 10000 0 1 1 20 20"/>')),
    "ellipse-radii-1e12-apart.svg": ("degenerate-shape", _svg('<ellipse cx="12" cy="12" rx="1e-8" ry="1e4"/>')),
    "circle-far-away.svg": ("out-of-reach", _svg('<circle cx="99999" cy="99999" r="5"/>', "0 0 1 1")),
    "dash-negative.svg": ("bad-number", _svg('<path d="M2 2h20" stroke="black" stroke-dasharray="2 -1"/>')),
    "dash-nan-offset.svg": ("bad-number", _svg('<path d="M2 2h20" stroke="black" stroke-dasharray="2 1" stroke-dashoffset="nan"/>')),
    "stroke-width-infinite.svg": ("number-too-large", _svg('<path d="M2 2h20" stroke="black" stroke-width="1e999"/>')),
    "opacity-percent.svg": ("bad-number", _svg('<path d="M4 4h16v16H4z" opacity="50%"/>')),
    "miter-limit-huge.svg": ("number-too-large", _svg('<path d="M2 2L22 3L2 4" stroke="black" stroke-miterlimit="1e5"/>')),
    "length-malformed.svg": ("bad-number", _svg('<rect x="1..2em" y="4" width="16" height="16"/>')),
    "css-url-flood.svg": ("css-url", _svg(f'<path d="M4 4h16v16H4z" style="fill:{"url(" * 200_000}"/>')),
    "number-900k-digits.svg": ("bad-number", _svg(f'<circle cx="12" cy="12" r="{"1" * 900_000}x"/>')),
    "nesting-62-groups.svg": ("too-deep", _nested(62)),
    "path-999901-bytes.svg": ("too-large", _padded_path(999_901)),
}


def write_corpus(folder: Path = CORPUS_DIR) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, (_reason, text) in CORPUS.items():
        (folder / name).write_text(text, encoding="utf-8")


if __name__ == "__main__":  # pragma: no cover - regenerates the files on disk
    write_corpus()
