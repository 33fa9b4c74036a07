"""``medbadge lint``: rules over composed artwork, one module per rule, one table of rules.

::

    import designer
    from designer.lint import lint
    badge_set = designer.load("examples/medical-school/badges.yaml")
    violations = lint(badge_set)          # [] when the set is clean

Pipeline: load → resolve → compose (each design once) → every enabled rule's ``check(context)``
→ drop duplicates → apply suppressions (an unused one is itself reported, MB002) → merge a
finding shared by several tiers of a badge into one that lists the tiers, then one shared by
several badges at the same place (a tier scheme, a brand role) into one that lists the badges →
sort.
A compose error that is the design's fault (text that does not fit, glyphs no font has) becomes a
violation of MB203 / MB204 instead of stopping the run. Rules: :mod:`designer.lint.registry`;
output formats: :mod:`designer.lint.formats`.
"""

from __future__ import annotations

from designer.base.lazy import lazy_exports

# Each public name is imported where it lives on first use, so `medbadge --help` (which imports
# the output formats for its choices) does not load the configuration reader and the registry.
_EXPORTS = {
    **{name: "designer.lint.config" for name in ("LintConfig", "Suppression", "load_config")},
    **{name: "designer.lint.violation" for name in ("SEVERITIES", "Violation", "severity_rank")},
    "LintContext": "designer.lint.context",
    "get_rule": "designer.lint.pipeline", "all_rules": "designer.lint.pipeline",
    **{name: "designer.lint.pipeline" for name in ("contexts_for", "failing", "lint", "merge_shared")},
}
__all__ = ["LintConfig", "LintContext", "Violation", "SEVERITIES", "contexts_for", "failing", "get_rule",
           "lint", "load_config", "all_rules", "severity_rank"]
__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)
