"""Write a starter ``badges.yaml``: the badge set as commented YAML a person will go on editing.

The text is written, not dumped, so that it reads like the bundled example: the framework's
provenance at the top, each tier's full level name and each badge's runner-up icons as comments.
Every string is a double-quoted YAML scalar (JSON's escaping is valid YAML), so a school name with
a colon or a quote cannot change the structure.
"""

from __future__ import annotations

import json
import textwrap
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from designer.frameworks import Framework, Item
from designer.starter.icons import IconChoice

#: A subtitle (the framework code) is written only when it is short enough for the subtitle slot.
MAX_SUBTITLE_CHARS = 16


@dataclass(frozen=True)
class StarterBadge:
    item: Item
    icon: IconChoice
    runners_up: tuple[IconChoice, ...]
    template: str | None  # None: the set's default template
    moved: str = ""  # why the badge is not on the requested template


@dataclass(frozen=True)
class StarterText:
    school: str
    issuer_id: str
    url: str
    email: str
    issuer_mark: str
    palette: str
    palette_note: str
    palette_folder: str | None
    default_template: str
    framework: Framework
    aligned: bool  # False for the generic starter (no framework to align to)
    tiers: Sequence[tuple[Mapping[str, Any], str]] | None
    badges: Sequence[StarterBadge]


def subtitle_for(item: Item, aligned: bool) -> str | None:
    """The badge's subtitle: the framework code, when it adds something and fits a subtitle line."""
    if aligned and item.code not in (item.title, item.name) and len(item.code) <= MAX_SUBTITLE_CHARS:
        return item.code
    return None


def q(text: str) -> str:
    """A double-quoted YAML scalar.

    >>> q('Saint Mary\\'s: "Medicine"')
    '"Saint Mary\\'s: \\\\"Medicine\\\\""'
    """
    return json.dumps(text, ensure_ascii=False)


#: Comment blocks are wrapped to this width, as the rest of the file reads.
WIDTH = 100


def _comment(text: str) -> str:
    return " ".join(text.split())


def _comment_block(text: str, first: str = "# ", rest: str = "#   ") -> list[str]:
    """``text`` as comment lines of at most :data:`WIDTH` characters (URLs are never broken)."""
    return textwrap.wrap(_comment(text), WIDTH, initial_indent=first, subsequent_indent=rest,
                         break_long_words=False, break_on_hyphens=False)


def render(spec: StarterText) -> str:
    """The badge set's text."""
    fw = spec.framework
    out = _comment_block(f"{spec.school}: starter badge set written by `medbadge init`.")
    if spec.aligned:
        out += _comment_block(f"One badge per item of {fw.title}"
                              + (f" ({fw.publisher}, {fw.version})" if fw.publisher else "") + ".")
        if fw.url:
            out.append(f"#   {fw.url}")
        for label, value in (("Source", fw.source), ("Usage", fw.usage)):
            if value:
                out += _comment_block(f"{label}: {value}")
    out += ["#",
            "# Titles, descriptions and criteria are drafts: make them your school's own. Every key is",
            "# described in docs/badge-set.md; `medbadge lint badges.yaml` checks each change.",
            "", "version: 1", "", "issuer:",
            f"  id: {q(spec.issuer_id)}", f"  name: {q(spec.school)}", f"  url: {q(spec.url)}",
            f"  email: {q(spec.email)}", "", "brand:",
            f"  palette: {q(spec.palette)}  # {spec.palette_note}",
            f"  issuer_mark: {q(spec.issuer_mark)}  # shown by templates with an issuer-mark slot (shield)", ""]
    if spec.palette_folder:
        out += ["paths:", f"  palettes: [{q(spec.palette_folder)}]", ""]
    out += _tiers(spec)
    out += ["defaults:", f"  template: {q(spec.default_template)}", "", "badges:"]
    for badge in spec.badges:
        out += _badge(badge, spec)
    return "\n".join(out) + "\n"


def _tiers(spec: StarterText) -> list[str]:
    if not spec.tiers:
        return ["tiers: four-metals  # foundation, proficient, advanced, distinguished", ""]
    fw = spec.framework
    lines = _comment_block(f"Tiers: four levels of the {fw.scale or 'framework scale'}"
                           + (f" ({fw.scale_source})" if fw.scale_source else "")
                           + ", each with the colours and non-colour cues of the same rank in the four-metals scheme.")
    lines.append("tiers:")
    for tier, name in spec.tiers:
        lines.append(f"  - id: {tier['id']}  # {_comment(name)}")
        lines.append(f"    label: {q(tier['label'])}")
        lines.append(f"    pips: {tier['pips']}")
        lines.append(f"    border: {tier['border']}")
        if tier.get("laurel"):
            lines.append("    laurel: true")
        roles = ", ".join(f"{role}: {q(ref)}" for role, ref in tier["roles"].items())
        lines.append(f"    roles: {{{roles}}}")
    return lines + [""]


def _badge(badge: StarterBadge, spec: StarterText) -> list[str]:
    item, fw = badge.item, spec.framework
    also = ", ".join(f"{c.name} ({c.score})" for c in badge.runners_up) or "none"
    lines = [f"  - id: {item.id}", f"    title: {q(item.title)}"]
    subtitle = subtitle_for(item, spec.aligned)
    if subtitle:
        lines.append(f"    subtitle: {q(subtitle)}")
    lines.append(f"    icon: {badge.icon.name}  # icon search score {badge.icon.score}; next best: {also}")
    if badge.template:
        lines.append(f"    template: {badge.template}" + (f"  # {_comment(badge.moved)}" if badge.moved else ""))
    lines += [f"    description: {q(item.description)}", f"    criteria: {q(item.criteria)}"]
    if spec.aligned:
        lines += ["    alignment:", f"      - framework: {q(fw.alignment_name)}", f"        code: {q(item.code)}",
                  f"        name: {q(item.name)}"]
        if fw.url:
            lines.append(f"        url: {q(fw.url)}")
    return lines + [""]
