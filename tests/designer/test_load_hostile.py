"""Hostile and broken badge sets: each ends within seconds with one placed message and exit 2.

Every file in tests/hostile/badgesets/ is the bundled example with one hostile change (see
make_corpus.py there). The bounds themselves are in designer/badgeset/load.py and docs/limits.md.
"""

from __future__ import annotations

import os
import re
import time
from pathlib import Path

import pytest

import designer
from designer.badgeset import load as load_module
from designer.badgeset.edit import BadgeSetDocument
from designer.badgeset.load import MAX_ALIAS_NODES, MAX_DEPTH, MAX_FILE_BYTES, MAX_NODES, loads
from designer.base.color import Color, ColorParseError
from designer.base.errors import BadgeSetError, MedbadgeError
from designer.cli import main
from tests.conftest import EXAMPLE, ROOT

CORPUS = ROOT / "tests" / "hostile" / "badgesets"
GOOD = EXAMPLE.read_text(encoding="utf-8")
TITLE = "    title: History Taking\n"

#: file → (line:col of the message, or None for the whole file; words the message must hold)
EXPECTED = {
    "alias-bomb.yaml": ("227:12", "aliases expand to more than 10,000 values"),
    "alias-loop.yaml": ("223:10", "alias '*loop' is inside the value it names (a loop)"),
    "alias-undefined.yaml": ("28:12", "unknown alias '*nowhere'"),
    "colour-out-of-range.yaml": ("20:19", "'lab(50 1e30 0)' is not a colour: its numbers must be finite and in range"),
    "colour-overflow.yaml": ("20:19", "'rgb(1e308,0,0)' is not a colour: its numbers must be finite and in range"),
    "complex-key.yaml": ("29:7", "a key must be plain text"),
    "deep-mapping.yaml": ("272:101", "nested more than 50 levels deep"),
    "deep-nesting.yaml": ("42:58", "nested more than 50 levels deep"),
    "duplicate-key.yaml": ("29:5", "duplicate key 'title' (it is given already on line 28"),
    "empty.yaml": ("1:1", "a badge set must be a mapping"),
    "float-infinite.yaml": ("223:18", "lint.min_stroke_px: '.inf' is not a finite number"),
    "float-overflow.yaml": ("223:18", "lint.min_stroke_px: '1e999' is not a finite number"),
    "int-4301-digits.yaml": ("22:39", "tiers.0.pips: the number '9999"),
    "long-title.yaml": ("28:12", "badges.0.title: a text of 179,999 characters: at most 10,000"),
    "many-nodes.yaml": ("42:39894", "more than 20,000 values in the file"),
    "oversize.yaml": (None, "the file is larger than 1 MiB"),
    "raw-control-character.yaml": ("28:19", "the file holds U+001B (ESC, a control character)"),
    "raw-nul-byte.yaml": ("28:19", "the file holds U+0000 (NUL, a control character)"),
    "tag-binary.yaml": ("28:12", "YAML tag '!!binary' is not allowed"),
    "tag-bool-maybe.yaml": ("19:24", "'maybe' (tagged !!bool) is not true or false"),
    "tag-float-abc.yaml": ("223:18", "'abc' (tagged !!float) is not a number"),
    "tag-int-not-a-number.yaml": ("22:39", "tiers.0.pips: 'not-a-number' (tagged !!int) is not a whole number"),
    "tag-local.yaml": ("28:12", "YAML tag '!foo' is not allowed"),
    "tag-omap.yaml": ("28:12", "YAML tag '!!omap' is not allowed"),
    "tag-python-object.yaml": ("28:12", "YAML tag '!!python/object/apply:os.system' is not allowed"),
    "tag-set.yaml": ("42:11", "YAML tag '!!set' is not allowed"),
    "title-esc.yaml": ("28:12", "badges.0.title: the text holds U+001B (ESC, a control character) at character 1"),
    "title-lone-surrogate.yaml": ("28:12", "the text holds U+D800 (a lone surrogate"),
    "title-noncharacter.yaml": ("28:12", "the text holds U+FFFE (a noncharacter)"),
    "title-nul.yaml": ("28:12", "badges.0.title: the text holds U+0000 (NUL, a control character) at character 8"),
    "top-level-list.yaml": ("1:1", "a badge set must be a mapping"),
    "two-documents.yaml": ("222:1", "a second YAML document"),
}


def test_every_corpus_file_has_an_expectation():
    assert sorted(p.name for p in CORPUS.glob("*.yaml")) == sorted(EXPECTED)


def run_cli(argv, capsys) -> tuple[int, str, float]:
    started = time.perf_counter()
    code = main(argv)
    elapsed = time.perf_counter() - started
    return code, capsys.readouterr().err, elapsed


@pytest.mark.parametrize("name", sorted(EXPECTED))
@pytest.mark.parametrize("command", ["lint", "build"])
def test_hostile_badge_set_is_one_placed_message_and_exit_2(name, command, tmp_path, capsys):
    path = CORPUS / name
    place, words = EXPECTED[name]
    argv = [command, str(path)] + (["-o", str(tmp_path / "dist"), "--quiet"] if command == "build" else [])
    code, err, elapsed = run_cli(argv, capsys)
    assert code == 2, err
    assert "Traceback" not in err
    assert err.count("\n") == 1 and err.startswith("error: "), err  # one line
    assert words in err
    shown = f"{name}:{place}: " if place else f"{name}: "
    assert shown in err, err
    assert elapsed < 10, f"{command} took {elapsed:.1f} s"
    assert not (tmp_path / "dist").exists()


def test_render_refuses_hostile_badge_sets_before_writing(tmp_path, capsys):
    for name in ("alias-bomb.yaml", "title-nul.yaml", "tag-python-object.yaml", "colour-overflow.yaml"):
        out = tmp_path / "badge.svg"
        code, err, _ = run_cli(["render", str(CORPUS / name), "--badge", "history-taking", "-o", str(out)], capsys)
        assert code == 2 and "Traceback" not in err and EXPECTED[name][1] in err
        assert not out.exists()


# --- reading: size limit --------------------------------------------------------------------------

@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_dev_zero_is_refused_after_one_mebibyte(capsys):
    started = time.perf_counter()
    code, err, _ = run_cli(["lint", "/dev/zero"], capsys)
    assert code == 2 and "/dev/zero: the file is larger than 1 MiB" in err
    assert time.perf_counter() - started < 5


def test_huge_sparse_file_is_refused_reading_only_the_limit(tmp_path, monkeypatch):
    path = tmp_path / "badges.yaml"
    with open(path, "wb") as stream:
        stream.truncate(8 * 1024**3)  # 8 GiB of holes: loading it whole would exhaust memory
    sizes = []
    real_open = open

    class Spy:
        def __init__(self, stream):
            self.stream = stream

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.stream.close()

        def read(self, size=-1):
            sizes.append(size)
            return self.stream.read(size)

    monkeypatch.setattr(load_module, "open", lambda p, mode="r": Spy(real_open(p, mode)), raising=False)
    with pytest.raises(MedbadgeError, match="larger than 1 MiB"):
        designer.load(path)
    assert sizes == [MAX_FILE_BYTES + 1]


def test_a_file_of_exactly_the_limit_is_read(tmp_path):
    text = GOOD + "#" * (MAX_FILE_BYTES - len(GOOD.encode("utf-8")) - 1) + "\n"
    path = tmp_path / "badges.yaml"
    path.write_text(text, encoding="utf-8")
    assert path.stat().st_size == MAX_FILE_BYTES
    assert len(designer.load(path).model.badges) == 16
    with open(path, "a", encoding="utf-8") as stream:
        stream.write("\n")
    with pytest.raises(MedbadgeError, match="larger than 1 MiB"):
        designer.load(path)


def test_text_given_directly_has_the_same_limit():
    with pytest.raises(MedbadgeError, match="larger than 1 MiB"):
        loads(GOOD + "#" * MAX_FILE_BYTES, "badges.yaml")
    with pytest.raises(MedbadgeError, match="larger than 1 MiB"):  # the studio's editor goes through parse_yaml
        BadgeSetDocument(GOOD + "#" * MAX_FILE_BYTES, "badges.yaml")


def test_a_folder_and_bad_utf8_get_clear_messages(tmp_path):
    with pytest.raises(MedbadgeError, match="this is a folder"):
        designer.load(tmp_path)
    path = tmp_path / "badges.yaml"
    path.write_bytes(GOOD.encode("utf-8").replace(b"History Taking", b"History \xff Taking", 1))
    with pytest.raises(MedbadgeError) as caught:
        designer.load(path)
    assert caught.value.message.startswith("not UTF-8 text")
    assert caught.value.location.line == 28


# --- bounds: aliases, depth, values -----------------------------------------------------------------

def error_of(text: str) -> MedbadgeError:
    with pytest.raises(MedbadgeError) as caught:
        loads(text, "badges.yaml")
    error = caught.value
    return error.problems[0] if isinstance(error, BadgeSetError) else error


def alias_chain(width: int) -> str:
    """A lint: mapping where one alias repeats a list of ``width`` texts nine times."""
    items = ", ".join(["x"] * width)
    return GOOD + f"lint:\n  base: &base [{items}]\n" + "".join(f"  copy{i}: *base\n" for i in range(9))


def test_aliases_within_the_bound_load_and_beyond_it_are_refused():
    # each alias adds width + 1 values (the list and its items)
    under = (MAX_ALIAS_NODES // 9) - 2
    from designer.badgeset.load import parse_yaml

    data, _ = parse_yaml(alias_chain(under), "badges.yaml")
    assert data["lint"]["copy8"] == ["x"] * under
    error = error_of(alias_chain(under + 20))
    assert "aliases expand to more than 10,000 values" in error.message
    assert error.location.line == GOOD.count("\n") + 2 + 9  # the alias that crossed the bound


def test_aliases_and_merge_keys_in_an_ordinary_badge_set():
    text = GOOD.replace("alignment:\n      - framework: AAMC Core EPAs\n        code: EPA 1\n",
                        "alignment:\n      - &epa1\n        framework: AAMC Core EPAs\n        code: EPA 1\n", 1)
    text = text.replace("    alignment:\n      - framework: AAMC Core EPAs\n        code: EPA 1\n"
                        "        name: Gather a history and perform a physical examination\n"
                        "        url: https://www.aamc.org/about-us/mission-areas/medical-education/cbme/core-epas\n",
                        "    alignment:\n      - <<: *epa1\n        code: EPA 1b\n", 1)
    badge_set = loads(text, "badges.yaml")
    first, second = badge_set.model.badges[0].alignment[0], badge_set.model.badges[1].alignment[0]
    assert (second.framework, second.name, second.url) == (first.framework, first.name, first.url)
    assert second.code == "EPA 1b"  # the mapping's own key wins over the merged one


def nested(depth: int) -> str:
    """``lint:`` holding mappings so that the document is ``depth`` levels deep (the root is 1)."""
    return GOOD + "lint:" + " {a:" * (depth - 1) + " 1" + "}" * (depth - 1) + "\n"


def test_depth_bound_is_exact():
    from designer.badgeset.load import parse_yaml

    parse_yaml(nested(MAX_DEPTH), "badges.yaml")
    error = error_of(nested(MAX_DEPTH + 1))
    assert f"nested more than {MAX_DEPTH} levels deep" in error.message


def test_an_alias_cannot_nest_deeper_than_the_bound():
    deep = "[" * 30 + "x" + "]" * 30
    text = GOOD + f"lint:\n  a: &deep {deep}\n  b: " + "[" * 25 + "*deep" + "]" * 25 + "\n"
    assert "levels deep (with aliases expanded)" in error_of(text).message


def test_values_bound():
    tags = ", ".join(["t"] * MAX_NODES)
    error = error_of(GOOD.replace("    tags: [clinical skills, history, communication]\n", f"    tags: [{tags}]\n", 1))
    assert f"more than {MAX_NODES:,} values" in error.message


# --- tags, scalars, numbers --------------------------------------------------------------------------

def test_plain_tags_on_fitting_values_are_accepted():
    text = (GOOD.replace("    subtitle: Clinical Skills\n", "    subtitle: !!str 2024\n", 1)
                .replace("  issuer_mark: NSM", "  require_issuer_mark: !!bool false\n  issuer_mark: !!str NSM", 1)
                .replace("    tags: [clinical skills, history, communication]\n",
                         "    tags: !!seq [clinical skills, !!str 12]\n    criteria_url: !!null\n", 1)
                .replace("defaults:\n", "defaults: !!map\n", 1))
    badge = loads(text, "badges.yaml").model.badges[0]
    assert badge.subtitle == "2024" and badge.tags == ["clinical skills", "12"] and badge.criteria_url is None


def test_pips_given_with_int_and_float_tags():
    tiers = "tiers:\n  - {id: bronze, label: Bronze, pips: !!int '3'}\n  - {id: silver, label: Silver, pips: !!float 2}\n"
    text = GOOD.replace("tiers: four-metals              # foundation, proficient, advanced, distinguished\n", tiers, 1)
    assert [t.pips for t in loads(text, "badges.yaml").model.tiers] == [3, 2]


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ("!!str {a: 1}", "YAML tag '!!str' does not fit a mapping"),
        ("!!map [a]", "YAML tag '!!map' does not fit a list"),
        ("!!seq text", "YAML tag '!!seq' does not fit a single value"),
        ("!!null text", "'text' (tagged !!null) is not null"),
        ("!!timestamp 2024-01-01", "YAML tag '!!timestamp' is not allowed"),
        ("!!pairs [a: 1]", "YAML tag '!!pairs' is not allowed"),
        ("!<tag:example.com,2000:x> 1", "YAML tag 'tag:example.com,2000:x' is not allowed"),
        ("!!python/name:os.system", "YAML tag '!!python/name:os.system' is not allowed"),
        ("1000000000000001", "the number '1000000000000001' is too large"),
        ("-.inf", "'-.inf' is not a finite number"),
        (".nan", "'.nan' is not a finite number"),
        ("!!float .NaN", "'.NaN' is not a finite number"),
        ("0x" + "f" * 50, "has 52 characters: too long"),
        ('"a\\x7fb"', "U+007F (DEL, a control character) at character 2"),
        ('"a\\Nb"', "U+0085 (NEL, a control character)"),
        ('"\\x1b"', "U+001B (ESC, a control character) at character 1"),
        ('"ok\\uFFFF"', "U+FFFF (a noncharacter) at character 3"),
    ],
)
def test_refused_values_are_placed(value, words):
    text = GOOD.replace(TITLE, f"    title: {value}\n", 1)
    error = error_of(text)
    assert words in error.message
    assert (error.location.line, error.location.column) == (28, 12)


def test_numbers_read_as_before():
    from designer.badgeset.load import parse_yaml

    text = "a: [0x1F, 0o17, 1_000, -5, +3, 1e3, -.5, 2.5, 010, true, False, ~, null, '', 2024-01-01, '12']\n"
    data, _ = parse_yaml(text, "x.yaml")
    assert data["a"] == [31, 15, 1000, -5, 3, 1000.0, -0.5, 2.5, 10, True, False, None, None, "", "2024-01-01", "12"]
    assert [type(v) for v in data["a"][:6]] == [int, int, int, int, int, float]


def test_text_that_xml_can_carry_is_kept():
    text = GOOD.replace("    subtitle: Clinical Skills\n", '    subtitle: "Tab\\there, \\u00e9, \\U0001F489 \\U0010FFFD"\n', 1)
    assert loads(text, "badges.yaml").model.badges[0].subtitle == "Tab\there, \u00e9, \U0001F489 \U0010FFFD"


def test_raw_del_in_the_file_is_placed_exactly():
    text = GOOD.replace("History Taking", "History\x7fTaking", 1)
    error = error_of(text)
    assert "the file holds U+007F (DEL, a control character)" in error.message
    assert (error.location.line, error.location.column) == (28, 19)


def test_several_value_problems_are_reported_together():
    text = GOOD.replace(TITLE, '    title: "bad\\0"\n', 1).replace("    icon: stethoscope\n", "    icon: !foo stethoscope\n", 1)
    with pytest.raises(BadgeSetError) as caught:
        loads(text, "badges.yaml")
    assert [p.location.line for p in caught.value.problems] == [28, text.splitlines().index("    icon: !foo stethoscope") + 1]


# --- colours ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["rgb(1e308,0,0)", "rgb(-1e308 0 0)", "color(srgb 1e308 0 0)", "lab(1e308 0 0)",
                                  "oklch(1e300 1e300 1e300)", "rgb(300 0 0)", "hsl(120 150% 50%)",
                                  "lch(50 1e30 20)", "hwb(0 1e308% 0%)", "color(display-p3 2 0 0)"])
def test_colours_with_numbers_out_of_range_are_refused(text):
    with pytest.raises(ColorParseError, match="finite and in range"):
        Color.parse(text)


@pytest.mark.parametrize(("text", "expected"), [("rgb(255 0 0)", "#ff0000"), ("rgb(100% 0% 0%)", "#ff0000"),
                                                ("hsl(-30 100% 50%)", "#ff0080"), ("lab(100 0 0)", "#ffffff"),
                                                ("rgb(0 0 0 / 50%)", "#00000080"), ("#0B5563", "#0b5563")])
def test_colours_in_range_still_parse(text, expected):
    assert str(Color.parse(text)) == expected


def test_load_time_stays_small_for_every_corpus_file():
    for path in sorted(CORPUS.glob("*.yaml")):
        started = time.perf_counter()
        with pytest.raises(MedbadgeError):
            designer.load(path)
        assert time.perf_counter() - started < 5, path.name


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_pipe_is_read_with_the_same_limit(tmp_path):
    import threading

    fifo = tmp_path / "badges.yaml"
    os.mkfifo(fifo)

    def feed():
        with open(fifo, "wb") as stream:
            try:
                for _ in range(64):  # 4 MiB, more than the reader takes
                    stream.write(b"#" * 65536)
            except BrokenPipeError:
                pass

    writer = threading.Thread(target=feed)
    writer.start()
    with pytest.raises(MedbadgeError, match="larger than 1 MiB"):
        designer.load(fifo)
    writer.join(timeout=10)


def test_the_studio_editor_refuses_hostile_text_before_its_own_yaml_round_trip():
    """BadgeSetDocument parses with the bounded reader first; its round-trip load never sees a bomb."""
    for name in ("alias-bomb.yaml", "deep-nesting.yaml", "tag-python-object.yaml", "title-nul.yaml"):
        started = time.perf_counter()
        with pytest.raises(MedbadgeError, match=re.escape(EXPECTED[name][1])):
            BadgeSetDocument((CORPUS / name).read_text(encoding="utf-8"), "badges.yaml")
        assert time.perf_counter() - started < 5
