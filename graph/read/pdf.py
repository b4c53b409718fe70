"""A PDF's text layer -> the report's text: lines in reading order, page furniture set apart.

pdfminer.six reads the text with the position of every line, in blocks of lines; reading_order
takes the blocks as a reader would, columns one after the other. What a printed page repeats is not the report's:
a running header or footer (the same words, numbers aside, at the top or bottom of two or more
pages: "某某日报  2026年1月25日") and a page number ("- 3 -", "第3页", "3/12") at a page's edge.
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
from collections.abc import Callable
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

from graph.errors import InputError
from graph.read.decode import HAN

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
        from pdfminer.high_level import extract_pages
        from pdfminer.layout import LAParams, LTTextBox
        from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
        from pdfminer.psparser import PSException
    except ImportError:
        raise InputError(f"{path}: reading PDF needs pdfminer.six: pip install 'plankg[formats]'") from None
    logging.getLogger("pdfminer").addHandler(logging.NullHandler())  # its warnings are not the user's
    pages: list[list[PdfLine]] = []
    try:
        for page in extract_pages(BytesIO(data), laparams=LAParams(line_margin=LINE_MARGIN)):
            height = page.height or 1.0
            boxes = []
            for box in (element for element in page if isinstance(element, LTTextBox)):
                lines = tuple(PdfLine(text, page.y1 - line.y1, line.y0 - page.y0, height)
                              for line in box if (text := line.get_text().strip()))
                if lines:
                    boxes.append(Box(lines, box.x0, box.x1, page.y1 - box.y1, page.y1 - box.y0))
            pages.append([line for box in reading_order(boxes) for line in box.lines])
    except (PDFPasswordIncorrect, PDFEncryptionError):
        raise InputError(f"{path}: an encrypted PDF that needs a password; plankg cannot open it") from None
    except (PSException, ValueError, KeyError, TypeError, AttributeError, IndexError, AssertionError,
            zlib.error) as error:
        # pdfminer meets a damaged file with its own errors, or with whatever its parser trips on
        raise InputError(f"{path}: a broken PDF, it cannot be read ({type(error).__name__})") from None
    return pages


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
    """The ids of the lines that are page furniture: a page number, or a line at a page's top or
    bottom whose words (numbers aside) stand at the edge of another page too."""
    edges = [_at_edges(page) for page in pages]
    repeated = Counter(key for page in edges for key in {_DIGITS.sub("#", line.text) for line in page})
    found = set()
    for page in edges:
        for line in page:
            if _PAGE_NUMBER.match(line.text) or (len(pages) > 1 and repeated[_DIGITS.sub("#", line.text)] > 1):
                found.add(id(line))
    return found


def _at_edges(page: list[PdfLine]) -> list[PdfLine]:
    """The lines nearest the top and the bottom of a page, if they stand within its edge."""
    by_top = sorted(page, key=lambda line: line.top)
    candidates = by_top[:EDGE_LINES] + by_top[-EDGE_LINES:]
    return [line for line in dict.fromkeys(candidates)
            if line.top < EDGE * line.height or line.bottom < EDGE * line.height]
