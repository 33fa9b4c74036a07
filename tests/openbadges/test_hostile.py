"""Hostile input to bake, unbake and verify (issue 11): bounded reads, clear messages, exit 2, and
no way to pass a credential off as verified by stripping its signature."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.icon_library.test_write_failures import read_only_folder  # noqa: F401 - a fixture

import designer.cli as cli
from designer.base.errors import MedbadgeError
from designer.openbadges import unbake, verify
from designer.openbadges.limits import MAX_IMAGE_BYTES, parse_json, read_limited

from .conftest import credential

HOSTILE = Path(__file__).resolve().parents[1] / "hostile" / "images"


@pytest.fixture(autouse=True)
def only_openbadges(monkeypatch):
    monkeypatch.setattr(cli, "_mount_subcommands", lambda: __import__("designer.cli.openbadges"))


@pytest.fixture
def work(tmp_path, png, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "badge.png").write_bytes(png)
    (tmp_path / "credential.json").write_text(json.dumps(credential()))
    return tmp_path


@pytest.mark.parametrize("command", [["unbake", "/dev/zero"], ["verify", "/dev/zero"],
                                     ["bake", "/dev/zero", "--credential", "credential.json", "-o", "out.png"],
                                     ["bake", "badge.png", "--credential", "/dev/zero", "-o", "out.png"],
                                     ["verify", "badge.png", "--key", "/dev/zero"]])
def test_dev_zero_is_refused_not_read_forever(work, capsys, command):
    assert cli.main(command) == 2
    err = capsys.readouterr().err
    assert "larger than" in err and "MemoryError" not in err and "Traceback" not in err
    assert not (work / "out.png").exists()


def test_read_limited_reads_at_most_limit_plus_one(tmp_path):
    (tmp_path / "f").write_bytes(b"x" * 11)
    assert read_limited(tmp_path / "f", 11, "file") == b"x" * 11
    with pytest.raises(MedbadgeError, match="larger than"):
        read_limited(tmp_path / "f", 10, "file")
    with pytest.raises(MedbadgeError, match="folder"):
        read_limited(tmp_path, 10, "file")
    assert MAX_IMAGE_BYTES == 32 * 1024 * 1024


@pytest.mark.parametrize("name, expected", [
    ("truncated.png", "truncated PNG"),
    ("zlib-bomb-itxt.png", "zlib bomb"),
    ("huge-chunk-length.png", "needs 2147483659 bytes"),
    ("xxe.svg", "entity"),
    ("billion-laughs.svg", "entity"),
    ("not-an-image.png", "unrecognised image format"),
])
def test_hostile_images_are_one_clear_error(work, capsys, name, expected):
    image = str(HOSTILE / name)
    commands = [["unbake", image], ["verify", image]]
    if name != "zlib-bomb-itxt.png":  # baking replaces that chunk without inflating it (next test)
        commands.append(["bake", image, "--credential", "credential.json", "-o", "out" + Path(name).suffix])
    for command in commands:
        assert cli.main(command) == 2, command
        err = capsys.readouterr().err
        assert expected in err and "Traceback" not in err, (command, err)
    assert not list(work.glob("out*"))


def test_baking_over_a_zlib_bomb_replaces_it_without_inflating(work):
    assert cli.main(["bake", str(HOSTILE / "zlib-bomb-itxt.png"), "--credential", "credential.json", "-o", "out.png"]) == 0
    baked = (work / "out.png").read_bytes()
    assert len(baked) < 10_000 and json.loads(unbake(baked).text) == credential()


def test_a_json_nesting_bomb_in_an_image_is_reported_not_a_crash(work, capsys):
    image = str(HOSTILE / "nested-json.png")
    assert unbake((HOSTILE / "nested-json.png").read_bytes()).kind == "json"
    report = verify((HOSTILE / "nested-json.png").read_bytes())
    assert report.verdict == "failed" and "nests deeper" in report.json_error
    assert cli.main(["verify", image]) == 1
    assert "Traceback" not in capsys.readouterr().err
    with pytest.raises(MedbadgeError, match="nests deeper"):
        parse_json("[" * 100 + "]" * 100, "test")
    in_string = json.dumps({"a": "[" * 100 + '\\"' + "{" * 100})
    assert parse_json(in_string, "t") == json.loads(in_string)  # brackets inside strings do not count


# Writing into a place that cannot be written: one message, exit 2, nothing left behind.
# A file used as a parent folder and a path under /proc fail even for root; a chmod'ed folder
# is tried too, skipped when the user (root) can write to it anyway.

def _unwritable_places(work: Path) -> list[Path]:
    (work / "plain-file").write_text("not a folder")
    return [work / "plain-file" / "sub", Path("/proc/medbadge-no-such-folder")]


def test_bake_into_an_unwritable_place_is_one_clear_error(work, capsys):
    for place in _unwritable_places(work):
        assert cli.main(["bake", "badge.png", "--credential", "credential.json", "-o", str(place / "out.png")]) == 2
        err = capsys.readouterr().err
        assert err.count("\n") <= 2 and "Traceback" not in err and str(place.name) in err


def test_keys_new_into_an_unwritable_place_is_one_clear_error(work, capsys):
    for place in _unwritable_places(work):
        assert cli.main(["keys", "new", "-o", str(place)]) == 2
        err = capsys.readouterr().err
        assert "cannot write" in err and "Traceback" not in err, err
    assert cli.main(["keys", "new", "-o", "/proc"]) == 2  # exists, but no file can be created there
    assert "cannot write" in capsys.readouterr().err


def test_read_only_folder(work, capsys, read_only_folder):
    """A 0555 folder for a normal user, a read-only tmpfs for root (who may write anywhere else)."""
    folder = read_only_folder
    assert cli.main(["bake", "badge.png", "--credential", "credential.json", "-o", str(folder / "out.png")]) == 2
    assert cli.main(["keys", "new", "-o", str(folder)]) == 2
    assert "cannot write" in capsys.readouterr().err
    assert list(folder.iterdir()) == []


# Signature stripping: unbake a signed credential, change the name, bake it back unsigned.

def test_a_stripped_signature_fails_verify_with_a_key(work, capsys):
    assert cli.main(["keys", "new", "-o", "keys", "--name", "issuer"]) == 0
    assert cli.main(["keys", "new", "-o", "keys", "--name", "other"]) == 0
    assert cli.main(["bake", "badge.png", "--credential", "credential.json", "--sign", "keys/issuer.private.pem",
                     "-o", "signed.png"]) == 0
    assert cli.main(["verify", "signed.png", "--key", "keys/issuer.public.jwk"]) == 0
    capsys.readouterr()

    token = unbake((work / "signed.png").read_bytes()).text
    claims = json.loads(__import__("base64").urlsafe_b64decode(token.split(".")[1] + "=="))
    claims["credentialSubject"]["name"] = "Mallory"
    (work / "forged.json").write_text(json.dumps(claims))
    assert cli.main(["bake", "signed.png", "--credential", "forged.json", "-o", "forged.png"]) == 0
    capsys.readouterr()

    assert cli.main(["verify", "forged.png", "--key", "keys/issuer.public.jwk"]) == 1
    out = capsys.readouterr().out
    assert "FAILED" in out and "no signature" in out and "ok" not in out.split("result")[-1]

    assert cli.main(["verify", "forged.png"]) == 3  # no key: never "ok"
    out = capsys.readouterr().out
    assert "unsigned, not verified" in out and "ok: verified" not in out

    assert cli.main(["verify", "signed.png", "--key", "keys/other.public.jwk"]) == 1  # signed by another key
    assert "wrong-key" in capsys.readouterr().out


def test_a_signature_by_another_key_fails_even_with_a_forged_jwk_header(work):
    from designer.openbadges import load_private_key, sign_credential, bake_png, load_public_key
    assert cli.main(["keys", "new", "-o", "keys", "--name", "issuer"]) == 0
    assert cli.main(["keys", "new", "-o", "keys", "--name", "mallory"]) == 0
    forged = sign_credential(credential(), load_private_key(work / "keys/mallory.private.pem"))
    image = bake_png((work / "badge.png").read_bytes(), forged, "3.0")
    assert verify(image).verdict == "untrusted"  # the embedded key vouches only for itself
    report = verify(image, public_key=load_public_key(work / "keys/issuer.public.jwk"))
    assert report.verdict == "failed" and report.exit_code == 1
