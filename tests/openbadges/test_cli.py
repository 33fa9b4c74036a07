"""The CLI commands through designer.cli.main: exit codes, atomic writes, key files."""

from __future__ import annotations

import json
import stat

import pytest

import designer.cli as cli
from designer.openbadges import unbake

from .conftest import CREDENTIAL_SCHEMA, assertion_json, credential


@pytest.fixture(autouse=True)
def only_openbadges(monkeypatch):
    """Mount just these commands, independent of the other command modules."""
    monkeypatch.setattr(cli, "_mount_subcommands", lambda: __import__("designer.cli.openbadges"))


@pytest.fixture
def files(tmp_path, png, svg, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "badge.png").write_bytes(png)
    (tmp_path / "badge.svg").write_bytes(svg)
    (tmp_path / "assertion.json").write_text(assertion_json())
    (tmp_path / "credential.json").write_text(json.dumps(credential()))
    return tmp_path


def test_bake_unbake_png(files, capsys):
    assert cli.main(["bake", "badge.png", "--assertion", "assertion.json", "-o", "out.png"]) == 0
    assert (files / "badge.png").read_bytes() != (files / "out.png").read_bytes()
    assert unbake((files / "out.png").read_bytes()).text == assertion_json()
    capsys.readouterr()
    assert cli.main(["unbake", "out.png"]) == 0
    assert capsys.readouterr().out.strip() == assertion_json()
    assert cli.main(["unbake", "out.png", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["version"] == "2.0"
    assert sorted(p.name for p in files.iterdir() if p.name.endswith(".tmp")) == []


def test_bake_in_place_only_when_asked(files):
    original = (files / "badge.svg").read_bytes()
    assert cli.main(["bake", "badge.svg", "--credential", "credential.json"]) == 2  # -o is required
    assert (files / "badge.svg").read_bytes() == original
    assert cli.main(["bake", "badge.svg", "--credential", "credential.json", "-o", "badge.svg"]) == 0
    assert unbake((files / "badge.svg").read_bytes()).version == "3.0"


def test_bake_usage_errors(files):
    assert cli.main(["bake", "badge.png", "-o", "x.png"]) == 2
    assert cli.main(["bake", "badge.png", "--assertion", "assertion.json", "--credential", "credential.json", "-o", "x.png"]) == 2
    assert cli.main(["bake", "badge.png", "--assertion", "assertion.json", "-o", "x.svg"]) == 2
    assert cli.main(["bake", "missing.png", "--assertion", "assertion.json", "-o", "x.png"]) == 2
    assert not (files / "x.png").exists() and not (files / "x.svg").exists()


def test_keys_sign_and_verify(files, capsys):
    assert cli.main(["keys", "new", "--alg", "ES256", "-o", "keys", "--name", "issuer"]) == 0
    assert stat.S_IMODE((files / "keys" / "issuer.private.pem").stat().st_mode) == 0o600
    assert cli.main(["keys", "new", "--alg", "ES256", "-o", "keys", "--name", "issuer"]) == 2  # never overwrites
    assert cli.main(["keys", "new", "--alg", "EdDSA", "-o", "keys", "--name", "other"]) == 0
    assert cli.main(["bake", "badge.png", "--credential", "credential.json", "--sign", "keys/issuer.private.pem", "-o", "signed.png"]) == 0
    assert unbake((files / "signed.png").read_bytes()).kind == "jws"
    schema = ["--schema", str(CREDENTIAL_SCHEMA)] if CREDENTIAL_SCHEMA.exists() else []
    assert cli.main(["verify", "signed.png", "--key", "keys/issuer.public.jwk", *schema]) == 0
    assert cli.main(["verify", "signed.png", "--key", "keys/issuer.public.pem"]) == 0
    assert cli.main(["verify", "signed.png", "--key", "keys/other.public.jwk"]) == 1
    out = capsys.readouterr().out
    assert "wrong-key" in out


def test_verify_bad_input_is_exit_2(files):
    assert cli.main(["verify", "badge.png"]) == 2  # nothing baked
    (files / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00")
    assert cli.main(["verify", "photo.jpg"]) == 2
    assert cli.main(["unbake", "photo.jpg"]) == 2
