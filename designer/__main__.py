"""``python -m designer``: the same as the ``medbadge`` command."""

from designer.cli import run

run()
