"""Issue badges from a roster: one baked PNG and SVG per recipient × badge × tier, plus a manifest.

The pipeline: read and check everything first (badge set, roster, every row's badge and tier),
compose and rasterise each badge × tier of the roster **once** (``check_png`` once on each raster),
then for each row build the award — an OB 3.0 OpenBadgeCredential (JSON, or a VC-JWT with a key)
and/or an OB 2.0 hosted Assertion — and bake it into copies of the artwork
(``bake_png(..., check_image_data=False)``: the pixel data is the already checked raster). Files go
into a staging folder beside the output and replace it only when all of them are written, so a
failure leaves a previous ``issued/`` as it was.

Reproducible: salts, credential ids, assertion ids and file names come from an HMAC-SHA256 of
(issuer, badge, tier, e-mail) under a key (``secret``; by default derived from the issuer id), so
two runs with the same inputs and ``issued_on`` write byte-identical files. ``random_salts`` asks
for fresh random salts and ids instead. The plain e-mail appears in no file name and no file:
the manifest and the payloads carry the salted ``sha256$`` identity only.

Layout::

    issued/issued.json                                   the manifest
    issued/<badge>/<tier>/<name-slug>-<token>.png|.svg   baked images
    issued/assertions/<token>.json                       OB 2.0 hosted assertions (to upload)
"""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
import time
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

import designer
from designer.assetset import metadata, staging
from designer.assetset.options import PngSize
from designer.design import Design
from designer.base.errors import Location, MedbadgeError, display_path, unknown_name
from designer.openbadges.bake import bake_png, bake_svg, prepare_svg
from designer.openbadges.credentials import assertion, credential, hashed_email
from designer.openbadges.keys import PrivateKey
from designer.base.png import check_png
from designer.openbadges.roster import RosterEntry, read_roster
from designer.openbadges.signing import sign_credential
from designer.base.raster import render_png

MANIFEST = "issued.json"
VERSIONS = ("2.0", "3.0", "both")

#: ``progress(done, total, entry)`` after each recipient's files are written.
Progress = Callable[[int, int, RosterEntry], None]


@dataclass(frozen=True)
class IssueOptions:
    version: str = "3.0"  # "2.0", "3.0" or "both"
    sizes: tuple[PngSize, ...] = (PngSize(600),)
    issued_on: str | None = None  # default issue date-time (normalised); None: today, UTC midnight
    key: PrivateKey | None = None  # sign OB 3.0 credentials as VC-JWT
    kid: str | None = None
    base_url: str | None = None  # where assertions/ is hosted; default: beside the issuer id
    secret: bytes | None = None  # HMAC key for salts and ids; default: derived from the issuer id
    random_salts: bool = False


@dataclass(frozen=True)
class IssueResult:
    output: Path
    recipients: int  # roster rows issued
    designs: int  # badge × tier artworks composed and rasterised
    files: int
    seconds: float
    manifest: dict = field(repr=False, compare=False)

    @property
    def per_second(self) -> float:
        return self.recipients / self.seconds if self.seconds > 0 else float("inf")


@dataclass(frozen=True)
class _Artwork:
    design: Design
    svg: bytes
    pngs: tuple[tuple[PngSize, bytes], ...]
    badgeclass_id: str
    achievement: dict
    svg_bakers: dict  # version -> prepare_svg(svg, version): the artwork parsed once per version


def issue(badge_set_path: str | Path, roster_path: str | Path, output: str | Path,
          options: IssueOptions = IssueOptions(), progress: Progress | None = None) -> IssueResult:
    """Issue every row of the roster into ``output`` (replaced as a whole; see the module doc)."""
    started = time.perf_counter()
    if options.version not in VERSIONS:
        raise MedbadgeError(f"unknown Open Badges version {options.version!r}", hint="use 2.0, 3.0 or both")
    if options.key is not None and options.version == "2.0":
        raise MedbadgeError("--sign signs OB 3.0 credentials", hint="use --version 3.0 or both")
    target = Path(output).absolute()
    badge_set = designer.load(badge_set_path)
    entries = read_roster(roster_path)
    designs = _designs_for(badge_set, entries, display_path(roster_path))
    _check_target(target)
    model = badge_set.model
    issuer = metadata.IssuerInfo(model.issuer.id, model.issuer.name, model.issuer.url, model.issuer.email,
                                 model.issuer.description)
    base = options.base_url or metadata.base_url_for(issuer.id)
    badges = {b.id: metadata.BadgeInfo(b.criteria_url, b.achievement_type or model.defaults.achievement_type)
              for b in model.badges}
    default_date = options.issued_on or datetime.now(timezone.utc).strftime("%Y-%m-%dT00:00:00Z")
    secret = options.secret if options.secret is not None else b"medbadge-issue\x00" + issuer.id.encode("utf-8")

    artworks = {key: _prepare(design, issuer, badges[design.badge_id], base, options.sizes)
                for key, design in designs.items()}
    staging.recover_and_clean(target)
    folder = staging.make_staging(target)
    try:
        records = []
        for done, entry in enumerate(entries, start=1):
            art = artworks[(entry.badge, entry.tier)]
            records.append(_issue_one(entry, art, issuer, base, entry.issued_on or default_date, secret, options,
                                      folder))
            if progress:
                progress(done, len(entries), entry)
        manifest = _manifest(issuer, options, records)
        (folder / MANIFEST).write_bytes(_json_bytes(manifest))
        staging.swap_in(folder, target)
    except OSError as error:
        staging.discard(folder)
        raise MedbadgeError(f"cannot write the issued files: {error.strerror}",
                            Location(display_path(error.filename or target))) from None
    except BaseException:
        staging.discard(folder)
        raise
    files = sum(len(record["files"]) for record in records) + 1
    return IssueResult(target, len(entries), len(artworks), files, time.perf_counter() - started, manifest)


def _designs_for(badge_set, entries: list[RosterEntry], source: str) -> dict[tuple[str, str], Design]:
    """The design of every (badge, tier) the roster names; an unknown id fails with its row."""
    designs = {(d.badge_id, d.tier_id): d for d in designer.resolve(badge_set)}
    badge_ids = list(dict.fromkeys(badge for badge, _ in designs))
    tier_ids = list(dict.fromkeys(tier for _, tier in designs))
    wanted = {}
    for entry in entries:
        where = Location(source, entry.row)
        if entry.badge not in badge_ids:
            error = unknown_name("badge", entry.badge, badge_ids, where)
            raise MedbadgeError(f"row {entry.row}: {error.message}", where, hint=error.hint)
        if (entry.badge, entry.tier) not in designs:
            error = unknown_name("tier", entry.tier, tier_ids, where)
            raise MedbadgeError(f"row {entry.row}: {error.message}", where, hint=error.hint)
        wanted[(entry.badge, entry.tier)] = designs[(entry.badge, entry.tier)]
    return wanted


def _check_target(target: Path) -> None:
    """Replace only a folder this command made (it holds ``issued.json``) or an empty one."""
    if target.exists() and not target.is_dir():
        raise MedbadgeError("the output is a file, not a folder", Location(display_path(target)), hint="give a folder for -o")
    if target.is_dir() and any(target.iterdir()) and not (target / MANIFEST).is_file():
        raise MedbadgeError("the output folder is not empty and was not made by medbadge issue",
                            Location(display_path(target)),
                            hint="choose an empty or new folder; issuing replaces the whole folder")


def _prepare(design: Design, issuer: metadata.IssuerInfo, badge: metadata.BadgeInfo, base: str,
             sizes: tuple[PngSize, ...]) -> _Artwork:
    """Compose and rasterise one badge × tier once; every raster is CRC-checked here, once."""
    svg = designer.compose(design).svg
    pngs = []
    for size in sizes:
        png = render_png(svg, size.pixels)
        check_png(png, source=f"{design.slug}-{size}.png")
        pngs.append((size, png))
    # The same hosted URLs as `medbadge build` gives these files (docs/build.md).
    badgeclass_id = metadata.asset_url(base, f"{design.badge_id}/{design.slug}.badgeclass.json")
    image = metadata.asset_url(base, f"{design.badge_id}/{design.slug}.svg")
    achievement = metadata.achievement(design, issuer, badge, image=image,
                                       id=metadata.asset_url(base, f"{design.badge_id}/{design.slug}.achievement.json"))
    bakers = {version: prepare_svg(svg, version, source=f"{design.slug}.svg") for version in ("2.0", "3.0")}
    return _Artwork(design, svg, tuple(pngs), badgeclass_id, achievement, bakers)


def derived_token(secret: bytes, purpose: str, issuer_id: str, badge: str, tier: str, email: str) -> str:
    """A hex HMAC-SHA256 of (purpose, issuer, badge, tier, lower-cased e-mail) under ``secret``.

    >>> derived_token(b"k", "salt", "https://x/issuer", "b", "t", "A@x.org") == derived_token(b"k", "salt", "https://x/issuer", "b", "t", "a@x.org")
    True
    """
    message = "\x00".join((purpose, issuer_id, badge, tier, email.strip().lower())).encode("utf-8")
    return hmac.new(secret, message, hashlib.sha256).hexdigest()


def _uuid_urn(hex_digest: str) -> str:
    """``urn:uuid:`` of a name-based UUID (RFC 9562 version 8, the variant bits set) from a digest."""
    digits = list(hex_digest[:32])
    digits[12] = "8"
    digits[16] = "89ab"[int(digits[16], 16) & 3]
    h = "".join(digits)
    return f"urn:uuid:{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:32]}"


def recipient_slug(name: str, token: str) -> str:
    """A file-name stem for a recipient: ASCII letters of the name (if any) plus a token, never the e-mail.

    >>> recipient_slug("José Núñez", "3f2a9c1b77"), recipient_slug("李明", "3f2a9c1b77")
    ('jose-nunez-3f2a9c1b', 'recipient-3f2a9c1b')
    """
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii").lower()
    words = "".join(c if c.isalnum() else " " for c in ascii_name).split()
    stem = "-".join(words)[:40].strip("-") or "recipient"
    return f"{stem}-{token[:8]}"


def _issue_one(entry: RosterEntry, art: _Artwork, issuer: metadata.IssuerInfo, base: str, issued_on: str,
               secret: bytes, options: IssueOptions, folder: Path) -> dict:
    design = art.design

    def token(purpose: str) -> str:
        if options.random_salts:
            return secrets.token_hex(32)
        return derived_token(secret, purpose, issuer.id, entry.badge, entry.tier, entry.email)

    salt, id_token, file_token = token("salt")[:32], token("id"), token("file")
    identity = hashed_email(entry.email, salt)
    payloads: list[tuple[str, str]] = []  # (version, payload), OB 2.0 first
    record: dict = {"row": entry.row, "name": entry.name, "identity": identity, "salt": salt,
                    "badge": entry.badge, "tier": entry.tier, "issuedOn": issued_on}
    extra_files: list[tuple[str, bytes, str]] = []
    if options.version in ("2.0", "both"):
        assertion_path = f"assertions/{id_token[:32]}.json"
        document = assertion(design, badgeclass_id=art.badgeclass_id, assertion_id=metadata.asset_url(base, assertion_path),
                             email=entry.email, salt=salt, issued_on=issued_on)
        text = json.dumps(document, ensure_ascii=False, separators=(",", ":"))
        payloads.append(("2.0", text))
        record["assertion"] = document["id"]
        extra_files.append((assertion_path, _json_bytes(document), "assertion"))
    if options.version in ("3.0", "both"):
        document = credential(design, issuer, art.achievement, credential_id=_uuid_urn(id_token),
                              email=entry.email, salt=salt, issued_on=issued_on, name=entry.name)
        record["credential"] = document["id"]
        if options.key is not None:
            payloads.append(("3.0", sign_credential(document, options.key, kid=options.kid)))
        else:
            payloads.append(("3.0", json.dumps(document, ensure_ascii=False, separators=(",", ":"))))
    record["payloads"] = {version: "jws" if version == "3.0" and options.key is not None else "json"
                           for version, _ in payloads}  # what is baked: OB version -> payload kind

    stem = recipient_slug(entry.name, file_token)
    relative = f"{entry.badge}/{entry.tier}"
    (folder / relative).mkdir(parents=True, exist_ok=True)
    files = []
    for size, png in art.pngs:
        for version, payload in payloads:
            png = bake_png(png, payload, version, check_image_data=False)
        name = f"{stem}.png" if len(art.pngs) == 1 else f"{stem}-{size}.png"
        files.append((f"{relative}/{name}", png, "png"))
    svg = art.svg_bakers[payloads[0][0]](payloads[0][1])  # the common case: one payload, parsed once
    for version, payload in payloads[1:]:
        svg = bake_svg(svg, payload, version)
    files.append((f"{relative}/{stem}.svg", svg, "svg"))
    if extra_files:
        (folder / "assertions").mkdir(exist_ok=True)
    files.extend(extra_files)
    record["files"] = []
    for path, data, kind in files:
        (folder / path).write_bytes(data)
        record["files"].append({"path": path, "kind": kind, "bytes": len(data),
                                "sha256": hashlib.sha256(data).hexdigest()})
    return record


def _manifest(issuer: metadata.IssuerInfo, options: IssueOptions, records: list[dict]) -> dict:
    return {
        "generator": f"medbadge {designer.__version__}",
        "issuer": issuer.id,
        "version": options.version,
        "signed": options.key is not None,
        "recipients": len(records),
        "issued": records,
    }


def _json_bytes(data: dict) -> bytes:
    return (json.dumps(data, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


__all__ = ["IssueOptions", "IssueResult", "derived_token", "issue", "recipient_slug"]
