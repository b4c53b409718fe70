"""A paragraph -> its sentences, each with its span in the file.

Sentences end at 。！？ (and their ASCII forms), with a closing quote that follows kept in the
sentence (…“十五五”良好开局。”). A terminator inside brackets or quotes does not end the sentence,
unless the bracket never closes. A ； ends a clause that stands alone: "一产增加值完成119.7亿元，
同比增长3.7%；二产增加值完成569.9亿元，同比增长1.3%" is two passages, while a list of short items
("良田；良种；良机") stays one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from graph.read.layout import CLOSING, Paragraph

TERMINATORS = "。！？!?"
SEMICOLONS = "；;"
OPENING = "“‘「『(（【《"
MATCHING = dict(zip("“‘「『(（【《", "”’」』)）】》"))
# A bracket that closes only this far away or further is taken as a typo, not a quote.
UNBALANCED_AFTER = 300
# Each side of a ； must be at least this long to stand alone as a passage.
CLAUSE_MIN_CHARS = 8
# The longest sentence and clause read (real reports: under 400 and 100 characters)
MAX_SENTENCE_CHARS = 1200
MAX_CLAUSE_CHARS = 300
_CLAUSE_END = re.compile(r"[，,；;：:]")
_CLAUSE = re.compile(r"[^，,；;：:]*[，,；;：:]?")


# Spaces a PDF conversion leaves inside Chinese text: 全县生 产总值 266.67 亿元, 下降 19 %. A space
# goes where a Chinese character, a full-width mark or % stands on either side of it; a space
# between two ASCII words or numbers (PM 2.5, 2024 2025) stays, so no number is made by joining.
_WIDE = r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef%％‰]"
_PDF_SPACE = re.compile(rf"(?<={_WIDE})[ \t\u3000\u00a0]+|[ \t\u3000\u00a0]+(?={_WIDE})")
# A footnote mark glued to a word: 地区生产总值[2]713.12亿元, 单位[1]317家, 增长〔3〕
_FOOTNOTE = re.compile(r"(?<=[\u4e00-\u9fff）)])(?:\[[0-9]{1,2}\]|［[0-9０-９]{1,2}］|〔[0-9]{1,2}〕)")


@dataclass(frozen=True)
class Sentence:
    text: str
    start: int
    end: int
    offsets: tuple[int, ...] = ()  # the file offset of each character of text


def split_sentences(paragraph: Paragraph) -> tuple[list[Sentence], list[tuple[int, int]]]:
    """The paragraph's sentences, their text the paragraph's with line breaks removed; and the
    file spans of the stretches no sentence holds (see _readable)."""
    text, offsets = _join_lines(paragraph)
    cuts = _sentence_cuts(text)
    sentences: list[Sentence] = []
    unread: list[tuple[int, int]] = []
    begin = 0
    for cut in cuts + [len(text)]:
        piece = text[begin:cut]
        lead = len(piece) - len(piece.lstrip())
        body = piece.strip()
        if body:
            first = begin + lead
            for start, end, readable in _readable(body):
                span = offsets[first + start:first + end]
                if readable:
                    sentences.append(Sentence(body[start:end], span[0], span[-1] + 1, tuple(span)))
                else:
                    unread.append((span[0], span[-1] + 1))
        begin = cut
    return sentences, unread


def _readable(body: str) -> list[tuple[int, int, bool]]:
    """A sentence as pieces a reader can take: itself, where it is of a sentence's length; else
    cut at clause ends into pieces of at most MAX_SENTENCE_CHARS. A clause longer than
    MAX_CLAUSE_CHARS (a line of 60,000 characters with no punctuation, 8,000 nested brackets, a
    list of 100,000 names, a number of 100,000 digits) is no clause a report writes: it is left
    out, and said so, rather than scanned by every finder. Real sentences stay well inside both."""
    if len(body) <= MAX_SENTENCE_CHARS and all(len(c) <= MAX_CLAUSE_CHARS for c in _CLAUSE_END.split(body)):
        return [(0, len(body), True)]
    pieces: list[tuple[int, int, bool]] = []
    start = 0
    for clause in _CLAUSE.finditer(body):
        if clause.end() - clause.start() > MAX_CLAUSE_CHARS:
            if clause.start() > start:
                pieces.append((start, clause.start(), True))
            pieces.append((clause.start(), clause.end(), False))
            start = clause.end()
        elif clause.end() - start > MAX_SENTENCE_CHARS:
            pieces.append((start, clause.start(), True))
            start = clause.start()
    if start < len(body):
        pieces.append((start, len(body), True))
    return [(a, b, readable) for a, b, readable in pieces if body[a:b].strip()]


def _join_lines(paragraph: Paragraph) -> tuple[str, list[int]]:
    """The paragraph as one string, layout repaired, and the file offset of each of its characters."""
    parts: list[str] = []
    offsets: list[int] = []
    for line in paragraph.lines:
        parts.append(line.text)
        offsets.extend(range(line.start, line.end))
    return _repaired("".join(parts), offsets)


def _repaired(text: str, offsets: list[int]) -> tuple[str, list[int]]:
    """The text without the spaces of PDF conversion and the footnote marks, offsets kept true."""
    dropped: set[int] = set()
    for pattern in (_PDF_SPACE, _FOOTNOTE):
        for match in pattern.finditer(text):
            dropped.update(range(match.start(), match.end()))
    if not dropped:
        return text, offsets
    kept = [index for index in range(len(text)) if index not in dropped]
    return "".join(text[index] for index in kept), [offsets[index] for index in kept]


def _sentence_cuts(text: str) -> list[int]:
    """Indexes at which a new sentence starts."""
    quoted = _quoted_positions(text)
    cuts: list[int] = []
    for index, char in enumerate(text):
        if index in quoted:
            continue
        if char in TERMINATORS:
            end = index + 1
            while end < len(text) and text[end] in CLOSING:
                end += 1  # the closing quote after 。 belongs to the sentence: …开局。”
            cuts.append(end)
        elif char in SEMICOLONS and _clause_stands_alone(text, cuts, index):
            cuts.append(index + 1)
    return sorted({cut for cut in cuts if 0 < cut < len(text)})


def _quoted_positions(text: str) -> set[int]:
    """Positions inside brackets or quotes that close within the paragraph. A bracket that never
    closes (a typo, or a title cut off by the page) quotes nothing."""
    quoted: set[int] = set()
    stack: list[tuple[str, int]] = []
    for index, char in enumerate(text):
        if char in OPENING:
            stack.append((MATCHING[char], index))
        elif char in CLOSING:
            for depth in range(len(stack) - 1, -1, -1):
                if stack[depth][0] == char:
                    opened = stack[depth][1]
                    del stack[depth:]
                    if index - opened <= UNBALANCED_AFTER:
                        quoted.update(range(opened + 1, index))
                    break
    return quoted


def _clause_stands_alone(text: str, cuts: list[int], index: int) -> bool:
    """Whether the clauses on both sides of the ； at `index` are long enough to be sentences."""
    before_start = cuts[-1] if cuts else 0
    after_end = len(text)
    for stop in range(index + 1, len(text)):
        if text[stop] in TERMINATORS or text[stop] in SEMICOLONS:
            after_end = stop
            break
    before = text[before_start:index].strip()
    after = text[index + 1:after_end].strip()
    return len(before) >= CLAUSE_MIN_CHARS and len(after) >= CLAUSE_MIN_CHARS
