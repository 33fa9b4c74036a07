"""``python -m designer.cli``: the same as the ``medbadge`` command."""

from designer.cli import run

run()
