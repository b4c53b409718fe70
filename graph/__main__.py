"""`python -m graph ...` is the `plankg` command."""

from graph.cli import main

main()
