"""Property-based: icon SVGs built from numeric edge cases — NaN, ±inf, 1e300, -0, tiny and huge
values, malformed numbers, huge dash arrays, degenerate viewBoxes, deep nesting, long paths — are
either imported as a renderable icon or refused with a MedbadgeError (UnsafeSVGError for refused
SVG). Never another exception, never more than a few seconds.

Bounded for CI: derandomized (the same examples every run), a small number of examples and a
per-example deadline; the whole file runs in well under 30 s.
"""

from __future__ import annotations

import shutil
import time
from datetime import timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from designer.base.errors import MedbadgeError
from designer.icon_library.raster import ink_box, render_rgba
from designer.icon_library.safe_xml import parse_svg_bytes
from designer.icon_library.sanitize import sanitize

NS = 'xmlns="http://www.w3.org/2000/svg"'
EDGE_NUMBERS = ["nan", "NaN", "-nan", "inf", "-inf", "Infinity", "1e300", "-1e300", "1e999", "-0", "0", "-0.0",
                "1e-300", "5e-324", "1e5", "100000", "100001", "-1e5", "0.1", "0.09", "12", "2", "24", "0.5", "-3",
                "1..2", "1e", ".", "+.5", "1e+2", "", " ", "5%", "5px", "2em", "3mm", "1in", "7vw", "1,2"]
SETTINGS = settings(max_examples=60, deadline=timedelta(seconds=5), derandomize=True, database=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
SECONDS = 5

edge_numbers = st.one_of(
    st.sampled_from(EDGE_NUMBERS),
    st.floats(allow_nan=True, allow_infinity=True, width=64).map(repr),
    st.integers(-10**6, 10**6).map(str),
)
ordinary_numbers = st.one_of(st.integers(0, 24).map(str), st.floats(-2, 26, allow_nan=False).map(lambda v: f"{v:.3g}"))


def mostly(ordinary, edge, one_in: int = 6):
    """``edge`` one time in ``one_in``, else ``ordinary``: enough valid icons get through to be drawn."""
    return st.integers(0, one_in - 1).flatmap(lambda k: edge if k == 0 else ordinary)


numbers = mostly(ordinary_numbers, edge_numbers)
view_boxes = mostly(
    st.sampled_from(["0 0 24 24", "0 0 512 512", "0,0,24,24", "-2 -2 28 28", "0 0 640 320", "0 0 0.1 0.1"]),
    st.one_of(st.lists(edge_numbers, min_size=4, max_size=4).map(" ".join),
              st.sampled_from(["0 0 0 0", "0 0 nan nan", "-inf -inf inf inf", "0 0 24", "0 0 1e-300 1e-300",
                               "0 0 1e5 1e5", "0 0 100001 1", "0 0 -24 24"])),
    one_in=4)


@st.composite
def path_data(draw) -> str:
    parts = [f"M{draw(numbers)} {draw(numbers)}"]
    for _ in range(draw(st.integers(0, 8))):
        command = draw(st.sampled_from("MLHVCSQTAZmlhvcsqtaz"))
        arity = {"m": 2, "l": 2, "h": 1, "v": 1, "c": 6, "s": 4, "q": 4, "t": 2, "a": 7, "z": 0}[command.lower()]
        count = draw(st.sampled_from([arity, arity, max(arity - 1, 0), arity + 1]))
        args = [draw(st.sampled_from(["0", "1"])) if command in "aA" and i in (3, 4) else draw(numbers)
                for i in range(count)]
        parts.append(command + " ".join(args))
    repeat = draw(st.sampled_from([1, 1, 1, 50, 800, 3_001]))  # long paths
    if repeat > 1:
        parts.append(" l.01 .01" * repeat)
    return " ".join(parts)


_ARITY = {"matrix": 6, "translate": 2, "scale": 1, "rotate": 3, "skewX": 1, "skewY": 1}
transforms = st.sampled_from(sorted(_ARITY)).flatmap(lambda kind: st.builds(
    lambda args: f"{kind}({' '.join(args)})",
    mostly(st.lists(numbers, min_size=_ARITY[kind], max_size=_ARITY[kind]), st.lists(numbers, max_size=7))))
dash_arrays = mostly(
    st.lists(numbers, min_size=1, max_size=6).map(",".join),
    st.sampled_from(["none", "0", "0 0", "0.001", "1e-300", "2 -1", "nan", " ".join(["0.01"] * 80)]), one_in=3)


@st.composite
def shape(draw) -> str:
    kind = draw(st.sampled_from(["circle", "ellipse", "rect", "line", "path", "polyline", "polygon"]))
    geometry = {
        "circle": ["cx", "cy", "r"], "ellipse": ["cx", "cy", "rx", "ry"],
        "rect": ["x", "y", "width", "height", "rx", "ry"], "line": ["x1", "y1", "x2", "y2"],
    }
    attributes = {}
    if kind == "path":
        attributes["d"] = draw(path_data())
    elif kind in ("polyline", "polygon"):
        attributes["points"] = " ".join(draw(st.lists(numbers, min_size=0, max_size=9)))
    else:
        for key in geometry[kind]:
            if draw(st.booleans()):
                attributes[key] = draw(numbers)
    for key, strategy in (("transform", transforms), ("stroke-dasharray", dash_arrays),
                          ("stroke-width", numbers), ("stroke-dashoffset", numbers), ("opacity", numbers),
                          ("stroke-miterlimit", numbers), ("stroke", st.sampled_from(["black", "none", "#123", "rgb(,,,)", "rgb(1.2.3,0,0)", "rgb(1,2,3,4)"])),
                          ("fill", st.sampled_from(["none", "#abc", "rgba(1,2,3)", "hsl(1,2)", "rgb()", "rgba(1,2,3,0.5)"]))):
        if draw(st.integers(0, 3)) == 0:
            attributes[key] = draw(strategy)
    text = "".join(f' {k}="{v}"' for k, v in attributes.items())
    return f"<{kind}{text}/>"


@st.composite
def icon_svg(draw) -> str:
    body = "".join(draw(st.lists(shape(), min_size=1, max_size=4)))
    depth = draw(st.sampled_from([0, 0, 0, 0, 0, 1, 3, 62, 63, 70]))  # deep nesting, around the parser's bound
    group = draw(st.one_of(st.just("<g>"), transforms.map(lambda t: f'<g transform="{t}">')))
    body = group * depth + body + "</g>" * depth
    root = ""
    if draw(st.integers(0, 5)):
        root += f' viewBox="{draw(view_boxes)}"'
    if draw(st.integers(0, 2)) == 0:
        root += f' width="{draw(numbers)}" height="{draw(numbers)}"'
    if draw(st.integers(0, 2)) == 0:
        root += f' stroke="black" stroke-width="{draw(numbers)}" stroke-dasharray="{draw(dash_arrays)}"'
    return f"<svg {NS}{root}>{body}</svg>"


@SETTINGS
@given(icon_svg())
def test_sanitized_icons_render_or_are_refused(svg):
    started = time.perf_counter()
    try:
        clean = sanitize(parse_svg_bytes(svg.encode("utf-8"), "fuzz.svg"), "fuzz.svg")
        view_box = clean.view_box or (0.0, 0.0, 24.0, 24.0)
        from designer.icon_library.markup import serialize_children

        ink_box(serialize_children(clean.children), view_box, clean.root_attributes)
    except MedbadgeError:
        pass
    assert time.perf_counter() - started < SECONDS


IMPORT_SETTINGS = settings(SETTINGS, max_examples=40)


@IMPORT_SETTINGS
@given(svg=icon_svg())
def test_imports_succeed_with_a_renderable_icon_or_are_refused(svg):
    import tempfile
    from pathlib import Path

    from designer.icon_library.importer import import_icon

    folder = Path(tempfile.mkdtemp(prefix="medbadge-fuzz-"))
    source = folder / "fuzz.svg"
    source.write_text(svg, encoding="utf-8")
    started = time.perf_counter()
    try:
        report = import_icon(source, "fuzz", folder / "mine")
    except MedbadgeError:
        assert not (folder / "mine").exists()  # a refusal writes nothing
    else:
        icon = report.icon
        assert icon.view_box == (0.0, 0.0, 24.0, 24.0)
        image = render_rgba(icon.svg(color="#000", size=48), 48, 48)
        assert image.getchannel("A").getbbox() is not None
    finally_seconds = time.perf_counter() - started
    shutil.rmtree(folder)
    assert finally_seconds < SECONDS
