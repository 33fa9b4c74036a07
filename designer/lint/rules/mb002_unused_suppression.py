"""A ``lint.suppress`` entry that matched no finding.

What
    A suppression in the badge set (or pyproject) whose rule ran but found nothing to suppress for
    that badge and tier.

Why
    Suppressions are exceptions with a recorded reason. One that no longer matches anything is stale
    (the badge was fixed or renamed) and would silently hide a future regression.

Example
    ``suppress: [{code: MB502, badge: first-aid, reason: "licensed"}]`` when the first-aid badge
    no longer uses the red cross.

Fix
    Delete the suppression, or correct its ``code``, ``badge`` or ``tier``.
"""

from __future__ import annotations

from designer.lint.violation import Violation

CODE = "MB002"
NAME = "unused-suppression"
SUMMARY = "A suppression matched no finding"
SEVERITY = "warning"


def check(context):
    """Reported by the engine after all rules ran (it needs every finding); nothing per design."""
    return ()


def violation(suppression, config) -> Violation:
    scope = f" for badge '{suppression.badge}'" if suppression.badge else ""
    scope += f" tier '{suppression.tier}'" if suppression.tier else ""
    return Violation(CODE, NAME, config.severity_of(CODE, NAME, SEVERITY),
                     f"suppression of {suppression.code}{scope} matched nothing", suppression.badge,
                     suppression.tier, suppression.location)
