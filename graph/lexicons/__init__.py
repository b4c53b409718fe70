"""General-purpose lexicons, as data files beside this module.

Each file opens with '#' lines saying what it holds and where its content comes from; the rows
are tab-separated. Nothing here is taken from a particular report.

A word list whose words play different parts keeps the part in its second column, as one or
more tags separated by commas (bound_words.tsv: 以上 stands after a unit and after a rate);
words(name, tag) gives the words of one part, in the order the file lists them.
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


@cache
def words(name: str, tag: str | None = None) -> tuple[str, ...]:
    """The words of a word list (its first column), in file order; with a tag, only the words
    whose second column lists it: words("growth_words.tsv", "falling") -> 下降, 减少 …"""
    return tuple(row[0] for row in rows(name) if tag is None or tag in tags(row))


def tags(row: tuple[str, ...]) -> tuple[str, ...]:
    """The tags of a row: its second column split at commas ('-' or no column: none)."""
    if len(row) < 2 or row[1] == "-":
        return ()
    return tuple(row[1].split(","))
