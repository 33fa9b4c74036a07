"""Derive a whole palette from a brand's key colour(s): text colours and four distinguishable tiers.

::

    from designer.base.color import Color
    from designer.palettes.derive import derive
    from designer.lint.derived_palette import lint_derived
    derived = derive([Color.parse("#0b5563")], name="harbour-2")
    print(derived.to_toml())            # the palette file (same format as palettes/harbour.toml)
    assert lint_derived(derived) == []  # composed with every template and linted (MB1, MB3)

Steps (colours are chosen in OkLCh with ColorAide and gamut-mapped to 8-bit sRGB; every check is
made on the quantised colour, with the same functions as the lint rules):

1. The first key is the face (``primary``). Its text (``on-primary``) is white when white reaches the
   WCAG target on it (4.5:1 AA, 7:1 AAA: badge text is small at the 96 px display size), else a
   dark ink; if neither does, :class:`DerivationError` says by how much each falls short.
2. ``primary-deep`` is the key made darker (lighter ink keeps its contrast); ``accent`` takes the
   second key's hue (or the key's complement) at the lightness that reaches the target on both.
3. Four metals — ``bronze``, ``silver``, ``gold``, ``champagne``, the names the ``four-metals``
   tier scheme refers to, each with a ``-deep`` edge and a ``-shade`` outer rim — are searched over OkLCh lightness: each must
   carry its scheme's tier text (white on bronze, the ``outline`` ink on the others) at the target,
   and its rim must reach 3:1 against the outline or the accent (MB102); they must get lighter in
   that order (rank reads as lightness, in greyscale too); of those, the four that are furthest
   apart (smallest CIEDE2000 over every pair in normal vision, protan, deutan, tritan and
   greyscale, as MB301-MB303 measure it) win, and must be at least 10 apart.
   The ``halo`` (the outermost ring) is the key's hue at the lightness that reaches 3:1 on a
   white page and on a #121212 page alike.
4. :func:`designer.lint.derived_palette.lint_derived` then composes a badge per template in all four tiers with the palette and
   runs the contrast and tier rules over it — the derivation is checked by the linter, not trusted.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from designer.base.color import GRAPHIC_RATIO, Color, contrast_ratio
from designer.base.errors import MedbadgeError
from designer.base.perception import delta_e

TEXT_RATIO = {"AA": 4.5, "AAA": 7.0}
MIN_DELTA_E = 10.0  # MB301-MB303 default (tier_min_delta_e)
VIEWS = {"normal": "normal vision", "protan": "protanopia", "deutan": "deuteranopia", "tritan": "tritanopia",
         "greyscale": "greyscale"}
WHITE = Color(255, 255, 255)
BLACK = Color(0, 0, 0)
#: The four metals of the four-metals tier scheme: OkLCh hue (None: the key's hue), chroma, and the
#: tier text the scheme puts on them ("white" or the "outline" role).
METALS = {
    "bronze": (55.0, 0.11, "white"),
    "silver": (250.0, 0.04, "outline"),  # a blue steel: a pale, grey silver reads as "not earned"
    "gold": (80.0, 0.145, "outline"),
    "champagne": (92.0, 0.10, "outline"),
}
#: The pages the halo must stand out on (WCAG 1.4.11 at 3:1): white and a dark-mode surface.
PAGES = (WHITE, Color(0x12, 0x12, 0x12))
#: The lightness each metal has in the hand-tuned harbour palette: among the sets that are clearly
#: apart (ΔE2000 >= COMFORTABLE_DELTA_E in every view) the one closest to these wins, so the
#: metals still look like metals; when no set is that far apart, the furthest-apart set wins.
NOMINAL_LIGHTNESS = {"bronze": 0.49, "silver": 0.64, "gold": 0.77, "champagne": 0.90}
COMFORTABLE_DELTA_E = 12.0
TIER_STEPS = [round(0.10 + 0.004 * i, 3) for i in range(218)]  # OkLCh lightness 0.10 .. 0.968
MAX_OPTIONS = 14  # candidates kept per metal (evenly over its feasible range, ends included)


class DerivationError(MedbadgeError):
    """A target the key colours cannot meet; the message names it and says by how much it is missed."""

    exit_code = 1


@dataclass(frozen=True)
class Measure:
    """One figure of the derived palette: a contrast (``kind`` text/graphic) or a tier ΔE2000."""

    kind: str  # text | graphic | tier
    what: str
    value: float
    needed: float

    @property
    def ok(self) -> bool:
        return self.value >= self.needed  # never rounded: 4.499 fails 4.5


@dataclass(frozen=True)
class DerivedPalette:
    name: str
    title: str
    description: str
    colors: dict[str, Color]
    roles: dict[str, str]
    measures: tuple[Measure, ...]
    notes: tuple[str, ...] = field(default=())
    wcag: str = "AA"

    def to_toml(self) -> str:
        """The palette file; loadable by :func:`palettes.get` like the built-ins."""
        lines = [f"# {self.title}: derived by `medbadge palettes derive` (WCAG {self.wcag}).",
                 f"title = {_quote(self.title)}", f"description = {_quote(self.description)}", "", "[colors]"]
        lines += [f"{name} = \"{color}\"" for name, color in self.colors.items()]
        lines += ["", "[roles]"] + [f"{role} = \"{ref}\"" for role, ref in self.roles.items()]
        return "\n".join(lines) + "\n"


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def oklch(color: Color) -> tuple[float, float, float]:
    """OkLCh lightness, chroma and hue (0 for greys) of ``color``."""
    lightness, chroma, hue = color.to_coloraide().convert("oklch").coords(nans=False)
    return lightness, chroma, hue


def from_oklch(lightness: float, chroma: float, hue: float) -> Color:
    """The 8-bit sRGB colour nearest OkLCh(``lightness``, ``chroma``, ``hue``), chroma-reduced into gamut."""
    from coloraide import Color as CAColor

    return Color.from_coloraide(CAColor("oklch", [max(0.0, min(1.0, lightness)), max(0.0, chroma), hue % 360]))


def derive(keys: Sequence[Color], *, name: str = "derived", title: str | None = None, wcag: str = "AA") -> DerivedPalette:
    """A palette for ``keys`` (first: the face; second, optional: the accent's hue) meeting ``wcag``."""
    if not keys:
        raise MedbadgeError("give at least one key colour (--key '#0b5563')")
    if wcag not in TEXT_RATIO:
        raise MedbadgeError(f"unknown WCAG level '{wcag}': use AA or AAA")
    if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", name):
        raise MedbadgeError(f"'{name}' is not a palette name: use lower-case letters, digits and hyphens")
    target = TEXT_RATIO[wcag]
    key = Color(keys[0].r, keys[0].g, keys[0].b)
    key_l, key_c, key_h = oklch(key)
    notes: list[str] = []

    white_on_key, black_on_key = contrast_ratio(WHITE, key), contrast_ratio(BLACK, key)
    light_text = white_on_key >= target
    if not light_text and black_on_key < target:
        raise DerivationError(
            f"no text colour reaches {target:g}:1 (WCAG {wcag}) on the key colour {key}: white gives "
            f"{white_on_key:.2f}:1 (short by {target - white_on_key:.2f}), black {black_on_key:.2f}:1 (short by "
            f"{target - black_on_key:.2f}); white text needs a key with luminance <= {1.05 / target - 0.05:.3f} "
            f"(this one has {key.relative_luminance():.3f}), black text >= {0.05 * target - 0.05:.3f}")
    if not light_text:
        notes.append(f"white text reaches only {white_on_key:.2f}:1 on {key} (needs {target:g}:1): dark text forced")

    failures: list[str] = []
    for outline in _outline_candidates(key_h, light_text):
        on_primary = WHITE if light_text else outline
        if contrast_ratio(on_primary, key) < target:
            failures.append(f"ink {outline} on the key {key}: {contrast_ratio(on_primary, key):.2f}:1 "
                            f"(needs {target:g}:1)")
            continue
        deep = _deep(key, on_primary, target)
        accent = _accent(keys, key_h, key_c, (key, deep), light_text, target)
        if isinstance(accent, str):
            failures.append(accent)
            continue
        metals = _metals(key_h, outline, accent, target)
        if isinstance(metals, str):
            failures.append(metals)
            continue
        colors = {"key": key, "key-deep": deep, "accent": accent, "ink": outline, "white": WHITE,
                  "halo": _halo(key_h)}
        for metal, color in metals.items():
            colors[metal] = color
            lightness, chroma, hue = oklch(color)
            colors[f"{metal}-deep"] = from_oklch(lightness * 0.62, chroma * 0.9, hue)
            # the outer band of the rim (the tier scheme's ``tier-shade``): the metal a fifth darker
            colors[f"{metal}-shade"] = from_oklch(lightness * 0.8, chroma, hue)
        roles = {"primary": "key", "primary-deep": "key-deep", "on-primary": "white" if light_text else "ink",
                 "accent": "accent", "halo": "halo", "outline": "ink", "tier": "gold", "tier-edge": "gold-deep",
                 "tier-shade": "gold-shade",
                 "on-tier": "ink"}
        description = (f"Derived from {', '.join(str(k) for k in keys)}: {'white' if light_text else 'dark'} text "
                       f"on the face, four metals distinct in normal, colour-blind and greyscale views.")
        return DerivedPalette(name, title or name.replace("-", " ").title(), description, colors, roles,
                              tuple(measure(colors, roles["on-primary"], target)), tuple(notes), wcag)
    # The inks are tried lightest first, so the last failure is the nearest miss.
    raise DerivationError("cannot derive a palette from " + ", ".join(str(k) for k in keys) + f" at WCAG {wcag}, "
                          f"even with the darkest outline ink: {failures[-1]}")


def _outline_candidates(hue: float, light_text: bool) -> list[Color]:
    """The ink (edge and dark text): a dark tint of the key's hue; darker ones when the first fails."""
    steps = (0.25, 0.18, 0.1, 0.0) if light_text else (0.2, 0.12, 0.05, 0.0)
    return [from_oklch(lightness, 0.04 if lightness else 0.0, hue) for lightness in steps]


def _halo(hue: float) -> Color:
    """The outer ring: a mid tone of the key's hue, as far from both pages as it can be (the
    lightness whose worse contrast against white and #121212 is highest: about 4:1 on each)."""
    best = max((from_oklch(lightness, 0.08, hue) for lightness in TIER_STEPS),
               key=lambda c: min(contrast_ratio(c, page) for page in PAGES))
    return best


def _deep(key: Color, text: Color, target: float) -> Color:
    """``primary-deep``: the key up to 0.08 darker in OkLCh, as dark as ``text`` still allows."""
    lightness, chroma, hue = oklch(key)
    for step in (0.08, 0.06, 0.04, 0.02):
        deep = from_oklch(lightness - step, chroma, hue)
        if contrast_ratio(text, deep) >= target:
            return deep
    return key


def _accent(keys, key_h, key_c, faces, light_text, target) -> Color | str:
    """A light accent on a dark face (dark on a light face) reaching ``target`` on every face colour."""
    if len(keys) > 1:
        _, chroma, hue = oklch(Color(keys[1].r, keys[1].g, keys[1].b))
        given = Color(keys[1].r, keys[1].g, keys[1].b)
        if all(contrast_ratio(given, face) >= target for face in faces):
            return given
    else:  # a warm sand like harbour's, or the complement when the key itself is warm
        hue = SAND_HUE if _hue_distance(key_h, SAND_HUE) > 60 or key_c < 0.03 else (key_h + 180) % 360
        chroma = 0.08
    chroma = min(chroma, 0.12)
    steps = [0.86 + 0.01 * i for i in range(14)] if light_text else [0.32 - 0.02 * i for i in range(17)]
    best = (0.0, None)
    for lightness in steps:
        accent = from_oklch(lightness, chroma, hue)
        worst = min(contrast_ratio(accent, face) for face in faces)
        if worst >= target:
            return accent
        best = max(best, (worst, accent), key=lambda b: b[0])
    return (f"the accent (subtitle, issuer mark) reaches at best {best[0]:.2f}:1 on the face "
            f"({best[1]} on {', '.join(map(str, faces))}), short of {target:g}:1 by {target - best[0]:.2f}")


SAND_HUE = 83.0


def _hue_distance(a: float, b: float) -> float:
    return abs((a - b + 180) % 360 - 180)


def _thin(options: list[Color]) -> list[Color]:
    """At most MAX_OPTIONS of ``options`` (ordered by lightness), evenly spaced, both ends kept."""
    if len(options) <= MAX_OPTIONS:
        return options
    step = (len(options) - 1) / (MAX_OPTIONS - 1)
    return [options[round(i * step)] for i in range(MAX_OPTIONS)]


def _metals(key_h, outline, accent, target) -> dict[str, Color] | str:
    """The four tier colours: feasible lightnesses per metal, then the set furthest apart in every view."""
    options: dict[str, list[Color]] = {}
    for metal, (hue, chroma, text_ref) in METALS.items():
        text = WHITE if text_ref == "white" else outline
        found, best = [], (-1.0, "")
        for lightness in TIER_STEPS:
            color = from_oklch(lightness, chroma, key_h if hue is None else hue)
            text_ratio = contrast_ratio(text, color)
            rim = max(contrast_ratio(color, outline), contrast_ratio(color, accent))
            if text_ratio >= target and rim >= GRAPHIC_RATIO:
                if color not in found:
                    found.append(color)
            else:
                score = min(text_ratio / target, rim / GRAPHIC_RATIO)
                if score > best[0]:
                    missed = [f"{text} text on it at {text_ratio:.3f}:1 (needs {target:g}:1)"] if text_ratio < target else []
                    if rim < GRAPHIC_RATIO:
                        missed.append(f"a rim of {rim:.3f}:1 against the outline {outline} and the accent {accent} "
                                      f"(needs {GRAPHIC_RATIO:g}:1)")
                    best = (score, f"{color} has " + " and ".join(missed))
        if not found:
            return (f"no {metal} carries its tier text at {target:g}:1 and stands out as a rim at {GRAPHIC_RATIO:g}:1; "
                    f"the nearest, {best[1]}")
        options[metal] = _thin(found)
    names = list(options)
    pair_min: dict[tuple[Color, Color], float] = {}

    def closeness(a: Color, b: Color) -> float:
        if (a, b) not in pair_min:
            pair_min[(a, b)] = min(delta_e(a, b, view) for view in VIEWS)
        return pair_min[(a, b)]

    lightness = {color: oklch(color)[0] for found in options.values() for color in found}
    best_score, best_set, best_nominal = -1.0, None, None
    for choice in itertools.product(*(options[n] for n in names)):
        if any(lightness[a] >= lightness[b] for a, b in zip(choice, choice[1:])):
            continue  # the metals must get lighter with rank
        score = min(closeness(a, b) for a, b in itertools.combinations(choice, 2))
        if score >= COMFORTABLE_DELTA_E:
            off = sum(abs(lightness[c] - NOMINAL_LIGHTNESS[n]) for n, c in zip(names, choice))
            if best_nominal is None or off < best_nominal[0]:
                best_nominal = (off, choice)
        if score > best_score:
            best_score, best_set = score, choice
    if best_nominal is not None:
        return dict(zip(names, best_nominal[1]))
    if best_set is None:
        return "no four tier colours get lighter with rank (bronze, silver, gold, champagne) and carry their text"
    if best_score < MIN_DELTA_E:
        worst = min(((delta_e(a, b, view), na, nb, label) for (na, a), (nb, b)
                     in itertools.combinations(zip(names, best_set), 2) for view, label in VIEWS.items()))
        return (f"the four tier colours cannot be kept CIEDE2000 >= {MIN_DELTA_E:g} apart in every view: the best set "
                f"has {worst[1]} and {worst[2]} at {worst[0]:.2f} under {worst[3]} (short by {MIN_DELTA_E - worst[0]:.2f})")
    return dict(zip(names, best_set))


def measure(colors: dict[str, Color], on_primary_name: str, target: float) -> list[Measure]:
    """The figures the lint rules will check: text and graphic contrasts, tier ΔE2000 in every view."""
    c = colors
    on_primary = c[on_primary_name]
    out = [Measure("text", f"on-primary {on_primary} on {face} {c[face]}", contrast_ratio(on_primary, c[face]), target)
           for face in ("key", "key-deep")]
    out += [Measure("text", f"accent {c['accent']} on {face} {c[face]}", contrast_ratio(c["accent"], c[face]), target)
            for face in ("key", "key-deep")]
    for metal, (_, _, text_ref) in METALS.items():
        text = "white" if text_ref == "white" else "ink"
        out.append(Measure("text", f"{text} on {metal} {c[metal]}", contrast_ratio(c[text], c[metal]), target))
        rim = max(contrast_ratio(c[metal], c["ink"]), contrast_ratio(c[metal], c["accent"]))
        out.append(Measure("graphic", f"{metal} rim against ink / accent", rim, GRAPHIC_RATIO))
    for a, b in itertools.combinations(METALS, 2):
        for view, label in VIEWS.items():
            out.append(Measure("tier", f"{a} / {b} in {label}", delta_e(c[a], c[b], view), MIN_DELTA_E))
    return out
