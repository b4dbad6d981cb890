"""Run the ``course`` command with ``python -m build_tools``."""

from .cli import main

main()
