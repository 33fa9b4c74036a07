"""A badge that does not show the issuer mark the brand requires.

What
    When ``brand.require_issuer_mark`` is true, every badge must show the issuer mark: the brand
    must define ``issuer_mark`` and the badge's template must have an ``issuer_mark`` slot.

Why
    Some issuers (and accreditation bodies) require the issuing school to be identifiable on the
    artwork itself, not only in the credential's metadata, so a badge cut out of its context still
    says who issued it.

Example
    ``require_issuer_mark: true`` and a badge on the ``seal`` template, which has no issuer-mark slot.

Fix
    Use a template with an issuer-mark slot (``shield``) for that badge, or set ``brand.issuer_mark``.
"""

from __future__ import annotations

import sys

CODE = "MB403"
NAME = "issuer-mark-missing"
SUMMARY = "Required issuer mark not shown"
SEVERITY = "error"


def check(context):
    brand = context.badge_set.model.brand
    if not brand.require_issuer_mark or context.artwork is None:
        return
    rule = sys.modules[__name__]
    if not context.design.issuer_mark:
        yield context.violation(rule, "the brand requires an issuer mark but brand.issuer_mark is not set",
                                location=context.badge_set.location("brand", "require_issuer_mark"), tier=False)
    elif "issuer_mark" not in context.artwork.template_slots:
        yield context.violation(rule, f"template '{context.design.template.name}' shows no issuer mark, which the brand "
                                      f"requires", location=context.badge_location("template"), tier=False)
