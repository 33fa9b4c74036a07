"""The asset set's two overview files: ``manifest.json`` and ``index.html`` (a contact sheet).

Both are pure functions of the file records and designs, sorted and free of timestamps and
absolute paths, so two builds of the same input give the same bytes and a manifest diff shows
exactly what a change did.
"""

from __future__ import annotations

import json
from html import escape

import designer
from designer.assetset.records import FileRecord
from designer.base.pages import PAGES
from designer.design import Design

#: Display sizes shown on the contact sheet (where badges are shown: a 64 px icon test, 96 px platform thumbnails, 150 px LMS tiles).
SHEET_SIZES = (64, 96, 150)
#: The pages each design is shown on: the previews' pages (designer.base.pages: white, the light
#: grey of a learning platform, the #121212 of a dark theme), then white again through a greyscale
#: filter, where the tier must read by lightness and cue alone. (CSS class, caption, CSS.)
SHEET_PAGES = (*((f"page-{p.key}", f"on {p.label.lower()} {p.colour}", f"background:{p.colour}") for p in PAGES),
               ("page-grey", "greyscale", "background:#fff"))


def manifest_json(files: list[FileRecord], lint: dict | None = None) -> bytes:
    """The file list; with ``lint`` (``metadata.lint_status``, from ``build --lint``) each design's lint status."""
    data = {"generator": f"medbadge {designer.__version__}",
            "files": [f.as_json() for f in sorted(files, key=lambda f: f.path)]}
    if lint is not None:
        data["lint"] = lint
    return (json.dumps(data, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def index_html(title: str, designs: list[Design], files: list[FileRecord],
               findings: dict[str, list] | None = None) -> bytes:
    """Every badge × tier at the display sizes, with its alt text; images by relative path.
    With ``findings`` (lint violations by design slug, from ``build --lint``) each design also
    shows its lint status."""
    by_design: dict[tuple[str, str], list[FileRecord]] = {}
    for record in files:
        by_design.setdefault((record.badge, record.tier), []).append(record)
    rows: dict[str, list[Design]] = {}
    for design in designs:
        rows.setdefault(design.badge_id, []).append(design)
    out = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        f"<title>{escape(title)} — badge contact sheet</title>",
        "<style>",
        "body{font-family:system-ui,sans-serif;margin:2rem;color:#1b1b1b;background:#fafafa}",
        "section{margin-bottom:2.5rem}",
        ".tiers{display:flex;flex-wrap:wrap;gap:1.5rem}",
        "figure{margin:0;padding:1rem;background:#fff;border:1px solid #ddd;border-radius:8px;max-width:36rem}",
        ".sizes{display:flex;align-items:flex-end;gap:1rem;padding:.5rem;border-radius:6px}",
        ".pages{display:flex;flex-direction:column;gap:.4rem}",
        *(f".{css}{{{style}}}" for css, _, style in SHEET_PAGES), ".page-grey img{filter:grayscale(1)}",
        ".page-name{font-size:.7rem;color:#777;writing-mode:vertical-rl}",
        "figcaption{font-size:.85rem;margin-top:.5rem}",
        "code{font-size:.8rem;color:#555}",
        ".lint{font-size:.8rem;margin:.4rem 0 0;padding-left:1.1rem}",
        ".clean{color:#1d6b35}.error{color:#a4161a}.warning{color:#8a5a00}.info{color:#555}",
        "</style>",
        "</head>",
        "<body>",
        f"<h1>{escape(title)}</h1>",
        f"<p>{len(designs)} designs. Each badge is shown at {', '.join(map(str, SHEET_SIZES))} px; "
        f"{', '.join(caption for _, caption, _ in SHEET_PAGES[:-1])}, and in greyscale; the caption is its alt text.</p>",
    ]
    for badge_id, tier_designs in rows.items():
        out.append(f'<section id="{escape(badge_id)}">')
        out.append(f"<h2>{escape(tier_designs[0].title)} <code>{escape(badge_id)}</code></h2>")
        out.append('<div class="tiers">')
        for design in tier_designs:
            records = by_design.get((design.badge_id, design.tier_id), [])
            out.append(f'<figure id="{escape(design.slug)}">')
            out.append('<div class="pages">')
            for page, (css, caption, _) in enumerate(SHEET_PAGES):
                out.append(f'<div class="sizes {css}"><span class="page-name">{escape(caption)}</span>')
                for number, size in enumerate(SHEET_SIZES):
                    source = _image_for(records, size)
                    # The same badge nine times: a screen reader should hear its alt text once.
                    alt = escape(design.alt_text) if page == 0 and number == 0 else ""
                    if source is not None:
                        out.append(f'<img src="{escape(source)}" width="{size}" height="{size}" alt="{alt}">')
                out.append("</div>")
            out.append("</div>")
            out.append(f"<figcaption><strong>{escape(design.cue.label)}</strong> — {escape(design.alt_text)}"
                       f"<br><code>{escape(design.slug)}</code>{_lint_status(findings, design.slug)}</figcaption>")
            out.append("</figure>")
        out.append("</div>")
        out.append("</section>")
    out += ["</body>", "</html>", ""]
    return "\n".join(out).encode("utf-8")


def _lint_status(findings: dict[str, list] | None, slug: str) -> str:
    if findings is None:
        return ""
    found = findings.get(slug, [])
    if not found:
        return '<br><span class="clean">lint: clean</span>'
    items = "".join(f'<li class="{escape(v.severity)}"><code>{escape(v.code)}</code> {escape(v.message)}</li>'
                    for v in found)
    return f'<ul class="lint">{items}</ul>'


def _image_for(records: list[FileRecord], size: int) -> str | None:
    """The PNG rendered at exactly ``size`` px, else the smallest larger PNG (shown scaled down),
    else the SVG master."""
    pngs = sorted((r.pixels, r.path) for r in records if r.kind == "png" and r.pixels and r.pixels >= size)
    if pngs:
        return pngs[0][1]
    svg = next((r.path for r in records if r.kind == "svg"), None)
    if svg is not None:
        return svg
    smaller = sorted((r.pixels or 0, r.path) for r in records if r.kind == "png")
    return smaller[-1][1] if smaller else None
