"""Bake and unbake 1,000 badge PNGs with medbadge and with openbadges-bakery, in the same run.

The scenario is roster issuing: a few tier artworks (600x600, rendered once with CairoSVG, 30-80 kB
each) baked with one hosted OB 2.0 assertion per recipient, then read back. Both libraries get
in-memory files (openbadges-bakery gets BytesIO objects, so no temporary files skew its time).

    python benchmarks/bench_bake.py            # 1,000 images
    python benchmarks/bench_bake.py -n 200     # quicker

Prints per-image times and the speed-up; the goal is medbadge >= 3x faster. Then it issues a
generated 500-recipient roster of the example badge set (``medbadge issue``: one baked PNG at 600 px
and one baked SVG per recipient, OB 3.0) unsigned, signed as VC-JWT (EdDSA, ES256, RS256) and with an
eddsa-rdfc-2022 Data Integrity proof, and prints recipients per second for each (``--issue 0`` skips).
"""

from __future__ import annotations

import argparse
import gc
import hashlib
import io
import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from designer.openbadges import bake_png, unbake  # noqa: E402
from designer.base.png import check_png  # noqa: E402

TIERS = {"foundation": "#8c5a2b", "proficient": "#9aa4ad", "advanced": "#c9a227", "distinguished": "#4a6fa5"}

BADGE = """<svg xmlns="http://www.w3.org/2000/svg" width="600" height="600" viewBox="0 0 600 600">
  <defs>
    <radialGradient id="metal" cx="40%" cy="35%" r="70%">
      <stop offset="0" stop-color="#ffffff"/><stop offset="0.45" stop-color="{metal}"/><stop offset="1" stop-color="#2b2b2b"/>
    </radialGradient>
    <linearGradient id="face" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="#127a8a"/><stop offset="1" stop-color="#0b4550"/>
    </linearGradient>
  </defs>
  <circle cx="300" cy="300" r="290" fill="url(#metal)"/>
  <circle cx="300" cy="300" r="250" fill="url(#face)" stroke="#ffffff" stroke-width="6" stroke-dasharray="14 10"/>
  <path d="M300 120 v300 M270 160 c60 20 60 60 0 80 c-60 20 -60 60 0 80 c60 20 60 60 0 80"
        fill="none" stroke="#ffffff" stroke-width="18" stroke-linecap="round"/>
  <path d="M110 470 h380 l-30 60 h-320 z" fill="{metal}" stroke="#1d1d1d" stroke-width="4"/>
  {pips}
</svg>"""


def render_artworks() -> list[bytes]:
    import cairosvg

    artworks = []
    for rank, metal in enumerate(TIERS.values(), start=1):
        pips = "".join(f'<circle cx="{300 + (i - (rank - 1) / 2) * 44:.0f}" cy="500" r="14" fill="#ffffff"/>' for i in range(rank))
        artworks.append(cairosvg.svg2png(bytestring=BADGE.format(metal=metal, pips=pips).encode()))
    return artworks


def assertions(count: int) -> list[str]:
    result = []
    for index in range(count):
        email, salt = f"student{index:04d}@example-med.edu", f"salt{index:04d}"
        result.append(json.dumps({
            "@context": "https://w3id.org/openbadges/v2", "type": "Assertion",
            "id": f"https://badges.example-med.edu/assertions/{index:04d}",
            "recipient": {"type": "email", "hashed": True, "salt": salt,
                          "identity": "sha256$" + hashlib.sha256((email + salt).encode()).hexdigest()},
            "badge": "https://badges.example-med.edu/badges/suturing-proficient",
            "verification": {"type": "hosted"}, "issuedOn": "2024-06-01T00:00:00Z",
        }))
    return result


# Each image is baked and then read back straight away, the way an issuing loop writes one file per
# recipient; keeping 1,000 outputs alive instead would mostly measure fresh-page faults (same for both).
def timed_round(bake, unbake, images: list[bytes], payloads: list[str]) -> tuple[float, float, list[bytes]]:
    """Bake then unbake every image with the given functions; their separate times, and a few
    baked images kept for the cross-check."""
    clock = time.perf_counter
    bake_time = unbake_time = 0.0
    kept = []
    for index, (image, payload) in enumerate(zip(images, payloads)):
        t0 = clock()
        baked = bake(image, payload)
        t1 = clock()
        text = unbake(baked)
        t2 = clock()
        bake_time += t1 - t0
        unbake_time += t2 - t1
        assert text == payload
        if index < 20:
            kept.append(baked)
    return bake_time, unbake_time, kept


def run_medbadge(images: list[bytes], payloads: list[str], *, issuing: bool = False) -> tuple[float, float, list[bytes]]:
    """``issuing=False``: every CRC of every image recomputed (what ``medbadge bake`` does).
    ``issuing=True``: each distinct artwork checked once with check_png, then baked without
    recomputing its pixel-data CRCs (what baking one artwork for a roster needs)."""
    start = time.perf_counter()
    if issuing:
        for artwork in {id(image): image for image in images}.values():
            check_png(artwork)
    checking = time.perf_counter() - start
    bake_time, unbake_time, kept = timed_round(
        lambda image, payload: bake_png(image, payload, "2.0", check_image_data=not issuing),
        lambda baked: unbake(baked).text, images, payloads)
    return bake_time + checking, unbake_time, kept


def run_bakery(images: list[bytes], payloads: list[str]) -> tuple[float, float, list[bytes]]:
    from openbadges_bakery import png_bakery

    def bake(image: bytes, payload: str) -> bytes:
        out = io.BytesIO()
        png_bakery.bake(io.BytesIO(image), payload, out)
        return out.getvalue()

    return timed_round(bake, lambda baked: png_bakery.unbake(io.BytesIO(baked)), images, payloads)


def bench_issue(count: int) -> None:
    """Issue ``count`` generated recipients over eight badge × tier designs of the example set, once
    per proof format: unsigned JSON, VC-JWT (EdDSA, ES256, RS256) and Data Integrity (eddsa-rdfc-2022)."""
    from designer.openbadges.issue import IssueOptions, issue
    from designer.openbadges.keyring import load_signing_key
    from designer.openbadges.keys import new_key, write_key_files

    root = Path(__file__).resolve().parents[1]
    combos = [(badge, tier) for badge in ("history-taking", "clinical-reasoning")
              for tier in ("foundation", "proficient", "advanced", "distinguished")]
    names = ["Amira Haddad", "李明", "José Núñez", "أمينة الفاسي", "Zoë Ångström", "Дмитрий Соколов"]
    lines = ["name,email,badge,tier"]
    for index in range(count):
        badge, tier = combos[index % len(combos)]
        lines.append(f"{names[index % len(names)]} {index},student{index:04d}@students.example,{badge},{tier}")
    with tempfile.TemporaryDirectory() as folder:
        roster = Path(folder) / "roster.csv"
        roster.write_text("\n".join(lines) + "\n", encoding="utf-8")
        keys = {alg: load_signing_key(write_key_files(new_key(alg), Path(folder) / "keys", name=alg).private)
                for alg in ("EdDSA", "ES256", "RS256")}
        runs = [("unsigned JSON", dict(unsigned=True)),
                ("VC-JWT EdDSA", dict(signing_key=keys["EdDSA"])),
                ("VC-JWT ES256", dict(signing_key=keys["ES256"])),
                ("VC-JWT RS256", dict(signing_key=keys["RS256"])),
                ("Data Integrity eddsa-rdfc-2022", dict(signing_key=keys["EdDSA"], proof="data-integrity",
                                                         issuer_id="did:key"))]
        print(f"issuing {count} recipients (8 artworks; PNG 600 px + SVG each, status list, publish/):")
        for label, extra in runs:
            timing: dict[str, float] = {}
            progress = lambda done, total, entry: timing.setdefault("first", time.perf_counter())  # noqa: E731
            start = time.perf_counter()
            result = issue(root / "examples" / "medical-school" / "badges.yaml", roster, Path(folder) / label.replace(" ", "-"),
                           IssueOptions(version="3.0", issued_on="2025-07-01T00:00:00Z", **extra), progress=progress)
            total = time.perf_counter() - start
            baking = total - (timing["first"] - start)  # after the artworks are composed and rasterised
            print(f"  {label:32s} {total:6.2f} s = {result.recipients / total:5.0f} recipients/s in all; "
                  f"signing, baking and writing alone {result.recipients / baking:5.0f} recipients/s")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", "--count", type=int, default=1000)
    parser.add_argument("-r", "--rounds", type=int, default=3, help="interleaved rounds; the best time of each phase counts")
    parser.add_argument("--issue", type=int, default=500, help="recipients in the issuing benchmark (0: skip it)")
    args = parser.parse_args(argv)
    artworks = render_artworks()
    images = [artworks[i % len(artworks)] for i in range(args.count)]
    payloads = assertions(args.count)
    sizes = ", ".join(f"{len(a) / 1024:.0f} kB" for a in artworks)
    print(f"{args.count} PNGs, 600x600, artworks of {sizes}; best of {args.rounds} rounds")

    try:
        import openbadges_bakery  # noqa: F401
    except ImportError:
        print("openbadges-bakery is not installed (pip install openbadges-bakery); medbadge only")
        have_bakery = False
    else:
        have_bakery = True

    def best(runs: list[tuple[float, float, list[bytes]]]) -> tuple[float, float]:
        return min(r[0] for r in runs), min(r[1] for r in runs)

    # Interleaved rounds, best time per phase: a shared machine's noise hits both sides alike.
    rounds: dict[str, list] = {"checked": [], "issuing": [], "bakery": []}
    gc.disable()  # as timeit does: collector pauses land on whichever side happens to trigger them
    for _ in range(args.rounds):
        rounds["checked"].append(run_medbadge(images, payloads))
        rounds["issuing"].append(run_medbadge(images, payloads, issuing=True))
        if have_bakery:
            rounds["bakery"].append(run_bakery(images, payloads))
    if have_bakery:  # each reads the other's output: the comparison is between interoperable results
        assert [unbake(data).text for data in rounds["bakery"][0][2][:20]] == payloads[:20]
    checked, issuing = best(rounds["checked"]), best(rounds["issuing"])
    theirs = best(rounds["bakery"]) if have_bakery else None

    def row(name: str, bake: float, unbake_time: float) -> str:
        per = lambda t: f"{t / args.count * 1e6:6.1f} us"
        return f"{name:<30} bake {bake:6.3f} s ({per(bake)}/img)  unbake {unbake_time:6.3f} s ({per(unbake_time)}/img)  total {bake + unbake_time:6.3f} s"

    print(row("medbadge (all CRCs checked)", *checked[:2]))
    print(row("medbadge (issuing path)", *issuing[:2]))
    if theirs is not None:
        print(row("openbadges-bakery 2.0.0", *theirs[:2]))
        for name, ours in (("all CRCs checked", checked), ("issuing path", issuing)):
            ratio = sum(theirs[:2]) / sum(ours[:2])
            print(f"speed-up, {name}: bake {theirs[0] / ours[0]:.1f}x, unbake {theirs[1] / ours[1]:.1f}x, "
                  f"total {ratio:.1f}x ({'meets' if ratio >= 3 else 'misses'} the 3x goal)")
    gc.enable()
    if args.issue:
        bench_issue(args.issue)
    return 0


if __name__ == "__main__":
    sys.exit(main())
