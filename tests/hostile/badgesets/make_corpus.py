"""Write the hostile badge set corpus next to this file: ``python tests/hostile/badgesets/make_corpus.py``.

Each case is the bundled example with one hostile change, so the only thing wrong with the file
is the case it is named after. The files are committed; this script documents how each was made
and rewrites them identically.
"""

from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).resolve().parent
EXAMPLE = HERE.parents[2] / "examples" / "medical-school" / "badges.yaml"
TITLE = "    title: History Taking\n"
TIERS = "tiers: four-metals              # foundation, proficient, advanced, distinguished\n"
BRAND = "  issuer_mark: NSM              # shown by templates with an issuer-mark slot (shield)\n"


def example() -> str:
    return EXAMPLE.read_text(encoding="utf-8")


def replace(old: str, new: str) -> str:
    text = example()
    assert old in text, old
    return text.replace(old, new, 1)


def alias_bomb() -> str:
    """"Billion laughs": nine levels of nine aliases, 9**9 strings once expanded."""
    lines = ['lint:', '  a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for level in range(1, 10):
        refs = ",".join([f"*a{level - 1}"] * 9)
        lines.append(f"  a{level}: &a{level} [{refs}]")
    return example() + "\n".join(lines) + "\n"


def deep_nesting() -> str:
    return replace("    tags: [clinical skills, history, communication]\n",
                   "    tags: " + "[" * 300 + "deep" + "]" * 300 + "\n")


def deep_mapping() -> str:
    return example() + "lint:\n" + "".join("  " * (i + 1) + f"k{i}:\n" for i in range(300)) + "  " * 301 + "x: 1\n"


def oversize() -> str:
    # a plausible file, just too large: 1 MiB of description
    return replace("  description: Undergraduate medical education at Northfield, recognising clinical skills step by step.\n",
                   "  description: " + "Undergraduate medical education. " * 32_000 + "\n")


CASES = {
    "alias-bomb.yaml": alias_bomb,
    "alias-loop.yaml": lambda: example() + "lint: &loop\n  again: *loop\n",
    "alias-undefined.yaml": lambda: replace(TITLE, "    title: *nowhere\n"),
    "deep-nesting.yaml": deep_nesting,
    "deep-mapping.yaml": deep_mapping,
    "tag-int-not-a-number.yaml": lambda: replace(TIERS, "tiers:\n  - {id: bronze, label: Bronze, pips: !!int not-a-number}\n"),
    "tag-float-abc.yaml": lambda: example() + "lint:\n  min_stroke_px: !!float abc\n",
    "tag-bool-maybe.yaml": lambda: replace("  issuer_mark: NSM", "  require_issuer_mark: !!bool maybe\n  issuer_mark: NSM"),
    "tag-omap.yaml": lambda: replace(TITLE, "    title: !!omap [a: 1]\n"),
    "tag-python-object.yaml": lambda: replace(TITLE, "    title: !!python/object/apply:os.system [\"echo pwned\"]\n"),
    "tag-binary.yaml": lambda: replace(TITLE, "    title: !!binary aGVsbG8=\n"),
    "tag-local.yaml": lambda: replace(TITLE, "    title: !foo History Taking\n"),
    "tag-set.yaml": lambda: replace("    tags: [clinical skills, history, communication]\n",
                                    "    tags: !!set {clinical skills: null}\n"),
    "colour-overflow.yaml": lambda: replace(BRAND, BRAND + "  roles: {accent: 'rgb(1e308,0,0)'}\n"),
    "colour-out-of-range.yaml": lambda: replace(BRAND, BRAND + "  roles: {accent: 'lab(50 1e30 0)'}\n"),
    "title-nul.yaml": lambda: replace(TITLE, '    title: "History\\0Taking"\n'),
    "title-esc.yaml": lambda: replace(TITLE, '    title: "\\e[31mHistory Taking"\n'),
    "title-lone-surrogate.yaml": lambda: replace(TITLE, '    title: "History \\ud800Taking"\n'),
    "title-noncharacter.yaml": lambda: replace(TITLE, '    title: "History Taking\\uFFFE"\n'),
    "raw-control-character.yaml": lambda: replace(TITLE, "    title: History\x1bTaking\n"),
    "raw-nul-byte.yaml": lambda: replace(TITLE, "    title: History\x00Taking\n"),
    "int-4301-digits.yaml": lambda: replace(TIERS, "tiers:\n  - {id: bronze, label: Bronze, pips: " + "9" * 4301 + "}\n"),
    "float-infinite.yaml": lambda: example() + "lint:\n  min_stroke_px: .inf\n",
    "float-overflow.yaml": lambda: example() + "lint:\n  min_stroke_px: 1e999\n",
    "duplicate-key.yaml": lambda: replace(TITLE, TITLE + "    title: History Taking Again\n"),
    "complex-key.yaml": lambda: replace(TITLE, TITLE + "    ? [a, b]\n    : c\n"),
    "two-documents.yaml": lambda: example() + "---\nversion: 1\n",
    "top-level-list.yaml": lambda: "- version: 1\n- badges: []\n",
    "empty.yaml": lambda: "",
    "long-title.yaml": lambda: replace(TITLE, "    title: " + "Handover " * 20_000 + "\n"),
    "many-nodes.yaml": lambda: replace("    tags: [clinical skills, history, communication]\n",
                                       "    tags: [" + ",".join(["t"] * 150_000) + "]\n"),
    "oversize.yaml": oversize,
}


def main() -> None:
    for name, make in CASES.items():
        (HERE / name).write_bytes(make().encode("utf-8", "surrogatepass"))
    print(f"wrote {len(CASES)} files to {HERE}")


if __name__ == "__main__":
    main()
