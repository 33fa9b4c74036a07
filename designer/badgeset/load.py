"""Read a badge set file: YAML with positions → validated :class:`BadgeSet`.

ruamel.yaml keeps the line and column of every key and value, so each problem — a YAML syntax
error, a schema error from pydantic, an unknown icon — is reported as ``path:line:col: message``.
All problems in the file are collected and reported together (a designer fixes them in one go).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import MarkedYAMLError, YAMLError

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
    """The file's text, or one clear error (missing, unreadable, not UTF-8)."""
    shown = display_path(path)
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise MedbadgeError("no such file", Location(shown), hint="check the path; `medbadge build` takes a badges.yaml") from None
    except UnicodeDecodeError as error:
        raise MedbadgeError(f"not UTF-8 text (byte {error.start})", Location(shown), hint="save the file as UTF-8") from None
    except OSError as error:
        raise MedbadgeError(f"cannot read: {error.strerror}", Location(shown)) from None


def parse_yaml(text: str, shown: str) -> tuple[Any, dict[Path_, tuple[int, int]]]:
    """Parse YAML keeping positions; returns plain Python data and a map of 1-based positions."""
    yaml = YAML(typ="rt")
    try:
        node = yaml.load(text)
    except MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        where = Location(shown, mark.line + 1, mark.column + 1) if mark else Location(shown)
        problem = error.problem or error.context or "invalid YAML"
        raise MedbadgeError(f"YAML syntax error: {problem}", where, hint="check indentation and quoting here") from None
    except YAMLError as error:
        raise MedbadgeError(f"YAML error: {error}", Location(shown)) from None
    positions: dict[Path_, tuple[int, int]] = {(): (1, 1)}
    return _plain(node, (), positions), positions


def _plain(node: Any, here: Path_, positions: dict[Path_, tuple[int, int]]) -> Any:
    if isinstance(node, CommentedMap):
        out = {}
        for key in node:
            line, col = node.lc.value(key) if node.lc.data.get(key) else (None, None)
            kline, kcol = node.lc.key(key)
            positions[here + (str(key),)] = (line + 1, col + 1) if line is not None else (kline + 1, kcol + 1)
            positions[here + (("key", str(key)),)] = (kline + 1, kcol + 1)  # type: ignore[operator]
            out[str(key)] = _plain(node[key], here + (str(key),), positions)
        return out
    if isinstance(node, CommentedSeq):
        out_list = []
        for index, item in enumerate(node):
            line, col = node.lc.item(index)
            positions[here + (index,)] = (line + 1, col + 1)
            out_list.append(_plain(item, here + (index,), positions))
        return out_list
    if node is None or isinstance(node, (bool, int, float)):
        return node
    return str(node)


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
            where = location_of(shown, positions, keys)
        if (keys, message) in seen:
            continue
        seen.add((keys, message))
        problems.append(MedbadgeError(message, where, hint=hint))
    return problems


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
