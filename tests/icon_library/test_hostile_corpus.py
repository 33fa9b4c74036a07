"""Every file of the hostile icon corpus (tests/hostile/icons) is refused by every consumer of icons:
``icons import``, a user icon folder read by ``icons show``, ``build`` and ``lint`` — within seconds,
with exit code 2, one message naming the file and the fix, and nothing written."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest

from designer.base.errors import UnsafeSVGError
from designer.icon_library.loader import get
from tests.icon_library.hostile_corpus import CORPUS, CORPUS_DIR

#: Files that are fine as they are but cannot be imported: the importer's wrapping group adds one
#: level of nesting and a few bytes, which would take them over the parser's bounds.
IMPORT_ONLY = {"nesting-62-groups.svg", "path-999901-bytes.svg"}
SECONDS = 10


def test_corpus_on_disk_is_what_the_generator_makes():
    on_disk = sorted(p.name for p in CORPUS_DIR.glob("*.svg"))
    assert on_disk == sorted(CORPUS)
    for name, (_reason, text) in CORPUS.items():
        assert (CORPUS_DIR / name).read_text("utf-8") == text, name


def test_the_first_reported_file_is_byte_exact():
    data = (CORPUS_DIR / "circle-radius-1e300.svg").read_bytes()
    assert len(data) == 102 and b'r="1e300"' in data
    assert (CORPUS_DIR / "path-999901-bytes.svg").stat().st_size == 999_901


def _one_line_error(capsys, file_name: str) -> str:
    err = capsys.readouterr().err.strip()
    assert "Traceback" not in err
    assert len(err.splitlines()) == 1, err
    assert file_name in err and "fix:" in err, err
    return err


@pytest.mark.parametrize("name", sorted(CORPUS))
def test_import_refuses_within_seconds_and_writes_nothing(name, cli, capsys, tmp_path):
    dest = tmp_path / "parent" / "mine"
    started = time.perf_counter()
    assert cli(["icons", "import", str(CORPUS_DIR / name), "--name", "hostile", "--dest", str(dest)]) == 2
    assert time.perf_counter() - started < SECONDS
    _one_line_error(capsys, name)
    assert not (tmp_path / "parent").exists()


@pytest.mark.parametrize("name", sorted(CORPUS))
def test_import_gives_the_reason_code(name, tmp_path):
    from designer.icon_library.importer import import_icon

    with pytest.raises(UnsafeSVGError) as caught:
        import_icon(CORPUS_DIR / name, "hostile", tmp_path / "mine")
    assert caught.value.reason == CORPUS[name][0]
    assert not (tmp_path / "mine").exists()


def test_a_refused_import_can_be_retried_under_the_same_name(cli, tmp_path):
    """A refusal used to leave <name>.svg and its catalog entry behind: the retry said 'already
    exists' and 'icons list' failed on the leftover file."""
    dest = tmp_path / "mine"
    dest.mkdir()
    for name in sorted(IMPORT_ONLY):
        assert cli(["icons", "import", str(CORPUS_DIR / name), "--name", "retry", "--dest", str(dest)]) == 2
        assert list(dest.iterdir()) == []
    good = tmp_path / "good.svg"
    good.write_text('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="M4 4h16v16H4z"/></svg>')
    assert cli(["icons", "import", str(good), "--name", "retry", "--dest", str(dest)]) == 0
    assert cli(["icons", "list", "-I", str(dest)]) == 0


def _user_folder(tmp_path: Path, name: str) -> Path:
    folder = tmp_path / "icons"
    folder.mkdir()
    shutil.copy(CORPUS_DIR / name, folder / "bad.svg")
    return folder


@pytest.mark.parametrize("name", sorted(set(CORPUS) - IMPORT_ONLY))
def test_user_folder_icon_is_refused_by_the_loader(name, cli, capsys, tmp_path):
    folder = _user_folder(tmp_path, name)
    started = time.perf_counter()
    assert cli(["icons", "show", "bad", "-I", str(folder), "-o", str(tmp_path / "bad.png")]) == 2
    assert time.perf_counter() - started < SECONDS
    _one_line_error(capsys, "bad.svg")
    assert not (tmp_path / "bad.png").exists()
    with pytest.raises(UnsafeSVGError) as caught:
        get("bad", search_paths=[folder])
    assert caught.value.reason == CORPUS[name][0]


def test_import_only_files_still_load_from_a_user_folder(tmp_path):
    """Within the parser's bounds as they are; only the import's wrapper would take them over."""
    for name in sorted(IMPORT_ONLY):
        folder = tmp_path / name
        folder.mkdir()
        shutil.copy(CORPUS_DIR / name, folder / "ok.svg")
        assert get("ok", search_paths=[folder]).body


BADGE_SET = """version: 1
issuer:
  id: https://badges.example.org/issuer
  name: Example School
  url: https://example.org
  email: badges@example.org
  description: Test issuer.
brand:
  palette: harbour
  font: Atkinson Hyperlegible
tiers: four-metals
defaults:
  template: seal
paths:
  icons: [icons]
badges:
  - id: hostile
    title: Hostile Icon
    icon: bad
    description: A badge with a hostile icon.
    criteria: None.
"""
CONSUMER_CASES = ["circle-radius-1e300.svg", "view-box-nan.svg", "view-box-negative-infinity.svg",
                  "transform-scale-1e308.svg", "dashed-path-100k-segments.svg", "shapes-2000-circles.svg"]


@pytest.mark.parametrize("name", CONSUMER_CASES)
def test_build_refuses_a_hostile_user_icon(name, cli, capsys, tmp_path):
    _user_folder(tmp_path, name)
    (tmp_path / "badges.yaml").write_text(BADGE_SET)
    dist = tmp_path / "dist"
    started = time.perf_counter()
    code = cli(["build", str(tmp_path / "badges.yaml"), "-o", str(dist), "--sizes", "64", "-j", "1", "-q"])
    assert time.perf_counter() - started < 3 * SECONDS
    assert code == 2
    assert "bad.svg" in capsys.readouterr().err
    assert not dist.exists()


@pytest.mark.parametrize("name", CONSUMER_CASES)
def test_lint_refuses_a_hostile_user_icon(name, cli, capsys, tmp_path):
    _user_folder(tmp_path, name)
    (tmp_path / "badges.yaml").write_text(BADGE_SET)
    started = time.perf_counter()
    code = cli(["lint", str(tmp_path / "badges.yaml")])
    assert time.perf_counter() - started < 3 * SECONDS
    assert code == 2
    assert "bad.svg" in capsys.readouterr().err


@pytest.mark.parametrize("name", ["circle-radius-1e300.svg", "view-box-nan.svg", "dashed-path-100k-segments.svg",
                                  "nesting-62-groups.svg", "path-999901-bytes.svg", "transform-scale-1e308.svg"])
def test_studio_upload_refuses_within_seconds_and_writes_nothing(name, tmp_path):
    from designer.badgeset.edit import BadgeSetDocument
    from designer.studio.uploads import import_uploaded_icon
    from tests.conftest import EXAMPLE

    path = tmp_path / "badges.yaml"
    shutil.copyfile(EXAMPLE, path)
    doc = BadgeSetDocument.open(path)
    started = time.perf_counter()
    with pytest.raises(UnsafeSVGError) as caught:
        import_uploaded_icon((CORPUS_DIR / name).read_bytes(), name, "hostile", doc)
    assert time.perf_counter() - started < SECONDS
    assert caught.value.reason == CORPUS[name][0]
    assert str(caught.value).startswith(f"{name}: ")
    assert not (tmp_path / "icons").exists() and not doc.changed
