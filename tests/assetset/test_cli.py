"""``medbadge build`` on the command line: filters, bad values, progress and summary."""

from __future__ import annotations

import pytest

from designer.cli import main
from tests.assetset.conftest import snapshot


def run(capsys, *args):
    code = main(["build", *map(str, args)])
    out, err = capsys.readouterr()
    return code, out, err


def test_filters_take_repeats_and_comma_lists(capsys, small_set, tmp_path):
    out = tmp_path / "dist"
    code, _, _ = run(capsys, small_set, "-o", out, "--badge", "history-taking,clinical-reasoning",
                     "--tier", "foundation", "--tier", "advanced", "--sizes", "64,96@2x", "--format", "png,svg",
                     "--jobs", "1", "-q")
    assert code == 0
    files = sorted(p for p in snapshot(out) if not p.startswith(".") and "/" in p)
    assert len(files) == 2 * 2 * 3 and not any(p.endswith(".json") for p in files)
    assert "history-taking/history-taking-advanced-96@2x.png" in files
    assert not any("proficient" in p or "physical" in p for p in files)


@pytest.mark.parametrize("args, message", [
    (["--sizes", "64,abc"], "--sizes: 'abc' is not a size"),
    (["--sizes", "8"], "--sizes: 8 is out of range"),
    (["--format", "svg,gif"], "--format: unknown format 'gif'"),
    (["--badge", "history-takin"], "unknown badge 'history-takin' (did you mean 'history-taking'?)"),
    (["--tier", "gold"], "unknown tier 'gold'"),
    (["--jobs", "-1"], "--jobs -1 is negative"),
])
def test_bad_values_exit_2_and_touch_nothing(capsys, small_set, tmp_path, args, message):
    out = tmp_path / "dist"
    assert run(capsys, small_set, "-o", out, "--sizes", "64", "--jobs", "1", "-q")[0] == 0
    before = snapshot(out)
    code, _, err = run(capsys, small_set, "-o", out, *args)
    assert code == 2 and message in err
    assert snapshot(out) == before


def test_quiet_prints_only_the_summary_and_plain_lines_otherwise(capsys, small_set, tmp_path):
    out = tmp_path / "dist"
    code, stdout, err = run(capsys, small_set, "-o", out, "--badge", "history-taking", "--sizes", "64", "-q")
    assert code == 0 and err == ""
    assert stdout.startswith("built ") and "4 designs (4 rendered, 0 unchanged)" in stdout
    code, stdout, err = run(capsys, small_set, "-o", out, "--badge", "history-taking", "--sizes", "64,96")
    assert code == 0 and "4 rendered, 0 unchanged" in stdout and "written" in stdout
    lines = err.splitlines()  # in the order the workers finish
    assert [line.split()[0] for line in lines] == [f"[{i}/4]" for i in range(1, 5)]
    assert sorted(line.split()[2] for line in lines) == sorted(
        f"history-taking-{t}" for t in ("foundation", "proficient", "advanced", "distinguished"))
    code, stdout, err = run(capsys, small_set, "-o", out, "--badge", "history-taking", "--sizes", "64,96")
    assert code == 0 and err == "" and "is up to date: 4 designs, 21 files unchanged" in stdout  # reused: not listed
