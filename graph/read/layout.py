"""Lines of a report -> the blocks a reader sees: headings, paragraphs, captions, page markers.

Reports reach us as newspapers printed them. A sentence may be broken across lines or blank lines
("…专业镇实现营收\\n\\n92.3亿元，同比增长9.6%。"), a chart caption stands between paragraphs
("图1: 2025年全市地区生产总值增速(%)"), and a page jump is printed in brackets ("(下转第四版)").
This module undoes that layout: a paragraph whose last line does not end a sentence continues on
the next text line; captions and page markers are set apart and never become sentences. A table
read from a Word file or a web page (one row a line, cells between bars: graph.read.rows) is a
block of its own, each row a passage.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from graph.numerals import parse_int
from graph.read.flattened import FlatRow, flattened_table

_NUMERAL = r"[一二三四五六七八九十]{1,3}"
_DIGIT = r"[0-9０-９]{1,2}"

# 一、2025年国民经济和社会发展规划执行情况
_HEADING_1 = re.compile(rf"^(?P<n>{_NUMERAL})[、．.](?![一二三四五六七八九十][、，,和及])\s*(?P<text>.+)$")
# (一)经济总体稳中向好 / （二）内需挖潜增效明显
_HEADING_2 = re.compile(rf"^[(（]\s*(?P<n>{_NUMERAL})\s*[)）]\s*(?P<text>.+)$")
# 1.扩大有效投资。 / １、… but not 1.5亿吨 or 2025年
_HEADING_3 = re.compile(rf"^(?P<n>{_DIGIT})(?:[、．]|\.(?![0-9]))\s*(?P<text>\D.*)$")
# 图1: 2025年全市地区生产总值增速(%)  /  表2：…
_CAPTION = re.compile(r"^[图表]\s*[0-9０-９]+\s*[:：.．]?\s*\S")
# (下转第四版) / （上接第一版）, alone on a line or closing one
_PAGE_MARKER = re.compile(
    r"[(（]\s*(?P<note>[上下][转接]第?[一二三四五六七八九十0-9０-９]+版)\s*[)）]\s*$")

# What ends a sentence, and so a paragraph line that is complete
SENTENCE_END = "。！？!?；;…"
CLOSING = "”’」』)）】》"
# A short line ending in a colon before the body: 各位代表： / 各位代表、同志们：
_SALUTATION = re.compile(r"^[\u4e00-\u9fff、，,]{2,15}[：:]$")

HEADING_MAX_CHARS = 60
# | 地区生产总值 | 亿元 | 1850 | 1815.0 |: a row of a table, two cells or more
_TABLE_ROW = re.compile(r"^\|(?:[^|]*\|){2,}$")


@dataclass(frozen=True)
class Line:
    """One line of the file, its whitespace stripped, with the span of what remains."""

    text: str
    start: int
    end: int

    @property
    def offsets(self) -> tuple[int, ...]:
        return tuple(range(self.start, self.end))


@dataclass(frozen=True)
class Heading:
    level: int
    ordinal: int  # the heading's own number: 3 for (三)
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Paragraph:
    """Text lines that belong together, in order; one sentence may run across them."""

    lines: tuple[Line, ...]


@dataclass(frozen=True)
class CaptionLine:
    line: Line


@dataclass(frozen=True)
class PageMarker:
    note: str  # 下转第四版
    start: int
    end: int


@dataclass(frozen=True)
class TableRows:
    """The rows of one table, in order, the first its head: a line each, or a flattened table's
    lines (graph.read.flattened)."""

    rows: tuple[Line | FlatRow, ...]


Block = Heading | Paragraph | CaptionLine | PageMarker | TableRows


def table_cells(text: str) -> list[str]:
    """The cells of a table row: | a | b | on a line, or a flattened row's a |b | (the bars that
    open and close the row are no cells)."""
    inner = text.strip()
    inner = inner[1:] if inner.startswith("|") else inner
    inner = inner[:-1] if inner.endswith("|") else inner
    return [cell.strip() for cell in inner.split("|")]


def split_lines(text: str) -> list[Line]:
    """Every non-blank line with the span of its stripped content."""
    lines = []
    offset = 0
    for raw in text.splitlines(keepends=True):
        stripped = raw.strip()
        if stripped:
            start = offset + (len(raw) - len(raw.lstrip()))
            lines.append(Line(stripped, start, start + len(stripped)))
        offset += len(raw)
    return lines


def is_salutation(line: Line) -> bool:
    return bool(_SALUTATION.match(line.text))


def heading_of(line: Line) -> tuple[Heading, Line | None] | None:
    """The heading a line opens with, and the rest of the line when a sentence follows it
    on the same line ("1.扩大有效投资。全力抓好…" has the heading 扩大有效投资)."""
    for level, pattern in ((1, _HEADING_1), (2, _HEADING_2), (3, _HEADING_3)):
        match = pattern.match(line.text)
        if not match:
            continue
        body = match.group("text")
        body_start = line.start + match.start("text")
        stop = _first_sentence_end(body)
        if stop is None:
            if len(body) > HEADING_MAX_CHARS:
                return None  # a long unpunctuated line is a broken paragraph, not a heading
            heading_text, rest = body, None
        else:
            heading_text = body[:stop]
            remainder = body[stop + 1:]
            lead = len(remainder) - len(remainder.lstrip())
            rest_text = remainder.strip()
            rest_start = body_start + stop + 1 + lead
            rest = Line(rest_text, rest_start, rest_start + len(rest_text)) if rest_text else None
            if len(heading_text) > HEADING_MAX_CHARS:
                return None
        heading = Heading(level, parse_int(match.group("n")), heading_text.strip(),
                          line.start, body_start + len(heading_text))
        return heading, rest
    return None


def _first_sentence_end(text: str) -> int | None:
    for index, char in enumerate(text):
        if char in "。！？!?":
            return index
    return None


def ends_sentence(text: str) -> bool:
    """Whether a line ends a sentence, so the next line starts a new one."""
    stripped = text.rstrip(CLOSING) if text and text[-1] in CLOSING else text
    if stripped and stripped[-1] in SENTENCE_END:
        return True
    return text[-1] in "：:" if text else True


def blocks(lines: list[Line]) -> list[Block]:
    """Group body lines into blocks, joining a sentence broken across lines."""
    result: list[Block] = []
    pending: list[Line] = []

    def flush() -> None:
        if pending:
            result.append(Paragraph(tuple(pending)))
            pending.clear()

    position = 0
    while position < len(lines):
        line = lines[position]
        position += 1
        flat = flattened_table(lines, position - 1) if line.text.endswith("|") else None
        if flat:
            flush()
            result.append(TableRows(flat[0]))
            position = flat[1]
            continue
        if _TABLE_ROW.match(line.text):
            flush()
            if result and isinstance(result[-1], TableRows):
                result[-1] = TableRows(result[-1].rows + (line,))
            else:
                result.append(TableRows((line,)))
            continue
        marker = _PAGE_MARKER.search(line.text)
        if marker:
            before = line.text[:marker.start()].rstrip()
            if before:
                if not _continues(pending):
                    flush()
                pending.append(Line(before, line.start, line.start + len(before)))
            flush()
            result.append(PageMarker(marker.group("note"), line.start + marker.start(),
                                     line.start + marker.end()))
            continue
        if _CAPTION.match(line.text) and len(line.text) <= HEADING_MAX_CHARS:
            flush()
            result.append(CaptionLine(line))
            continue
        found = heading_of(line)
        if found:
            flush()
            heading, rest = found
            if rest is None and _broken_heading(lines, position - 1, heading):
                heading = _joined(heading, lines[position])
                position += 1
            result.append(heading)
            if rest:
                pending.append(rest)
            continue
        if not _continues(pending):
            flush()
        pending.append(line)
    flush()
    return result


def _broken_heading(lines: list[Line], at: int, heading: Heading) -> bool:
    """Whether the heading on lines[at] goes on to the next line: a narrow column breaks it
    (一、2022年国民经济和社会发展计 / 划执行情况). Its line is as wide as the column's lines after
    it, and the next line is short, ends no sentence and opens nothing of its own."""
    if at + 2 >= len(lines):
        return False
    line, following, after = lines[at], lines[at + 1], lines[at + 2]
    return (following.start == line.end + 1 and len(line.text) >= len(after.text) - 1
            and len(following.text) < len(line.text) and _first_sentence_end(following.text) is None
            and not ends_sentence(following.text) and len(heading.text) + len(following.text) <= HEADING_MAX_CHARS
            and heading_of(following) is None and not _TABLE_ROW.match(following.text)
            and not _CAPTION.match(following.text) and not _PAGE_MARKER.search(following.text))


def _joined(heading: Heading, following: Line) -> Heading:
    return Heading(heading.level, heading.ordinal, heading.text + following.text, heading.start, following.end)


def _continues(pending: list[Line]) -> bool:
    """A paragraph whose last line stops mid-sentence goes on with the next text line."""
    return bool(pending) and not ends_sentence(pending[-1].text)
