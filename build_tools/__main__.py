"""Run the ``course`` command with ``python -m build_tools``."""

from .console import run

run()
