"""Help a person reads: commands grouped by job, placeholders in words, examples, no Python types.

Typer labels every value with its Python type (``<list[str]>``, ``<int range> [8<=x<=4096]``,
``<bool>`` on a plain flag) and puts required arguments in braces on the usage line. Before the
command runs, :func:`make_readable` walks the whole command tree once and

- puts each command and sub-app in the panel of its job (:data:`PANELS`), so ``medbadge --help``
  reads as *design, build, check, credentials, assets*;
- gives every option that takes a value a placeholder in capitals — the one its declaration names
  (``-o DIR``, ``--sizes SIZES``) or else its own long name (``--base-url BASE_URL``) — and flags
  none;
- shows an argument as its name alone: ``BADGES_YAML`` when required, ``[BADGES_YAML]`` when not.

Each command's own help text and its ``epilog`` (made with :func:`examples`) say the rest. A new
command is grouped by adding its name to :data:`PANELS`; ``tests/cli/test_help.py`` fails for a
command that has no panel, no example or a type in its help.
"""

from __future__ import annotations

from typer import _click
from typer.core import TyperArgument, TyperOption

DESIGN, BUILD, CHECK, CREDENTIALS, ASSETS = "Design", "Build", "Check", "Credentials", "Assets"

#: top-level command (or sub-app) → the panel of its job in ``medbadge --help``
PANELS = {
    "init": DESIGN, "studio": DESIGN, "render": DESIGN,
    "build": BUILD,
    "lint": CHECK, "rules": CHECK, "diff": CHECK,
    "bake": CREDENTIALS, "unbake": CREDENTIALS, "verify": CREDENTIALS, "issue": CREDENTIALS,
    "revoke": CREDENTIALS, "keys": CREDENTIALS,
    "icons": ASSETS, "palettes": ASSETS,
}


def examples(*lines: str) -> str:
    """An epilog listing example command lines, shown at the end of a command's help.

    >>> examples("medbadge lint", "medbadge lint badges.yaml --format sarif -o lint.sarif")
    'Examples:\\n\\n  medbadge lint\\n\\n  medbadge lint badges.yaml --format sarif -o lint.sarif'
    """
    return "Examples:\n\n" + "\n\n".join(f"  {line}" for line in lines)


class _NamedArgument(TyperArgument):
    """An argument shown by its name alone (``BADGES_YAML``, ``[BADGES_YAML]``), without a type."""

    def _usage_display_name(self) -> str:
        name = self.display_name_raw if self.required else f"[{self.display_name_raw}]"
        return name + ("..." if self.nargs != 1 else "")

    def display_type_rich(self, ctx: _click.Context) -> str | None:
        return None

    def _get_number_range_help_str(self) -> str | None:
        return None


class _NamedOption(TyperOption):
    """An option whose value is a placeholder in capitals; a range is said in its help text."""

    def _get_number_range_help_str(self) -> str | None:
        return None


def _placeholder(option: TyperOption) -> str:
    """``2.0|3.0|both`` for a choice, else the long name in capitals (``--base-url`` → ``BASE_URL``)."""
    described = option.type_descriptor
    if described.is_choice and described.choices:
        return "|".join(str(getattr(choice, "value", choice)) for choice in described.choices)
    longest = max(option.opts, key=len).lstrip("-")
    return longest.replace("-", "_").upper()


def _readable_param(param: _click.Parameter) -> None:
    if isinstance(param, TyperArgument):
        if param.metavar is None:
            param.metavar = (param.name or "value").upper()
        param.__class__ = _NamedArgument
    elif isinstance(param, TyperOption):
        if param.is_flag or param.count:
            param.metavar = ""
        elif param.metavar is None:
            param.metavar = _placeholder(param)
        param.__class__ = _NamedOption


def _readable_command(command: _click.Command, parent: _click.Context | None) -> None:
    context = _click.Context(command, parent=parent, info_name=command.name)
    help_option = command.get_help_option(context)  # created once per command and cached there
    for param in [*command.params, *([help_option] if help_option is not None else [])]:
        _readable_param(param)
    for child in getattr(command, "commands", {}).values():
        _readable_command(child, context)


def make_readable(root: _click.Command, help_option_names: list[str]) -> _click.Command:
    """Group ``root``'s commands by job and make every help text free of Python types (in place)."""
    context = _click.Context(root, info_name=root.name, help_option_names=help_option_names)
    commands = getattr(root, "commands", {})
    for name, command in commands.items():
        if name in PANELS:
            command.rich_help_panel = PANELS[name]
    # Panels appear in the order of their first command: list the commands panel by panel.
    order = list(dict.fromkeys(PANELS.values()))
    ranked = sorted(commands.items(), key=lambda item: order.index(PANELS[item[0]]) if item[0] in PANELS else len(order))
    commands.clear()
    commands.update(ranked)
    help_option = root.get_help_option(context)
    for param in [*root.params, *([help_option] if help_option is not None else [])]:
        _readable_param(param)
    for command in getattr(root, "commands", {}).values():
        _readable_command(command, context)
    return root
