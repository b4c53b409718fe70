"""read: a report file -> Document (metadata, sections, passages, captions, truncation).

    formats    which reader a file needs: text (decode), PDF (pdf), Word (docx), web page (html)
    decode     bytes -> text, or one clear InputError
    pdf        a PDF's text layer in reading order, page furniture set apart
    pdf_tables a PDF page's tables: ruled ones, and three-line tables read by where words stand
    docx, html a Word file's body, a web page's main text
    header     the title / meeting / presenter lines -> ReportMeta
    layout     lines -> headings, paragraphs (broken sentences joined), captions, page markers, tables
    rows       how a table of a Word file, web page or PDF is written into the text: a line a row
    flattened  a table copied into a .txt one cell a line, its rows found again
    sentences  a paragraph -> sentences with their file spans
"""

from __future__ import annotations

from pathlib import Path

from graph.model import Caption, Document, Passage, ReportMeta, Section, Table, Truncation
from graph.read.formats import read_source
from graph.read.header import is_page_furniture, parse_header
from graph.read.layout import (
    HEADING_MAX_CHARS,
    CaptionLine,
    Heading,
    Line,
    PageMarker,
    Paragraph,
    TableRows,
    blocks,
    ends_sentence,
    heading_of,
    is_salutation,
    split_lines,
)
from graph.read.sentences import split_sentences

__all__ = ["parse_document", "read_report"]

HEADER_MAX_LINES = 6
# a narrow column prints the header's few lines as many short ones: it may hold more lines while
# they are short
HEADER_MAX_CHARS = 200


def read_report(path: Path) -> Document:
    """Read one report file into a Document; raises InputError for a file that is not a report."""
    read = read_source(path)
    return parse_document(read.text, source=path.name, sha256=read.sha256, replaced=read.replaced,
                          read_from=read.read_from, pages=read.pages)


def parse_document(text: str, source: str, sha256: str = "", replaced: tuple[tuple[int, int], ...] = (),
                   read_from: str | None = None, pages: tuple[int, ...] = ()) -> Document:
    """Locate the metadata, sections, passages and captions of a report's text."""
    lines = split_lines(text)
    header, body = _split_header(lines)
    meta = parse_header(header) if header else ReportMeta(title=Path(source).stem)
    sections, passages, captions, truncation, unread, tables = _outline(blocks(body))
    return Document(
        source=source,
        sha256=sha256,
        text=text,
        meta=meta,
        sections=tuple(sections),
        passages=tuple(passages),
        captions=tuple(captions),
        truncation=truncation,
        unread=tuple(unread),
        replaced=replaced,
        read_from=read_from,
        tables=tuple(tables),
        pages=pages,
    )


def _split_header(lines: list[Line]) -> tuple[list[Line], list[Line]]:
    """The header is the few lines before the salutation (各位代表：, dropped) or the body; a web
    page's furniture among them (来源:…, 字号) and the title printed again (broken over lines
    another way) are not counted."""
    counted: list[str] = []
    for index, line in enumerate(lines):
        if is_salutation(line):
            return lines[:index], lines[index + 1:]
        if is_page_furniture(line.text) or (counted and line.text in "".join(counted)):
            continue  # 来源:… ; the title printed again, broken over lines
        if heading_of(line) or ends_sentence(line.text) or "，" in line.text or "," in line.text:
            # a comma, full- or half-width: a sentence's, not a title's
            start = _paragraph_start(lines, index)
            return lines[:start], lines[start:]
        if len(counted) >= HEADER_MAX_LINES and len("".join(counted)) >= HEADER_MAX_CHARS:
            return [], lines
        counted.append(line.text)
    return [], lines


def _paragraph_start(lines: list[Line], index: int) -> int:
    """Where the paragraph of the body's first sentence line begins: a PDF prints a paragraph in
    lines of one width, so a line before it as wide and ending no sentence is its first line
    (2023年全市经济社会发展的总体要求是:以…思想 / 为指导,全面…), not the title's last."""
    width = len(lines[index].text)
    while index and not heading_of(lines[index]) and len(lines[index - 1].text) >= width - 1 \
            and not ends_sentence(lines[index - 1].text) and not is_page_furniture(lines[index - 1].text) \
            and lines[index - 1].end + 1 == lines[index].start:  # no blank line between: one paragraph
        index -= 1
    return index


def _outline(body: list) -> tuple[list[Section], list[Passage], list[Caption], Truncation | None,
                                  list[tuple[int, int]], list[Table]]:
    sections: list[Section] = []
    passages: list[Passage] = []
    captions: list[Caption] = []
    unread: list[tuple[int, int]] = []  # stretches no sentence holds (read.sentences._readable)
    tables: list[Table] = []
    open_sections: list[Section] = []  # the current section at each level, outermost first
    numbers_taken: set[str] = set()
    last_marker: PageMarker | None = None
    paragraph = -1
    for position, block in enumerate(body):
        current = open_sections[-1].number if open_sections else None
        if isinstance(block, Heading):
            while open_sections and open_sections[-1].level >= block.level:
                open_sections.pop()
            section = _section(block, open_sections, numbers_taken)
            sections.append(section)
            open_sections.append(section)
            last_marker = None
        elif isinstance(block, Paragraph):
            paragraph += 1
            sentences, left_out = split_sentences(block)
            unread += left_out
            for sentence in sentences:
                passages.append(Passage(len(passages), sentence.text, sentence.start,
                                        sentence.end, current, paragraph, sentence.offsets))
            last_marker = None
        elif isinstance(block, CaptionLine):
            line = block.line
            captions.append(Caption(line.text, line.start, line.end, current))
        elif isinstance(block, PageMarker) and block.note.startswith("下"):
            last_marker = block
        elif isinstance(block, TableRows):
            paragraph += 1
            rows = block.rows
            tables.append(Table(len(tables) + 1, _caption_of(body[position - 1] if position else None),
                                rows[0].start, rows[-1].end, current))
            for row, cells in enumerate(rows):
                passages.append(Passage(len(passages), cells.text, cells.start, cells.end, current, paragraph,
                                        cells.offsets, table=len(tables), row=row))
            last_marker = None
    truncation = None
    if last_marker is not None:
        # 下转第N版 with no text after it: the rest of the report is on a page we do not have.
        truncation = Truncation(last_marker.note, last_marker.start, last_marker.end)
    return sections, passages, captions, truncation, unread, tables


def _caption_of(block) -> str | None:
    """What names a table: a caption line (表1: …) just before it, or a short line that is no
    sentence (2025年主要经济指标完成情况)."""
    if isinstance(block, CaptionLine):
        return block.line.text
    if isinstance(block, Paragraph) and len(block.lines) == 1 and not ends_sentence(block.lines[0].text) \
            and len(block.lines[0].text) <= HEADING_MAX_CHARS:
        return block.lines[0].text
    if isinstance(block, Heading):
        return block.text
    return None


def _section(heading: Heading, parents: list[Section], taken: set[str]) -> Section:
    parent = parents[-1].number if parents else None
    number = f"{parent}.{heading.ordinal}" if parent else str(heading.ordinal)
    if number in taken:  # a report that numbers two headings alike still gets two sections
        suffix = 2
        while f"{number}-{suffix}" in taken:
            suffix += 1
        number = f"{number}-{suffix}"
    taken.add(number)
    return Section(number, heading.level, heading.text, heading.start, heading.end)
