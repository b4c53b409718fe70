"""When a figure is of, and whether it is an observation or a target, from where it stands.

    一、2025年…执行情况          reviews the past: figures there are observations of 2025
    二、2026年…主要目标           looks ahead: figures there, or after 力争/确保/预期目标, are targets
    1-12月 / 全年 / 截至12月底     the whole year: "2025"
    上半年 / 一季度 / 前三季度      "2025-H1" / "2025-Q1" / "2025-Q1/2025-Q3"
    1-11月 / 截至10月底           "2025-01/2025-11" / "2025-01/2025-10"
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from graph.extract.spans import alternation
from graph.lexicons import rows, words
from graph.model import Document, FigureKind, Passage
from graph.numerals import parse_int, to_ascii_digits

TARGET_CUE = re.compile(alternation(words("target_cues.tsv")))
YEAR = re.compile(r"(?<![0-9])((?:19|20)[0-9]{2})年")
_MONTHS = re.compile(r"(?P<a>[0-9]{1,2}|[一二三四五六七八九十]{1,3})\s*[-—～~至到]\s*"
                     r"(?P<b>[0-9]{1,2}|[一二三四五六七八九十]{1,3})月")
_UNTIL = re.compile(r"截[至止](?:(?:19|20)[0-9]{2}年)?(?P<m>[0-9]{1,2}|[一二三四五六七八九十]{1,3})月(?:底|末)")
_QUARTERS: dict[str, str] = {row[0]: row[1] for row in rows("year_parts.tsv")}  # the first found wins


@dataclass(frozen=True)
class FigureContext:
    kind: FigureKind
    year: int | None  # the period of an observation, the target year of a target
    ref_area: str | None


class ReportTimeline:
    """The years the parts of a report are about, read once per document."""

    def __init__(self, document: Document):
        self.meta = document.meta
        self.section_years = _section_years(document)
        self.goal_sections = _goal_sections(document)
        self.goal_passages = _goal_passages(document)

    def context(self, passage: Passage) -> FigureContext:
        meta = self.meta
        section_year = self.section_years.get(passage.section) if passage.section else None
        about_goals = passage.index in self.goal_passages or passage.section in self.goal_sections
        if about_goals and (section_year is None or section_year != meta.review_year):
            return FigureContext(FigureKind.TARGET, section_year or meta.plan_year, meta.city)
        if section_year is None:
            year = meta.review_year
        elif section_year == meta.plan_year:
            year = None  # a figure of the past in a part about the coming year: no year guessed
        else:
            year = section_year
        return FigureContext(FigureKind.OBSERVATION, year, meta.city)


def period_of(before: str, clause: str, context: FigureContext) -> tuple[str | None, int | None]:
    """The period a clause's figure is of, and its year: from the words before it in the
    passage and in the clause, else from the part of the report it stands in."""
    text = to_ascii_digits(before + clause)
    years = [int(m.group(1)) for m in YEAR.finditer(text)]
    year = years[-1] if years else context.year
    if context.kind is FigureKind.TARGET:
        if context.year and year and year < context.year:
            year = context.year  # "比2025年增长" names the base, not the target's year
        return (str(year) if year else None), year
    if year is None:
        return None, None
    return _within_year(text, year), year


def _within_year(text: str, year: int) -> str:
    months = list(_MONTHS.finditer(text))
    until = list(_UNTIL.finditer(text))
    if months:
        first, last = parse_int(months[-1].group("a")), parse_int(months[-1].group("b"))
        if (first, last) != (1, 12):
            return f"{year}-{first:02d}/{year}-{last:02d}"
    elif until:
        last = parse_int(until[-1].group("m"))
        if last != 12:
            return f"{year}-01/{year}-{last:02d}"
    else:
        for words, part in _QUARTERS.items():
            if words in text:
                return "/".join(f"{year}-{p}" for p in part.split("/"))
    return str(year)


def _section_years(document: Document) -> dict[str, int]:
    """The year each section's top-level heading names: 一、2025年…执行情况 -> 2025."""
    years: dict[str, int] = {}
    for section in document.sections:
        top = section.number.split(".")[0]
        match = YEAR.search(to_ascii_digits(section.heading))
        if section.level == 1 and match:
            years[top] = int(match.group(1))
        if top in years:
            years[section.number] = years[top]
    return years


def _goal_passages(document: Document) -> set[int]:
    """The passages that speak of goals: one naming them (主要预期目标是:…, 力争…), and the rest of
    its sentence, cut at ； into passages of their own (…增长5.5%以上;一般公共预算收入增长6%左右;…)."""
    goals: set[int] = set()
    for passage in document.passages:
        previous = document.passages[passage.index - 1] if passage.index else None
        goes_on = previous is not None and previous.index in goals and previous.text.endswith(("；", ";"))
        if goes_on or TARGET_CUE.search(passage.text):
            goals.add(passage.index)
    return goals


def _goal_sections(document: Document) -> set[str]:
    """Sections under a heading about goals: 二、2025年主要预期目标 and everything below it."""
    goals = {s.number for s in document.sections if TARGET_CUE.search(s.heading) or "目标" in s.heading}
    return {s.number for s in document.sections
            if any(s.number == g or s.number.startswith(g + ".") for g in goals)}
