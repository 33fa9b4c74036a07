"""Public badge pages: one static HTML page per badge × tier in the asset set, ``<badge>/<slug>.html``.

What someone sees who follows a shared link: the title and tier, the badge image with its alt
text, the description, the criteria, the competency alignment and the issuer. The head carries
what link previews read — Open Graph (``og:title``, ``og:description``, ``og:image``, ``og:url``)
and Twitter card tags, the image being the share card when the badge set makes one — and the OB 3.0
Achievement as JSON-LD (``application/ld+json``), the same document as the hosted
``.achievement.json``. No script, no external resource: the page works from any static host.

The pages are made after the Open Badges JSON, from the very Achievement documents the build has
just written, so a page and its JSON cannot disagree.
"""

from __future__ import annotations

import json
from html import escape

from designer.base.pages import preview_file
from designer.design import Design

_STYLE = ("body{font-family:system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b;"
          "line-height:1.5}img{max-width:100%;height:auto}.tier{color:#555;margin-top:-.5rem}"
          "dt{font-weight:600}dd{margin:0 0 .6rem 0}footer{margin-top:2rem;font-size:.9rem;color:#555}")


def badge_pages(designs: list[Design], files, achievements: dict[str, dict]) -> list[tuple[Design, str, bytes]]:
    """``(design, relative path, page bytes)`` for every design with an Achievement in
    ``achievements`` (slug → the OB 3.0 Achievement the build has just written); ``files`` are the
    build's file records so far (the images and JSON a page links to)."""
    by_design: dict[tuple[str, str], dict[str, list]] = {}
    for record in files:
        by_design.setdefault((record.badge, record.tier), {}).setdefault(record.kind, []).append(record)
    pages = []
    for design in designs:
        records = by_design.get((design.badge_id, design.tier_id), {})
        achievement = achievements.get(design.slug)
        if achievement is None or not records.get("achievement"):
            continue  # built without the JSON format: no Achievement to show
        base = achievement["id"][: -len(records["achievement"][0].path)]
        path = f"{design.badge_id}/{design.slug}.html"
        pages.append((design, path, badge_page(design, achievement, base, path, records)))
    return pages


def badge_page(design: Design, achievement: dict, base: str, path: str, records: dict[str, list]) -> bytes:
    """The page of one badge × tier; ``records`` are its file records by kind, ``base`` the hosting URL."""
    name, description = achievement["name"], achievement["description"]
    image = _image(records)
    card = records.get("card", [None])[0]
    shared = card or image
    lines = ["<!DOCTYPE html>", '<html lang="en" prefix="og: https://ogp.me/ns#">', "<head>", '<meta charset="utf-8">',
             '<meta name="viewport" content="width=device-width, initial-scale=1">',
             f"<title>{escape(name)} — {escape(design.issuer_name)}</title>",
             f'<meta name="description" content="{escape(description)}">',
             f'<link rel="canonical" href="{escape(base + path)}">']
    meta = [("og:type", "website"), ("og:site_name", design.issuer_name), ("og:title", name),
            ("og:description", description), ("og:url", base + path)]
    if shared is not None:
        meta += [("og:image", base + shared.path), ("og:image:alt", _alt(design, card))]
        if card is not None:
            meta += [("og:image:width", "1200"), ("og:image:height", "627"), ("og:image:type", "image/png")]
    lines += [f'<meta property="{key}" content="{escape(value)}">' for key, value in meta]
    twitter = [("twitter:card", "summary_large_image" if card is not None else "summary"),
               ("twitter:title", name), ("twitter:description", description)]
    if shared is not None:
        twitter += [("twitter:image", base + shared.path), ("twitter:image:alt", _alt(design, card))]
    lines += [f'<meta name="{key}" content="{escape(value)}">' for key, value in twitter]
    lines += [f'<script type="application/ld+json">{json_ld(achievement)}</script>',
              f"<style>{_STYLE}</style>", "</head>", "<body>", "<main>",
              f"<h1>{escape(design.title)}</h1>", f'<p class="tier">{escape(design.cue.label)} tier — '
              f"{design.cue.rank} of {design.tier_count}</p>"]
    if image is not None:
        lines.append(f'<img src="{escape(_relative(path, image.path))}" width="340" height="340" '
                     f'alt="{escape(design.alt_text)}">')
    lines += [f"<p>{escape(design.description)}</p>", "<h2>Criteria</h2>", f"<p>{escape(design.criteria)}</p>"]
    criteria_url = achievement.get("criteria", {}).get("id")
    if criteria_url:
        lines.append(f'<p><a href="{escape(criteria_url)}">The full criteria</a></p>')
    if design.alignment:
        lines += ["<h2>Alignment</h2>", "<dl>"]
        for ref in design.alignment:
            target = escape(ref.name) if not ref.url else f'<a href="{escape(ref.url)}">{escape(ref.name)}</a>'
            code = f" ({escape(ref.code)})" if ref.code else ""
            lines += [f"<dt>{escape(ref.framework)}{code}</dt>", f"<dd>{target}</dd>"]
        lines.append("</dl>")
    issuer = achievement.get("creator", {})
    lines += ["</main>", "<footer>", f'<p>Issued by <a href="{escape(issuer.get("url", base))}">'
              f"{escape(design.issuer_name)}</a>.</p>"]
    links = [(kind, records[kind][0].path) for kind in ("achievement", "badgeclass") if records.get(kind)]
    if links:
        labels = {"achievement": "Open Badges 3.0 Achievement", "badgeclass": "Open Badges 2.0 BadgeClass"}
        lines.append("<p>" + " · ".join(f'<a href="{escape(_relative(path, p))}">{labels[k]}</a>' for k, p in links)
                     + "</p>")
    lines += ["</footer>", "</body>", "</html>", ""]
    return "\n".join(lines).encode("utf-8")


def json_ld(data: dict) -> str:
    """``data`` as JSON that is safe inside ``<script>``: no ``<`` can close the element early.

    >>> json_ld({"name": "</script><b>"})
    '{"name": "\\\\u003c/script>\\\\u003cb>"}'
    """
    return json.dumps(data, ensure_ascii=False, sort_keys=False).replace("<", "\\u003c")


def _image(records: dict[str, list]):
    """The badge image a page shows: the PNG closest above 340 px, else the largest, else the SVG."""
    return preview_file([*records.get("png", []), *records.get("svg", [])], 340)


def _alt(design: Design, card) -> str:
    if card is None:
        return design.alt_text
    from designer.share.card import card_alt_text

    return card_alt_text(design)


def _relative(page: str, target: str) -> str:
    """``target`` (a path in the asset set) as a link from ``page`` (both use ``/``)."""
    depth = page.count("/")
    return "../" * depth + target
