"""One module per lint rule, named ``mb<code>_<name>``; the table is :mod:`designer.lint.registry`."""
