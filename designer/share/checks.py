"""The share card checked like a badge: the linter's contrast and legibility rules, through its public API.

Each card is composed (:func:`designer.share.card.compose_card`) and handed to the rules in a
:class:`designer.lint.LintContext` of its own, with the badge set's lint configuration — severities,
``ignore``, suppressions, WCAG level — except for the display size: a card is judged at :data:`CARD_DISPLAY_PX`
wide, the width a link preview gets in a phone's feed, not at the badge thumbnail size. A card
whose text does not fit is a MB203 finding, as for a badge.

The rules: MB101 (text contrast, WCAG 1.4.3 / 1.4.6), MB201 (cap height) and MB203 (text fits).
MB103 (contrast measured on pixels) is for badges, whose text can cross shapes; a card's text sits
on one flat brand colour, which MB101 judges exactly. Findings name the card's text run
(``card-title``, ``card-tier``, ``card-issuer``), so they are told apart from the badge's own.
"""

from __future__ import annotations

from dataclasses import replace

#: Rules a card is checked by: text contrast, cap height, text fit.
CARD_RULES = ("MB101", "MB201", "MB203")
#: The width (CSS px) a card is judged at: a link preview in a phone's feed is about this wide.
CARD_DISPLAY_PX = 400


def card_violations(badge_set, designs, config=None) -> list:
    """Every finding of :data:`CARD_RULES` on the cards of ``designs``, sorted like ``lint``'s."""
    from designer.base.errors import MissingGlyphsError, TextFitError
    from designer.compose import compose
    from designer.lint import LintContext, Violation, get_rule, load_config
    from designer.share.card import compose_card

    config = config or load_config(badge_set)
    card_config = replace(config, text_display_px=CARD_DISPLAY_PX)
    rules = [get_rule(code) for code in CARD_RULES]
    rules = [rule for rule in rules if config.enabled(rule.CODE, rule.NAME)]
    index_of = {badge.id: i for i, badge in enumerate(badge_set.model.badges)}
    found = []
    for design in designs:
        try:
            card, error = compose_card(design, compose(design)), None
        except (TextFitError, MissingGlyphsError) as failure:
            card, error = None, failure
        # the card's design carries the card's slots in its template, where rules find each run's roles
        context = LintContext(card.design if card else design, card, card_config, badge_set,
                              index_of[design.badge_id], error)
        for rule in rules:
            found += list(rule.check(context))
    # A suppression in the badge set's lint section silences the same finding on the card.
    kept = [v for v in found if not any(s.matches(v.code, v.name, v.badge, v.tier) for s in config.suppress)]
    return sorted(kept, key=Violation.sort_key)
