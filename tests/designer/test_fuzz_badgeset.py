"""Property-based fuzzing of badge set loading: no input gives a traceback or a hang.

Each case starts from the bundled example (cut to two badges, to keep a case cheap), applies a few
mutations — keys deleted, duplicated, retyped or misspelt; values swapped for hostile text, numbers,
colours, YAML tags, anchors and aliases, deep nesting; then, sometimes, damage to the text itself —
and runs it through ``load → resolve → lint`` and through the ``medbadge lint`` entry point. Every
outcome must be a :class:`MedbadgeError` (exit 2) or a lint result (exit 0 or 1).

The suite runs a fixed, derandomized number of cases (``MEDBADGE_FUZZ_EXAMPLES`` asks for more,
e.g. ``MEDBADGE_FUZZ_EXAMPLES=5000``); ``benchmarks/fuzz_badgeset.py`` runs the same mutations from
random seeds and prints cases per second and every failure.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
import signal
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from tests.conftest import EXAMPLE

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

#: seconds after which a case counts as a hang (the watchdog interrupts it)
HANG_SECONDS = 30


# --- the YAML being built -------------------------------------------------------------------------

@dataclass(frozen=True)
class Raw:
    """YAML text written as it is (a tag with its value, an alias, a broken fragment)."""

    text: str


@dataclass(frozen=True)
class Anchor:
    name: str
    value: Any


@dataclass(frozen=True)
class Alias:
    name: str


@dataclass(frozen=True)
class Tagged:
    tag: str
    value: Any


_PLAIN_KEY = re.compile(r"^[a-z_][a-z0-9_-]*$")


def _scalar(value: Any) -> str:
    if isinstance(value, Raw):
        return value.text
    if isinstance(value, Alias):
        return f"*{value.name}"
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value != value:
            return ".nan"
        if value in (float("inf"), float("-inf")):
            return ".inf" if value > 0 else "-.inf"
        return repr(value)
    return json.dumps(str(value))  # a JSON string is a YAML double-quoted scalar, escapes and all


def _props(value: Any) -> tuple[str, Any]:
    """The ``&anchor !tag`` written before a value, and the value itself."""
    props = []
    while isinstance(value, (Anchor, Tagged)):
        props.append(f"&{value.name}" if isinstance(value, Anchor) else value.tag)
        value = value.value
    return " ".join(props), value


def _key(key: Any) -> str:
    return key if isinstance(key, str) and _PLAIN_KEY.match(key) else _scalar(key)


def emit(value: Any, indent: int = 0) -> list[str]:
    """Block-style YAML lines for a mapping or list (nested ones in block style too)."""
    pad = "  " * indent
    lines: list[str] = []
    entries = [(f"{_key(k)}:", v) for k, v in value.items()] if isinstance(value, dict) else [("-", v) for v in value]
    if not entries:
        return [pad + ("{}" if isinstance(value, dict) else "[]")]
    for lead, item in entries:
        props, inner = _props(item)
        if isinstance(inner, (dict, list)) and inner:
            lines.append(f"{pad}{lead}{' ' + props if props else ''}")
            lines += emit(inner, indent + 1)
        else:
            text = ("{}" if isinstance(inner, dict) else "[]") if isinstance(inner, (dict, list)) else _scalar(inner)
            lines.append(f"{pad}{lead} {props + ' ' if props else ''}{text}")
    return lines


# --- choices: drawn by Hypothesis in the suite, by a seeded random in the benchmark ----------------

class Chooser:
    """Every decision a mutation makes goes through ``index``, so Hypothesis can shrink it."""

    def __init__(self, index: Callable[[int], int]):
        self.index = index

    def pick(self, options):
        return options[self.index(len(options))]

    def chance(self, percent: int) -> bool:
        return self.index(100) < percent


HOSTILE_TEXT = [
    "", " ", "\x00", "a\x00b", "\x1b[31mred", "\x07", "\x08", "\x0b", "\x0c", "\x7f", "\x85", "\x9f",
    "\ud800", "x\udfffy", "\ufffe", "\uffff", "\u2028", "\u2029", "\u202e evil", "\u200b", "\ufeff", "\U0010ffff",
    "<script>alert(1)</script>", "]]>", "&amp;", "&#0;", "&x;", "{{ 7*7 }}", "{% raw %}", "${HOME}", "%s%n",
    "../../../../etc/passwd", "/dev/zero", "C:\\CON", "\t", "\n\n\n", "a\r\nb", "🩺" * 40, "مرحبا بالعالم",
    "e\u0301" * 60, "W" * 2000, "word " * 400, "x" * 10_001, "null", "~", "true", "0x10", "1e309", "-", "- a", ": b",
    "# c", "'", '"', "*a", "&a", "!!python/object:os.system", "@", "`", "|", ">", "harbour", "seal",
    "stethoscope", "four-metals", "foundation", "Hello World", "hand-hygiene",
]
HOSTILE_NUMBERS: list[Any] = [
    0, -1, 1, 5, 6, 255, 2**31, 2**63, 10**15, 10**15 + 1, -(10**20), 1e308, -1e308, 1e-320, 0.5, 3.0, -0.0,
    float("inf"), float("-inf"), float("nan"), Raw("9" * 5000), Raw("0x" + "f" * 80), Raw("1e99999"), Raw("0o8"),
    Raw("1_000"), Raw("+.5"), Raw(".5e3"),
]
BAD_COLOURS = [
    "rgb(1e308,0,0)", "rgb(-1e308 0 0)", "rgb(nan,0,0)", "rgb(none 0 0)", "hsl(1e308 1e308% 50%)",
    "lab(1e30 1e30 1e30)", "color(srgb inf 0 0)", "color(display-p3 1e30 0 0)", "oklch(0.5 0.4 1e308)",
    "#12345z", "#fff", "#ffffffff", "rgba(0,0,0,2)", "rgb(0 0 0 / 1e308)", "transparent", "currentColor",
    "rgb(" + "9" * 400 + ",0,0)", "hwb(0 50% 60%)", "rgb(calc(1/0),0,0)", "var(--x)", "url(#x)", "#" + "f" * 5000,
    "rgb(300,0,0)", "white", "teal-700", "primary", "on-tier", "",
]
TAGS = ["!!str", "!!int", "!!float", "!!bool", "!!null", "!!seq", "!!map", "!!omap", "!!set", "!!pairs",
        "!!binary", "!!timestamp", "!foo", "!", "!!python/object/apply:os.system", "!!python/name:builtins.eval",
        "!<tag:example.com,2000:x>", "!!merge"]
RAW_VALUES = [
    "!!omap [a: 1]", "!!python/object/apply:os.system [\"echo pwned\"]", "!!binary aGk=", "!foo bar", "!!int nope",
    "!!float nope", "!!bool nope", "!!null x", "!!set {a: null}", "!!timestamp 2001-01-01", "*undefined",
    "[[[[[[[[[[", "{a: {b: {c:", "!!str", "[a, b", "{a: 1, a: 2}", "\"\\ud800\"", "\"\\0\"", "\"\\e\"", "\"\\x85\"",
    "'", "|-", ">-", "0o777", ".inf", ".nan", "-.inf", "2024-13-45", "<<", "=", "? a", "&", "*", "!", "%YAML 1.1",
    "---", "...", "{? [a]: b}", "[&x a, *x, *x]",
]
ROLES = ["primary", "primary-deep", "on-primary", "accent", "outline", "tier", "tier-edge", "on-tier", "primay", ""]
NEAR_KEYS = ["titel", "icons", "templates", "Title", "id ", "", "<<", "badge", "tier", "colour", "x" * 300]
TIER_LIST = [
    {"id": "bronze", "label": "Bronze", "pips": 1, "roles": {"tier": "bronze", "tier-edge": "bronze-deep", "on-tier": "white"}},
    {"id": "gold", "label": "Gold", "pips": 3, "border": "double", "laurel": True,
     "roles": {"tier": "gold", "tier-edge": "gold-deep", "on-tier": "ink"}},
]


#: text a badge set may hold (it passes loading) but that is hard to draw, fit, escape or shape
PLAUSIBLE_TEXT = [
    "A", "History Taking", "Ünïcødé Çàsé", "مهارات سريرية", "מיומנות קלינית", "临床技能", "Ελληνικά", "🩺💉🧠", "e\u0301" * 20,
    "<b>&amp;</b> \"quoted\" 'single'", "]]> <!-- -->", "{{ badge.title }}", "{% if %}", "a\tb", "line one\nline two",
    "   padded   ", "\u200b\u200c\u200d", "\u202eevil", "\u00ad" * 10, "W" * 60, "Wide " * 40, "x" * 2000,
    "Supercalifragilisticexpialidocious-Pneumonoultramicroscopic", "1", "-", ".",
    "\U0001F3F3\uFE0F\u200D\U0001F308", "\uFFFD", "\u3000", "a" + "\u0308" * 50,
]
PLAUSIBLE_COLOURS = ["transparent", "rgb(0 0 0 / 0)", "#ffffff00", "#fff", "white", "black", "teal-700", "sand", "ink",
                     "color(display-p3 1 0 0)", "oklch(0.99 0.4 120)", "hsl(0 0% 0% / 0.01)", "#0b5563", "on-primary",
                     "primary", "rgb(255 255 0)", "lab(50 125 -125)"]
LINT_CONFIGS: list[Any] = [
    {"wcag": "AAA"}, {"wcag": "A"}, {"select": ["MB1"]}, {"ignore": ["MB9"]}, {"display_sizes": {"text": 0, "icon": -5}},
    {"display_sizes": {"text": 10**15}}, {"min_stroke_px": 1e15}, {"svg_budget_kb": -1}, {"max_title_words": 0},
    {"severity": {"MB205": "fatal"}}, {"severity": {"MB999": "error"}}, {"fail_level": "info"},
    {"suppress": [{"code": "MB502", "reason": ""}]}, {"suppress": [{"code": "MB101", "badge": "nope", "reason": "x"}]},
    {"tier_min_delta_e": 1e15}, {"palette_tolerance": -1}, {"brand_fonts": []}, {"unknown": 1}, {"suppress": "all"},
]


def mutate_plausibly(tree: dict, choose: Chooser) -> None:
    """A change that usually still loads, so that resolving, composing and linting get hostile data."""
    badges = [b for b in tree.get("badges", []) if isinstance(b, dict)] or [{}]
    badge = choose.pick(badges)
    brand = tree["brand"] if isinstance(tree.get("brand"), dict) else {}
    op = choose.index(9)
    if op == 0:
        badge[choose.pick(["title", "subtitle", "description", "criteria"])] = choose.pick(PLAUSIBLE_TEXT)
    elif op == 1:
        badge[choose.pick(["icon", "template"])] = choose.pick(
            ["seal", "shield", "hexagon", "rosette", "rounded-square", "stethoscope", "heart-pulse", "brain", "pill"])
    elif op == 2:
        brand[choose.pick(["issuer_mark", "font"])] = choose.pick(
            ["NSM", "", "مهارات", "WWWWWWWWWWWW", "🩺", "Noto Sans Arabic", "No Such Font", "/dev/zero", "../font.ttf",
             "Atkinson Hyperlegible", "x.otf"])
        if choose.chance(30):
            brand["require_issuer_mark"] = True
    elif op == 3:
        owner = choose.pick([brand, badge])
        owner.setdefault("roles", {})
        if isinstance(owner["roles"], dict):
            owner["roles"][choose.pick(ROLES[:8])] = choose.pick(PLAUSIBLE_COLOURS)
    elif op == 4:
        tiers = _copy(TIER_LIST[: 1 + choose.index(2)])
        tier = choose.pick(tiers)
        tier[choose.pick(["label", "pips", "border", "laurel"])] = choose.pick(
            [0, 5, 6, -1, "double", "triple", True, None, *PLAUSIBLE_TEXT[:6]])
        tree["tiers"] = tiers
    elif op == 5:
        tree["lint"] = _copy(choose.pick(LINT_CONFIGS))
    elif op == 6:
        badge["tiers"] = choose.pick([[], ["foundation"], ["distinguished", "foundation"], ["foundation", "foundation"]])
    elif op == 7:
        tree["paths"] = {choose.pick(["icons", "templates", "palettes"]): [choose.pick([".", "..", "./", "/"])]}
    else:
        badge["tags"] = [choose.pick(PLAUSIBLE_TEXT) for _ in range(choose.pick([0, 1, 50]))]
        badge["alignment"] = [{"framework": choose.pick(PLAUSIBLE_TEXT), "name": "n", "url": "https://x.example/" + "a" * 500}]


def base_tree() -> dict:
    """The example as plain data, with its first two badges (a seal and a shield)."""
    data = YAML(typ="safe", pure=True).load(EXAMPLE.read_text(encoding="utf-8"))
    data["badges"] = data["badges"][:2]
    return data


BASE = base_tree()


def _paths(value: Any, here: tuple = ()) -> list[tuple]:
    found = [here]
    if isinstance(value, dict):
        for key, item in value.items():
            found += _paths(item, here + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += _paths(item, here + (index,))
    return found


def _parent(tree: Any, path: tuple) -> tuple[Any, Any]:
    node = tree
    for part in path[:-1]:
        node = node[part]
    return node, path[-1]


def _copy(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _copy(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_copy(v) for v in value]
    return value


def _replace(tree: Any, path: tuple, make: Callable[[Any], Any]) -> None:
    parent, last = _parent(tree, path)
    parent[last] = make(parent[last])


def mutate_tree(tree: dict, choose: Chooser) -> None:
    """One mutation of the data, at a place chosen among all of its values."""
    paths = [p for p in _paths(tree) if p]
    path = choose.pick(paths)
    op = choose.index(13)
    if op == 0:  # delete a key or an item
        parent, last = _parent(tree, path)
        del parent[last]
    elif op == 1:  # retype
        new = choose.pick([None, True, False, 0, -1, 3.5, "text", [], {}, ["a"], {"a": 1}, [[]], {"": None}])
        _replace(tree, path, lambda _old: _copy(new))
    elif op == 2:
        _replace(tree, path, lambda _old: choose.pick(HOSTILE_TEXT))
    elif op == 3:
        _replace(tree, path, lambda _old: choose.pick(HOSTILE_NUMBERS))
    elif op == 4:  # a colour where a role goes: brand, a badge or a tier
        owner = choose.pick([tree.setdefault("brand", {}), *[b for b in tree.get("badges", []) if isinstance(b, dict)]]
                            or [{}])
        if isinstance(owner, dict):
            roles = owner.get("roles") if isinstance(owner.get("roles"), dict) else {}
            roles[choose.pick(ROLES)] = choose.pick(BAD_COLOURS)
            owner["roles"] = roles
    elif op == 5:  # a tag on the value there
        tag = choose.pick(TAGS)
        _replace(tree, path, lambda old: Tagged(tag, old))
    elif op == 6:  # a raw YAML value
        _replace(tree, path, lambda _old: Raw(choose.pick(RAW_VALUES)))
    elif op == 7:  # an anchor here, an alias somewhere (maybe before it, maybe inside it)
        name = choose.pick(["a", "b", "x" * 100])
        other = choose.pick(paths)
        _replace(tree, path, lambda old: Anchor(name, old))
        try:
            _replace(tree, other, lambda _old: Alias(choose.pick([name, name, "nowhere"])))
        except (KeyError, IndexError, TypeError):
            pass  # the other place went away with the first change
    elif op == 8:  # deep nesting
        depth = choose.pick([2, 10, 48, 49, 50, 51, 100, 300])
        wrap_in_dict = choose.chance(50)

        def deep(old):
            for _ in range(depth):
                old = {"k": old} if wrap_in_dict else [old]
            return old

        _replace(tree, path, deep)
    elif op == 9:  # an unknown or misspelt key
        parent, _last = _parent(tree, path)
        if isinstance(parent, dict):
            parent[choose.pick(NEAR_KEYS)] = choose.pick(HOSTILE_TEXT)
    elif op == 10:  # duplicate a list item (two badges with one id) or a mapping's value under a new key
        parent, last = _parent(tree, path)
        if isinstance(parent, list):
            parent.insert(last, _copy(parent[last]))
        else:
            parent[f"{last}2" if isinstance(last, str) else last] = _copy(parent[last])
    elif op == 11:  # explicit tiers, so the tier specs can be mutated too
        tree["tiers"] = _copy(TIER_LIST[: 1 + choose.index(2)])
    else:  # an alias bomb of a chosen size
        levels, width = 1 + choose.index(6), choose.pick([2, 5, 9])
        bomb: dict[str, Any] = {"l0": Anchor("l0", ["lol"] * width)}
        for level in range(1, levels):
            bomb[f"l{level}"] = Anchor(f"l{level}", [Alias(f"l{level - 1}")] * width)
        tree["lint"] = bomb


CONTROL = ["\x00", "\x1b", "\x07", "\x7f", "\x85", "\ud800", "\ufffe", "\t", "\r", "\u2028", "\ufeff"]
FRAGMENTS = ["&a ", "*a", "!!omap ", "!foo ", "[", "{", "]", "}", ": ", "- ", "'", '"', "? ", "<<: *a\n", "%YAML 1.2\n",
             "---\n", "\n...\n", "#", "|\n", ">\n", "  ", "\t", ",", "!!python/object/apply:os.system [x] "]


def mutate_text(text: str, choose: Chooser) -> str:
    """Damage to the YAML text itself: lines deleted, repeated or moved, characters inserted."""
    lines = text.split("\n")
    op = choose.index(7)
    at = choose.index(len(lines))
    if op == 0:
        del lines[at]
    elif op == 1:  # a repeated line: duplicate keys, duplicate list items
        lines.insert(at, lines[at])
    elif op == 2:
        other = choose.index(len(lines))
        lines[at], lines[other] = lines[other], lines[at]
    elif op == 3:  # re-indent a line
        lines[at] = " " * choose.pick([0, 1, 3, 8]) + lines[at].lstrip(" ")
    elif op == 4:
        return text[: choose.index(len(text) + 1)]  # truncated
    else:
        where = choose.index(len(text) + 1)
        piece = choose.pick(CONTROL if op == 5 else FRAGMENTS)
        return text[:where] + piece + text[where:]
    return "\n".join(lines)


def make_case(choose: Chooser) -> str:
    """A mutated badge set, as the text of a file."""
    tree = _copy(BASE)
    for _ in range(1 + choose.index(3)):
        try:
            (mutate_plausibly if choose.chance(55) else mutate_tree)(tree, choose)
        except (KeyError, IndexError, TypeError, AttributeError):
            pass  # the place a mutation wanted is gone; the others still apply
    text = "\n".join(emit(tree)) + "\n"
    if choose.chance(20):
        text = mutate_text(text, choose)
    return text


# --- running a case ---------------------------------------------------------------------------------

class Hang(BaseException):
    """A case ran longer than HANG_SECONDS (BaseException, so that no ``except Exception`` eats it)."""


@contextlib.contextmanager
def watchdog(seconds: float):
    def alarm(_signum, _frame):
        raise Hang(f"no result after {seconds} s")

    previous = signal.signal(signal.SIGALRM, alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def run_case(text: str, folder: Path) -> str:
    """Run ``text`` as badges.yaml through load → resolve → lint and through ``medbadge lint``.

    Returns what happened ("refused" or "linted", and the exit code); any other exception — a
    traceback — propagates, and so does :class:`Hang`."""
    import designer
    from designer.base.errors import MedbadgeError
    from designer.cli import main
    from designer.lint import lint, load_config

    path = folder / "badges.yaml"
    path.write_bytes(text.encode("utf-8", "surrogatepass"))
    with watchdog(HANG_SECONDS):
        try:
            badge_set = designer.load(path)
            designs = designer.resolve(badge_set)
            lint(badge_set, designs, load_config(badge_set, {}))
            outcome = "linted"
        except MedbadgeError:
            outcome = "refused"
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()) as err:
            code = main(["lint", str(path)])
    assert code in (0, 1, 2), f"medbadge lint exited {code}"
    assert "Traceback" not in err.getvalue()
    assert (code == 2) == (outcome == "refused"), f"the CLI exited {code} but the pipeline {outcome}"
    return f"{outcome} {code}"


# --- the property -------------------------------------------------------------------------------------

EXAMPLES = int(os.environ.get("MEDBADGE_FUZZ_EXAMPLES", "100"))


@settings(max_examples=EXAMPLES, deadline=timedelta(seconds=10), derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large], print_blob=True)
@given(st.data())
def test_no_badge_set_gives_a_traceback_or_a_hang(data):
    choose = Chooser(lambda n: data.draw(st.integers(0, n - 1)) if n > 1 else 0)
    text = make_case(choose)
    with tempfile.TemporaryDirectory() as folder:
        run_case(text, Path(folder))


def test_the_unmutated_base_lints_and_the_emitter_writes_what_it_read(tmp_path):
    """The fuzzer's starting point must itself be a valid badge set, or every case is refused early."""
    text = "\n".join(emit(_copy(BASE))) + "\n"
    assert YAML(typ="safe", pure=True).load(text) == BASE
    assert run_case(text, tmp_path).startswith("linted")


def test_the_mutations_reach_the_places_they_aim_at():
    """Seen over a fixed set of cases: refused inputs of each kind the fuzzer means to produce."""
    import designer
    from designer.base.errors import MedbadgeError

    seen = set()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "badges.yaml"
        import random

        for seed in range(300):
            rng = random.Random(seed)
            path.write_bytes(make_case(Chooser(rng.randrange)).encode("utf-8", "surrogatepass"))
            try:
                designer.load(path)
            except MedbadgeError as error:
                seen.add(next((kind for kind in ("tag", "alias", "nested", "the text holds", "not a colour",
                                                 "unknown", "missing", "YAML syntax", "number") if kind in str(error)),
                              "other"))
    assert {"tag", "alias", "nested", "the text holds", "not a colour", "unknown", "missing", "YAML syntax",
            "number"} <= seen
