"""``medbadge bake | unbake | verify | keys new | keys rotate | issue | revoke``: the Open Badges commands.

A thin shell over :mod:`designer.openbadges`: read files, call the API, write results atomically
(a temporary file beside the target, then ``os.replace``), print. Importing this module registers
the commands on the main app. Exit codes: 0 fine (``verify``: verified), 1 a check failed (``verify``: bad or missing signature
with ``--key``, wrong key, claims, schema, revoked), 2 bad input, 3 ``verify`` found nothing that
failed but could verify nothing (unsigned, or signed by a key only the payload vouches for).
"""

from __future__ import annotations

import json
from enum import Enum
from pathlib import Path
from typing import Optional

import typer

from designer import openbadges as ob  # its names import on first use: commands start fast
from designer.base.errors import Location, MedbadgeError, display_path
from designer.base.files import write_atomic
from designer.cli import app
from designer.cli.help import examples
from designer.cli.output import Output
from designer.openbadges.limits import MAX_IMAGE_BYTES, MAX_KEY_BYTES, MAX_PAYLOAD_BYTES, parse_json, read_limited

console = Output(highlight=False, emoji=False)


class OBVersion(str, Enum):
    v2 = "2.0"
    v3 = "3.0"


class KeyAlgorithm(str, Enum):
    EdDSA = "EdDSA"
    ES256 = "ES256"
    RS256 = "RS256"


def _read_bytes(path: Path, what: str, limit: int = MAX_IMAGE_BYTES) -> bytes:
    """At most ``limit`` bytes of ``path`` (docs/limits.md): /dev/zero is refused, not read forever."""
    return read_limited(path, limit, what)


def _read_text(path: Path, what: str) -> str:
    try:
        return _read_bytes(path, what, MAX_PAYLOAD_BYTES).decode("utf-8-sig").strip()
    except UnicodeDecodeError:
        raise MedbadgeError(f"{display_path(path)}: the {what} is not UTF-8 text") from None


@app.command("bake", epilog=examples("medbadge bake dist/history-taking/history-taking-advanced-600.png "
                                             "--credential credential.json --sign keys/ -o baked.png"))
def bake_command(
    image: Path = typer.Argument(..., metavar="IMAGE", help="PNG or SVG badge image."),
    output: Path = typer.Option(..., "-o", "--output", metavar="FILE", help="Where to write the baked image (may equal IMAGE only explicitly)."),
    assertion: Optional[Path] = typer.Option(None, "--assertion", metavar="FILE", help="OB 2.0 assertion: JSON (hosted) or a signed JWS file."),
    credential: Optional[Path] = typer.Option(None, "--credential", metavar="FILE", help="OB 3.0 credential: JSON or a VC-JWT file."),
    sign: Optional[Path] = typer.Option(None, "--sign", metavar="KEY", help="Private key PEM: sign the --credential JSON as VC-JWT first."),
    kid: Optional[str] = typer.Option(None, "--kid", metavar="URI", help="Key id URI to put in the VC-JWT header (with --sign)."),
) -> int:
    """Bake Open Badges data into a PNG or SVG image (one iTXt chunk / one element, replaced on re-bake)."""
    if (assertion is None) == (credential is None):
        raise MedbadgeError("give exactly one of --assertion FILE (OB 2.0) or --credential FILE (OB 3.0)")
    payload_file, version = (assertion, "2.0") if assertion is not None else (credential, "3.0")
    payload = _read_text(payload_file, "payload file")  # type: ignore[arg-type]
    if sign is not None:
        if version != "3.0" or ob.payload_kind(payload) != "json":
            raise MedbadgeError("--sign signs an OB 3.0 credential JSON; use it with --credential FILE.json")
        payload = ob.sign_credential(parse_json(payload, "credential file"), ob.load_private_key(sign), kid=kid)
    data = _read_bytes(image, "image")
    source = display_path(image)
    container = ob.detect_format(data, source=source)
    suffix = output.suffix.lower().lstrip(".")
    if suffix in ("png", "svg") and suffix != container:
        raise MedbadgeError(f"{display_path(output)}: the output name says .{suffix} but the image is {container.upper()}")
    baked = ob.bake(data, payload, version, source=source)
    write_atomic(output, baked)
    console.print(f"baked OB {version} {ob.payload_kind(payload)} into {display_path(output)} ({len(baked)} bytes)")
    return 0


@app.command("unbake", epilog=examples("medbadge unbake baked.png", "medbadge unbake baked.png --json"))
def unbake_command(
    image: Path = typer.Argument(..., metavar="IMAGE", help="Baked PNG or SVG image."),
    as_json: bool = typer.Option(False, "--json", help="Print a JSON object: version, kind, container, offset, notes, text."),
    version: Optional[OBVersion] = typer.Option(None, "--version", help="Read this version's data (default: the first found)."),
) -> int:
    """Print the Open Badges payload baked into an image."""
    data = _read_bytes(image, "image")
    payload = ob.unbake(data, version=version.value if version else None, source=display_path(image))
    typer.echo(json.dumps(payload.to_dict(), indent=2, ensure_ascii=False) if as_json else payload.text)
    return 0


@app.command("verify", epilog=examples("medbadge verify baked.png --key publish/example.org/jwks.json",
                                        "medbadge verify baked.png --status issued/"))
def verify_command(
    image: Path = typer.Argument(..., metavar="IMAGE", help="Baked PNG or SVG image."),
    key: Optional[Path] = typer.Option(None, "--key", help="Issuer's public key: PEM, JWK, JWK Set (jwks.json) or DID document (did.json); an unsigned payload then fails."),
    schema: Optional[Path] = typer.Option(None, "--schema", metavar="SCHEMA_FILE", help="OB 3.0 AchievementCredential JSON Schema file."),
    version: Optional[OBVersion] = typer.Option(None, "--version", help="Check this version's data (default: the first found)."),
    status: Optional[Path] = typer.Option(None, "--status", help="Status list credential file, or an issued/ (or publish/) folder: check revocation offline."),
) -> None:
    """Check what an image carries: exit 0 verified, 1 failed or revoked, 2 bad input, 3 unsigned / signer unknown."""
    data = _read_bytes(image, "image")
    from designer.openbadges.trust import load_key_set

    public_key = load_key_set(key) if key is not None else None
    report = ob.verify(data, public_key=public_key, schema_path=schema, version=version.value if version else None,
                          source=display_path(image), status=status)
    _print_report(display_path(image), report)
    raise typer.Exit(report.exit_code)


def _print_report(name: str, report) -> None:  # noqa: ANN001 - VerifyReport, kept loose for the shell
    payload = report.payload
    from rich.table import Table

    table = Table(title=f"{name}: Open Badges {payload.version}", show_header=False, title_justify="left")
    table.add_column(style="bold")
    table.add_column()
    table.add_row("carries", f"{payload.kind} in {payload.found_in} ({payload.container.upper()}, byte {payload.offset})")
    for note in payload.notes:
        table.add_row("tolerated", f"[yellow]{note}[/]")
    table.add_row("JSON", "[green]parses[/]" if report.parses_as_json else f"[red]{report.json_error or 'not JSON (a URL)'}[/]")
    colour = {"valid": "green", "invalid": "red", "skipped": "yellow"}[report.schema.status]
    table.add_row("schema", f"[{colour}]{report.schema.status}[/]: {report.schema.detail}")
    for error in report.schema.errors[:10]:
        table.add_row("", f"[red]{error}[/]")
    if report.signature is None:
        table.add_row("signature", "none (unsigned payload)")
    else:
        check = report.signature
        colour = "green" if check.ok else ("yellow" if check.verdict == "no-key" else "red")
        table.add_row("signature", f"[{colour}]{check.verdict}[/]: {check.message}")
        if check.thumbprint:
            table.add_row("key", f"{check.thumbprint}{'' if check.trusted else ' (from the token itself, untrusted)'}")
    for problem in report.claim_problems:
        table.add_row("claims", f"[red]{problem}[/]")
    if report.status is not None:
        colour = {"active": "green", "revoked": "red", "invalid": "red", "unchecked": "yellow"}[report.status.verdict]
        table.add_row("status", f"[{colour}]{report.status.verdict}[/]: {report.status.detail}")
    if report.unsigned_with_key:
        table.add_row("signature", "[red]missing: the payload carries no signature, but --key asks for one "
                                   "(a stripped or never-signed credential)[/]")
    verdicts = {
        "verified": "[green]ok: verified[/]",
        "failed": "[red]FAILED: revoked[/]" if report.status is not None and report.status.verdict == "revoked" else "[red]FAILED[/]",
        "unsigned": "[yellow]unsigned, not verified[/] (no signature to check; exit 3)",
        "untrusted": "[yellow]signature valid, signer not verified[/] (pass --key with the issuer's key; exit 3)",
    }
    table.add_row("result", verdicts[report.verdict])
    console.print(table)


keys_app = typer.Typer(help="Create signing keys for OB 3.0 VC-JWT credentials.", no_args_is_help=True)
app.add_typer(keys_app, name="keys")


@keys_app.command("new", epilog=examples("medbadge keys new -o keys/", "medbadge keys new --alg ES256 -o keys/"))
def keys_new_command(
    alg: KeyAlgorithm = typer.Option(KeyAlgorithm.EdDSA, "--alg", help="Signature algorithm."),
    output: Path = typer.Option(..., "-o", "--output", metavar="DIR", help="Folder for the key files (created if missing)."),
    name: Optional[str] = typer.Option(None, "--name", help="File name stem (default: the algorithm and the key thumbprint, e.g. EdDSA-1a2b3c4d)."),
) -> int:
    """Create a key pair: private PEM (mode 0600), public JWK and public PEM; never overwrites."""
    pair = ob.new_key(alg.value)
    files = ob.write_key_files(pair, output, name=name)
    console.print(f"private key  {display_path(files.private)}  (keep it secret; mode 0600)")
    console.print(f"public JWK   {display_path(files.public_jwk)}")
    console.print(f"public PEM   {display_path(files.public_pem)}")
    console.print(f"thumbprint   {pair.thumbprint}")
    return 0


@keys_app.command("rotate", epilog=examples("medbadge keys rotate keys/"))
def keys_rotate_command(
    folder: Path = typer.Argument(..., metavar="KEYS_DIR", help="Key folder (created if missing); issue with --sign KEYS_DIR."),
    alg: KeyAlgorithm = typer.Option(KeyAlgorithm.EdDSA, "--alg", help="Signature algorithm of the new key."),
) -> int:
    """Make a new current signing key; older keys stay listed (retired) so they stay published."""
    from designer.openbadges.keyring import rotate

    files, ring = rotate(folder, alg.value)
    console.print(f"new current key  {display_path(files.private)}")
    retired = [entry["name"] for entry in ring["keys"] if entry.get("retired")]
    if retired:
        console.print(f"retired (still published in jwks.json / did.json): {', '.join(retired)}")
    console.print("re-run `medbadge issue --sign KEYS_DIR` and upload publish/ so the new key is published")
    return 0


class ProofFormat(str, Enum):
    vc_jwt = "vc-jwt"
    data_integrity = "data-integrity"


class IssueVersion(str, Enum):
    v2 = "2.0"
    v3 = "3.0"
    both = "both"


@app.command("issue", epilog=examples("medbadge issue badges.yaml --roster roster.csv --sign keys/ -o issued/",
                                       "medbadge issue badges.yaml --roster roster.csv --version 2.0 -o issued/"))
def issue_command(
    badge_set: Path = typer.Argument(..., metavar="BADGES_YAML", help="Badge set file (badges.yaml)."),
    roster: Path = typer.Option(..., "--roster", metavar="CSV_FILE", help="CSV with columns name,email,badge,tier[,issued_on] (UTF-8)."),
    output: Path = typer.Option(..., "-o", "--output", metavar="DIR", help="Folder for the issued files (replaced as a whole)."),
    version: IssueVersion = typer.Option(IssueVersion.v3, "--version", help="Bake OB 3.0 credentials, OB 2.0 hosted assertions, or both."),
    sign: Optional[Path] = typer.Option(None, "--sign", metavar="KEY", help="Private key PEM or key folder (keys rotate); default: the badge set's credentials.signing_key."),
    kid: Optional[str] = typer.Option(None, "--kid", help="Override the key id the proofs name (default: derived from the issuer id; published)."),
    proof: Optional[ProofFormat] = typer.Option(None, "--proof", help="vc-jwt (compact JWS) or data-integrity (eddsa-rdfc-2022); default: the badge set's, else vc-jwt."),
    issuer_id: Optional[str] = typer.Option(None, "--issuer-id", help="Issuer id in the credentials: https URL, did:web:..., or did:key (derived from the key)."),
    unsigned: bool = typer.Option(False, "--unsigned", help="Issue OB 3.0 credentials without any proof (nobody can verify them)."),
    no_status: bool = typer.Option(False, "--no-status", help="No revocation status list."),
    sizes: str = typer.Option("600", "--sizes", help="PNG sizes in px, e.g. 600 or 300,600."),
    issued_on: Optional[str] = typer.Option(None, "--issued-on", metavar="DATE", help="Issue date (YYYY-MM-DD) for rows without issued_on; default today."),
    base_url: Optional[str] = typer.Option(None, "--base-url", help="Where the asset set and assertions/ are hosted (default: beside the issuer id)."),
    secret: Optional[Path] = typer.Option(None, "--secret", metavar="FILE", help="File whose bytes key the HMAC that derives salts and ids."),
    random_salts: bool = typer.Option(False, "--random-salts", help="Random salts and ids instead of derived ones (not reproducible)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Print only the summary."),
) -> int:
    """Issue badges from a roster: one baked PNG and SVG per recipient × badge × tier, and issued.json."""
    import time as _time

    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    from designer.assetset import parse_sizes
    from designer.openbadges.issue import IssueOptions, issue
    from designer.openbadges.roster import normalise_issued_on

    from designer.openbadges.keyring import load_signing_key

    if unsigned and (kid or proof or issuer_id):
        raise MedbadgeError("--kid, --proof and --issuer-id describe a signature; --unsigned writes none")
    options = IssueOptions(
        version=version.value, sizes=parse_sizes(sizes),
        issued_on=normalise_issued_on(issued_on, Location("--issued-on")) if issued_on else None,
        signing_key=load_signing_key(sign) if sign is not None else None, kid=kid,
        proof=proof.value if proof else None, issuer_id=issuer_id, unsigned=unsigned, status=not no_status,
        base_url=base_url,
        secret=_read_bytes(secret, "secret file", MAX_KEY_BYTES) if secret is not None else None, random_salts=random_salts,
    )
    started = _time.perf_counter()
    if console.is_terminal and not quiet:
        columns = (TextColumn("issuing"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(), TextColumn("{task.description}"))
        with Progress(*columns, console=console, transient=True) as bar:
            task = bar.add_task("", total=None)
            result = issue(badge_set, roster, output, options,
                           progress=lambda done, total, entry: bar.update(task, completed=done, total=total,
                                                                          description=f"{entry.badge}/{entry.tier}"))
    else:
        def plain(done: int, total: int, entry) -> None:  # noqa: ANN001 - RosterEntry
            if not quiet:
                console.print(f"[{done}/{total}] row {entry.row}: {entry.badge} / {entry.tier}", soft_wrap=True)
        result = issue(badge_set, roster, output, options, progress=plain)
    seconds = _time.perf_counter() - started
    console.print(
        f"issued {result.recipients} award{'s' if result.recipients != 1 else ''} ({result.designs} artworks) "
        f"into {display_path(result.output)}: {result.files} files in {seconds:.2f} s "
        f"({result.recipients / seconds if seconds else 0:.1f} recipients/s)", soft_wrap=True)
    manifest = result.manifest
    if manifest["signed"]:
        console.print(f"signed: {manifest['proof']} by {manifest['issuer']} (key id {manifest['kid']})", soft_wrap=True)
    elif version.value != "2.0":
        console.print("[yellow]UNSIGNED: these OB 3.0 credentials carry no proof; no verifier will accept them[/]",
                      soft_wrap=True)
    console.print(f"host: upload {display_path(result.output / 'publish')}/<host>/ to https://<host>/ "
                  "(see publish in issued.json)", soft_wrap=True)
    return 0


@app.command("revoke", epilog=examples("medbadge revoke issued/ --recipient ada@example.org --badge history-taking"))
def revoke_command(
    issued: Path = typer.Argument(..., metavar="ISSUED_DIR", help="Folder written by `medbadge issue`."),
    recipient: str = typer.Option(..., "--recipient", help="Recipient: name as in the roster, e-mail, or subject id (DID)."),
    badge: str = typer.Option(..., "--badge", help="Badge id."),
    tier: Optional[str] = typer.Option(None, "--tier", help="Tier id (default: every tier of the badge for this recipient)."),
    sign: Optional[Path] = typer.Option(None, "--sign", metavar="KEY", help="Private key PEM or key folder (default: the key issue used)."),
    undo: bool = typer.Option(False, "--undo", help="Clear the bit again (un-revoke)."),
) -> int:
    """Revoke a credential: set its bit in the status list, re-sign the list, update issued.json."""
    from designer.openbadges.revoke import revoke

    changed = revoke(issued, recipient=recipient, badge=badge, tier=tier, key_path=sign, undo=undo)
    for record in changed:
        console.print(f"{'un-revoked' if undo else 'revoked'} row {record['row']}: {record['name']} — {record['badge']} / "
                      f"{record['tier']} (status list index {record['statusListIndex']})", soft_wrap=True)
    console.print("upload the status list again (publish/.../status/) for verifiers to see it", soft_wrap=True)
    return 0
