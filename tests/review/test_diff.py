"""`medbadge diff OLD NEW`: changes from the manifests, pictures, lint status, report, summaries, exit codes."""

from __future__ import annotations

import json
import shutil

import pytest
from PIL import Image

from designer.base.errors import MedbadgeError
from designer.cli import main
from designer.review import compare, diff_asset_sets, read_asset_set
from designer.review.pixels import TOLERANCE

FOUNDATION, ADVANCED = "foundation", "advanced"


def statuses(changes):
    return {c.slug: c.status for c in changes}


def test_every_kind_of_change_is_found_from_the_manifests(asset_sets):
    before, after = asset_sets
    found = statuses(compare(read_asset_set(before), read_asset_set(after)))
    expected = {}
    for tier in (FOUNDATION, ADVANCED):
        expected |= {f"history-taking-{tier}": "changed", f"global-health-{tier}": "changed",
                     f"psychiatry-{tier}": "metadata", f"clinical-reasoning-{tier}": "removed",
                     f"physical-examination-{tier}": "added"}
    assert found == expected  # diagnostic-tests is unchanged, so it is not listed


def test_lint_status_of_both_sides_comes_from_the_manifests(asset_sets):
    before, after = asset_sets
    old, new = read_asset_set(before), read_asset_set(after)
    assert old.linted and new.linted
    assert old.designs["global-health-advanced"].lint["status"] == "clean"
    status = new.designs["global-health-advanced"].lint
    assert status["status"] == "warning" and [f["code"] for f in status["findings"]] == ["MB501"]


def test_report_holds_before_after_and_difference_of_each_visual_change(asset_sets, tmp_path):
    before, after = asset_sets
    result = diff_asset_sets(before, after, tmp_path / "report")
    assert result.visual_changes == 8
    images = sorted(p.name for p in (tmp_path / "report" / "images").iterdir())
    for tier in (FOUNDATION, ADVANCED):
        for slug in (f"history-taking-{tier}", f"global-health-{tier}"):
            assert {f"{slug}-before.png", f"{slug}-after.png", f"{slug}-difference.png"} <= set(images)
        assert f"physical-examination-{tier}-after.png" in images
        assert f"physical-examination-{tier}-before.png" not in images
        assert f"clinical-reasoning-{tier}-before.png" in images
        assert not any(name.startswith(f"psychiatry-{tier}") for name in images)  # metadata only: no picture
        # the share card changed with the badge: its pictures are shown too
        assert {f"history-taking-{tier}-card-before.png", f"history-taking-{tier}-card-difference.png"} <= set(images)
    html = (tmp_path / "report" / "index.html").read_text(encoding="utf-8")
    assert 'src="images/history-taking-advanced-difference.png"' in html  # relative, beside the page
    assert "MB501" in html and str(tmp_path) not in html
    picture = Image.open(tmp_path / "report" / "images" / "history-taking-advanced-difference.png")
    assert picture.size == (340, 340)
    assert 0.005 < result.pixels["history-taking-advanced"] < 0.5  # the title changed, not the whole badge


def test_difference_image_marks_only_the_changed_pixels(tmp_path):
    from designer.review.assetsets import DesignFiles, Entry
    from designer.review.pixels import MAGENTA, pictures

    base = Image.new("RGBA", (40, 40), (20, 80, 100, 255))
    edited = base.copy()
    edited.paste((250, 250, 250, 255), (10, 10, 20, 20))  # a 10 x 10 square
    edited.putpixel((0, 0), (20 + TOLERANCE, 80, 100, 255))  # jitter within the tolerance
    for name, image in (("a", base), ("b", edited)):
        (tmp_path / name / "x").mkdir(parents=True)
        image.save(tmp_path / name / "x" / "x-gold-40.png")
    files = DesignFiles("x-gold", "x", "gold", (Entry("x/x-gold-40.png", "", "png", 40),))
    drawn = pictures((tmp_path / "a", files), (tmp_path / "b", files))
    assert drawn.changed_pixels == 100 and drawn.total_pixels == 1600
    difference = Image.open(__import__("io").BytesIO(drawn.difference)).convert("RGB")
    assert difference.getpixel((15, 15)) == MAGENTA
    assert difference.getpixel((0, 0)) != MAGENTA and difference.getpixel((30, 30)) != MAGENTA


def test_exit_codes_and_summaries(asset_sets, tmp_path, capsys, monkeypatch):
    before, after = asset_sets
    summary = tmp_path / "step-summary.md"
    summary.write_text("earlier step\n", encoding="utf-8")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    assert main(["diff", str(before), str(before), "-o", str(tmp_path / "same")]) == 0
    assert "no visual change" in capsys.readouterr().out
    code = main(["diff", str(before), str(after), "-o", str(tmp_path / "report"), "--markdown", str(tmp_path / "d.md")])
    out = capsys.readouterr().out
    assert code == 1
    assert "4 changed, 2 added, 2 removed; 2 with metadata changes only, 2 unchanged" in out
    assert "global-health-advanced" in out and "clean -> warning (MB501)" in out
    markdown = (tmp_path / "d.md").read_text(encoding="utf-8")
    assert "| `global-health-advanced` | changed |" in markdown and "| warning (MB501) |" in markdown
    appended = summary.read_text(encoding="utf-8")
    assert appended.startswith("earlier step\n## medbadge diff")  # appended: both runs' summaries are kept
    assert appended.count("## medbadge diff") == 2 and appended.endswith(markdown)


@pytest.mark.parametrize("damage", ["missing", "file", "no-manifest", "bad-json", "no-files", "outside", "huge-png"])
def test_bad_input_is_one_message_and_exit_2(asset_sets, tmp_path, capsys, damage):
    before, _ = asset_sets
    broken = tmp_path / "broken"
    if damage == "file":
        broken.write_text("x")
    elif damage != "missing":
        shutil.copytree(before, broken)
        manifest = broken / "manifest.json"
        if damage == "no-manifest":
            manifest.unlink()
        elif damage == "bad-json":
            manifest.write_text('{\n  "files": [,]\n}\n')
        elif damage == "outside":  # a manifest that names a file elsewhere is refused, not read
            data = json.loads(manifest.read_text())
            data["files"][0]["path"] = "../../etc/passwd"
            manifest.write_text(json.dumps(data))
        elif damage == "huge-png":  # a 5000 x 5000 PNG (tiny on disk) in place of a changed design's picture
            Image.new("1", (5000, 5000)).save(broken / "history-taking" / "history-taking-advanced-340.png")
        else:
            manifest.write_text(json.dumps({"generator": "x"}))
    old, new = (broken, asset_sets[1]) if damage == "huge-png" else (before, broken)  # a changed design is read
    code = main(["diff", str(old), str(new), "-o", str(tmp_path / "report")])
    err = capsys.readouterr().err
    assert code == 2
    assert err.startswith("error: ") and "Traceback" not in err and "broken" in err
    if damage == "bad-json":
        assert "manifest.json:2:13" in err
    if damage == "outside":
        assert "outside the asset set" in err
    if damage == "huge-png":
        assert "history-taking-advanced-340.png" in err and "larger than a build makes" in err
    assert not (tmp_path / "report").exists()  # nothing half-written


def test_usage_errors(asset_sets, capsys):
    before, _ = asset_sets
    assert main(["diff", str(before)]) == 2
    assert "give two asset set folders" in capsys.readouterr().err
    with pytest.raises(MedbadgeError, match="is not a range"):
        from designer.review import parse_range

        parse_range("main")


def test_a_reused_report_folder_keeps_only_the_new_pictures(asset_sets, tmp_path):
    before, after = asset_sets
    diff_asset_sets(before, after, tmp_path / "report")
    assert list((tmp_path / "report" / "images").glob("*.png"))
    diff_asset_sets(before, before, tmp_path / "report")  # no change now
    assert list((tmp_path / "report" / "images").glob("*.png")) == []


def test_sides_built_at_other_sizes_are_compared_at_the_new_size(tmp_path):
    from designer.review.assetsets import DesignFiles, Entry
    from designer.review.pixels import pictures

    (tmp_path / "a" / "x").mkdir(parents=True)
    (tmp_path / "b" / "x").mkdir(parents=True)
    Image.new("RGBA", (600, 600), (20, 80, 100, 255)).save(tmp_path / "a" / "x" / "x-gold-600.png")
    Image.new("RGBA", (340, 340), (20, 80, 100, 255)).save(tmp_path / "b" / "x" / "x-gold-340.png")
    old = DesignFiles("x-gold", "x", "gold", (Entry("x/x-gold-600.png", "1", "png", 600),))
    new = DesignFiles("x-gold", "x", "gold", (Entry("x/x-gold-340.png", "2", "png", 340),))
    drawn = pictures((tmp_path / "a", old), (tmp_path / "b", new))
    assert drawn.total_pixels == 340 * 340 and drawn.changed_pixels == 0
    assert Image.open(__import__("io").BytesIO(drawn.before)).size == (340, 340)
