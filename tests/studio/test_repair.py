"""A badge set that does not load opens in the studio's YAML editor with each problem placed, and
can be fixed, saved (atomically, never over someone else's change) and reloaded — driven through
Streamlit's AppTest with the real loader and real file writes."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

import designer
from designer.studio import repair
from designer.studio.uploads import UPLOAD_LIMIT_MB
from tests.conftest import EXAMPLE

APP = str(Path(designer.__file__).parent / "studio" / "app.py")
GOOD = EXAMPLE.read_text(encoding="utf-8")
#: A YAML syntax error (an unclosed flow sequence) in the first badge's title.
BROKEN = GOOD.replace("title: History Taking", "title: [History Taking", 1)


def open_studio(path: Path) -> AppTest:
    app = AppTest.from_file(APP, default_timeout=120)
    app.session_state["path"] = str(path)
    app.run()
    assert not app.exception, app.exception
    return app


@pytest.fixture
def broken(tmp_path) -> Path:
    path = tmp_path / "badges.yaml"
    path.write_text(BROKEN, encoding="utf-8")
    return path


def broken_line() -> int:
    return next(n for n, line in enumerate(BROKEN.splitlines(), 1) if "[History Taking" in line)


def test_a_broken_file_opens_in_the_editor_with_the_error_placed(broken):
    app = open_studio(broken)
    assert app.text_area(key="repair_text").value == BROKEN
    errors = [e.value for e in app.error]
    assert errors and "badges.yaml:" in errors[0]
    excerpt = app.code[0].value
    assert "^" in excerpt and "[History Taking" in excerpt
    assert app.button(key="repair_save").disabled  # nothing that does not load is saved
    assert not app.get("selectbox")  # no studio widgets over a file that does not load


def test_fix_save_and_reload(broken):
    app = open_studio(broken)
    app.text_area(key="repair_text").set_value(GOOD).run()
    assert any("This text loads" in s.value for s in app.success)
    assert not app.button(key="repair_save").disabled
    app.button(key="repair_save").click().run()
    assert not app.exception, app.exception
    assert broken.read_text(encoding="utf-8") == GOOD
    assert app.selectbox(key="badge").value == "history-taking"  # the studio itself, on the fixed file
    assert app.text_input(key="title").value == "History Taking"


def test_a_file_that_loads_but_is_wrong_is_placed_too(tmp_path):
    path = tmp_path / "badges.yaml"
    wrong = GOOD.replace("icon: notepad-pen", "icon: notepad-pn", 1)
    path.write_text(wrong, encoding="utf-8")
    app = open_studio(path)
    line = next(n for n, text in enumerate(wrong.splitlines(), 1) if "notepad-pn" in text)
    assert any(f"badges.yaml:{line}:" in e.value and "did you mean 'notepad-pen'" in e.value for e in app.error)
    assert "notepad-pn" in app.code[0].value


def test_discard_returns_to_the_file_on_disk(broken):
    app = open_studio(broken)
    app.text_area(key="repair_text").set_value(BROKEN + "\n# a note").run()
    app.button(key="repair_revert").click().run()
    assert app.text_area(key="repair_text").value == BROKEN
    theirs = "# a colleague's version\n" + BROKEN
    broken.write_text(theirs, encoding="utf-8")  # changed on disk meanwhile: discard shows it as it is now
    app.text_area(key="repair_text").set_value(BROKEN + "\n# mine").run()
    app.button(key="repair_revert").click().run()
    assert app.text_area(key="repair_text").value == theirs


def test_a_change_on_disk_meanwhile_is_never_overwritten(broken):
    app = open_studio(broken)
    app.text_area(key="repair_text").set_value(GOOD).run()
    theirs = BROKEN.replace("# Northfield", "# Someone else's edit. Northfield", 1)
    broken.write_text(theirs, encoding="utf-8")
    app.button(key="repair_save").click().run()
    assert broken.read_text(encoding="utf-8") == theirs
    assert any("changed on disk" in e.value for e in app.error)


def test_excerpt_and_save_refuse_text_that_does_not_load(tmp_path, broken):
    source = repair.Source.read(broken)
    found = repair.problems(BROKEN, broken)
    assert found and found[0].location.line in (broken_line(), broken_line() + 1)
    with pytest.raises(designer.MedbadgeError, match="still has"):
        repair.save(source, BROKEN)
    assert broken.read_text(encoding="utf-8") == BROKEN
    saved = repair.save(source, GOOD)
    assert broken.read_text(encoding="utf-8") == GOOD and saved.sha == repair.fingerprint(GOOD)
    assert not list(tmp_path.glob(".*.tmp"))  # the atomic writer left nothing beside it


def test_the_upload_limit_shown_is_the_importers(tmp_path):
    from designer.cli.studio import upload_limit_mb, studio_command
    from designer.icon_library.safe_xml import MAX_BYTES

    assert UPLOAD_LIMIT_MB == upload_limit_mb() and (UPLOAD_LIMIT_MB - 1) * 1024 * 1024 < MAX_BYTES <= UPLOAD_LIMIT_MB * 1024 * 1024
    command = studio_command(tmp_path / "badges.yaml", 8501)
    assert command[command.index("--server.maxUploadSize") + 1] == str(UPLOAD_LIMIT_MB)
    path = tmp_path / "badges.yaml"
    path.write_text(GOOD, encoding="utf-8")
    app = open_studio(path)
    uploader = app.get("file_uploader")[0]
    assert uploader.proto.max_upload_size_mb == UPLOAD_LIMIT_MB
