"""Lint configuration: ``lint:`` in the badge set, ``[tool.medbadge.lint]`` in pyproject.toml.

The pyproject table (the nearest ``pyproject.toml`` in the badge set's folder or above it) is read
first; the badge set's own ``lint:`` mapping wins over it; command-line options win over both.
Keys (snake_case; kebab-case is accepted in TOML)::

    lint:
      select: [MB1, MB301]          # codes, code prefixes or rule names
      ignore: [svg-file-size]
      severity: {MB205: error}      # error | warning | info
      fail_level: error             # findings at or above this fail the run (exit 1)
      wcag: AA                      # AA | AAA
      display_sizes: {text: 96, icon: 64}
      page_backgrounds: ["#ffffff", "#121212"]   # MB104: the pages badges are shown on
      tier_lightness: rising        # MB306: rim grey rises (or falls) with rank
      suppress:
        - {code: MB502, badge: first-aid, reason: "licensed by the national Red Cross society"}

Numbers (defaults): ``min_cap_height_px`` 5, ``min_stroke_px`` 1, ``max_title_words`` 6,
``min_description_words`` 5, ``max_description_words`` 80 (MB603), ``min_criteria_words`` 5,
``tier_min_delta_e`` 10, ``palette_tolerance`` 2, ``svg_budget_kb`` 100, and for the geometry
rules, measured at the smallest display size: ``min_canvas_margin_px`` 1 (MB206),
``min_gap_px`` 1 (MB207, MB307, MB104), ``min_cue_px`` 4 (MB307), ``icon_size_tolerance`` 0.15
(MB503).

Every suppression needs a non-empty ``reason``; a suppression that matches nothing is reported
(MB002). A bad key or value is a :class:`~designer.base.errors.MedbadgeError` at its ``file:line:col``.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from designer.base.errors import Location, MedbadgeError, did_you_mean, display_path
from designer.base.files import read_bounded
from designer.lint.violation import SEVERITIES


@dataclass(frozen=True)
class Suppression:
    code: str
    badge: str | None
    tier: str | None
    reason: str
    location: Location | None = None

    def matches(self, code: str, name: str, badge: str | None, tier: str | None) -> bool:
        return (self.code in (code, name) and (self.badge is None or self.badge == badge)
                and (self.tier is None or self.tier == tier))


@dataclass(frozen=True)
class LintConfig:
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    severity: Mapping[str, str] = field(default_factory=dict)
    fail_level: str = "error"
    wcag: str = "AA"
    text_display_px: int = 96
    icon_display_px: int = 64
    suppress: tuple[Suppression, ...] = ()
    min_cap_height_px: float = 5.0
    min_stroke_px: float = 1.0
    max_title_words: int = 6
    min_description_words: int = 5
    min_criteria_words: int = 5
    tier_min_delta_e: float = 10.0
    palette_tolerance: float = 2.0
    brand_fonts: tuple[str, ...] | None = None
    svg_budget_kb: float = 100.0
    min_canvas_margin_px: float = 1.0
    min_gap_px: float = 1.0
    icon_size_tolerance: float = 0.15
    page_backgrounds: tuple[str, ...] = ("#ffffff", "#121212")
    min_cue_px: float = 4.0
    tier_lightness: str = "rising"
    max_description_words: int = 80

    def enabled(self, code: str, name: str) -> bool:
        def hit(patterns) -> bool:
            return any(code.startswith(p) or p == name for p in patterns)
        if self.select is not None and not hit(self.select):
            return False
        return not hit(self.ignore)

    def severity_of(self, code: str, name: str, default: str) -> str:
        return self.severity.get(code, self.severity.get(name, default))


_SCALARS: dict[str, Callable[[Any], Any]] = {
    "min_cap_height_px": float, "min_stroke_px": float, "max_title_words": int,
    "min_description_words": int, "min_criteria_words": int, "tier_min_delta_e": float,
    "palette_tolerance": float, "svg_budget_kb": float, "min_canvas_margin_px": float, "min_gap_px": float,
    "icon_size_tolerance": float, "min_cue_px": float, "max_description_words": int,
}
KEYS = ("select", "ignore", "severity", "fail_level", "wcag", "display_sizes", "suppress", "brand_fonts",
        "page_backgrounds", "tier_lightness", *_SCALARS)


def config_from_mapping(data: Mapping, where: Callable[..., Location], base: LintConfig = LintConfig()) -> LintConfig:
    """Apply a ``lint`` mapping on top of ``base``; ``where(*keys)`` locates a key for messages."""
    from designer.lint.registry import is_known_rule

    if not isinstance(data, Mapping):
        raise MedbadgeError("lint: must be a mapping of settings", where())
    changes: dict[str, Any] = {}
    for raw_key, value in data.items():
        key = str(raw_key).replace("-", "_")
        if key not in KEYS:
            raise MedbadgeError(f"unknown lint setting '{raw_key}'", where(raw_key), hint=did_you_mean(key, KEYS))
        if key in ("select", "ignore"):
            items = [value] if isinstance(value, str) else value
            if not isinstance(items, list) or not all(isinstance(v, str) for v in items):
                raise MedbadgeError(f"lint.{key} must be a list of rule codes or names", where(raw_key))
            for index, item in enumerate(items):
                if not is_known_rule(item, prefix=True):
                    raise MedbadgeError(f"lint.{key}: unknown rule '{item}'", where(raw_key, index))
            changes[key] = tuple(items)
        elif key == "severity":
            if not isinstance(value, Mapping):
                raise MedbadgeError("lint.severity must map rule codes to error, warning or info", where(raw_key))
            levels = dict(base.severity)
            for code, level in value.items():
                if not is_known_rule(str(code)):
                    raise MedbadgeError(f"lint.severity: unknown rule '{code}'", where(raw_key, code))
                if level not in SEVERITIES:
                    raise MedbadgeError(f"lint.severity.{code}: '{level}' is not error, warning or info",
                                        where(raw_key, code))
                levels[str(code)] = level
            changes["severity"] = levels
        elif key == "fail_level":
            if value not in SEVERITIES:
                raise MedbadgeError(f"lint.fail_level: '{value}' is not error, warning or info", where(raw_key))
            changes[key] = value
        elif key == "wcag":
            if str(value).upper() not in ("AA", "AAA"):
                raise MedbadgeError(f"lint.wcag: '{value}' is not AA or AAA", where(raw_key))
            changes[key] = str(value).upper()
        elif key == "display_sizes":
            if not isinstance(value, Mapping) or set(value) - {"text", "icon"}:
                raise MedbadgeError("lint.display_sizes takes 'text' and 'icon' sizes in pixels", where(raw_key))
            for part in ("text", "icon"):
                if part in value:
                    px = value[part]
                    if not isinstance(px, int) or not 16 <= px <= 1024:
                        raise MedbadgeError(f"lint.display_sizes.{part}: use a whole number of pixels, 16 to 1024",
                                            where(raw_key, part))
                    changes[f"{part}_display_px"] = px
        elif key == "brand_fonts":
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise MedbadgeError("lint.brand_fonts must be a list of font family names", where(raw_key))
            changes[key] = tuple(value)
        elif key == "page_backgrounds":
            from designer.base.color import Color

            items = [value] if isinstance(value, str) else value
            if not isinstance(items, list) or not items or not all(isinstance(v, str) for v in items):
                raise MedbadgeError("lint.page_backgrounds must be a list of colours, e.g. ['#ffffff', '#121212']",
                                    where(raw_key))
            for index, item in enumerate(items):
                try:
                    if not Color.parse(item).opaque:
                        raise ValueError
                except ValueError:
                    raise MedbadgeError(f"lint.page_backgrounds: '{item}' is not an opaque colour", where(raw_key, index),
                                        hint="use #rrggbb") from None
            changes[key] = tuple(items)
        elif key == "tier_lightness":
            if value not in ("rising", "falling"):
                raise MedbadgeError(f"lint.tier_lightness: '{value}' is not rising or falling", where(raw_key))
            changes[key] = value
        elif key == "suppress":
            changes[key] = base.suppress + _suppressions(value, raw_key, where)
        else:
            try:
                number = _SCALARS[key](value)
                if isinstance(value, bool) or number < 0:
                    raise ValueError
            except (TypeError, ValueError):
                raise MedbadgeError(f"lint.{key}: '{value}' is not a non-negative number", where(raw_key)) from None
            changes[key] = number
    return replace(base, **changes)


def _suppressions(value: Any, raw_key: str, where) -> tuple[Suppression, ...]:
    from designer.lint.registry import is_known_rule

    if not isinstance(value, list):
        raise MedbadgeError("lint.suppress must be a list of {code, badge, reason}", where(raw_key))
    found = []
    for index, item in enumerate(value):
        here = where(raw_key, index)
        if not isinstance(item, Mapping):
            raise MedbadgeError("a suppression must be a mapping with code, badge and reason", here)
        extra = set(item) - {"code", "badge", "tier", "reason"}
        if extra:
            raise MedbadgeError(f"unknown key '{sorted(extra)[0]}' in a suppression", here,
                                hint="use code, badge, tier and reason")
        code = item.get("code")
        if not isinstance(code, str) or not is_known_rule(code):
            raise MedbadgeError(f"suppression of unknown rule '{code}'", where(raw_key, index, "code"))
        reason = item.get("reason")
        if not isinstance(reason, str) or not reason.strip():
            raise MedbadgeError(f"suppression of {code} needs a reason", here,
                                hint="say why, e.g. reason: \"licensed by the national society\"")
        found.append(Suppression(code, item.get("badge"), item.get("tier"), reason.strip(), here))
    return tuple(found)


def find_pyproject(start: Path) -> Path | None:
    """The nearest ``pyproject.toml`` in ``start`` or a parent folder (its lint table may be absent)."""
    for folder in [start.resolve(), *start.resolve().parents]:
        candidate = folder / "pyproject.toml"
        if candidate.is_file():
            return candidate
    return None


MAX_PYPROJECT_BYTES = 1024 * 1024


def load_config(badge_set, overrides: Mapping | None = None) -> LintConfig:
    """pyproject table → badge set ``lint:`` → ``overrides`` (already validated CLI values)."""
    config = LintConfig()
    pyproject = find_pyproject(badge_set.base_dir)
    if pyproject is not None:
        shown = display_path(pyproject)
        try:
            text = read_bounded(pyproject, MAX_PYPROJECT_BYTES, "pyproject.toml").decode("utf-8")
        except UnicodeDecodeError:
            raise MedbadgeError("not UTF-8 text", Location(shown)) from None
        try:
            table = tomllib.loads(text).get("tool", {}).get("medbadge", {}).get("lint")
        except tomllib.TOMLDecodeError as error:
            raise MedbadgeError(f"not valid TOML: {error}", Location(shown)) from None
        if table is not None:
            line = _line_of(text, "[tool.medbadge.lint")

            def toml_where(*keys) -> Location:
                key_line = _line_of(text, f"{keys[0]}", after=line) if keys else None
                return Location(shown, key_line or line, 1)
            config = config_from_mapping(table, toml_where, config)
    data = badge_set.model.lint
    if data:
        config = config_from_mapping(data, lambda *keys: badge_set.location("lint", *keys), config)
    if overrides:
        config = replace(config, **overrides)
    _check_suppression_targets(config, badge_set)
    return config


def _check_suppression_targets(config: LintConfig, badge_set) -> None:
    """A suppression naming a badge the set does not have is a typo, not a no-op."""
    from designer.base.errors import unknown_name

    badges = [b.id for b in badge_set.model.badges]
    for suppression in config.suppress:
        if suppression.badge is not None and suppression.badge not in badges:
            raise unknown_name("badge", suppression.badge, badges, suppression.location)


def _line_of(text: str, needle: str, after: int | None = None) -> int | None:
    for number, line in enumerate(text.splitlines(), start=1):
        if (after is None or number > after) and line.strip().startswith(needle):
            return number
    return after
