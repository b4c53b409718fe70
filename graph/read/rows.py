"""How a table is written into the text plankg reads from a Word file or a web page: one row a
line, its cells between bars (| 指标 | 单位 | 2025年计划 | 2025年完成 |).

A table row is no sentence: graph.read.layout keeps such lines apart, and graph.extract.tables
reads their figures by the table's head row. Only a table of data is written so: two rows or
more of two cells or more, each short (a page laid out in a table of one big cell is text).
"""

from __future__ import annotations

import re

CELL_MAX_CHARS = 60  # a cell of a table of data is a name, a unit or a number, not a paragraph
# a cell that is a number: a value, a rate (5.1%), a rate per mille
NUMBER_CELL = re.compile(r"^[-−－+]?[0-9０-９]+(?:\.[0-9０-９]+)?[%‰]?$")
_SPACES = re.compile(r"\s+")


def row_line(cells: list[str]) -> str:
    """One row as a line of the text: each cell's text on one line, a bar in it made a slash."""
    return "| " + " | ".join(_SPACES.sub(" ", cell).strip().replace("|", "/") for cell in cells) + " |"


def is_data_table(rows: list[list[str]]) -> bool:
    """Whether rows of cell texts are a table of data, not a page laid out in a table."""
    wide = [row for row in rows if len(row) >= 2]
    return len(wide) >= 2 and all(len(cell) <= CELL_MAX_CHARS for row in rows for cell in row)
