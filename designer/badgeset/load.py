"""Read a badge set file: YAML with positions → validated :class:`BadgeSet`.

ruamel.yaml keeps the line and column of every key and value, so each problem — a YAML syntax
error, a schema error from pydantic, an unknown icon — is reported as ``path:line:col: message``.
All problems in the file are collected and reported together (a designer fixes them in one go).

The file is hostile until proven otherwise: it is read with a size limit, parsed from YAML's event
stream without recursion, and every tag, alias, nesting level, number and character is checked
before a value reaches the schema — the bounds are the ``MAX_*`` constants below (docs/limits.md).
No YAML tag ever constructs an object: only text, numbers, true/false, null, lists and mappings.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError
from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.events import (AliasEvent, DocumentStartEvent, MappingEndEvent, MappingStartEvent, ScalarEvent,
                                SequenceEndEvent, SequenceStartEvent)

from designer.badgeset.model import SLUG, BadgeSetModel
from designer.base.errors import BadgeSetError, Location, MedbadgeError, did_you_mean, display_path

Path_ = tuple[str | int, ...]


@dataclass(frozen=True)
class BadgeSet:
    """A validated badge set plus where it came from (for messages and relative paths)."""

    model: BadgeSetModel
    path: Path
    positions: Mapping[Path_, tuple[int, int]] = field(repr=False, compare=False)

    @property
    def base_dir(self) -> Path:
        return self.path.parent

    def location(self, *keys: str | int) -> Location:
        """The place of the value at ``keys`` (or of its nearest parent that has one)."""
        return location_of(display_path(self.path), self.positions, tuple(keys))

    def resolve_paths(self, paths: Sequence[str]) -> tuple[Path, ...]:
        return tuple((self.base_dir / p).resolve() for p in paths)


def location_of(shown: str, positions: Mapping[Path_, tuple[int, int]], keys: Path_) -> Location:
    while keys and keys not in positions:
        keys = keys[:-1]
    line, col = positions.get(keys, (1, 1))
    return Location(shown, line, col)


def load(path: str | Path) -> BadgeSet:
    """Load and validate a badge set file; raise :class:`BadgeSetError` listing every problem."""
    path = Path(path)
    return loads(read_text(path), path)


def loads(text: str, path: str | Path) -> BadgeSet:
    """Validate badge set YAML ``text`` as if it were the file at ``path`` (used for messages and
    for relative paths) — the studio checks edits this way before anything is saved."""
    from designer.badgeset.references import check_references

    path = Path(path)
    shown = display_path(path)
    data, positions = parse_yaml(text, shown)
    if not isinstance(data, Mapping):
        raise MedbadgeError("a badge set must be a mapping with issuer, brand and badges", Location(shown, 1, 1))
    try:
        model = BadgeSetModel.model_validate(data)
    except ValidationError as error:
        raise BadgeSetError(_problems_from_pydantic(error, data, shown, positions)) from None
    badge_set = BadgeSet(model, path, positions)
    problems = check_references(badge_set)
    if problems:
        raise BadgeSetError(problems)
    return badge_set


def read_text(path: Path) -> str:
    """The file's text, or one clear error (missing, unreadable, too large, not UTF-8).

    At most :data:`MAX_FILE_BYTES` + 1 bytes are read, so ``/dev/zero`` or a multi-gigabyte file
    is refused after reading 1 MiB, never loaded whole."""
    shown = display_path(path)
    try:
        with open(path, "rb") as stream:
            data = stream.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        raise MedbadgeError("no such file", Location(shown), hint="check the path to the badge set file (badges.yaml)") from None
    except IsADirectoryError:
        raise MedbadgeError("this is a folder, not a badge set file", Location(shown), hint="give the path of its badges.yaml") from None
    except OSError as error:
        raise MedbadgeError(f"cannot read: {error.strerror or error}", Location(shown)) from None
    if len(data) > MAX_FILE_BYTES:
        raise _too_large(shown)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        raise MedbadgeError(f"not UTF-8 text (byte {error.start})", Location(shown, line, column),
                            hint="save the file as UTF-8") from None


# --- bounds ----------------------------------------------------------------------------------
# Enforced while the file is read and parsed, before anything is validated (docs/limits.md,
# "Badge set files"). The example badge set is 9 kB, 5 levels deep and has 517 values.

#: the largest badge set file, in bytes (``read_text`` reads at most one byte more)
MAX_FILE_BYTES = 1024 * 1024
#: how deeply lists and mappings may nest (the example needs 5), aliases expanded
MAX_DEPTH = 50
#: values (texts, numbers, lists, mappings) in the document, aliases expanded
MAX_NODES = 20_000
#: values that aliases (``*name``) may add when expanded: an "alias bomb" stops here
MAX_ALIAS_NODES = 10_000
#: characters in one text value (a title, a description, ...)
MAX_TEXT_CHARS = 10_000
#: the largest magnitude of a number
MAX_NUMBER = 10**15
#: digits a number may have (longer ones are refused before they are converted)
_MAX_DIGITS = 40

_YAML = "tag:yaml.org,2002:"
#: explicit tags allowed on a scalar, a list and a mapping; every other tag is refused
_SCALAR_TAGS = frozenset({"str", "int", "float", "bool", "null"})
_COLLECTION_TAGS = {"seq": "list", "map": "mapping"}

# YAML 1.2 core schema, as ruamel.yaml resolves plain scalars (plus its '_' digit separators).
_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
_TRUE = frozenset({"true", "True", "TRUE"})
_FALSE = frozenset({"false", "False", "FALSE"})
_INT = re.compile(r"^[-+]?(?:0b[01_]+|0o[0-7_]+|0x[0-9a-fA-F_]+|[0-9][0-9_]*)$")
_FLOAT = re.compile(r"""^(?:[-+]?[0-9][0-9_]*\.[0-9_]*(?:[eE][-+]?[0-9]+)?
                         |[-+]?[0-9][0-9_]*[eE][-+]?[0-9]+
                         |[-+]?\.[0-9_]+(?:[eE][-+]?[0-9]+)?
                         |[-+]?\.(?:inf|Inf|INF)
                         |\.(?:nan|NaN|NAN))$""", re.X)
_TIMESTAMP = re.compile(r"^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:(?:[Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}"
                        r"(?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?)?$")
#: characters YAML does not allow in a file at all (its c-printable set, YAML 1.2 §5.1)
_NOT_YAML_PRINTABLE = re.compile("[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
#: characters a text value may not hold: outside XML 1.0's Char production (§2.2: no C0 controls
#: but tab and line breaks, no lone surrogates, no U+FFFE/U+FFFF), and the C1 controls and DEL
#: that §2.2 asks documents to avoid. Such text breaks the SVG, so it is refused at its place.
_NOT_XML_TEXT = re.compile("[^\t\n\r\x20-\x7e\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")
_CONTROL_NAMES = {0x00: "NUL", 0x07: "BEL", 0x08: "BACKSPACE", 0x0B: "VT", 0x0C: "FORM FEED",
                  0x1B: "ESC", 0x7F: "DEL", 0x85: "NEL"}


def _too_large(shown: str) -> MedbadgeError:
    return MedbadgeError(f"the file is larger than {MAX_FILE_BYTES // 1024 // 1024} MiB", Location(shown),
                         hint="a badge set is a short text file; is this the right file?")


def describe_character(char: str) -> str:
    """``U+001B (ESC, a control character)`` — a character named for a message."""
    code = ord(char)
    if 0xD800 <= code <= 0xDFFF:
        kind = "a lone surrogate, half of a UTF-16 pair"
    elif code in (0xFFFE, 0xFFFF):
        kind = "a noncharacter"
    elif code in _CONTROL_NAMES:
        kind = f"{_CONTROL_NAMES[code]}, a control character"
    else:
        kind = "a control character"
    return f"U+{code:04X} ({kind})"


def _position_in(text: str, index: int) -> tuple[int, int]:
    """1-based line and column of ``text[index]``, counting line breaks as YAML does."""
    before = _LINE_BREAK.split(text[:index])
    return len(before), len(before[-1]) + 1


def _shown_value(value: str, limit: int = 40) -> str:
    short = value if len(value) <= limit else value[:limit] + "..."
    return short.encode("ascii", "backslashreplace").decode("ascii") if _NOT_XML_TEXT.search(short) else short


def _shown_tag(tag: str) -> str:
    short = "!!" + tag[len(_YAML):] if tag.startswith(_YAML) else tag
    return _shown_value(short, 80)


@dataclass(eq=False)
class _Node:
    """A value of the document: a scalar (converted), or a list or mapping of nodes. An alias is
    the very node it names, so ``size`` and ``height`` count what aliases expand to."""

    kind: str  # "scalar", "seq" or "map"
    line: int
    column: int
    value: Any = None  # scalar: the Python value
    text: str = ""  # scalar: its text, used when it is a key
    merge: bool = False  # the plain scalar ``<<`` (a merge key)
    children: list[_Node] = field(default_factory=list)  # map: key, value, key, value, ...
    anchor: str | None = None
    size: int = 1
    height: int = 0


class _Reader:
    """Turns the YAML event stream into :class:`_Node` trees, enforcing every bound as it goes.

    It never recurses and never constructs an object from a tag, so no input can exhaust the
    stack, run code, or expand aliases beyond :data:`MAX_ALIAS_NODES`. A bound that is crossed
    stops reading at once; problems with single values are collected and reported together.
    """

    def __init__(self, shown: str):
        self.shown = shown
        self.problems: list[MedbadgeError] = []
        self.anchors: dict[str, _Node] = {}
        self.stack: list[_Node] = []
        self.nodes = 0
        self.alias_nodes = 0
        self.root: _Node | None = None
        self.documents = 0

    def where(self, mark) -> Location:
        return Location(self.shown, mark.line + 1, mark.column + 1)

    def dotted(self) -> str:
        """Where the next value goes, as a dotted key path (``badges.0.title``)."""
        parts = []
        for depth, node in enumerate(self.stack):
            inner = depth + 1 < len(self.stack)  # the open child is the last of the children
            if node.kind == "seq":
                parts.append(str(len(node.children) - inner))
                continue
            pending = len(node.children) - inner
            key = node.children[pending - 1] if pending % 2 else None
            parts.append(_shown_value(key.text, 30) if key is not None and key.kind == "scalar" else "(key)")
        dotted = ".".join(parts)
        return dotted if len(dotted) <= 80 else dotted[:38] + "..." + dotted[-38:]

    def problem(self, message: str, mark, hint: str | None = None) -> None:
        dotted = self.dotted()
        self.problems.append(MedbadgeError(f"{dotted}: {message}" if dotted else message, self.where(mark), hint=hint))

    def stop(self, message: str, mark, hint: str | None = None) -> MedbadgeError:
        dotted = self.dotted()
        return MedbadgeError(f"{dotted}: {message}" if dotted else message, self.where(mark), hint=hint)

    def read(self, text: str) -> _Node | None:
        # The plain parser, not the round-trip one: that one marks the folds of '>' text with BEL characters.
        yaml = YAML(typ="safe", pure=True)
        for event in yaml.parse(text):
            if isinstance(event, (ScalarEvent, AliasEvent, SequenceStartEvent, MappingStartEvent)):
                self.add(event)
            elif isinstance(event, (SequenceEndEvent, MappingEndEvent)):
                self.close()
            elif isinstance(event, DocumentStartEvent):
                self.documents += 1
                if self.documents > 1:
                    raise MedbadgeError("a second YAML document ('---'): a badge set file holds one",
                                        self.where(event.start_mark), hint="remove the '---' line, or split the file")
            if len(self.problems) >= 20:
                break
        return self.root

    def attach(self, node: _Node, mark, count: int = 1, note: str = "") -> None:
        self.nodes += count
        if self.nodes > MAX_NODES:
            raise self.stop(f"more than {MAX_NODES:,} values in the file{note}", mark,
                            hint="a badge set needs far fewer; split it into several files")
        if self.stack:
            self.stack[-1].children.append(node)
        elif self.root is None:
            self.root = node

    def add(self, event) -> None:
        mark = event.start_mark
        if isinstance(event, AliasEvent):
            self.alias(event)
            return
        tag = None if event.tag is None else str(event.tag)
        if isinstance(event, ScalarEvent):
            node = self.scalar(event, tag)
            node.anchor = event.anchor
            self.attach(node, mark)
            if event.anchor is not None:
                self.anchors[event.anchor] = node
            return
        kind = "seq" if isinstance(event, SequenceStartEvent) else "map"
        if tag is not None and tag != "!":
            name = tag[len(_YAML):] if tag.startswith(_YAML) else None
            if name not in _COLLECTION_TAGS and name not in _SCALAR_TAGS:
                self.problem(f"YAML tag '{_shown_tag(tag)}' is not allowed", mark, hint=_TAG_HINT)
            elif name not in _COLLECTION_TAGS or _COLLECTION_TAGS[name] != ("list" if kind == "seq" else "mapping"):
                self.problem(f"YAML tag '{_shown_tag(tag)}' does not fit a {'list' if kind == 'seq' else 'mapping'}",
                             mark, hint="remove the tag")
        if len(self.stack) + 1 > MAX_DEPTH:
            raise self.stop(f"lists and mappings nested more than {MAX_DEPTH} levels deep", mark,
                            hint="a badge set needs a handful of levels; is a bracket left open?")
        node = _Node(kind, mark.line + 1, mark.column + 1, anchor=event.anchor)
        self.attach(node, mark)
        self.stack.append(node)

    def close(self) -> None:
        node = self.stack.pop()
        node.size = 1 + sum(child.size for child in node.children)
        node.height = 1 + max((child.height for child in node.children), default=0)
        if node.anchor is not None:
            self.anchors[node.anchor] = node

    def alias(self, event) -> None:
        mark, name = event.start_mark, event.anchor
        target = self.anchors.get(name)
        if target is None:
            if any(open_node.anchor == name for open_node in self.stack):
                raise self.stop(f"alias '*{_shown_value(name)}' is inside the value it names (a loop)", mark,
                                hint="an alias can only repeat a value that is complete before it")
            hint = did_you_mean(name, self.anchors) or f"define it first with '&{_shown_value(name)}'"
            raise self.stop(f"unknown alias '*{_shown_value(name)}'", mark, hint=hint)
        self.alias_nodes += target.size
        if self.alias_nodes > MAX_ALIAS_NODES:
            raise self.stop(f"aliases expand to more than {MAX_ALIAS_NODES:,} values", mark,
                            hint="an alias bomb? repeat fewer or smaller values with '*name'")
        if len(self.stack) + target.height > MAX_DEPTH:
            raise self.stop(f"lists and mappings nested more than {MAX_DEPTH} levels deep (with aliases expanded)", mark,
                            hint="a badge set needs a handful of levels")
        self.attach(target, mark, target.size, " (with aliases expanded)")

    def scalar(self, event, tag: str | None) -> _Node:
        mark, text = event.start_mark, event.value
        node = _Node("scalar", mark.line + 1, mark.column + 1, text=text)
        if len(text) > MAX_TEXT_CHARS:
            self.problem(f"a text of {len(text):,} characters: at most {MAX_TEXT_CHARS:,} are allowed", mark,
                         hint="shorten it; long criteria belong on the page that criteria_url names")
            return node
        bad = _NOT_XML_TEXT.search(text)
        if bad:
            self.problem(f"the text holds {describe_character(bad.group())} at character {bad.start() + 1}, "
                         "which SVG and XML cannot carry", mark, hint="remove it")
            return node
        if tag is None and event.implicit[0]:  # a plain scalar: YAML 1.2 core schema
            node.value = self.plain(text, mark, node)
        elif tag is None or tag == "!":  # quoted, or the non-specific tag '!': text
            node.value = text
        elif tag.startswith(_YAML) and tag[len(_YAML):] in _SCALAR_TAGS:
            node.value = self.tagged(tag[len(_YAML):], text, mark)
        elif tag.startswith(_YAML) and tag[len(_YAML):] in _COLLECTION_TAGS:
            self.problem(f"YAML tag '{_shown_tag(tag)}' does not fit a single value", mark, hint="remove the tag")
        else:
            self.problem(f"YAML tag '{_shown_tag(tag)}' is not allowed", mark, hint=_TAG_HINT)
        return node

    def plain(self, text: str, mark, node: _Node) -> Any:
        if _NULL.match(text):
            return None
        if text in _TRUE or text in _FALSE:
            return text in _TRUE
        if _INT.match(text):
            return self.number(text, int, mark)
        if _FLOAT.match(text):
            return self.number(text, float, mark)
        if text == "<<":
            node.merge = True
        return text  # including timestamps: a badge set has no dates, so they stay as written

    def tagged(self, name: str, text: str, mark) -> Any:
        shown = f"'{_shown_value(text)}' (tagged !!{name})"
        if name == "str":
            return text
        if name == "null":
            if not _NULL.match(text):
                self.problem(f"{shown} is not null", mark, hint="write ~ or null, or remove the tag")
            return None
        if name == "bool":
            if text not in _TRUE and text not in _FALSE:
                self.problem(f"{shown} is not true or false", mark, hint="write true or false, or remove the tag")
            return text in _TRUE
        if name == "int":
            if not _INT.match(text):
                self.problem(f"{shown} is not a whole number", mark, hint="write digits such as 3, or remove the tag")
                return None
            return self.number(text, int, mark)
        if not (_FLOAT.match(text) or _INT.match(text)):
            self.problem(f"{shown} is not a number", mark, hint="write a number such as 2.5, or remove the tag")
            return None
        return self.number(text, float, mark)

    def number(self, text: str, kind: type, mark) -> int | float | None:
        digits = text.replace("_", "")
        if len(digits) > _MAX_DIGITS:
            self.problem(f"the number '{_shown_value(text)}' has {len(digits):,} characters: too long", mark,
                         hint=f"numbers in a badge set are at most {MAX_NUMBER:.0e}; quote it if it is text")
            return None
        try:
            if kind is int:
                sign = -1 if digits[:1] == "-" else 1
                unsigned = digits.lstrip("+-")
                base = {"0b": 2, "0o": 8, "0x": 16}.get(unsigned[:2].lower(), 10)
                value: int | float = sign * int(unsigned[2:] if base != 10 else unsigned, base)
            else:
                value = float(digits.replace(".inf", "inf").replace(".Inf", "inf").replace(".INF", "inf")
                              .replace(".nan", "nan").replace(".NaN", "nan").replace(".NAN", "nan"))
        except ValueError:
            self.problem(f"'{_shown_value(text)}' is not a number", mark, hint="quote it if it is text")
            return None
        if not math.isfinite(value):
            self.problem(f"'{_shown_value(text)}' is not a finite number", mark,
                         hint="use a number such as 2.5; quote it if it is text")
            return None
        if abs(value) > MAX_NUMBER:
            self.problem(f"the number '{_shown_value(text)}' is too large", mark,
                         hint=f"numbers in a badge set are at most {MAX_NUMBER:.0e}; quote it if it is text")
            return None
        return value


_TAG_HINT = "a badge set holds only text, numbers, true/false, lists and mappings; remove the tag"


def parse_yaml(text: str, shown: str) -> tuple[Any, dict[Path_, tuple[int, int]]]:
    """Parse YAML keeping positions; returns plain Python data and a map of 1-based positions.

    Every bound in this module is enforced here, before anything is validated; a problem is a
    :class:`MedbadgeError` (or a :class:`BadgeSetError` listing several) at its ``line:col``."""
    if len(text) > MAX_FILE_BYTES or len(text.encode("utf-8", "surrogatepass")) > MAX_FILE_BYTES:
        raise _too_large(shown)
    bad = _NOT_YAML_PRINTABLE.search(text)
    if bad:
        line, column = _position_in(text, bad.start())
        raise MedbadgeError(f"the file holds {describe_character(bad.group())}, which a badge set cannot hold",
                            Location(shown, line, column), hint="remove it; a badge set file is plain text")
    reader = _Reader(shown)
    try:
        root = reader.read(text)
    except MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        where = Location(shown, mark.line + 1, mark.column + 1) if mark else Location(shown)
        problem = error.problem or error.context or "invalid YAML"
        raise MedbadgeError(f"YAML syntax error: {problem}", where, hint="check indentation and quoting here") from None
    except YAMLError as error:
        raise MedbadgeError(f"YAML error: {error}", Location(shown)) from None
    if reader.problems:
        raise BadgeSetError(reader.problems)
    positions: dict[Path_, tuple[int, int]] = {(): (1, 1)}
    problems: list[MedbadgeError] = []
    data = None if root is None else _plain(root, (), positions, problems, shown)
    if problems:
        raise BadgeSetError(problems)
    return data, positions


def _plain(node: _Node, here: Path_, positions: dict[Path_, tuple[int, int]], problems: list[MedbadgeError],
           shown: str) -> Any:
    """The node as plain Python data, recording each value's place. Recursion is bounded by
    :data:`MAX_DEPTH` and the work by :data:`MAX_NODES` (aliases expanded)."""
    if node.kind == "scalar":
        return node.value
    if node.kind == "seq":
        items = []
        for index, item in enumerate(node.children):
            positions[here + (index,)] = (item.line, item.column)
            items.append(_plain(item, here + (index,), positions, problems, shown))
        return items
    out: dict[str, Any] = {}
    pairs = list(zip(node.children[0::2], node.children[1::2]))
    # Merge keys ('<<: *defaults') first: the mapping's own keys win over merged ones.
    for key, value in pairs:
        if key.kind == "scalar" and key.merge:
            sources = value.children if value.kind == "seq" else [value]
            for source in sources:
                if source.kind != "map":
                    problems.append(MedbadgeError("'<<' merges only mappings", Location(shown, source.line, source.column),
                                                  hint="write '<<: *name' where &name is a mapping"))
                    continue
                merged = _plain(source, here, positions, problems, shown)
                for merged_key, merged_value in merged.items():
                    out.setdefault(merged_key, merged_value)
    seen: dict[str, _Node] = {}
    for key, value in pairs:
        if key.kind != "scalar":
            problems.append(MedbadgeError("a key must be plain text, not a list or mapping",
                                          Location(shown, key.line, key.column), hint="write 'key: value'"))
            continue
        if key.merge:
            continue
        name = key.text
        if name in seen:
            problems.append(MedbadgeError(f"duplicate key '{_shown_value(name)}'", Location(shown, key.line, key.column),
                                          hint=f"it is given already on line {seen[name].line}; keep one"))
            continue
        seen[name] = key
        positions[here + (name,)] = (value.line, value.column)
        positions[here + (("key", name),)] = (key.line, key.column)  # type: ignore[operator]
        out[name] = _plain(value, here + (name,), positions, problems, shown)
    return out


def _data_path(loc: tuple, data: Any) -> Path_:
    """pydantic's ``loc`` minus union/validator tags, keeping only keys that exist in ``data``."""
    kept: list[str | int] = []
    node = data
    for part in loc:
        if isinstance(node, Mapping) and isinstance(part, str) and part in node:
            kept.append(part)
            node = node[part]
        elif isinstance(node, list) and isinstance(part, int) and part < len(node):
            kept.append(part)
            node = node[part]
        elif isinstance(node, Mapping) and isinstance(part, str) and not part[:1].isupper() and "[" not in part:
            kept.append(part)  # a missing or extra key: keep it for the message
            node = None
    return tuple(kept)


#: pydantic error types in the words of a YAML file's author.
PLAIN_WORDS = {
    "dict_type": "must be a mapping (indented 'key: value' lines)",
    "model_type": "must be a mapping (indented 'key: value' lines)",
    "model_attributes_type": "must be a mapping (indented 'key: value' lines)",
    "list_type": "must be a list (lines starting with '- ', or [a, b])",
    "string_type": "must be text",
    "int_type": "must be a whole number",
    "int_parsing": "must be a whole number",
    "bool_type": "must be true or false",
    "bool_parsing": "must be true or false",
    "too_short": "must have at least {min_length} item(s)",
    "string_too_short": "must not be empty",
    "string_too_long": "must be at most {max_length} characters",
    "greater_than_equal": "must be at least {ge}",
    "less_than_equal": "must be at most {le}",
    "literal_error": "must be one of {expected}",
}


def _problems_from_pydantic(error: ValidationError, data: Any, shown: str, positions) -> list[MedbadgeError]:
    problems: list[MedbadgeError] = []
    seen: set[tuple[Path_, str]] = set()
    items = [(item, _data_path(item["loc"], data)) for item in error.errors()]
    # A value of the wrong kind for one branch of a union (``tiers``: a name or a list) is noise
    # when another branch says what is wrong with the value as given.
    specific = {keys for item, keys in items if not item["type"].endswith("_type")}
    items = [(item, keys) for item, keys in items if not (item["type"].endswith("_type") and keys in specific)]
    for item, keys in items:
        kind = item["type"]
        dotted = ".".join(str(k) for k in keys) or "(top level)"
        hint = None
        if kind == "missing":
            message = f"missing required key '{keys[-1]}' in {'.'.join(str(k) for k in keys[:-1]) or 'the file'}"
            where = location_of(shown, positions, keys[:-1])
        elif kind == "extra_forbidden":
            parent = _model_at(BadgeSetModel, keys[:-1])
            message = f"unknown key '{keys[-1]}'"
            hint = did_you_mean(str(keys[-1]), parent.model_fields) if parent else None
            where = location_of(shown, positions, keys[:-1] + (("key", str(keys[-1])),))  # type: ignore[operator]
        elif kind == "string_pattern_mismatch" and item.get("ctx", {}).get("pattern") == SLUG:
            message = f"{dotted}: '{item['input']}' must be lower-case words joined by hyphens (e.g. 'hand-hygiene')"
            where = location_of(shown, positions, keys)
        elif kind == "string_pattern_mismatch":
            message = f"{dotted}: '{item['input']}' must be a web address starting with https://"
            where = location_of(shown, positions, keys)
        elif kind in PLAIN_WORDS:
            message = f"{dotted}: {PLAIN_WORDS[kind].format(**item.get('ctx', {}))}"
            where = location_of(shown, positions, keys)
        else:
            message = f"{dotted}: {item['msg'].removeprefix('Value error, ')}"
            # A check of the whole file (ids used twice) points at the repeated id, not at 1:1.
            where = location_of(shown, positions, keys or _repeated_id(data))
        if (keys, message) in seen:
            continue
        seen.add((keys, message))
        problems.append(MedbadgeError(message, where, hint=hint))
    return problems


def _repeated_id(data: Any) -> Path_:
    """The keys of the second badge (or tier) whose ``id`` repeats an earlier one, or ``()``."""
    for section in ("badges", "tiers"):
        items = data.get(section) if isinstance(data, Mapping) else None
        seen: set = set()
        for index, item in enumerate(items if isinstance(items, list) else []):
            ident = item.get("id") if isinstance(item, Mapping) else None
            if ident is not None and ident in seen:
                return (section, index, "id")
            seen.add(ident)
    return ()


def _model_at(model: type[BaseModel], keys: Path_) -> type[BaseModel] | None:
    """The pydantic model class that validates the mapping at ``keys``."""
    import typing

    current: Any = model
    for key in keys:
        if isinstance(key, int):
            continue
        field_info = current.model_fields.get(key) if isinstance(current, type) and issubclass(current, BaseModel) else None
        if field_info is None:
            return None
        current = _first_model(field_info.annotation, typing)
        if current is None:
            return None
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _first_model(annotation: Any, typing) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = _first_model(arg, typing)
        if found is not None:
            return found
    return None
