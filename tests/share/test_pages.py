"""Public badge pages: content, og:/Twitter meta pointing at the card, the Achievement as JSON-LD, strict HTML."""

from __future__ import annotations

import json
import re

import html5lib

SLUG = "global-health-distinguished"


def strict_parse(html: bytes):
    """html5lib in strict mode: any parse error raises."""
    return html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parse(html)


def _page(dist):
    return (dist / "global-health" / f"{SLUG}.html").read_bytes()


def test_page_parses_strictly_and_shows_the_badge(shared_set):
    _, dist = shared_set
    tree = strict_parse(_page(dist))
    text = "".join(tree.find("body").itertext())
    assert tree.find("body/main/h1").text == "Global Health"
    assert "Distinguished tier — 4 of 4" in text
    assert "Criteria" in text and "Global-health module" in text
    image = tree.find("body/main/img")
    assert image.get("alt").startswith("Distinguished tier badge for Global Health")
    assert (dist / "global-health" / image.get("src")).resolve().is_file()  # a relative link into the set
    for link in tree.iter("a"):
        href = link.get("href")
        if not href.startswith("http"):
            assert (dist / "global-health" / href).resolve().is_file(), href


def test_meta_points_at_the_card_and_the_page(shared_set):
    _, dist = shared_set
    tree = strict_parse(_page(dist))
    meta = {m.get("property") or m.get("name"): m.get("content") for m in tree.iter("meta") if m.get("content")}
    base = "https://badges.northfield-med.example/"  # from the example issuer id
    assert meta["og:url"] == base + f"global-health/{SLUG}.html"
    assert meta["og:image"] == base + f"global-health/{SLUG}-card.png"
    assert (meta["og:image:width"], meta["og:image:height"]) == ("1200", "627")
    assert meta["og:title"] == meta["twitter:title"] == "Global Health — Distinguished"
    assert meta["twitter:card"] == "summary_large_image" and meta["twitter:image"] == meta["og:image"]
    assert meta["og:image:alt"] and meta["og:description"]
    # the absolute URLs name files that exist in the asset set
    for key in ("og:url", "og:image"):
        assert (dist / meta[key][len(base):]).is_file()


def test_json_ld_is_the_hosted_achievement(shared_set):
    _, dist = shared_set
    tree = strict_parse(_page(dist))
    script = next(s for s in tree.iter("script") if s.get("type") == "application/ld+json")
    embedded = json.loads(script.text)
    hosted = json.loads((dist / "global-health" / f"{SLUG}.achievement.json").read_text(encoding="utf-8"))
    assert embedded == hosted
    assert embedded["type"] == ["Achievement"] and embedded["image"]["caption"].startswith("Distinguished tier")


def test_alignment_is_listed_with_links(shared_set):
    import designer
    from tests.conftest import EXAMPLE

    design = designer.resolve(designer.load(EXAMPLE), badges=("history-taking",), tiers=("foundation",))[0]
    _, dist = shared_set
    html = (dist / "history-taking" / "history-taking-foundation.html").read_text(encoding="utf-8")
    strict_parse(html.encode())
    assert design.alignment, "the example aligns history-taking with a framework"
    for ref in design.alignment:
        assert ref.framework in html and ref.name.replace("&", "&amp;") in html


def test_text_that_looks_like_markup_is_escaped(tmp_path):
    from designer.assetset import BuildOptions, build, parse_sizes
    from tests.conftest import EXAMPLE

    source = tmp_path / "badges.yaml"
    text = EXAMPLE.read_text(encoding="utf-8")
    old = "    criteria: Global-health module and a reflective report on an approved elective.\n"
    assert old in text
    source.write_text(text.replace(old, '    criteria: "Module </script><script>alert(1)</script> & <b>report</b>"\n'),
                      encoding="utf-8")
    build(source, tmp_path / "dist", BuildOptions(sizes=parse_sizes("64"), badges=("global-health",),
                                                  tiers=("foundation",), jobs=1))
    page = (tmp_path / "dist" / "global-health" / "global-health-foundation.html").read_bytes()
    tree = strict_parse(page)
    assert [s.get("type") for s in tree.iter("script")] == ["application/ld+json"]  # no script got in
    assert re.search(rb"<b>", page) is None
    ld = json.loads(next(tree.iter("script")).text)
    assert ld["criteria"]["narrative"] == "Module </script><script>alert(1)</script> & <b>report</b>"
