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

Signed unless told otherwise: OB 3.0 §8 requires at least one proof, so ``issue`` refuses to write
OB 3.0 credentials without a signing key (``--sign``, or ``credentials.signing_key`` in the badge
set) unless ``--unsigned`` asks for it. Proofs are VC-JWT (OB 3.0 §8.2) or an embedded
``eddsa-rdfc-2022`` Data Integrity proof (``--proof data-integrity``); signed credentials carry a
``credentialStatus`` entry of a Bitstring Status List (``medbadge revoke`` flips its bit).

Layout::

    issued/issued.json                                   the manifest (incl. publish/ file -> URL)
    issued/<badge>/<tier>/<name-slug>-<token>.png|.svg   baked images (for the recipients)
    issued/publish/<host>/<path>                         what to host, one folder per host: OB 2.0
        Issuer, BadgeClasses and assertions; OB 3.0 Profile and Achievements; jwks.json, key files
        or did.json; status/revocation-1.jwt|.json (see :mod:`designer.openbadges.publish`)
"""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
import time
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from pathlib import Path

import designer
from designer.assetset import metadata, staging
from designer.assetset.options import PngSize
from designer.design import Design
from designer.base.errors import Location, MedbadgeError, display_path, unknown_name
from designer.base.files import write_all_atomic, write_atomic
from designer.base.png import check_png, with_text_chunks
from designer.base.raster import render_png
from designer.openbadges.bake import bake_png, prepare_svg, prepare_svg_dual
from designer.openbadges.credentials import assertion, credential, hashed_email
from designer.openbadges.dataintegrity import add_proof
from designer.openbadges.keyring import SigningKey, load_signing_key
from designer.openbadges.keys import PrivateKey, jwk_thumbprint, public_jwk
from designer.openbadges.limits import MAX_JSON_BYTES, parse_json, read_limited
from designer.openbadges.publish import Identity, hosted_files, json_bytes, publish_path, resolve_identity
from designer.openbadges.roster import RosterEntry, read_roster
from designer.openbadges.signing import sign_credential
from designer.openbadges.status import MIN_BITS, allocate_indexes, set_bit, status_entry, status_list_credential

MANIFEST = "issued.json"
VERSIONS = ("2.0", "3.0", "both")

#: ``progress(done, total, entry)`` after each recipient's files are written.
Progress = Callable[[int, int, RosterEntry], None]


@dataclass(frozen=True)
class IssueOptions:
    version: str = "3.0"  # "2.0", "3.0" or "both"
    sizes: tuple[PngSize, ...] = (PngSize(600),)
    issued_on: str | None = None  # default issue date-time (normalised); None: today, UTC midnight
    key: PrivateKey | None = None  # a signing key object (API); the CLI passes signing_key
    signing_key: SigningKey | None = None  # key file or key folder (with the public keys to publish)
    kid: str | None = None  # override the key id a proof names (default: derived from the issuer id)
    proof: str | None = None  # "vc-jwt" or "data-integrity"; None: the badge set's (default vc-jwt)
    issuer_id: str | None = None  # https URL, did:web:..., did:key[:z...]; None: the badge set's
    unsigned: bool = False  # explicitly issue OB 3.0 credentials without any proof
    status: bool = True  # a revocation status list (signed credentials only)
    base_url: str | None = None  # where the asset set and publish/ are hosted; default: beside the issuer id
    secret: bytes | None = None  # HMAC key for salts and ids; default: derived from the issuer id
    random_salts: bool = False
    credential_pages: bool | None = None  # a public page per credential; None: the badge set's share.credential_pages
    recipient_name: bool | None = None  # the recipient's name on it; None: the badge set's share.recipient_name


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
    pngs: tuple[tuple[PngSize, bytes], ...]  # with the descriptive text chunks already in
    badgeclass_id: str
    badgeclass: dict
    achievement: dict
    svg_bakers: dict  # "2.0" / "3.0" -> prepare_svg(...), "both" -> prepare_svg_dual(...)


def _signing_key(options: IssueOptions, model, badge_set_path: Path) -> SigningKey | None:
    if options.signing_key is not None:
        return options.signing_key
    if options.key is not None:
        return SigningKey(options.key, Path("<key>"), (options.key.public_key(),))
    configured = model.credentials.signing_key
    if configured:
        path = Path(configured)
        if not path.is_absolute():
            path = badge_set_path.parent / path
        return load_signing_key(path)
    return None


def issue(badge_set_path: str | Path, roster_path: str | Path, output: str | Path,
          options: IssueOptions = IssueOptions(), progress: Progress | None = None) -> IssueResult:
    """Issue every row of the roster into ``output`` (replaced as a whole; see the module doc)."""
    started = time.perf_counter()
    if options.version not in VERSIONS:
        raise MedbadgeError(f"unknown Open Badges version {options.version!r}", hint="use 2.0, 3.0 or both")
    target = Path(output).absolute()
    badge_set = designer.load(badge_set_path)
    model = badge_set.model
    share = model.share  # credential pages (designer.share.credential_page), unless the options say otherwise
    options = replace(options, credential_pages=share.credential_pages if options.credential_pages is None
                      else options.credential_pages,
                      recipient_name=share.recipient_name if options.recipient_name is None else options.recipient_name)
    entries = read_roster(roster_path)
    designs = _designs_for(badge_set, entries, display_path(roster_path))
    _check_target(target)
    issuer = metadata.IssuerInfo(model.issuer.id, model.issuer.name, model.issuer.url, model.issuer.email,
                                 model.issuer.description)
    base = options.base_url or metadata.base_url_for(issuer.id)
    badges = {b.id: metadata.BadgeInfo(b.criteria_url, b.achievement_type or model.defaults.achievement_type)
              for b in model.badges}
    default_date = options.issued_on or datetime.now(timezone.utc).strftime("%Y-%m-%dT00:00:00Z")
    secret = options.secret if options.secret is not None else b"medbadge-issue\x00" + issuer.id.encode("utf-8")

    ob3 = options.version in ("3.0", "both")
    signing = _signing_key(options, model, Path(badge_set_path))
    if signing is not None and options.unsigned:
        raise MedbadgeError("--unsigned and a signing key exclude each other",
                            hint="drop --unsigned, or --sign / credentials.signing_key")
    if ob3 and signing is None and not options.unsigned:
        raise MedbadgeError(
            "OB 3.0 credentials need a proof (OB 3.0 §8: at least one proof MUST be expressed), and no signing key is set",
            Location(display_path(badge_set_path)),
            hint="pass --sign KEY (or set credentials.signing_key in the badge set); "
                 "--unsigned issues credentials nobody can verify")
    if signing is not None and not ob3:
        raise MedbadgeError("--sign signs OB 3.0 credentials; OB 2.0 assertions use hosted verification",
                            hint="use --version 3.0 or both")
    identity = None
    if signing is not None:
        proof = options.proof or model.credentials.proof
        issuer_id = options.issuer_id or model.credentials.issuer_id or issuer.id
        identity = resolve_identity(issuer_id, signing.private, signing.published, proof, base)
        if options.kid:
            identity = replace(identity, method_id=options.kid)
    credential_issuer = replace(issuer, id=identity.issuer_id) if identity is not None else issuer

    artworks = {key: _prepare(design, issuer, badges[design.badge_id], base, options.sizes, options.version)
                for key, design in designs.items()}
    status_url = None
    indexes: list[int | None] = [None] * len(entries)
    if identity is not None and options.status:
        status_url = metadata.asset_url(base, "status/revocation-1" + (".json" if identity.proof == "data-integrity" else ".jwt"))
        keys = [_record_key(secret, issuer.id, e) for e in entries]
        indexes = allocate_indexes(keys, secret)
    revoked_before = _previously_revoked(target)
    staging.recover_and_clean(target)
    folder = staging.make_staging(target)
    try:
        records = []
        for done, entry in enumerate(entries, start=1):
            art = artworks[(entry.badge, entry.tier)]
            records.append(_issue_one(entry, art, issuer, credential_issuer, base, entry.issued_on or default_date,
                                      secret, options, identity, status_url, indexes[done - 1], folder))
            if progress:
                progress(done, len(entries), entry)
        published = _published(issuer, credential_issuer, identity, artworks, options, base)
        if status_url is not None:
            bits = bytearray(MIN_BITS // 8)
            for record in records:
                if record.get("credential") in revoked_before:
                    record["revoked"] = True
                    set_bit(bits, record["statusListIndex"])
            published[status_url] = sign_status_list(identity, status_url, default_date, bits)
        publish_files = [(folder / publish_path(url), data if isinstance(data, bytes) else json_bytes(data))
                         for url, data in sorted(published.items())]
        write_all_atomic(publish_files, make_parents=True)
        manifest = _manifest(issuer, options, identity, signing, status_url, records,
                             {publish_path(url): url for url in sorted(published)})
        write_atomic(folder / MANIFEST, _json_bytes(manifest))
        staging.swap_in(folder, target)
    except OSError as error:
        staging.discard(folder)
        raise MedbadgeError(f"cannot write the issued files: {error.strerror}",
                            Location(display_path(error.filename or target))) from None
    except BaseException:
        staging.discard(folder)
        raise
    files = sum(len(record["files"]) for record in records) + len(published) + 1
    return IssueResult(target, len(entries), len(artworks), files, time.perf_counter() - started, manifest)


def _record_key(secret: bytes, issuer_id: str, entry: RosterEntry) -> str:
    return derived_token(secret, "status", issuer_id, entry.badge, entry.tier, entry.email)


def _previously_revoked(target: Path) -> set[str]:
    """Credential ids a previous run into ``target`` had revoked: re-issuing keeps them revoked."""
    path = target / MANIFEST
    if not path.is_file():
        return set()
    try:
        manifest = parse_json(read_limited(path, MAX_JSON_BYTES, "manifest"), "manifest")
    except MedbadgeError:
        return set()
    return {r.get("credential") for r in manifest.get("issued", []) if isinstance(r, dict) and r.get("revoked")}


def sign_status_list(identity: Identity, url: str, valid_from: str, bits: bytearray) -> bytes:
    """The status list credential, secured like the credentials (VC-JWT text, or JSON with a proof)."""
    document = status_list_credential(url, identity.issuer_id, valid_from, bits)
    payload, kind = secure(document, identity)
    return (payload + "\n").encode("utf-8") if kind == "jws" else payload.encode("utf-8")


def secure(document: dict, identity: Identity) -> tuple[str, str]:
    """Sign a credential with the identity's proof format: ``(payload, kind)``."""
    if identity.proof == "data-integrity":
        signed = add_proof(document, identity.key, identity.method_id, document["validFrom"])
        return json.dumps(signed, ensure_ascii=False, separators=(",", ":")), "json"
    return sign_credential(document, identity.key, kid=identity.method_id, embed_jwk=False), "jws"


def _published(issuer: metadata.IssuerInfo, credential_issuer: metadata.IssuerInfo, identity: Identity | None,
               artworks: dict, options: IssueOptions, base: str) -> dict[str, object]:
    """URL -> JSON of everything to host: issuer documents, keys, BadgeClasses and Achievements."""
    files: dict[str, object] = {}
    if options.version in ("2.0", "both"):
        files[issuer.id] = metadata.issuer_ob2(issuer)  # OB 2.0 hosted verification dereferences it
    profile = metadata.profile(credential_issuer)
    if options.version in ("3.0", "both"):
        files[metadata.asset_url(base, "issuer.profile.json")] = {"@context": metadata.OB3_CONTEXT, **profile}
        if options.version == "3.0" and credential_issuer.id == issuer.id:
            files[issuer.id] = {"@context": metadata.OB3_CONTEXT, **profile}
    if identity is not None:
        files.update(hosted_files(identity, {"@context": metadata.OB3_CONTEXT, **profile}))
    for art in artworks.values():
        if options.version in ("2.0", "both"):
            files[art.badgeclass_id] = art.badgeclass
        if options.version in ("3.0", "both"):
            files[art.achievement["id"]] = art.achievement
    return files


def _designs_for(badge_set, entries: list[RosterEntry], source: str) -> dict[tuple[str, str], Design]:
    """The design of every (badge, tier) the roster names; an unknown id fails with its row."""
    designs = {(d.badge_id, d.tier_id): d for d in designer.resolve(badge_set)}
    badge_ids = list(dict.fromkeys(badge for badge, _ in designs))
    tier_ids = list(dict.fromkeys(tier for _, tier in designs))
    wanted, problems = {}, []
    for entry in entries:
        where = Location(source, entry.row)
        if entry.badge not in badge_ids:
            error = unknown_name("badge", entry.badge, badge_ids, where)
        elif (entry.badge, entry.tier) not in designs:
            error = unknown_name("tier", entry.tier, tier_ids, where)
        else:
            wanted[(entry.badge, entry.tier)] = designs[(entry.badge, entry.tier)]
            continue
        problems.append(MedbadgeError(f"row {entry.row}: {error.message}", where, hint=error.hint))
    if problems:  # every unknown id at once, as the roster's own row problems are
        from designer.openbadges.roster import MAX_ROW_PROBLEMS, RosterError

        raise RosterError(problems[:MAX_ROW_PROBLEMS], more=max(0, len(problems) - MAX_ROW_PROBLEMS))
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
             sizes: tuple[PngSize, ...], version: str) -> _Artwork:
    """Compose and rasterise one badge × tier once; every raster is CRC-checked here, once."""
    svg = designer.compose(design).svg
    text = metadata.png_text(design, issuer.name, f"medbadge {designer.__version__}")
    pngs = []
    for size in sizes:
        png = render_png(svg, size.pixels)
        check_png(png, source=f"{design.slug}-{size}.png")
        # The descriptive chunks `medbadge build` writes (Title, Description, Author, ...) stay in.
        pngs.append((size, with_text_chunks(png, text, check_image_data=False)))
    # The same hosted URLs and image as `medbadge build` gives these files (docs/build.md), so the
    # Achievement inside each credential equals the hosted .achievement.json with the same id.
    image = metadata.asset_url(base, metadata.hosted_image_path(design))
    badgeclass_id = metadata.asset_url(base, f"{design.badge_id}/{design.slug}.badgeclass.json")
    badgeclass = metadata.badgeclass(design, issuer, badge, id=badgeclass_id, image=image)
    achievement = metadata.achievement(design, issuer, badge, image=image,
                                       id=metadata.asset_url(base, f"{design.badge_id}/{design.slug}.achievement.json"))
    source = f"{design.slug}.svg"
    bakers = {v: prepare_svg(svg, v, source=source) for v in ("2.0", "3.0")}
    if version == "both":
        bakers["both"] = prepare_svg_dual(svg, source=source)
    return _Artwork(design, svg, tuple(pngs), badgeclass_id, badgeclass, achievement, bakers)


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


def _issue_one(entry: RosterEntry, art: _Artwork, issuer: metadata.IssuerInfo,
               credential_issuer: metadata.IssuerInfo, base: str, issued_on: str, secret: bytes,
               options: IssueOptions, identity: Identity | None, status_url: str | None, status_index: int | None,
               folder: Path) -> dict:
    design = art.design

    def token(purpose: str) -> str:
        if options.random_salts:
            return secrets.token_hex(32)
        return derived_token(secret, purpose, issuer.id, entry.badge, entry.tier, entry.email)

    salt, id_token, file_token = token("salt")[:32], token("id"), token("file")
    identity_hash = hashed_email(entry.email, salt)
    stem = recipient_slug(entry.name, file_token)
    relative = f"{entry.badge}/{entry.tier}"
    payloads: dict[str, str] = {}  # version -> payload
    record: dict = {"row": entry.row, "name": entry.name, "identity": identity_hash, "salt": salt,
                    "badge": entry.badge, "tier": entry.tier, "issuedOn": issued_on}
    if entry.subject_id:
        record["subjectId"] = entry.subject_id
    hosted: list[tuple[str, bytes]] = []
    kinds = {}
    if options.version in ("2.0", "both"):
        assertion_url = metadata.asset_url(base, f"assertions/{id_token[:32]}.json")
        document = assertion(design, badgeclass_id=art.badgeclass_id, assertion_id=assertion_url,
                             email=entry.email, salt=salt, issued_on=issued_on)
        payloads["2.0"] = json.dumps(document, ensure_ascii=False, separators=(",", ":"))
        kinds["2.0"] = "json"
        record["assertion"] = document["id"]
        hosted.append((publish_path(assertion_url), _json_bytes(document)))
    if options.version in ("3.0", "both"):
        main_png = max(art.pngs, key=lambda item: item[0].pixels)[0]
        png_name = f"{stem}.png" if len(art.pngs) == 1 else f"{stem}-{main_png}.png"
        document = credential(design, credential_issuer, art.achievement, credential_id=_uuid_urn(id_token),
                              email=entry.email, salt=salt, issued_on=issued_on, name=entry.name,
                              image=metadata.asset_url(base, f"issued/{relative}/{png_name}"),
                              subject_id=entry.subject_id)
        if status_url is not None and status_index is not None:
            document["credentialStatus"] = status_entry(status_url, status_index)
            record["statusListIndex"] = status_index
        record["credential"] = document["id"]
        if identity is not None:
            payloads["3.0"], kinds["3.0"] = secure(document, identity)
            record["proof"] = identity.proof
        else:
            payloads["3.0"], kinds["3.0"] = json.dumps(document, ensure_ascii=False, separators=(",", ":")), "json"
            record["proof"] = None
    record["payloads"] = kinds  # what is baked: OB version -> payload kind

    files = []
    for size, png in art.pngs:
        for version in ("2.0", "3.0"):
            if version in payloads:
                png = bake_png(png, payloads[version], version, check_image_data=False)
        name = f"{stem}.png" if len(art.pngs) == 1 else f"{stem}-{size}.png"
        files.append((f"{relative}/{name}", png, "png"))
    if len(payloads) == 2:
        svg = art.svg_bakers["both"](payloads["2.0"], payloads["3.0"])
    else:
        (version, payload), = payloads.items()
        svg = art.svg_bakers[version](payload)
    files.append((f"{relative}/{stem}.svg", svg, "svg"))
    files.extend((path, data, "assertion") for path, data in hosted)
    if options.credential_pages:  # its public page (designer.share.credential_page), hosted with the assertions
        from designer.share.credential_page import credential_page

        page_url = metadata.asset_url(base, f"credentials/{id_token[:32]}.html")
        page = credential_page(design, art.achievement, record, page_url, show_name=bool(options.recipient_name),
                               image=max(art.pngs, key=lambda item: item[0].pixels)[1])
        files.append((publish_path(page_url), page, "page"))
        record["page"] = page_url
    write_all_atomic([(folder / path, data) for path, data, _ in files], make_parents=True)
    record["files"] = [{"path": path, "kind": kind, "bytes": len(data), "sha256": hashlib.sha256(data).hexdigest()}
                       for path, data, kind in files]
    return record


def _manifest(issuer: metadata.IssuerInfo, options: IssueOptions, identity: Identity | None,
              signing: SigningKey | None, status_url: str | None, records: list[dict], publish: dict) -> dict:
    return {
        "generator": f"medbadge {designer.__version__}",
        "issuer": identity.issuer_id if identity is not None else issuer.id,
        "version": options.version,
        "signed": identity is not None,
        "proof": identity.proof if identity is not None else None,
        "kid": identity.method_id if identity is not None else None,
        "signingKey": str(signing.path.resolve()) if signing is not None and signing.path.name != "<key>" else None,
        "statusList": status_url,
        "publishedKeys": ([jwk_thumbprint(public_jwk(key)) for key in identity.published]
                          if identity is not None else []),  # RFC 7638 thumbprints in jwks.json / did.json
        "recipients": len(records),
        "publish": publish,  # file in this folder -> the URL to serve it at
        "issued": records,
    }


def _json_bytes(data: dict) -> bytes:
    return (json.dumps(data, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


__all__ = ["IssueOptions", "IssueResult", "derived_token", "issue", "recipient_slug", "secure", "sign_status_list"]
