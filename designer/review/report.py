"""The diff report: one offline HTML page, its images in a folder beside it (relative links).

Plain HTML and CSS — no script, no web font, no network: it opens from a CI artefact or a laptop
the same way. A row of radio buttons puts the artwork on white, light grey or a dark page, or shows
it in greyscale (CSS ``:has()`` and ``filter: grayscale``), because a badge is seen on all of them
and a change that only shows on dark pages is still a change.
"""

from __future__ import annotations

from html import escape

from designer.base.pages import PAGES as BACKGROUNDS  # (key, label, colour); the studio shows the same pages
from designer.review import summary
from designer.review.changes import DesignChange

_STYLE = """
body{font-family:system-ui,sans-serif;margin:2rem;color:#1b1b1b;background:#fafafa;line-height:1.4}
fieldset{border:1px solid #ccc;border-radius:8px;display:inline-flex;gap:1rem;padding:.5rem 1rem}
section{margin:2rem 0;padding-top:1rem;border-top:1px solid #ddd}
.pictures{display:flex;flex-wrap:wrap;gap:1rem}
figure{margin:0}
.art{padding:12px;border:1px solid #ccc;border-radius:8px;background:#ffffff;display:inline-block}
.art img{display:block;width:340px;max-width:80vw;height:auto}
.cards{margin-top:1rem}.cards .art img{width:420px}.cards .missing{width:420px;height:219px}
.missing{width:340px;height:340px;display:flex;align-items:center;justify-content:center;color:#777}
figcaption{font-size:.85rem;margin-top:.3rem}
.added{color:#1d6b35}.removed{color:#a4161a}.changed{color:#8a3c00}.metadata{color:#555}
.clean{color:#1d6b35}.error{color:#a4161a}.warning{color:#8a5a00}.info{color:#555}
code{font-size:.85rem}
""" + "".join(f"body:has(#bg-{key}:checked) .side{{background:{colour}}}\n" for key, _, colour in BACKGROUNDS) + \
    "body:has(#bg-grey:checked) .side img{filter:grayscale(1)}\n"


def report_html(title: str, changes: list[DesignChange], unchanged: int, images: dict[str, dict[str, str]],
                pixels: dict[str, float], linted: tuple[bool, bool]) -> bytes:
    """The page: a summary, then each visual change with its pictures and lint status, then the
    designs whose metadata alone changed. ``images[slug]`` maps ``before``/``after``/``difference``
    (and ``card-before``... for the share card) to a relative path; ``pixels[slug]`` is the fraction
    of the badge's pixels that changed."""
    visual = [c for c in changes if c.visual]
    metadata = [c for c in changes if not c.visual]
    out = ["<!DOCTYPE html>", '<html lang="en">', "<head>", '<meta charset="utf-8">',
           '<meta name="viewport" content="width=device-width, initial-scale=1">',
           f"<title>{escape(title)}</title>", f"<style>{_STYLE}</style>", "</head>", "<body>",
           f"<h1>{escape(title)}</h1>",
           f"<p>{escape(summary.headline(changes, unchanged))}.</p>",  # the terminal's words
           '<fieldset><legend>Show the artwork on</legend>']
    for number, (key, label, _) in enumerate(BACKGROUNDS):
        checked = " checked" if number == 0 else ""
        out.append(f'<label><input type="radio" name="background" id="bg-{key}"{checked}> {label}</label>')
    out.append('<label><input type="radio" name="background" id="bg-grey"> Greyscale (on white)</label>')
    out.append("</fieldset>")
    if not visual:
        out.append("<p><strong>No visual change.</strong></p>")
    for change in visual:
        out += _section(change, images.get(change.slug, {}), pixels.get(change.slug), linted)
    if metadata:
        out.append('<section id="metadata"><h2>Metadata changes only</h2><ul>')
        out += [f'<li><code>{escape(c.slug)}</code>: {escape(", ".join(c.files))}</li>' for c in metadata]
        out.append("</ul></section>")
    out += ["</body>", "</html>", ""]
    return "\n".join(out).encode("utf-8")


def _section(change: DesignChange, images: dict[str, str], fraction: float | None,
             linted: tuple[bool, bool]) -> list[str]:
    slug = escape(change.slug)
    out = [f'<section id="{slug}">', f'<h2><code>{slug}</code> <span class="{change.status}">{change.status}</span></h2>']
    if change.status == "changed":
        share = f"; {100 * fraction:.2f} % of the pixels at the preview size differ" if fraction is not None else ""
        out.append(f"<p>Files that differ: {escape(', '.join(change.files))}{share}.</p>")
    out.append(f"<p>Lint: {lint_html(change.before, linted[0])} → {lint_html(change.after, linted[1])}</p>")
    rows = [("", "")] + ([("card-", "Share card: ")] if any(k.startswith("card-") for k in images) else [])
    for prefix, what in rows:
        out.append(f'<div class="pictures{" cards" if prefix else ""}">')
        for key, label in (("before", "Before"), ("after", "After"), ("difference", "Pixel difference")):
            if key == "difference" and change.status != "changed":
                continue
            path = images.get(prefix + key)
            side = " side" if key != "difference" else ""
            if path:
                body = f'<img src="{escape(path)}" alt="{slug}: {(what + label).lower()}">'
            else:
                body = f'<div class="missing">{"not in this set" if key != "difference" else "no picture"}</div>'
            out.append(f'<figure><div class="art{side}">{body}</div><figcaption>{what}{label}</figcaption></figure>')
        out.append("</div>")
    out.append("</section>")
    return out


def lint_html(design, linted: bool) -> str:
    """:func:`designer.review.summary.lint_text`, coloured by the status."""
    text = summary.lint_text(design, linted)
    status = design.lint.get("status", "info") if design is not None and design.lint is not None else "info"
    return f'<span class="{escape(status)}">{escape(text)}</span>'
