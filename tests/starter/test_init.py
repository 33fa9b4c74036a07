"""``medbadge init``: every set it writes loads, builds and lints clean with every rule; it never
replaces a file; on a terminal it asks (driven here through a real pseudo-terminal)."""

from __future__ import annotations

import json
import os
import re
import select
import subprocess
import sys
import time
from pathlib import Path

import pytest

import designer
from designer.cli import main
from designer.frameworks import names as framework_names

SCHOOL = ["--school", "Northfield School of Medicine", "--url", "https://northfield-med.example"]


def init(capsys, *args) -> tuple[int, str, str]:
    code = main(["init", *map(str, args)])
    out, err = capsys.readouterr()
    return code, out, err


def lint_codes(path: Path) -> list[str]:
    return [f"{v.code} {v.message} [{v.badge}/{v.tier}]" for v in designer.lint(designer.load(path))]


@pytest.mark.parametrize("framework", [*framework_names(), "none"])
def test_each_framework_gives_a_set_that_builds_and_lints_clean(capsys, tmp_path, framework):
    target = tmp_path / "badges"
    code, out, err = init(capsys, target, *SCHOOL, "--framework", framework, "--no-input")
    assert code == 0, err
    path = target / "badges.yaml"
    badge_set = designer.load(path)
    expected = {"aamc-core-epas": 13, "acgme-core-competencies": 6, "canmeds-2015": 7, "none": 3}[framework]
    assert len(badge_set.model.badges) == expected
    assert lint_codes(path) == []  # every rule is enabled by default
    assert main(["build", str(path), "-o", str(target / "dist"), "--sizes", "64", "--jobs", "1", "-q"]) == 0
    assert (target / "dist" / "index.html").is_file()
    first = badge_set.model.badges[0]
    tier = badge_set.model.tiers[0].id if isinstance(badge_set.model.tiers, list) else "foundation"
    achievement = json.loads((target / "dist" / first.id / f"{first.id}-{tier}.achievement.json").read_text("utf-8"))
    if framework != "none":  # the alignment reaches the Open Badges metadata
        assert achievement["alignment"][0]["targetCode"] == first.alignment[0].code
        assert achievement["alignment"][0]["targetUrl"].startswith("https://")
    lines = out.strip().splitlines()
    assert lines[-3:] == ["next:", f"  medbadge lint {path}", f"  medbadge build {path} -o {target / 'dist'}"]


def test_a_framework_set_aligns_each_badge_and_maps_the_levels_to_tiers(capsys, tmp_path):
    assert init(capsys, tmp_path / "s", *SCHOOL, "-f", "aamc-core-epas", "--no-input")[0] == 0
    text = (tmp_path / "s" / "badges.yaml").read_text("utf-8")
    model = designer.load(tmp_path / "s" / "badges.yaml").model
    first = model.badges[0]
    assert first.alignment[0].framework == "AAMC Core EPAs" and first.alignment[0].code == "EPA 1"
    assert first.alignment[0].name == "Gather a history and perform a physical examination"
    assert first.alignment[0].url.startswith("https://www.aamc.org/")
    assert [t.id for t in model.tiers] == ["direct-supervision", "indirect-supervision", "unsupervised",
                                          "supervises-others"]
    assert [t.pips for t in model.tiers] == [1, 2, 3, 4] and model.tiers[-1].laurel
    assert "# Level 3: performs the activity with indirect, reactive supervision" in text
    assert re.search(r"icon: consent-form  # icon search score \d+; next best: \w", text)
    assert "doi:10.1097/ACM.0000000000003427" in text  # the scale's source travels with the set


@pytest.mark.parametrize("template", ["mixed", "rosette", "seal", "shield"])
def test_every_template_choice_gives_a_clean_set(capsys, tmp_path, template):
    """A title that a one-line slot cannot hold is moved to a template that can, and says so."""
    target = tmp_path / template
    assert init(capsys, target, *SCHOOL, "-f", "aamc-core-epas", "-t", template, "--no-input")[0] == 0
    assert lint_codes(target / "badges.yaml") == []
    model = designer.load(target / "badges.yaml").model
    if template == "mixed":  # each in turn, skipping those whose slot cannot hold the title
        assert len({badge.template for badge in model.badges}) >= 3


def test_a_school_list_becomes_the_set(capsys, tmp_path):
    (tmp_path / "outcomes.csv").write_text(
        "code,name,title,description,criteria,icon_terms\n"
        "GO1,Provides safe clinical care,Clinical Care,Cares for patients safely and kindly.,"
        "Observed encounters on every placement.,patient care\n"
        "GO2,Teaches peers,Peer Teaching,Teaches peers and juniors clearly and kindly.,"
        "A peer-teaching session observed by a tutor.,teacher;mentor\n", encoding="utf-8")
    code, _, err = init(capsys, tmp_path / "s", *SCHOOL, "-f", tmp_path / "outcomes.csv", "--no-input")
    assert code == 0, err
    model = designer.load(tmp_path / "s" / "badges.yaml").model
    assert [b.icon for b in model.badges] == ["hospital-bed", "teacher"]
    assert model.badges[0].alignment[0].framework == "Outcomes" and model.tiers == "four-metals"
    assert lint_codes(tmp_path / "s" / "badges.yaml") == []


def test_a_brand_colour_gives_a_derived_checked_palette(capsys, tmp_path):
    target = tmp_path / "s"
    code, out, err = init(capsys, target, *SCHOOL, "-c", "#7a1f5c", "-f", "canmeds-2015", "--no-input")
    assert code == 0, err
    palette = target / "palettes" / "northfield-school-of-medicine.toml"
    assert palette.is_file() and 'key = "#7a1f5c"' in palette.read_text("utf-8")
    assert "palette 'northfield-school-of-medicine' derived from #7a1f5c: the contrast and tier rules pass" in out
    model = designer.load(target / "badges.yaml").model
    assert model.brand.palette == "northfield-school-of-medicine" and model.paths.palettes == ["palettes"]
    assert lint_codes(target / "badges.yaml") == []


def test_it_never_replaces_a_file(capsys, tmp_path):
    target = tmp_path / "s"
    target.mkdir()
    (target / "badges.yaml").write_text("mine\n", encoding="utf-8")
    code, _, err = init(capsys, target, *SCHOOL, "--no-input")
    assert code == 2 and "badges.yaml exists" in err and "never replaces" in err
    assert (target / "badges.yaml").read_text("utf-8") == "mine\n"
    assert sorted(p.name for p in target.iterdir()) == ["badges.yaml"]


def test_an_existing_palette_file_stops_it_and_nothing_is_left(capsys, tmp_path):
    target = tmp_path / "s"
    (target / "palettes").mkdir(parents=True)
    mine = target / "palettes" / "northfield-school-of-medicine.toml"
    mine.write_text("# mine\n", encoding="utf-8")
    code, _, err = init(capsys, target, *SCHOOL, "-c", "#0b5563", "--no-input")
    assert code == 2 and "exists" in err
    assert mine.read_text("utf-8") == "# mine\n" and not (target / "badges.yaml").exists()
    assert sorted(p.name for p in target.rglob("*")) == ["northfield-school-of-medicine.toml", "palettes"]


@pytest.mark.parametrize("args, message", [
    (["--no-input"], "--school and --url are needed when init cannot ask"),
    ([*SCHOOL[:2], "--url", "http://northfield.example", "--no-input"], "is not an https address"),
    ([*SCHOOL, "-t", "sael", "--no-input"], "unknown template 'sael' (did you mean 'seal' or 'shield'?)"),
    ([*SCHOOL, "-f", "canmeds", "--no-input"], "unknown framework 'canmeds'"),
    ([*SCHOOL, "-c", "#12345", "--no-input"], "#12345"),
    ([*SCHOOL, "--email", "nobody", "--no-input"], "'nobody' is not an e-mail address"),
    (["--school", "Bell\x07School", *SCHOOL[2:], "--no-input"], "the school name holds a control or unassigned character"),
])
def test_bad_answers_exit_2_and_write_nothing(capsys, tmp_path, args, message):
    code, _, err = init(capsys, tmp_path / "s", *args)
    assert code == 2 and message in err and "Traceback" not in err
    assert not (tmp_path / "s").exists()


# ------------------------------------------------------------------ on a terminal

ANSI = re.compile(r"\x1b\[[0-9;?]*[a-zA-Z]")


def _own_terminal() -> None:
    """In the child: a session of its own whose controlling terminal is the pty, so Ctrl-C typed
    there reaches it as SIGINT, as in a real shell."""
    import fcntl
    import termios

    os.setsid()
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)


class Terminal:
    """``medbadge init`` in a real pseudo-terminal: wait for a prompt, type an answer."""

    def __init__(self, *args: str, cwd: Path):
        master, slave = os.openpty()
        env = {**os.environ, "TERM": "dumb", "NO_COLOR": "1", "COLUMNS": "200"}
        self.process = subprocess.Popen([sys.executable, "-m", "designer", "init", *args], stdin=slave,
                                        stdout=slave, stderr=slave, cwd=cwd, env=env, close_fds=True,
                                        preexec_fn=_own_terminal)
        os.close(slave)
        self.master, self.seen = master, ""

    def expect(self, text: str, timeout: float = 60) -> str:
        end = time.monotonic() + timeout
        while text not in ANSI.sub("", self.seen):
            left = end - time.monotonic()
            assert left > 0, f"waited for {text!r}; the terminal shows:\n{self.seen[-2000:]}"
            ready, _, _ = select.select([self.master], [], [], left)
            if ready:
                try:
                    chunk = os.read(self.master, 4096)
                except OSError:  # the child closed the terminal
                    chunk = b""
                assert chunk, f"init ended before {text!r}:\n{self.seen[-2000:]}"
                self.seen += chunk.decode("utf-8", "replace")
        shown = ANSI.sub("", self.seen)
        self.seen = shown[shown.index(text) + len(text):]
        return shown

    def type(self, answer: str) -> None:
        os.write(self.master, answer.encode() + b"\r")

    def wait_reading(self, timeout: float = 30) -> None:
        """Wait until the child blocks reading its terminal. A Ctrl-C that lands between printing a
        prompt and the read() (CPython runs the handler only when read() is interrupted) is held
        until the next key; a person cannot press it in that window, a test under load can."""
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            try:
                call = (Path("/proc") / str(self.process.pid) / "syscall").read_text().split()
            except OSError:
                time.sleep(0.5)  # no /proc/PID/syscall here: give it time instead
                return
            if call[:2] in (["0", "0x0"], ["63", "0x0"]):  # read(0, …) on x86_64, aarch64
                return
            time.sleep(0.01)
        raise AssertionError("init never read its terminal")

    def close(self) -> int:
        """The exit code; a child still running 60 s on (a test that failed mid-way) is killed."""
        try:
            return self.process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            self.process.kill()
            return self.process.wait()
        finally:
            while select.select([self.master], [], [], 0.2)[0]:  # what it printed last
                try:
                    chunk = os.read(self.master, 4096)
                except OSError:
                    break
                if not chunk:
                    break
                self.seen += chunk.decode("utf-8", "replace")
            os.close(self.master)


def test_on_a_terminal_it_asks_and_asks_again_after_a_bad_answer(tmp_path):
    term = Terminal("school", cwd=tmp_path)
    try:
        term.expect("School name")
        term.type("Northfield School of Medicine")
        term.expect("Issuer URL")
        term.type("northfield-med.example")  # not https: asked again
        term.expect("is not an https address")
        term.expect("Issuer URL")
        term.type("https://northfield-med.example")
        term.expect("Brand colour")
        term.type("")  # the built-in palette
        term.expect("canmeds-2015: CanMEDS 2015 Physician Competency Framework (7 items)")
        term.expect("Framework")
        term.type("acgme-core-competencies")
        term.expect("Template")
        term.type("shield")
        rest = term.expect("medbadge build school/badges.yaml -o school/dist")
        assert "wrote school/badges.yaml" in rest and "6 badges: ACGME Core Competencies" in rest
    finally:
        code = term.close()
    assert code == 0
    model = designer.load(tmp_path / "school" / "badges.yaml").model
    assert model.issuer.url == "https://northfield-med.example" and model.defaults.template == "shield"
    assert [b.alignment[0].code for b in model.badges] == ["PC", "MK", "PBLI", "ICS", "PROF", "SBP"]


def test_on_a_terminal_flags_skip_their_questions(tmp_path):
    term = Terminal("s", *SCHOOL, "-f", "none", "-t", "seal", cwd=tmp_path)
    try:
        term.expect("Brand colour")
        term.type("")
        rest = term.expect("medbadge build s/badges.yaml -o s/dist")
        assert "School name" not in rest and "Framework" not in rest
    finally:
        assert term.close() == 0


def test_without_a_terminal_it_never_waits(tmp_path):
    """Input that is not a terminal (a script, CI) is never read: missing answers are an error."""
    done = subprocess.run([sys.executable, "-m", "designer", "init", "s"], cwd=tmp_path, input="",
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 2 and "--school and --url are needed" in done.stderr


def test_ctrl_c_at_a_question_stops_and_writes_nothing(tmp_path):
    term = Terminal("s", cwd=tmp_path)
    try:
        term.expect("School name")
        term.type("Northfield School of Medicine")
        term.expect("Issuer URL")
        term.wait_reading()
        os.write(term.master, b"\x03")  # the line discipline turns it into SIGINT
    finally:
        code = term.close()
    shown = ANSI.sub("", term.seen)
    assert code == 130 and not (tmp_path / "s").exists()
    assert re.search(r"(aborted|interrupted)\r?\n", shown) and "Traceback" not in shown, shown


def test_a_yaml_list_with_levels_gets_its_own_tiers(capsys, tmp_path):
    levels = "".join(f"  - {{id: year-{n}, label: Year {n}, name: The outcome as expected in year {n}}}\n"
                     for n in range(2, 6))
    (tmp_path / "outcomes.yaml").write_text(
        "title: Northfield Graduate Outcomes\nalignment_name: Northfield Outcomes\n"
        "url: https://northfield-med.example/outcomes\nlevels:\n" + levels
        + "items:\n  - {code: GO1, name: Provides safe clinical care, title: Clinical Care,"
          " description: Cares for patients safely and kindly., criteria: Observed encounters on every placement.,"
          " icon_terms: [patient care]}\n", encoding="utf-8")
    code, _, err = init(capsys, tmp_path / "s", *SCHOOL, "-f", tmp_path / "outcomes.yaml", "--no-input")
    assert code == 0, err
    model = designer.load(tmp_path / "s" / "badges.yaml").model
    assert [t.label for t in model.tiers] == ["Year 2", "Year 3", "Year 4", "Year 5"]
    assert model.badges[0].alignment[0].url == "https://northfield-med.example/outcomes"
    assert lint_codes(tmp_path / "s" / "badges.yaml") == []


def test_an_item_no_icon_fits_gets_the_symbol_of_medicine_and_a_note(capsys, tmp_path):
    (tmp_path / "list.csv").write_text(
        "code,name,title,description,criteria,icon_terms\n"
        "X1,Quantum widgetry,Widgetry,Builds quantum widgets with care.,A widget built under observation.,zzqx\n",
        encoding="utf-8")
    code, out, err = init(capsys, tmp_path / "s", *SCHOOL, "-f", tmp_path / "list.csv", "--no-input")
    assert code == 0, err
    assert "no icon fits 'Widgetry' well, so it has 'rod-of-asclepius'" in out
    assert designer.load(tmp_path / "s" / "badges.yaml").model.badges[0].icon == "rod-of-asclepius"


def test_a_template_lint_found_crowded_is_avoided_for_that_badge():
    """The placer's side of the lint round: a badge with findings on its template goes to the next
    template in turn that holds its texts, and the note says why."""
    from designer import frameworks
    from designer.starter.create import _TemplatePlacer

    item = frameworks.get("canmeds-2015").item("scholar")
    placer = _TemplatePlacer("seal", [])
    assert placer.template_for(0, item, True) == (None, "")
    template, why = placer.template_for(0, item, True, {"seal"})
    assert template != "seal" and why == f"'Scholar' is set on the {template}, not the seal: lint finds its texts crowded there"
    assert placer.can_move(item, True, {"seal"}) and not placer.can_move(item, True, set(placer.usable))
