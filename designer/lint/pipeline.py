"""The lint run: every enabled rule over every design's context, then duplicates dropped,
suppressions applied, shared findings merged and the result sorted (see :mod:`designer.lint`)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from designer.lint.config import LintConfig, Suppression, load_config
from designer.lint.registry import get as get_rule
from designer.lint.registry import rules as all_rules
from designer.lint.violation import Violation, reaches

if TYPE_CHECKING:
    from designer.lint.context import LintContext


def contexts_for(badge_set, designs: Sequence, config: LintConfig) -> list[LintContext]:
    """Compose every design once and group the contexts of one badge (for the tier rules)."""
    from designer.base.errors import MissingGlyphsError, TextFitError
    from designer.compose import compose
    from designer.lint.context import LintContext

    index_of = {badge.id: i for i, badge in enumerate(badge_set.model.badges)}
    contexts: list[LintContext] = []
    for design in designs:
        try:
            artwork, error = compose(design), None
        except (TextFitError, MissingGlyphsError) as failure:
            artwork, error = None, failure
        contexts.append(LintContext(design, artwork, config, badge_set, index_of[design.badge_id], error))
    by_badge: dict[str, list[LintContext]] = {}
    for context in contexts:
        by_badge.setdefault(context.design.badge_id, []).append(context)
    for group in by_badge.values():
        group.sort(key=lambda c: c.design.cue.rank)
        for context in group:
            context.tiers = group
    shared: dict = {}
    for context in contexts:
        context.run, context.run_cache = contexts, shared
    return contexts


def lint(badge_set, designs: Sequence | None = None, config: LintConfig | None = None) -> list[Violation]:
    """Every violation in ``badge_set`` (all designs, or just ``designs``), sorted by place and code."""
    import designer

    if config is None:
        config = load_config(badge_set)
    if designs is None:
        designs = designer.resolve(badge_set)
    enabled = [rule for rule in all_rules() if config.enabled(rule.CODE, rule.NAME)]
    found: dict[tuple, Violation] = {}
    for context in contexts_for(badge_set, designs, config):
        for rule in enabled:
            for violation in rule.check(context):
                key = (violation.code, violation.badge, violation.tier, violation.message, violation.location,
                       violation.element)
                found.setdefault(key, violation)
        context.release()
    kept = _apply_suppressions(list(found.values()), config, {r.CODE for r in enabled}, designs)
    return sorted(merge_shared(kept), key=Violation.sort_key)


def merge_shared(violations: list[Violation]) -> list[Violation]:
    """One finding for a problem several tiers (then several badges) share: same rule, place,
    element and message. The merged finding has no ``tier`` (``badge``) and lists them instead,
    in the message too, so every output format shows them.

    >>> a = Violation("MB1", "x", "error", "too dark", "demo", "bronze")
    >>> [(v.tier, v.tiers, v.message) for v in merge_shared([a, replace(a, tier="gold")])]
    [(None, ('bronze', 'gold'), 'too dark (tiers bronze, gold)')]
    """
    def merged(items, field_name, plural, key):
        groups: dict[tuple, list[Violation]] = {}
        for v in items:
            groups.setdefault(key(v), []).append(v)
        out = []
        for group in groups.values():
            names = [getattr(v, field_name) for v in group]
            if len(group) < 2 or None in names:
                out.extend(group)
                continue
            first = group[0]
            listed = tuple(dict.fromkeys(names))
            out.append(replace(first, **{field_name: None, f"{field_name}s": listed},
                               message=f"{first.message} ({plural} {', '.join(listed)})"))
        return out

    by_tier = merged(violations, "tier", "tiers",
                     lambda v: (v.code, v.severity, v.badge, v.location, v.element, v.message, v.badges))
    return merged(by_tier, "badge", "badges",
                  lambda v: (v.code, v.severity, v.tier, v.tiers, v.location, v.element, v.message))


def _apply_suppressions(violations: list[Violation], config: LintConfig, enabled: set[str],
                        designs: Sequence) -> list[Violation]:
    from designer.lint.rules import mb002_unused_suppression as unused_rule

    used: set[Suppression] = set()
    kept = []
    for violation in violations:
        hit = next((s for s in config.suppress
                    if s.matches(violation.code, violation.name, violation.badge, violation.tier)), None)
        if hit is None:
            kept.append(violation)
        else:
            used.add(hit)
    linted_badges = {d.badge_id for d in designs}
    if unused_rule.CODE in enabled:
        for suppression in config.suppress:
            rule = get_rule(suppression.code)
            ran = rule is not None and rule.CODE in enabled
            in_scope = suppression.badge is None or suppression.badge in linted_badges
            if suppression not in used and ran and in_scope:
                kept.append(unused_rule.violation(suppression, config))
    return kept


def failing(violations: Iterable[Violation], fail_level: str) -> list[Violation]:
    """The violations at or above ``fail_level`` (these make ``medbadge lint`` exit 1)."""
    return [v for v in violations if reaches(v.severity, fail_level)]
