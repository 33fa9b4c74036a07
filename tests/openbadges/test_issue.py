"""``medbadge issue``: a roster becomes baked images that real readers accept, reproducibly."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
from pathlib import Path

import pytest
from PIL import Image

from designer.cli import main
from designer.openbadges import check_signature, load_public_key, new_key, unbake, unbake_all, write_key_files
from designer.openbadges.issue import IssueOptions, issue
from designer.openbadges.keyring import load_signing_key
from designer.openbadges.publish import publish_path
from designer.openbadges.verify import load_schema, schema_errors
from designer.base.raster import render_png

from .conftest import CREDENTIAL_SCHEMA

REPO = Path(__file__).resolve().parents[2]
BADGES = REPO / "examples" / "medical-school" / "badges.yaml"
ROSTER = REPO / "examples" / "medical-school" / "roster.csv"
SCHEMA = Path(os.environ.get("MEDBADGE_OB3_SCHEMA", CREDENTIAL_SCHEMA))


def _rows() -> list[dict]:
    with ROSTER.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def _tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _images(folder: Path, suffix: str = "*") -> list[Path]:
    """Baked images (issued/<badge>/<tier>/...), not the files under publish/."""
    return sorted(p for p in folder.glob(f"*/*/*.{suffix}") if p.relative_to(folder).parts[0] != "publish")


def _identity(email: str, salt: str) -> str:
    return "sha256$" + hashlib.sha256((email.lower() + salt).encode()).hexdigest()


@pytest.fixture(scope="module")
def issuer_key(tmp_path_factory) -> Path:
    return write_key_files(new_key("EdDSA"), tmp_path_factory.mktemp("keys"), name="issuer").private


@pytest.fixture(scope="module")
def issued_both(tmp_path_factory, issuer_key) -> Path:
    out = tmp_path_factory.mktemp("both") / "issued"
    code = main(["issue", str(BADGES), "--roster", str(ROSTER), "-o", str(out), "--version", "both",
                 "--issued-on", "2025-07-01", "--quiet", "--sign", str(issuer_key)])
    assert code == 0
    return out


def test_example_roster_gives_one_png_and_svg_per_row_and_a_manifest(issued_both):
    rows = _rows()
    manifest = json.loads((issued_both / "issued.json").read_text(encoding="utf-8"))
    images = _images(issued_both, "*")
    assert len(rows) >= 12 and len(images) == 2 * len(rows)
    assert len(list((issued_both / "publish").rglob("assertions/*.json"))) == len(rows)
    assert manifest["recipients"] == len(rows) and len(manifest["issued"]) == len(rows)
    text = (issued_both / "issued.json").read_text(encoding="utf-8")
    for row, record in zip(rows, manifest["issued"]):
        assert (record["name"], record["badge"], record["tier"]) == (row["name"], row["badge"], row["tier"])
        assert record["identity"] == _identity(row["email"], record["salt"])
        assert row["email"] not in text  # never the plain e-mail, in the manifest or in a path
        for entry in record["files"]:
            data = (issued_both / entry["path"]).read_bytes()
            assert hashlib.sha256(data).hexdigest() == entry["sha256"]
            assert "@" not in entry["path"] and row["email"].split("@")[0] not in entry["path"]


def test_every_image_unbakes_to_the_row_with_our_reader(issued_both):
    manifest = json.loads((issued_both / "issued.json").read_text(encoding="utf-8"))
    for row, record in zip(_rows(), manifest["issued"]):
        for entry in record["files"]:
            if entry["kind"] not in ("png", "svg"):
                continue
            payloads = {p.version: p for p in unbake_all((issued_both / entry["path"]).read_bytes())}
            assert set(payloads) == {"2.0", "3.0"}
            ob2, ob3 = payloads["2.0"].json(), payloads["3.0"].json()
            assert ob2["recipient"]["identity"] == _identity(row["email"], ob2["recipient"]["salt"])
            assert ob2["badge"].endswith(f"/{row['badge']}/{row['badge']}-{row['tier']}.badgeclass.json")
            assert ob2["id"] == record["assertion"]
            if entry["kind"] == "svg":  # hosted OB 2.0: verify holds the assertion URL
                assert f'verify="{ob2["id"]}"'.encode() in (issued_both / entry["path"]).read_bytes()
            identifier = ob3["credentialSubject"]["identifier"][0]
            assert identifier["identityHash"] == _identity(row["email"], identifier["salt"])
            achievement = ob3["credentialSubject"]["achievement"]
            assert achievement["id"].endswith(f"/{row['badge']}-{row['tier']}.achievement.json")
            assert ob3["credentialSubject"]["name"] == row["name"]
            assert ob3["validFrom"] == (f"{row['issued_on']}T00:00:00Z" if row["issued_on"] else "2025-07-01T00:00:00Z")


@pytest.mark.skipif(not SCHEMA.is_file(), reason="the OB 3.0 schema is not here (set MEDBADGE_OB3_SCHEMA)")
def test_issued_credentials_validate_against_the_published_schema(issued_both):
    pytest.importorskip("jsonschema")
    schema = load_schema(SCHEMA)
    images = _images(issued_both, "png") + _images(issued_both, "svg")
    assert images
    for image in images:
        assert schema_errors(unbake(image.read_bytes(), version="3.0").json(), schema) == []


def test_openbadges_bakery_reads_the_ob2_assertions(issued_both):
    bakery = pytest.importorskip("openbadges_bakery")
    from openbadges_bakery import png_bakery, svg_bakery

    manifest = json.loads((issued_both / "issued.json").read_text(encoding="utf-8"))
    for row, record in zip(_rows()[:4], manifest["issued"][:4]):
        for entry in record["files"]:
            module = {"png": png_bakery, "svg": svg_bakery}.get(entry["kind"])
            if module is None:
                continue
            with open(issued_both / entry["path"], "rb") as handle:
                text = module.unbake(handle)
            if entry["kind"] == "svg":  # bakery returns the verify attribute: the hosted assertion URL
                assert text == record["assertion"]
                text = (issued_both / publish_path(record["assertion"])).read_text(encoding="utf-8")
            document = json.loads(text)
            assert document["recipient"]["identity"] == _identity(row["email"], document["recipient"]["salt"])
            assert document["id"] == record["assertion"]
    assert bakery


def test_baked_png_pixels_equal_the_unbaked_render(issued_both):
    import designer

    design = next(d for d in designer.resolve(designer.load(BADGES))
                  if (d.badge_id, d.tier_id) == ("history-taking", "proficient"))
    reference = Image.open(io.BytesIO(render_png(designer.compose(design).svg, 600)))
    baked_path = next((issued_both / "history-taking" / "proficient").glob("*.png"))
    baked = Image.open(baked_path)
    assert baked.size == (600, 600)
    assert baked.tobytes() == reference.convert(baked.mode).tobytes()


@pytest.fixture(scope="module")
def small_roster(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("roster") / "roster.csv"
    path.write_bytes("\ufeffName,E-mail,Badge,Tier\n"  # BOM and loose header spelling tolerated
                     "Fatima Zahra,fatima@students.example,history-taking,foundation\n"
                     "陈静,chen.jing@students.example,history-taking,foundation\n".replace("E-mail", "email").encode())
    return path


def test_signed_credentials_verify_with_the_public_key(tmp_path, small_roster):
    pair = new_key("EdDSA")
    files = write_key_files(pair, tmp_path / "keys", name="issuer")
    out = tmp_path / "issued"
    assert main(["issue", str(BADGES), "--roster", str(small_roster), "-o", str(out), "--sign", str(files.private),
                 "--issued-on", "2025-07-01", "-q"]) == 0
    public = load_public_key(files.public_jwk)
    other = load_public_key(write_key_files(new_key("EdDSA"), tmp_path / "other", name="x").public_jwk)
    images = _images(out, "*")
    assert len(images) == 4
    for image in images:
        payload = unbake(image.read_bytes(), version="3.0")
        assert payload.kind == "jws"
        assert check_signature(payload.text, public).verdict == "valid"
        assert check_signature(payload.text, other).verdict == "invalid"  # no embedded jwk: "not your key"
        assert payload.json()["credentialSubject"]["achievement"]["name"].startswith("History Taking")


def test_two_runs_with_the_same_issue_date_are_byte_identical(tmp_path, small_roster, issuer_key):
    # Ed25519 signatures are deterministic (RFC 8032), so even signed output repeats byte for byte.
    first, second = tmp_path / "a" / "issued", tmp_path / "b" / "issued"
    for out in (first, second):
        assert main(["issue", str(BADGES), "--roster", str(small_roster), "-o", str(out), "--version", "both",
                     "--issued-on", "2025-07-01", "--sizes", "64,128", "-q", "--sign", str(issuer_key)]) == 0
    tree = _tree(first)
    assert tree == _tree(second)
    assert sum(name.endswith(".png") for name in tree) == 4  # two sizes per recipient
    # A different secret changes salts and ids but nothing else about the layout.
    (tmp_path / "secret").write_bytes(b"another key")
    third = tmp_path / "c" / "issued"
    issue(BADGES, small_roster, third, IssueOptions(version="both", issued_on="2025-07-01T00:00:00Z",
                                                      secret=b"another key", signing_key=load_signing_key(issuer_key)))
    assert json.loads(tree["issued.json"])["issued"][0]["salt"] != json.loads((third / "issued.json").read_bytes())["issued"][0]["salt"]


# --- bad input: exit 2, a message naming the place, and the previous output untouched ---------------

def _previous(tmp_path: Path) -> Path:
    out = tmp_path / "issued"
    out.mkdir()
    (out / "issued.json").write_text('{"previous": true}\n')
    return out


def _run_bad(tmp_path: Path, roster: bytes, capsys) -> str:
    out = _previous(tmp_path)
    path = tmp_path / "bad.csv"
    path.write_bytes(roster)
    assert main(["issue", str(BADGES), "--roster", str(path), "-o", str(out), "--issued-on", "2025-07-01", "-q"]) == 2
    assert _tree(out) == {"issued.json": b'{"previous": true}\n'}
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no staging left behind
    return capsys.readouterr().err.replace("\n", " ")


HEADER = b"name,email,badge,tier\n"


@pytest.mark.parametrize(("roster", "expected"), [
    (b"name,mail,badge\nA,a@x.org,history-taking\n", ["email", "tier"]),
    (HEADER + b"Ada,ada@x.org,history-takin,foundation\n", ["row 2", "history-takin", "did you mean 'history-taking'"]),
    (HEADER + b"Ada,ada@x.org,history-taking,foundation\nBo,bo@x.org,history-taking,profcient\n",
     ["row 3", "profcient", "did you mean 'proficient'"]),
    (HEADER + b"Ada,ada@x.org,history-taking,foundation\nBo,bo.at.x.org,history-taking,foundation\n",
     ["row 3", "bo.at.x.org"]),
    (b"", ["empty"]),
    (HEADER, ["no recipients"]),
    (HEADER + "Zo\u00eb,zoe@x.org,history-taking,foundation\n".encode("latin-1"), ["not UTF-8", "byte 24"]),
    (b"name,email,badge,tier,issued_on\nAda,ada@x.org,history-taking,foundation,30/06/2025\n", ["row 2", "30/06/2025"]),
    (HEADER + b"Ada,ada@x.org,history-taking,foundation\nAda L,ADA@x.org,history-taking,foundation\n", ["row 3", "row 2"]),
])
def test_bad_rosters_fail_cleanly(tmp_path, capsys, roster, expected):
    message = _run_bad(tmp_path, roster, capsys)
    for fragment in expected:
        assert fragment in message


def test_a_failure_while_writing_leaves_the_previous_output(tmp_path, small_roster, monkeypatch):
    import designer.openbadges.issue as issue_module

    out = _previous(tmp_path)
    calls = []

    def failing_bake_png(png, payload, version, **kwargs):
        calls.append(1)
        if len(calls) == 2:  # the second recipient: the first one's files are already written
            raise OSError(28, "No space left on device")
        return real(png, payload, version, **kwargs)

    real = issue_module.bake_png
    monkeypatch.setattr(issue_module, "bake_png", failing_bake_png)
    assert main(["issue", str(BADGES), "--roster", str(small_roster), "-o", str(out), "--issued-on", "2025-07-01", "-q",
                 "--unsigned"]) == 2
    assert calls  # it failed while writing, not before
    assert _tree(out) == {"issued.json": b'{"previous": true}\n'}
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_refuses_to_replace_a_folder_it_did_not_make(tmp_path, small_roster):
    out = tmp_path / "mine"
    out.mkdir()
    (out / "thesis.docx").write_bytes(b"keep me")
    assert main(["issue", str(BADGES), "--roster", str(small_roster), "-o", str(out), "-q", "--unsigned"]) == 2
    assert (out / "thesis.docx").read_bytes() == b"keep me"


def test_plain_progress_and_summary_when_not_a_terminal(tmp_path, small_roster, capsys):
    assert main(["issue", str(BADGES), "--roster", str(small_roster), "-o", str(tmp_path / "out"),
                 "--issued-on", "2025-07-01", "--unsigned"]) == 0
    out = capsys.readouterr().out
    assert "[1/2] row 2: history-taking / foundation" in out and "[2/2] row 3" in out
    assert "issued 2 awards" in out and "8 files" in out and "recipients/s" in out
    assert "UNSIGNED" in out  # unsigned output says so


def test_rich_progress_bar_on_a_terminal(tmp_path, small_roster, monkeypatch):
    from rich.console import Console

    import designer.cli.openbadges as shell

    screen = io.StringIO()
    monkeypatch.setattr(shell, "console", Console(file=screen, force_terminal=True, width=100, color_system=None))
    assert main(["issue", str(BADGES), "--roster", str(small_roster), "-o", str(tmp_path / "out"),
                 "--issued-on", "2025-07-01", "--unsigned"]) == 0
    shown = screen.getvalue()
    assert "━" in shown and "2/2" in shown  # the bar, not the plain lines
    assert "row 2:" not in shown and "issued 2 awards" in shown


@pytest.mark.parametrize(("extra", "expected"), [
    (["--version", "2.0", "--sign", "key.pem"], "OB 3.0"),
    (["--issued-on", "1 July"], "1 July"),
    (["--kid", "https://x/key"], "no signing key"),
    (["--kid", "https://x/key", "--unsigned"], "--unsigned"),
    ([], "OB 3.0 §8"),  # no key and no --unsigned: refused
    (["--unsigned", "--sign", "key.pem"], "exclude"),
    (["--proof", "data-integrity", "--sign", "es.pem"], "Ed25519"),
])
def test_bad_options_exit_2(tmp_path, small_roster, capsys, extra, expected):
    if "key.pem" in extra:
        extra = [e if e != "key.pem" else str(write_key_files(new_key("EdDSA"), tmp_path / "k", name="k").private) for e in extra]
    if "es.pem" in extra:
        extra = [e if e != "es.pem" else str(write_key_files(new_key("ES256"), tmp_path / "k", name="es").private) for e in extra]
    assert main(["issue", str(BADGES), "--roster", str(small_roster), "-o", str(tmp_path / "out"), "-q", *extra]) == 2
    assert expected in capsys.readouterr().err
    assert not (tmp_path / "out").exists()
