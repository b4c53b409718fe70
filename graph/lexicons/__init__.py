"""General-purpose lexicons, as data files beside this module.

Each file opens with '#' lines saying what it holds and where its content comes from; the rows
are tab-separated. Nothing here is taken from a particular report.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files


@cache
def rows(name: str) -> tuple[tuple[str, ...], ...]:
    """The rows of a lexicon file, header comments and blank lines skipped."""
    text = files(__package__).joinpath(name).read_text(encoding="utf-8")
    return tuple(
        tuple(line.split("\t"))
        for line in text.splitlines()
        if line.strip() and not line.startswith("#")
    )


@cache
def column(name: str, index: int = 0) -> tuple[str, ...]:
    return tuple(row[index] for row in rows(name))
