"""``medbadge`` help a person reads: every command has an example, placeholders in words, defaults,
commands grouped by job, ``--version``/``-h``, shell completion and ``python -m designer``."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest
import typer

from designer import __version__
from designer.cli import HELP_OPTION_NAMES, _mount_subcommands, app, main
from designer.cli.help import PANELS, make_readable


def command_paths() -> list[list[str]]:
    """Every command and sub-command, as the words that call it (``["icons", "show"]``)."""
    _mount_subcommands()
    root = make_readable(typer.main.get_command(app), HELP_OPTION_NAMES)
    found = []

    def walk(command, words):
        for name, child in getattr(command, "commands", {}).items():
            found.append([*words, name])
            walk(child, [*words, name])
    walk(root, [])
    return found


COMMANDS = command_paths()
LEAVES = [words for words in COMMANDS if not any(other[:-1] == words for other in COMMANDS)]


def help_text(capsys, monkeypatch, *words: str) -> str:
    monkeypatch.setenv("COLUMNS", "200")  # one line per option: the assertions read whole phrases
    assert main([*words, "--help"]) == 0
    return capsys.readouterr().out


@pytest.mark.parametrize("words", LEAVES, ids=" ".join)
def test_every_command_has_an_example_and_no_python_types(capsys, monkeypatch, words):
    text = help_text(capsys, monkeypatch, *words)
    assert "Examples:" in text
    examples = text.split("Examples:")[1]
    assert f"medbadge {' '.join(words)}" in examples or (words == ["lint"] and "medbadge lint" in examples)
    for python_type in ("<bool>", "<str>", "<int>", "<path>", "list[", "range]", "<=x<=", "{", "}"):
        assert python_type not in text, (python_type, text)
    assert not re.search(r"<\w[\w\[\]| ]*>", text), text


def test_arguments_and_values_have_readable_placeholders(capsys, monkeypatch):
    build = help_text(capsys, monkeypatch, "build")
    assert re.search(r"Usage: medbadge build \[OPTIONS\] \[?BADGES_YAML\b", build)
    assert re.search(r"--sizes\s+SIZES\s", build) and re.search(r"--output\s+-o\s+DIR\s", build)
    assert re.search(r"--quiet\s+-q\s+Print only the summary", build)  # a flag: no placeholder
    icons = help_text(capsys, monkeypatch, "icons", "show")
    assert re.search(r"--size\s+SIZE\s+PNG size in px, 8 to 4096", icons)
    issue = help_text(capsys, monkeypatch, "issue")
    assert re.search(r"--version\s+2\.0\|3\.0\|both\s", issue)


@pytest.mark.parametrize("command", ["lint", "build", "studio"])
def test_square_brackets_in_help_are_shown_not_taken_for_markup(capsys, monkeypatch, command):
    assert "[tool.medbadge] badge-set in pyproject.toml" in help_text(capsys, monkeypatch, command)


def test_defaults_are_shown(capsys, monkeypatch):
    text = help_text(capsys, monkeypatch, "lint")
    assert re.search(r"--fail-level\s+error\|warning\|info\s.*\[default: \(error, or the lint configuration's\)\]", text)
    assert "[default: text]" in text


def test_commands_are_grouped_by_job(capsys, monkeypatch):
    text = help_text(capsys, monkeypatch)
    panels = re.findall(r"╭─ (\w+) ─", text)
    assert panels == ["Options", "Design", "Build", "Check", "Credentials", "Assets"]
    for words in COMMANDS:
        if len(words) == 1:
            assert words[0] in PANELS, f"medbadge {words[0]} has no panel in designer.cli.help.PANELS"
    design = text.split("╭─ Design")[1].split("╭─ Build")[0]
    listed = re.findall(r"^│ (\w+) ", design, flags=re.M)
    assert {"studio", "render"} <= set(listed) and "lint" not in listed


def test_version_and_short_help(capsys):
    assert main(["--version"]) == 0
    assert capsys.readouterr().out == f"medbadge {__version__}\n"
    assert main(["-h"]) == 0 and "Usage: medbadge" in capsys.readouterr().out
    assert main(["build", "-h"]) == 0 and "Usage: medbadge build" in capsys.readouterr().out


def run_medbadge(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "designer", *args], capture_output=True, text=True, timeout=60,
                          env={**os.environ, **(env or {})})


def test_shell_completion_is_installable_and_completes():
    script = run_medbadge("--show-completion", "bash")
    assert script.returncode == 0 and "_MEDBADGE_COMPLETE=complete_bash" in script.stdout
    # What the installed script asks the program: the words so far, and where the cursor is.
    done = run_medbadge(env={"_MEDBADGE_COMPLETE": "complete_bash", "COMP_WORDS": "medbadge bu", "COMP_CWORD": "1"})
    assert done.returncode == 0 and done.stdout.split() == ["build"]
    done = run_medbadge(env={"_MEDBADGE_COMPLETE": "complete_bash", "COMP_WORDS": "medbadge lint --fail-",
                             "COMP_CWORD": "2"})
    assert done.stdout.split() == ["--fail-level"]


def test_install_completion_writes_the_script_and_sources_it(tmp_path):
    done = run_medbadge("--install-completion", "bash", env={"HOME": str(tmp_path)})
    assert done.returncode == 0, done.stderr
    script = tmp_path / ".bash_completions" / "medbadge.sh"
    assert "_MEDBADGE_COMPLETE=complete_bash" in script.read_text(encoding="utf-8")
    assert f"source '{script}'" in (tmp_path / ".bashrc").read_text(encoding="utf-8")


def test_python_dash_m_designer_is_the_command():
    done = run_medbadge("--version")
    assert done.returncode == 0 and done.stdout == f"medbadge {__version__}\n"
