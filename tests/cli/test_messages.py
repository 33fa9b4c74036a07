"""Messages and files a user meets: the right words, the right place, the right file modes.

Each case runs the real command (``designer.cli.main``) on a real file and checks the exit code,
the place named (``file:line:col``) and what was written — or that nothing was.
"""

from __future__ import annotations

import os
import re
import stat

import pytest

from designer.cli import main
from tests.conftest import EXAMPLE

TEXT = EXAMPLE.read_text(encoding="utf-8")


def run(capsys, *args) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def edited(tmp_path, old: str, new: str, name: str = "badges.yaml"):
    assert TEXT.count(old) >= 1, old
    path = tmp_path / name
    path.write_text(TEXT.replace(old, new, 1), encoding="utf-8")
    return path


def line_of(path, needle: str) -> int:
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in line)


@pytest.fixture
def umask_022():
    old = os.umask(0o022)
    yield
    os.umask(old)


def mode(path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


# -- files: modes, and folders never created behind the user's back ---------------------------------

def test_render_writes_0644(capsys, tmp_path, umask_022):
    for name in ("badge.svg", "badge.png"):
        code, _, _ = run(capsys, "render", EXAMPLE, "-b", "history-taking", "-o", tmp_path / name, "--size", "64")
        assert code == 0 and mode(tmp_path / name) == 0o644


def test_palettes_derive_writes_0644(capsys, tmp_path, umask_022):
    code, _, err = run(capsys, "palettes", "derive", "-k", "#0b5563", "-o", tmp_path / "p.toml")
    assert code == 0, err
    assert mode(tmp_path / "p.toml") == 0o644


def test_private_key_is_0600_public_halves_0644(capsys, tmp_path, umask_022):
    code, _, _ = run(capsys, "keys", "new", "-o", tmp_path / "keys", "--name", "k")
    assert code == 0
    files = {p.name: mode(p) for p in (tmp_path / "keys").iterdir()}
    private = [name for name in files if "private" in name or name.endswith(".key") or name == "k.pem"]
    assert private and all(files[name] == 0o600 for name in private), files
    assert all(m == 0o644 for name, m in files.items() if name not in private), files


@pytest.mark.parametrize("args", [
    ["render", EXAMPLE, "-b", "history-taking", "-o", "{missing}/x.png"],
    ["icons", "show", "stethoscope", "-o", "{missing}/x.png"],
    ["lint", EXAMPLE, "--select", "MB6", "-o", "{missing}/lint.txt"],
])
def test_output_into_a_missing_folder_is_refused_not_created(capsys, tmp_path, args):
    missing = tmp_path / "no" / "such"
    code, out, err = run(capsys, *[str(a).format(missing=missing) for a in args])
    assert code == 2 and "does not exist" in err and "Traceback" not in err
    assert not (tmp_path / "no").exists()


# -- build: a quiet no-op, and what a filtered build removed -----------------------------------------

def manifest_files(out) -> list[dict]:
    import json

    return json.loads((out / "manifest.json").read_text(encoding="utf-8"))["files"]


def test_a_no_op_build_is_one_line(capsys, tmp_path):
    out = tmp_path / "dist"
    code, first, _ = run(capsys, "build", EXAMPLE, "-o", out, "--sizes", "64", "-b",
                         "history-taking,physical-examination", "-q")
    assert code == 0
    files = int(re.search(r"(\d+) files", first).group(1))
    code, stdout, err = run(capsys, "build", EXAMPLE, "-o", out, "--sizes", "64", "-b",
                            "history-taking,physical-examination")
    assert code == 0 and err == ""
    assert len(stdout.splitlines()) == 1
    assert re.fullmatch(rf"{re.escape(str(out))} is up to date: 8 designs, {files} files unchanged \(\d+\.\d s\)\n",
                        stdout)


def test_a_filtered_build_says_what_it_removed(capsys, tmp_path):
    out = tmp_path / "dist"
    assert run(capsys, "build", EXAMPLE, "-o", out, "--sizes", "64", "-b", "history-taking,physical-examination",
               "-q")[0] == 0
    gone = sum(entry["badge"] == "physical-examination" for entry in manifest_files(out))
    code, _, err = run(capsys, "build", EXAMPLE, "-o", out, "--sizes", "64", "-b", "history-taking", "-q")
    assert code == 0 and gone >= 16  # 4 tiers × (SVG, PNG, two JSON), and any share renditions
    assert f"removed {gone} files of designs this build did not include: physical-examination " in err
    assert not (out / "physical-examination").exists()  # as docs/build.md says: exactly what was asked
    code, _, err = run(capsys, "build", EXAMPLE, "-o", out, "--sizes", "64", "-b", "history-taking", "-t",
                       "advanced", "-q")
    assert "history-taking/foundation" in err and "history-taking/advanced" not in err
    code, _, err = run(capsys, "build", EXAMPLE, "-o", out, "--sizes", "64", "-b", "history-taking", "-t",
                       "advanced", "-q")
    assert "removed" not in err  # nothing went this time


# -- icons -------------------------------------------------------------------------------------------

def test_one_icon_matches(capsys):
    code, out, _ = run(capsys, "icons", "search", "stethoscope")
    assert code == 0 and "1 icon matches 'stethoscope'" in out


def test_piped_output_is_never_cut(capsys, tmp_path, monkeypatch):
    monkeypatch.setenv("COLUMNS", "60")
    folder = tmp_path / ("a-folder-with-a-long-name-" * 4)
    folder.mkdir()
    (folder / "my-icon.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">'
                                        '<path d="M4 4h16v16H4z"/></svg>', encoding="utf-8")
    code, out, _ = run(capsys, "icons", "list", "-I", folder)
    assert code == 0
    assert "…" not in out
    assert "a-folder-with-a-long-name-" * 4 in out
    assert re.search(r"my-icon .*a-folder", out)


def test_icons_show_refuses_a_colour_that_is_not_one(capsys, tmp_path):
    code, out, err = run(capsys, "icons", "show", "stethoscope", "--color", "notacolour", "-o", tmp_path / "s.png")
    assert code == 2 and "--color: 'notacolour' is not a colour" in err
    assert not (tmp_path / "s.png").exists() and out == ""


def test_icons_import_of_a_missing_file_says_so(capsys, tmp_path):
    code, _, err = run(capsys, "icons", "import", tmp_path / "nope.svg", "--name", "nope", "-d", tmp_path / "icons")
    assert code == 2 and "nope.svg: no such file" in err and "unsafe" not in err
    assert not (tmp_path / "icons").exists()


# -- badge set messages ------------------------------------------------------------------------------

def test_a_missing_badge_set_names_no_other_command(capsys, tmp_path):
    code, _, err = run(capsys, "lint", tmp_path / "nonexist.yaml")
    assert code == 2 and "nonexist.yaml: no such file" in err and "medbadge build" not in err


def test_a_bad_hex_colour_is_called_that(capsys, tmp_path):
    path = edited(tmp_path, "  font: Atkinson Hyperlegible", '  roles: {accent: "#12345"}\n  font: Atkinson Hyperlegible')
    code, _, err = run(capsys, "lint", path)
    assert code == 2
    assert f":{line_of(path, '#12345')}:" in err and "'#12345' is not a valid hex colour" in err
    assert "known colours" not in err


def test_an_unknown_colour_name_lists_each_name_once(capsys, tmp_path):
    path = edited(tmp_path, "  font: Atkinson Hyperlegible", "  roles: {accent: tael}\n  font: Atkinson Hyperlegible")
    code, _, err = run(capsys, "lint", path)
    assert code == 2 and "unknown colour 'tael'" in err
    listed = re.findall(r"[\w-]+", err.split("known colours:")[1].split(";")[0]) if "known colours:" in err else []
    assert len(listed) == len(set(listed)), err


def test_a_duplicate_badge_id_is_placed_at_the_repeat(capsys, tmp_path):
    path = edited(tmp_path, "  - id: physical-examination", "  - id: history-taking")
    code, _, err = run(capsys, "lint", path)
    second = [n for n, line in enumerate(path.read_text().splitlines(), 1) if line == "  - id: history-taking"][1]
    assert code == 2 and f"badges.yaml:{second}:9: " in err and "used twice" in err


def test_an_unknown_font_is_placed_and_suggests_no_package_that_does_not_exist(capsys, tmp_path):
    path = edited(tmp_path, "  font: Atkinson Hyperlegible", "  font: Comic Sans")
    code, _, err = run(capsys, "lint", path)
    assert code == 2 and f"badges.yaml:{line_of(path, 'Comic Sans')}:" in err
    assert "fontpkg-comic-sans" not in err


# -- roster: every problem at once -------------------------------------------------------------------

def test_every_roster_problem_is_reported_in_one_run(capsys, tmp_path):
    roster = tmp_path / "roster.csv"
    rows = ["name,email,badge,tier", "Ada,ada@example.org,history-taking,foundation",
            "Bob,not-an-email,history-taking,foundation", "Cy,cy@example.org,,foundation",
            "Ada again,ADA@example.org,history-taking,foundation", "Di,di@example.org,history-taking,foundation,31-02-2025"]
    roster.write_text("name,email,badge,tier,issued_on\n" + "\n".join(rows[1:]) + "\n", encoding="utf-8")
    code, _, err = run(capsys, "issue", EXAMPLE, "--roster", roster, "-o", tmp_path / "issued", "--unsigned")
    assert code == 2
    for line, words in ((3, "malformed e-mail"), (4, "has no badge"), (5, "same e-mail as row 2"), (6, "issued_on")):
        assert f"roster.csv:{line}:" in err and words in err, (line, err)
    assert not (tmp_path / "issued").exists()


def test_roster_problems_are_capped(capsys, tmp_path):
    from designer.openbadges.roster import MAX_ROW_PROBLEMS

    roster = tmp_path / "roster.csv"
    roster.write_text("name,email,badge,tier\n" + "".join(f"P{i},bad{i},history-taking,foundation\n"
                                                          for i in range(MAX_ROW_PROBLEMS + 5)), encoding="utf-8")
    code, _, err = run(capsys, "issue", EXAMPLE, "--roster", roster, "-o", tmp_path / "issued", "--unsigned")
    assert code == 2 and err.count("malformed e-mail") == MAX_ROW_PROBLEMS and "and 5 more row problems" in err


def test_unknown_badges_in_a_roster_come_together(capsys, tmp_path):
    roster = tmp_path / "roster.csv"
    roster.write_text("name,email,badge,tier\nA,a@example.org,histroy-taking,foundation\n"
                      "B,b@example.org,history-taking,golden\n", encoding="utf-8")
    code, _, err = run(capsys, "issue", EXAMPLE, "--roster", roster, "-o", tmp_path / "issued", "--unsigned")
    assert code == 2 and "roster.csv:2:" in err and "roster.csv:3:" in err
    assert "did you mean 'history-taking'" in err and "unknown tier 'golden'" in err
