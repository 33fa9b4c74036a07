"""Edit a badge set file and write it back keeping its comments, order and formatting.

The studio's edits go through :class:`BadgeSetDocument`: it holds the ruamel.yaml round-trip
tree (comments and key order live in it), applies edits, shows the unified diff against the text
that was opened, and saves atomically — refusing when the file changed on disk since it was
opened, so nobody's work is overwritten silently.
"""

from __future__ import annotations

import difflib
import hashlib
import io
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from designer import palettes
from designer.badgeset.load import BadgeSet, loads, parse_yaml, read_text
from designer.base.errors import Location, MedbadgeError, display_path, unknown_name
from designer.base.files import write_atomic

#: Indentation styles tried when opening a file; the one that reproduces the file exactly wins.
INDENT_STYLES = ((2, 4, 2), (2, 2, 0), (4, 4, 2), (4, 6, 4), (4, 4, 0), (2, 4, 0))


class ConflictError(MedbadgeError):
    """The file changed on disk after it was opened; saving would overwrite someone's work."""


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class BadgeSetDocument:
    """An editable badge set: ``text()`` is always valid YAML; ``load()`` validates it."""

    def __init__(self, text: str, path: str | Path):
        self.path = Path(path)
        parse_yaml(text, display_path(self.path))  # a YAML syntax error becomes one placed message
        self.original = text
        self.opened_sha = _sha(text)
        self._yaml = self._matching_yaml(text)
        self._tree = self._yaml.load(text)
        self._text: str | None = text  # the dump of the tree, kept until the next edit

    @classmethod
    def open(cls, path: str | Path) -> BadgeSetDocument:
        return cls(read_text(Path(path)), path)

    @staticmethod
    def _matching_yaml(text: str) -> YAML:
        best, best_score = None, None
        for mapping, sequence, offset in INDENT_STYLES:
            yaml = YAML(typ="rt")
            yaml.indent(mapping=mapping, sequence=sequence, offset=offset)
            yaml.preserve_quotes = True
            yaml.width = 4096  # never re-wrap a long line the user wrote
            out = io.StringIO()
            yaml.dump(yaml.load(text), out)
            score = sum(1 for line in difflib.ndiff(text.splitlines(), out.getvalue().splitlines())
                        if line[:1] in "+-")
            if best_score is None or score < best_score:
                best, best_score = yaml, score
            if score == 0:
                break
        assert best is not None
        return best

    # --- reading -----------------------------------------------------------------------------
    def text(self) -> str:
        if self._text is None:  # dumping costs ~25 ms; the studio asks several times per rerun
            out = io.StringIO()
            self._yaml.dump(self._tree, out)
            self._text = out.getvalue()
        return self._text

    def load(self) -> BadgeSet:
        return loads(self.text(), self.path)

    @property
    def changed(self) -> bool:
        return self.text() != self.original

    def diff(self) -> str:
        """The unified diff of the edits against the text that was opened."""
        name = display_path(self.path)
        return "".join(difflib.unified_diff(self.original.splitlines(True), self.text().splitlines(True),
                                            f"{name} (opened)", f"{name} (edited)"))

    # --- editing -----------------------------------------------------------------------------
    def _badge(self, badge_id: str) -> CommentedMap:
        for badge in self._tree.get("badges", []):
            if badge.get("id") == badge_id:
                return badge
        raise unknown_name("badge", badge_id, [b.get("id") for b in self._tree.get("badges", [])])

    def set_badge(self, badge_id: str, key: str, value: Any) -> None:
        """Set (or, with ``None`` or ``""``, remove) one key of a badge."""
        self._text = None
        _set(self._badge(badge_id), key, value)

    def set_brand(self, key: str, value: Any) -> None:
        self._text = None
        _set(self._tree["brand"], key, value)

    def set_role(self, role: str, value: str | None, badge_id: str | None = None) -> None:
        """Override a colour role for the whole brand or for one badge (``None`` removes it)."""
        self._text = None
        if role not in palettes.ALL_ROLES:
            raise unknown_name("role", role, palettes.ALL_ROLES)
        owner = self._badge(badge_id) if badge_id else self._tree["brand"]
        roles = owner.get("roles")
        if value in (None, ""):
            if roles is not None and role in roles:
                del roles[role]
                if not roles:
                    del owner["roles"]
            return
        if roles is None:
            owner["roles"] = roles = CommentedMap()
        roles[role] = value

    def set_tier(self, tier_id: str, **changes: Any) -> None:
        """Change a tier's label or cues. A named scheme is first written out as a list, so the
        edit has somewhere to live (the diff shows it)."""
        self._text = None
        tiers = self._tree.get("tiers", "four-metals")
        if isinstance(tiers, str):
            scheme = palettes.tier_schemes()[tiers]
            tiers = CommentedSeq()
            for tier in scheme.tiers:
                entry = CommentedMap()
                entry["id"], entry["label"], entry["pips"] = tier.id, tier.label, tier.pips
                entry["border"], entry["laurel"] = tier.border, tier.laurel
                entry["roles"] = CommentedMap(tier.roles)
                tiers.append(entry)
            self._tree["tiers"] = tiers
        for tier in tiers:
            if tier.get("id") == tier_id:
                for key, value in changes.items():
                    _set(tier, key, value)
                return
        raise unknown_name("tier", tier_id, [t.get("id") for t in tiers])

    def add_search_path(self, kind: str, folder: str) -> None:
        """Add ``folder`` (relative to the badge set) to ``paths.<kind>`` unless it is there."""
        self._text = None
        paths = self._tree.get("paths")
        if paths is None:
            self._tree["paths"] = paths = CommentedMap()
        entries = paths.get(kind)
        if entries is None:
            paths[kind] = entries = CommentedSeq()
        if folder not in entries:
            entries.append(folder)

    # --- saving ------------------------------------------------------------------------------
    def save(self, *, force: bool = False) -> None:
        """Write the edits; refuse (ConflictError) if the file changed since it was opened."""
        on_disk = read_text(self.path) if self.path.exists() else None
        if on_disk is not None and _sha(on_disk) != self.opened_sha and not force:
            raise ConflictError("the file changed on disk since it was opened; not overwriting it",
                                Location(display_path(self.path)),
                                hint="reload it to see the other changes, or save under another name")
        text = self.text()
        write_atomic(self.path, text.encode("utf-8"))
        self.original, self.opened_sha = text, _sha(text)


def _set(mapping: CommentedMap, key: str, value: Any) -> None:
    if value is None or value == "":
        if key in mapping:
            del mapping[key]
        return
    mapping[key] = value
