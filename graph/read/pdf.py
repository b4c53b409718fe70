"""A PDF's text layer -> the report's text: lines in reading order, page furniture set apart.

pdfplumber reads each page once: pdfminer.six's layout (the text with the position of every
line, in blocks of lines) and the tables drawn with ruling lines, found by pdfplumber's table
finder from the page's lines and rectangles. A table of data is written as a Word file's is, one
line a row, its cells between bars (graph.read.rows), and the text lines inside it are left out;
reading_order takes the blocks and tables as a reader would, columns one after the other.

What a printed page repeats is not the report's: a running header or footer (the same words,
numbers aside, at the top or bottom of two or more pages: "某某日报  2026年1月25日") and a page
number ("- 3 -", "第3页", "3/12") at a page's edge.
These lines are left out of the text; the rest is one line of text for each printed line, and
graph.read.layout joins a sentence broken across lines and pages as it does for a .txt.

A PDF with no text at all is a scan (plankg does not do OCR); one that needs a password, or that
pdfminer cannot parse, is refused in one line.
"""

from __future__ import annotations

import logging
import re
import zlib
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

from graph.errors import InputError
from graph.read.decode import HAN
from graph.read.header import is_page_furniture
from graph.read.pdf_tables import PdfTable, page_tables
from graph.read.rows import row_line

EDGE = 0.12  # the top and bottom of a page, as a share of its height, where furniture stands
EDGE_LINES = 2  # the lines nearest each edge that may be furniture
# Lines this far apart (in line heights) are one text box. Reports are set with a line spacing of
# 1.5 or more; with pdfminer's 0.5 each line is a box of its own, and the boxes of two columns
# interleave line by line instead of being read one column after the other.
LINE_MARGIN = 0.8
OVERLAP = 1.0  # points two boxes may overlap and still stand apart (glyph boxes touch)
_PAGE_NUMBER = re.compile(
    r"^(?:[-—–－\s]*[0-9０-９]{1,4}[-—–－\s]*|第\s*[0-9０-９]{1,4}\s*页(?:\s*[，,/]?\s*共\s*[0-9０-９]{1,4}\s*页)?"
    r"|[0-9０-９]{1,4}\s*/\s*[0-9０-９]{1,4}|[Pp]age\s*[0-9]{1,4}(?:\s*of\s*[0-9]{1,4})?)$")
_DIGITS = re.compile(r"[0-9０-９]+")
# what pdfminer's parser raises on a damaged file besides its own errors
_PARSE_ERRORS = (ValueError, KeyError, TypeError, AttributeError, IndexError, AssertionError, zlib.error)


@dataclass(frozen=True)
class PdfLine:
    text: str
    top: float  # distance from the page's top edge to the line's top
    bottom: float  # distance from the page's bottom edge to the line's bottom
    height: float  # the page's


def pdf_text(data: bytes, path: Path) -> tuple[str, tuple[int, ...]]:
    """The report's text from a PDF's bytes (body lines in reading order, one a line), and the
    offset in it at which each page's text starts."""
    pages = _pages(data, path)
    if not any(page for page in pages):
        raise InputError(f"{path}: no text layer: a scanned PDF? plankg does not do OCR")
    if not any(HAN.search(line.text) for page in pages for line in page) and any(
            "(cid:" in line.text for page in pages for line in page):
        raise InputError(f"{path}: the PDF's text cannot be decoded (its fonts map no characters to Unicode); "
                         "plankg does not do OCR")
    furniture = _furniture(pages)
    text: list[str] = []
    starts: list[int] = []
    length = 0
    for page in pages:
        starts.append(length)
        for line in page:
            if id(line) not in furniture:
                text.append(f"{line.text}\n")
                length += len(line.text) + 1
    return "".join(text), tuple(starts)


def _pages(data: bytes, path: Path) -> list[list[PdfLine]]:
    try:
        import pdfplumber
        from pdfminer.psparser import PSException
        from pdfplumber.utils.exceptions import MalformedPDFException, PdfminerException
    except ImportError:
        raise InputError(f"{path}: reading PDF needs pdfplumber: pip install 'plankg[formats]'") from None
    logging.getLogger("pdfminer").addHandler(logging.NullHandler())  # its warnings are not the user's
    try:
        with pdfplumber.open(BytesIO(data), laparams={"line_margin": LINE_MARGIN}, raise_unicode_errors=False) as pdf:
            return [_page_lines(page) for page in _pages_let_go(pdf)]
    except (PdfminerException, MalformedPDFException, PSException, *_PARSE_ERRORS) as error:
        raise _refusal(error.args[0] if isinstance(error, PdfminerException) and error.args else error,
                       path) from None


def _pages_let_go(pdf) -> Iterator:
    """The PDF's pages, each page's parse let go once the next is asked for: pdfplumber keeps a
    page's objects until told, which for a long report would hold every page's at once."""
    for page in pdf.pages:
        yield page
        page.close()


def _refusal(error: BaseException, path: Path) -> InputError:
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    if isinstance(error, (PDFPasswordIncorrect, PDFEncryptionError)):
        return InputError(f"{path}: an encrypted PDF that needs a password; plankg cannot open it")
    # pdfminer meets a damaged file with its own errors, or with whatever its parser trips on
    return InputError(f"{path}: a broken PDF, it cannot be read ({type(error).__name__})")


def _page_lines(page) -> list[PdfLine]:
    """A page's body lines and table rows, in reading order."""
    from pdfminer.layout import LTCurve, LTTextBox

    layout = page.layout
    ruled = any(isinstance(element, LTCurve) for element in layout)  # lines and rectangles are curves
    tables = [_table_box(table, page.height) for table in page_tables(page)] if ruled else []
    boxes = [box for element in layout if isinstance(element, LTTextBox)
             if (box := _text_box(element, layout, tables))]
    return [line for box in reading_order(boxes + tables) for line in box.lines]


def _text_box(element, page, tables: list[Box]) -> Box | None:
    """A block of text lines, those inside a table left out (its rows stand for them)."""
    lines = [(line, text) for line in element if (text := line.get_text().strip())
             and not any(_inside(line.x0, line.x1, page.y1 - line.y1, page.y1 - line.y0, table) for table in tables)]
    if not lines:
        return None
    height = page.height or 1.0
    return Box(tuple(PdfLine(text, page.y1 - line.y1, line.y0 - page.y0, height) for line, text in lines),
               min(line.x0 for line, _ in lines), max(line.x1 for line, _ in lines),
               page.y1 - max(line.y1 for line, _ in lines), page.y1 - min(line.y0 for line, _ in lines))


def _inside(left: float, right: float, top: float, bottom: float, table: Box) -> bool:
    across, down = (left + right) / 2, (top + bottom) / 2
    return table.left <= across <= table.right and table.top <= down <= table.bottom


def _table_box(table: PdfTable, page_height: float) -> Box:
    """A table as a block of lines, one a row between bars, where the table stands on its page."""
    height = page_height or 1.0
    lines = tuple(PdfLine(row_line(list(row.cells)), row.top, height - row.bottom, height) for row in table.rows)
    return Box(lines, table.left, table.right, table.top, table.bottom)


@dataclass(frozen=True)
class Box:
    """A block of lines pdfminer found, with its extent (y from the page's top)."""

    lines: tuple[PdfLine, ...]
    left: float
    right: float
    top: float
    bottom: float


def reading_order(boxes: list[Box]) -> list[Box]:
    """The boxes as a reader takes them: cut into columns where a gap runs down the whole group
    (left to right), else into rows where a gap runs across it (top to bottom), and each part
    the same way. Columns are tried first, so two columns whose paragraphs happen to end at one
    height are still read one after the other; a title across both columns stops the column cut,
    and the row cut sets it before them."""
    if len(boxes) < 2:
        return boxes
    for extent in (_horizontal, _vertical):
        parts = _cut(boxes, extent)
        if len(parts) > 1:
            return [box for part in parts for box in reading_order(part)]
    return sorted(boxes, key=lambda box: (box.top, box.left))


def _horizontal(box: Box) -> tuple[float, float]:
    return box.left, box.right


def _vertical(box: Box) -> tuple[float, float]:
    return box.top, box.bottom


def _cut(boxes: list[Box], extent: Callable[[Box], tuple[float, float]]) -> list[list[Box]]:
    """The boxes in groups that no gap along one axis runs through, in order along that axis."""
    parts: list[list[Box]] = []
    reach = 0.0
    for box in sorted(boxes, key=extent):
        start, end = extent(box)
        if parts and start < reach - OVERLAP:
            parts[-1].append(box)
            reach = max(reach, end)
        else:
            parts.append([box])
            reach = end
    return parts


def _furniture(pages: list[list[PdfLine]]) -> set[int]:
    """The ids of the lines that are page furniture: a page number, a newspaper's dateline, or a
    line at a page's top or bottom whose words (numbers aside) stand at the edge of another page
    too (a PDF of one page shows nothing repeated, so its dateline is known by its words)."""
    edges = [_at_edges(page) for page in pages]
    repeated = Counter(key for page in edges for key in {_DIGITS.sub("#", line.text) for line in page})
    found = set()
    for page in edges:
        for line in page:
            if _PAGE_NUMBER.match(line.text) or is_page_furniture(line.text) or (
                    len(pages) > 1 and repeated[_DIGITS.sub("#", line.text)] > 1):
                found.add(id(line))
    return found


def _at_edges(page: list[PdfLine]) -> list[PdfLine]:
    """The lines nearest the top and the bottom of a page, if they stand within its edge."""
    by_top = sorted(page, key=lambda line: line.top)
    candidates = by_top[:EDGE_LINES] + by_top[-EDGE_LINES:]
    return [line for line in dict.fromkeys(candidates)
            if line.top < EDGE * line.height or line.bottom < EDGE * line.height]
