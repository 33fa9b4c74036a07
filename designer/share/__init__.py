"""``designer.share``: what a badge looks like where people share it — renditions and public pages.

Chosen in the badge set's ``share:`` section (docs/share.md) and written by ``medbadge build``:

- ``card``: a 1200 × 627 Open Graph / LinkedIn link-preview PNG per badge × tier, its text drawn
  as outlines and checked by the linter's contrast and legibility rules like a badge;
- ``email``: an e-mail-signature PNG, 80 px shown, 160 px stored (2×);
- ``print``: a vector PDF of the badge (CairoSVG) with its document metadata;
- ``pages``: a static HTML page per badge × tier with ``og:``/Twitter meta and the Achievement as
  JSON-LD; ``credential_pages``: a page per issued credential (opt-in; the recipient's name only
  with ``recipient_name: true``).

Modules: ``selection`` (what the badge set asks for; cheap, used by the build's planning),
``card`` (compose the card), ``renditions`` (encode the card, e-mail PNG and PDF, in a build
worker), ``pdf``, ``checks`` (the card through the linter), ``pages`` and ``credential_page``.
"""

from designer.base.lazy import lazy_exports

_EXPORTS = {"compose_card": "designer.share.card", "card_violations": "designer.share.checks",
            "badge_page": "designer.share.pages", "credential_page": "designer.share.credential_page",
            "renditions": "designer.share.selection"}
__all__ = sorted(_EXPORTS)
__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)
