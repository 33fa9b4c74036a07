"""``medbadge init [DIR]``: write a starter badge set, from a competency framework or three basic badges.

A thin shell over :mod:`designer.starter`: on a terminal it asks for what the flags did not give
(school name, issuer URL, brand colour, framework, template); with ``--no-input``, or when input
is not a terminal, it takes the flags and defaults and never waits. It never replaces a file, and
ends by printing the next two commands to run.

Exit codes: 0 written; 2 bad input (a bad answer, an existing ``badges.yaml``, a school list with
problems — each named at its line) or a palette that cannot be derived from the brand colour.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Callable, Optional

import typer
from rich.console import Console
from rich.markup import escape

from designer.cli import app
from designer.cli.help import examples
from designer.base.errors import MedbadgeError, display_path

console = Console(highlight=False)


def _ask(question: str, check: Callable[[str], str | None], default: str | None = None) -> str:
    """Ask until the answer passes ``check`` (which returns a problem, or None)."""
    while True:
        answer = typer.prompt(question, default=default, show_default=bool(default))
        answer = answer.strip()
        problem = check(answer)
        if problem is None:
            return answer
        console.print(f"[red]{escape(problem)}[/]")


def _problem_of(options_for: Callable[[str], object]) -> Callable[[str], str | None]:
    from designer.starter.create import check_options

    def check(answer: str) -> str | None:
        problems = check_options(options_for(answer))
        return problems[0].text if problems else None

    return check


@app.command("init", epilog=examples(
    "medbadge init northfield --framework aamc-core-epas",
    "medbadge init northfield --school 'Northfield School of Medicine' --url https://northfield-med.example "
    "--brand-colour '#0b5563' --framework canmeds-2015 --template mixed --no-input",
    "medbadge init northfield -s 'Northfield School of Medicine' -u https://northfield-med.example "
    "-f outcomes.csv --no-input"))
def init_command(
    directory: Path = typer.Argument(Path("."), metavar="DIR", show_default=False,
                                     help="Folder for the new badge set (created if missing; default: here)."),
    school: Optional[str] = typer.Option(None, "--school", "-s", metavar="NAME",
                                         help="The school's name (the badge issuer)."),
    url: Optional[str] = typer.Option(None, "--url", "-u", metavar="URL", help="The school's https address."),
    email: Optional[str] = typer.Option(None, "--email", metavar="EMAIL",
                                        help="Issuer e-mail (default: badges@ the URL's host)."),
    brand_colour: Optional[str] = typer.Option(None, "--brand-colour", "--brand-color", "-c", metavar="COLOUR",
                                               help="Brand colour: a palette is derived and checked from it."),
    framework: Optional[str] = typer.Option(None, "--framework", "-f", metavar="NAME|FILE",
                                            help="aamc-core-epas, acgme-core-competencies, canmeds-2015, none, "
                                                 "or your own list as a .csv or .yaml file."),
    template: Optional[str] = typer.Option(None, "--template", "-t", metavar="TEMPLATE",
                                           help="seal, shield, hexagon, rosette, rounded-square, or mixed."),
    no_input: bool = typer.Option(False, "--no-input", help="Never ask: take the flags and defaults."),
) -> int:
    """Write a starter badge set: one badge per competency, lint-clean out of the box."""
    from designer import frameworks
    from designer.base.color import Color, ColorParseError
    from designer.starter.create import DEFAULT_TEMPLATE, StarterOptions, plan, template_choices, write

    interactive = not no_input and sys.stdin.isatty()
    if interactive:
        console.print("[bold]medbadge init[/]: a starter badge set in "
                      f"{escape(display_path(directory))} (Ctrl-C to stop; nothing is written until the end)")
        if school is None:
            school = _ask("School name", _problem_of(lambda a: StarterOptions(directory, a, "https://x.example")))
        if url is None:
            url = _ask("Issuer URL (https://...)", _problem_of(lambda a: StarterOptions(directory, school, a)))
        if brand_colour is None:
            def colour_problem(answer: str) -> str | None:
                try:
                    Color.parse(answer) if answer else None
                except ColorParseError as error:
                    return str(error)
                return None
            brand_colour = _ask("Brand colour (#rrggbb; empty for the built-in harbour palette)", colour_problem,
                                default="") or None
        if framework is None:
            choices = [*frameworks.names(), "none"]
            for name in frameworks.names():
                fw = frameworks.get(name)
                console.print(f"  [bold]{name}[/]: {escape(fw.title)} ({len(fw.items)} items)")
            console.print("  [bold]none[/]: three basic badges; or the path of your own .csv or .yaml list")
            framework = _ask(f"Framework [{'/'.join(choices)}/FILE]",
                             lambda a: None if a in choices or Path(a).suffix.lower() in (".csv", ".yaml", ".yml")
                             else f"choose one of {', '.join(choices)}, or a .csv/.yaml file", default="none")
        if template is None:
            template = _ask(f"Template [{'/'.join(template_choices())}]",
                            lambda a: None if a in template_choices() else f"choose one of {', '.join(template_choices())}",
                            default=DEFAULT_TEMPLATE)
    missing = [flag for flag, value in (("--school", school), ("--url", url)) if value is None]
    if missing:
        raise MedbadgeError(f"{' and '.join(missing)} {'is' if len(missing) == 1 else 'are'} needed when init cannot ask",
                            hint='e.g. medbadge init DIR --school "Northfield School of Medicine" '
                                 "--url https://northfield-med.example --no-input")
    starter = plan(StarterOptions(directory, school, url, email=email, brand_colour=brand_colour,
                                  framework=None if framework in (None, "none") else framework,
                                  template=template or DEFAULT_TEMPLATE))
    written = write(starter)
    what = starter.framework.title if starter.framework.name != "starter" else "basic starter badges"
    for path in written:
        console.print(f"wrote {escape(display_path(path))}", soft_wrap=True)
    console.print(f"{starter.badge_count} badges: {escape(what)}", soft_wrap=True)
    for note in starter.notes:
        console.print(f"[yellow]note:[/] {escape(note)}", soft_wrap=True)
    shown = display_path(starter.badge_set)
    console.print("next:")  # the two commands, whole on their lines so they can be copied
    console.print(f"  medbadge lint {escape(shown)}", soft_wrap=True)
    console.print(f"  medbadge build {escape(shown)} -o {escape(display_path(starter.directory / 'dist'))}",
                  soft_wrap=True)
    return 0
