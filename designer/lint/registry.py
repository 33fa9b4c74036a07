"""The one table of lint rules: every rule module, in code order.

A rule module exports ``CODE`` (``MB`` + three digits; the first digit is the family), ``NAME``
(kebab-case), ``SUMMARY`` (one line), ``SEVERITY`` (``error`` | ``warning`` | ``info``) and
``check(context) -> Iterable[Violation]``; its docstring has the sections *What*, *Why*, *Example*
and *Fix*. Codes never change meaning: a retired rule keeps its code reserved.
"""

from __future__ import annotations

import importlib
from functools import lru_cache
from types import ModuleType

FAMILIES = {
    "MB0": "engine", "MB1": "contrast", "MB2": "legibility", "MB3": "tiers", "MB4": "brand",
    "MB5": "iconography", "MB6": "metadata", "MB7": "svg hygiene",
}

_MODULES = (
    "mb002_unused_suppression",
    "mb101_text_contrast", "mb102_graphic_contrast", "mb103_text_contrast_pixels", "mb104_page_edge_contrast",
    "mb201_cap_height", "mb202_icon_stroke", "mb203_text_overflow", "mb204_missing_glyphs",
    "mb205_too_many_words", "mb206_canvas_edge", "mb207_crowding",
    "mb301_tier_colours_similar", "mb302_tier_colours_cvd", "mb303_tier_colours_greyscale",
    "mb304_tier_cue_missing", "mb305_tier_cue_order", "mb306_tier_order", "mb307_tier_cue_size",
    "mb401_off_palette_colour", "mb402_off_brand_font", "mb403_issuer_mark_missing",
    "mb501_caduceus", "mb502_protected_emblem", "mb503_icon_optical_size",
    "mb601_short_description", "mb602_short_criteria", "mb603_long_description",
    "mb701_svg_external_reference", "mb702_svg_script", "mb703_svg_raster_image", "mb704_svg_text_element",
    "mb705_svg_file_size",
)


@lru_cache(maxsize=1)
def rules() -> tuple[ModuleType, ...]:
    """Every rule module, sorted by code."""
    loaded = [importlib.import_module(f"designer.lint.rules.{name}") for name in _MODULES]
    return tuple(sorted(loaded, key=lambda rule: rule.CODE))


def get(code_or_name: str) -> ModuleType | None:
    wanted = code_or_name.strip()
    return next((r for r in rules() if wanted.upper() == r.CODE or wanted == r.NAME), None)


def is_known_rule(text: str, *, prefix: bool = False) -> bool:
    """``MB301`` or ``tier-colours-similar``; with ``prefix``, also ``MB3`` or ``MB30``."""
    if get(text) is not None:
        return True
    return prefix and len(text) >= 2 and any(r.CODE.startswith(text.upper()) for r in rules())


def family(code: str) -> str:
    return FAMILIES.get(code[:3], "other")
