"""The tables of a PDF's page: those drawn with ruling lines, and three-line tables.

A table as Word prints it has a rule round every cell; pdfplumber's table finder builds its cells
from the page's lines and rectangles, a cell spanning columns or rows included. A table as
statistics offices set it (三线表) has rules across only: above the head, below it and below the
last row. Its columns and rows are where its words stand, so inside three rules or more of one
width it is read by pdfplumber's text strategy, and kept only if it reads as a table of data
(numbers in most rows, no sentence in a cell), since words of a paragraph line up too where a
page is set on a grid of characters, between the rules under a 公文's header and title and above
its footer.

A frame drawn round a paragraph is no table (graph.read.rows.is_data_table), and its text is
read as text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from graph.read.rows import NUMBER_CELL, is_data_table

RULES_OF_A_TABLE = 3  # a three-line table's: above the head, below it, below the last row
RULE_MIN_WIDTH = 100.0  # points: a rule across a table, not a word's underline
SAME_EXTENT = 3.0  # points the ends of a table's rules may stand apart
TEXT_STRATEGY = {"vertical_strategy": "text", "horizontal_strategy": "text"}
_SENTENCE = re.compile(r"[。；;！？]")
_CELL_WRAP = re.compile(r"(?<=[\u4e00-\u9fff])[ \t]*\n[ \t]*(?=[\u4e00-\u9fff])")


@dataclass(frozen=True)
class PdfRow:
    top: float  # from the page's top edge
    bottom: float
    cells: tuple[str, ...]  # one a column


@dataclass(frozen=True)
class PdfTable:
    left: float
    top: float
    right: float
    bottom: float
    rows: tuple[PdfRow, ...]


def page_tables(page: Any) -> list[PdfTable]:
    """The tables of data on a pdfplumber page, in no particular order."""
    ruled = [found for table in page.find_tables() if (found := _ruled(table))]
    return ruled + _between_rules(page, ruled)


def _ruled(table: Any) -> PdfTable | None:
    rows = _grid(table)
    if not is_data_table([list(row.cells) for row in rows]):
        return None
    return _table(table.bbox, rows)


def _table(bbox: tuple[float, float, float, float], rows: list[PdfRow]) -> PdfTable:
    left, top, right, bottom = bbox
    return PdfTable(left, top, right, bottom, tuple(rows))


def _between_rules(page: Any, ruled: list[PdfTable]) -> list[PdfTable]:
    """Three-line tables: read by where their words stand, inside rules that no ruled table has."""
    rules = [edge for edge in page.horizontal_edges if edge["x1"] - edge["x0"] >= RULE_MIN_WIDTH
             and not any(_holds(table, edge) for table in ruled)]
    found = []
    for group in _same_extent(rules):
        region = (min(e["x0"] for e in group), min(e["top"] for e in group),
                  max(e["x1"] for e in group), max(e["bottom"] for e in group))
        for table in page.crop(region).find_tables(TEXT_STRATEGY):
            rows = [row for row in _grid(table) if any(row.cells)]
            if _reads_as_data(rows):
                found.append(_table(table.bbox, rows))
    return found


def _holds(table: PdfTable, edge: dict) -> bool:
    return table.left - SAME_EXTENT <= edge["x0"] and edge["x1"] <= table.right + SAME_EXTENT \
        and table.top - SAME_EXTENT <= edge["top"] <= table.bottom + SAME_EXTENT


def _same_extent(rules: list[dict]) -> list[list[dict]]:
    """The rules in groups of RULES_OF_A_TABLE or more whose ends stand one above the other."""
    groups: list[list[dict]] = []
    for rule in sorted(rules, key=lambda edge: (round(edge["x0"]), round(edge["x1"]), edge["top"])):
        last = groups[-1][-1] if groups else None
        if last and abs(rule["x0"] - last["x0"]) <= SAME_EXTENT and abs(rule["x1"] - last["x1"]) <= SAME_EXTENT:
            groups[-1].append(rule)
        else:
            groups.append([rule])
    return [group for group in groups if len(group) >= RULES_OF_A_TABLE]


def _reads_as_data(rows: list[PdfRow]) -> bool:
    """Whether rows found by where words stand are a table of data: a head and two rows or more,
    two numbers or more (a plan, a value, a growth) in most of the rows under the head, and no
    sentence in any cell. A line of a list names one number (总投资 12 亿元), not two cells of them."""
    body = rows[1:]
    with_numbers = [row for row in body if sum(bool(NUMBER_CELL.match(cell)) for cell in row.cells) >= 2]
    return (len(body) >= 2 and 2 * len(with_numbers) >= len(body)
            and not any(_SENTENCE.search(cell) for row in rows for cell in row.cells)
            and is_data_table([list(row.cells) for row in rows]))


def _grid(table: Any) -> list[PdfRow]:
    """Each row's cells, one a column: a cell that spans columns or rows stands in each of them,
    so every column keeps its place (2025年 over 计划 | 完成, 指标 down both head rows)."""
    texts = {cell: text or "" for row, row_texts in zip(table.rows, table.extract(), strict=True)
             for cell, text in zip(row.cells, row_texts, strict=True) if cell is not None}
    columns = sorted({cell[0] for cell in texts})
    rows = []
    for top in sorted({cell[1] for cell in texts}):
        bottom = min(cell[3] for cell in texts if cell[1] == top)
        rows.append(PdfRow(top, bottom, tuple(_cell_text(_covering(texts, column, top)) for column in columns)))
    return rows


def _covering(texts: dict[tuple[float, float, float, float], str], left: float, top: float) -> str:
    return next((text for (x0, y0, x1, y1), text in texts.items() if x0 <= left < x1 and y0 <= top < y1), "")


def _cell_text(text: str) -> str:
    """A cell's lines as one: a Chinese word wrapped in a narrow cell joined without a space."""
    return _CELL_WRAP.sub("", text)
