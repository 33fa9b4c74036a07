"""``medbadge icons ...`` through ``designer.cli.main``: exit 0 for success, 2 for bad input."""

from __future__ import annotations

from PIL import Image

from designer import icon_library

HOSTILE = '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><path d="M4 4h16"/></svg>'
BENIGN = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100"><circle cx="50" cy="50" r="40" fill="#e33"/></svg>'


def test_list(cli, capsys):
    assert cli(["icons", "list"]) == 0
    out = capsys.readouterr().out
    assert all(name in out for name in ("stethoscope", "lungs", "rod-of-asclepius"))


def test_list_by_category(cli, capsys):
    assert cli(["icons", "list", "--category", "anatomy"]) == 0
    out = capsys.readouterr().out
    assert "lungs" in out and "ambulance" not in out


def test_list_unknown_category_exits_2(cli, capsys):
    assert cli(["icons", "list", "--category", "anatomie"]) == 2
    assert "anatomy" in capsys.readouterr().err


def test_search(cli, capsys):
    assert cli(["icons", "search", "pediatrics"]) == 0
    assert "child" in capsys.readouterr().out


def test_search_without_results_exits_0(cli, capsys):
    assert cli(["icons", "search", "zzzzqqq"]) == 0


def test_show_with_render(cli, capsys, tmp_path):
    out_png = tmp_path / "icon.png"
    assert cli(["icons", "show", "caduceus", "-o", str(out_png), "--size", "128"]) == 0
    out = capsys.readouterr().out
    assert "caduceus" in out and "24 px" in out
    assert Image.open(out_png).size == (128, 128)


def test_show_unknown_exits_2(cli, capsys):
    assert cli(["icons", "show", "stethoscop"]) == 2
    err = capsys.readouterr().err
    assert "stethoscope" in err and "Traceback" not in err


def test_import_hostile_exits_2_and_writes_nothing(cli, capsys, tmp_path):
    source = tmp_path / "evil.svg"
    source.write_text(HOSTILE)
    assert cli(["icons", "import", str(source), "--name", "evil", "--dest", str(tmp_path / "mine")]) == 2
    assert not (tmp_path / "mine").exists()
    assert len(capsys.readouterr().err.strip().splitlines()) == 1


def test_import_benign_then_use_it(cli, capsys, tmp_path):
    source = tmp_path / "dot.svg"
    source.write_text(BENIGN)
    dest = tmp_path / "mine"
    assert cli(["icons", "import", str(source), "--name", "big-dot", "--dest", str(dest), "--licence", "CC0-1.0",
                "-k", "target", "-c", "symbol"]) == 0
    assert icon_library.get("big-dot", search_paths=[dest]).licence == "CC0-1.0"
    assert cli(["icons", "show", "big-dot", "-I", str(dest)]) == 0
    assert cli(["icons", "search", "target", "-I", str(dest)]) == 0
    assert "big-dot" in capsys.readouterr().out


def test_import_requires_a_name(cli, tmp_path):
    source = tmp_path / "dot.svg"
    source.write_text(BENIGN)
    assert cli(["icons", "import", str(source)]) == 2


def test_sheet(cli, tmp_path):
    png, page = tmp_path / "icons.png", tmp_path / "icons.html"
    assert cli(["icons", "sheet", "-o", str(png), "--html", str(page), "--category", "anatomy"]) == 0
    assert Image.open(png).format == "PNG" and "<svg" in page.read_text()


def test_sheet_wrong_extension_exits_2(cli, tmp_path):
    assert cli(["icons", "sheet", "-o", str(tmp_path / "icons.jpg")]) == 2
    assert not (tmp_path / "icons.jpg").exists()


def test_user_text_is_printed_literally(cli, capsys, tmp_path):
    """Titles and paths from users are text, not Rich markup (a '[/x]' must not crash or restyle)."""
    dest = tmp_path / "[red]odd[/red]"
    source = tmp_path / "dot.svg"
    source.write_text(BENIGN)
    assert cli(["icons", "import", str(source), "--name", "dot", "--dest", str(dest), "--title", "[bold]Dot[/x]"]) == 0
    assert cli(["icons", "list", "-I", str(dest), "-c", "symbol"]) == 0
    assert cli(["icons", "show", "dot", "-I", str(dest)]) == 0
    out = capsys.readouterr().out
    assert "[bold]Dot[/x]" in out and "[red]odd[/red]" in out
