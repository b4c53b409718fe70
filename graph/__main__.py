"""`python -m graph ...` is the `plankg` command."""

from graph.cli import run

run()
