"""Starter badge sets: what ``medbadge init`` writes, from a built-in framework or a school's own list.

Modules, one job each: ``school_list`` (read a school's competency list from CSV or YAML, every
bad row placed at its line), ``icons`` (choose each item's icon with the icon search), ``tiers``
(map a framework's levels to the badge tiers), ``fit`` (fit a title or label to every template's
slot with the real font), ``badgeset_text`` (write the commented
``badges.yaml``) and ``create`` (derive and check the palette, write every file exclusively).
"""
