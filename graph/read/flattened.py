"""flattened: a table copied out of a web page or a PDF into text, one cell a line, each ending in
a bar (the head's cells first, then each row's):

    指标 |
    单位 |
    2025年完成 |
    增长(%) |
    地区生产总值 |
    亿元 |
    1815.0 |
    3.2 |

The row breaks are lost, so the columns are counted from how such tables are made: the head is
all words, and each row opens with its words (the indicator, its unit) and goes on with numbers.
The first run of words is then the head and the first row's words, the numbers after it the
rest of that row: with R words and then M numbers, a row has (R + M) / 2 cells. The cells are
grouped so, when every row opens with a word; else the lines are left as text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from graph.read.rows import CELL_MAX_CHARS, NUMBER_CELL

if TYPE_CHECKING:  # graph.read.layout imports this module
    from graph.read.layout import Line

_CELL_LINE = re.compile(rf"^[^|]{{0,{CELL_MAX_CHARS}}}\|$")
_NONE = re.compile(r"^[—–\-/]*$")  # a dash or slash standing for no number


@dataclass(frozen=True)
class FlatRow:
    """One row of a flattened table: its cells' lines, in order."""

    lines: tuple[Line, ...]

    @property
    def start(self) -> int:
        return self.lines[0].start

    @property
    def end(self) -> int:
        return self.lines[-1].end

    @property
    def text(self) -> str:
        """The row as its lines read, joined (each cell ends in its bar)."""
        return "".join(line.text for line in self.lines)

    @property
    def offsets(self) -> tuple[int, ...]:
        """Where each character of `text` stands in the file."""
        return tuple(at for line in self.lines for at in range(line.start, line.end))


def flattened_table(lines: list[Line], start: int) -> tuple[tuple[FlatRow, ...], int] | None:
    """The rows of a flattened table whose first cell is lines[start], and the index of the line
    after it; None when no such table begins there."""
    end = start
    while end < len(lines) and _CELL_LINE.match(lines[end].text):
        end += 1
    cells = [line.text[:-1].strip() for line in lines[start:end]]
    width = _row_width(cells)
    if width is None:
        return None
    whole = len(cells) // width * width
    rows = tuple(FlatRow(tuple(lines[at:at + width])) for at in range(start, start + whole, width))
    if any(_numeric(cells[at]) for at in range(width, whole, width)):
        return None  # a row that opens with a number: the count was wrong
    return rows, start + len(rows) * width


def _row_width(cells: list[str]) -> int | None:
    """The cells of a row, counted from the first run of words and the numbers after it."""
    words = next((at for at, cell in enumerate(cells) if _numeric(cell)), len(cells))
    numbers = next((at for at, cell in enumerate(cells[words:]) if not _numeric(cell)), len(cells) - words)
    if numbers == 0 or (words + numbers) % 2 or words <= numbers:
        return None
    width = (words + numbers) // 2
    return width if width >= 2 and len(cells) >= 2 * width else None


def _numeric(cell: str) -> bool:
    """A number, a rate, or a dash or slash standing for none."""
    return bool(NUMBER_CELL.match(cell) or _NONE.match(cell))
