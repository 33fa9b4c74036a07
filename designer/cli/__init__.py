"""The ``medbadge`` command: a thin Typer shell over the public API.

``main(argv) -> int`` is the entry tests call; ``run()`` is the console script. Every
:class:`~designer.base.errors.MedbadgeError` becomes one line on stderr and exit code 2, never a traceback.
Sub-commands live in their own modules beside this one and are mounted here (:func:`_mount_subcommands`,
one import per module); :mod:`designer.cli.help` then groups them by job and makes their help readable.
"""

from __future__ import annotations

import signal
import sys
import threading

import typer
from rich.console import Console
from rich.text import Text

from designer.base import interrupt
from designer.base.errors import MedbadgeError

HELP_OPTION_NAMES = ["-h", "--help"]
app = typer.Typer(
    name="medbadge",
    help="Design, lint and generate tiered badge artwork for medical education.",
    no_args_is_help=True,
    add_completion=True,  # --install-completion / --show-completion for bash, zsh, fish, PowerShell
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": HELP_OPTION_NAMES},
    epilog="Run 'medbadge COMMAND -h' for a command's options and examples.",
)
err_console = Console(stderr=True, highlight=False)


def _show_version(value: bool) -> None:
    if value:
        from designer import __version__

        typer.echo(f"medbadge {__version__}")
        raise typer.Exit()


@app.callback()
def _root(version: bool = typer.Option(False, "--version", callback=_show_version, is_eager=True,
                                       help="Show the version and exit.")) -> None:
    """Design, lint and generate tiered badge artwork for medical education."""


def _mount_subcommands() -> None:
    # Imported here so each module registers its commands on `app` (or returns a sub-app).
    from designer.cli import render  # noqa: F401
    from designer.cli import build  # noqa: F401
    from designer.cli import openbadges  # noqa: F401  (bake, unbake, verify, keys)
    from designer.cli import lint  # noqa: F401
    from designer.cli import studio  # noqa: F401
    from designer.cli import palettes  # noqa: F401  (palettes derive)
    from designer.cli import init  # noqa: F401  (init: a starter badge set)
    from designer.cli import diff  # noqa: F401  (medbadge diff)
    from designer.cli import rules  # noqa: F401
    from designer.cli.icons import icons_app

    if not any(group.name == "icons" for group in app.registered_groups):
        app.add_typer(icons_app, name="icons", help="List, search, show, import icons; print a specimen sheet.")
    # A new command module is one import line above; its panel in `medbadge --help` (the job it
    # does) is its entry in designer.cli.help.PANELS, which tests/cli/test_help.py checks.


def main(argv: list[str] | None = None) -> int:
    """Run the CLI with ``argv`` (default: ``sys.argv[1:]``) and return the exit code."""
    from designer.cli.help import make_readable

    _mount_subcommands()
    command = make_readable(typer.main.get_command(app), HELP_OPTION_NAMES)
    previous_handler = None
    if threading.current_thread() is threading.main_thread():
        previous_handler = signal.signal(signal.SIGINT, interrupt.handler)
    try:
        result = command.main(args=argv if argv is not None else sys.argv[1:], prog_name="medbadge", standalone_mode=False)
    except MedbadgeError as error:
        err_console.print(Text.assemble(("error: ", "bold red"), str(error)), soft_wrap=True)
        return error.exit_code
    except typer.Abort:
        err_console.print("aborted")
        return 130
    except typer.Exit as done:
        return done.exit_code
    except typer.exceptions.TyperException as error:  # usage errors: unknown option, missing argument
        if hasattr(error, "show"):
            error.show()
        else:
            err_console.print(f"error: {error}")
        return 2
    except (interrupt.Interrupted, KeyboardInterrupt):
        err_console.print("interrupted")
        return 130
    finally:
        if previous_handler is not None:
            signal.signal(signal.SIGINT, previous_handler)
    return result if isinstance(result, int) else 0



def run() -> None:  # pragma: no cover - console-script wrapper
    sys.exit(main())
