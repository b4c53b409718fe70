"""Passages -> figures: one Observation or Target per figure a sentence states.

A report states a figure as an indicator, a verb, a number with its unit, and then, in clauses of
their own, its growth and rank:

    2025年，全市地区生产总值完成1815.0亿元，同比增长3.2%，全省排名第8。
    ^time   ^area^indicator ^verb ^value ^unit ^growth     ^rank

A clause with no subject of its own ("同比增长3.2%") belongs to the figure of the clause before
it, within the same sentence only. A phrase is an indicator only when it ends the way indicator
names end (lexicons/indicator_endings.tsv), so "累计建成智能化煤矿15座" gives no figure rather than a
wrong one. Every number written to a Figure is a substring of its clause.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from graph.extract.clauses import Clause, split_clauses
from graph.lexicons import column
from graph.model import Document, Figure, FigureKind, Passage
from graph.numerals import parse_int, to_ascii_digits

NUMBER = r"[0-9０-９]+(?:[.．][0-9０-９]+)?"
# Words that bound a number: before it (近1.3万) or after it (1.5亿吨以上)
BOUND_BEFORE = r"近|约|超过|突破|超|逾|不低于|不超过|低于|高于"
BOUND_AFTER = r"以上|左右|以下|以内|多"


def _alternation(words: tuple[str, ...]) -> str:
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))


_UNITS = _alternation(column("units.tsv"))
_VALUE = re.compile(
    rf"(?P<bound_before>{BOUND_BEFORE})?(?P<number>{NUMBER})(?P<unit>{_UNITS})(?P<bound_after>{BOUND_AFTER})?")
_GROWTH = re.compile(
    rf"(?P<basis>同比|比上年|较上年|比去年|较去年|比上年同期)?"
    rf"(?P<direction>增长|增加|提高|上涨|涨幅|增幅|下降|减少|回落|降幅)"
    rf"(?P<bound_before>{BOUND_BEFORE})?(?P<number>{NUMBER})[%％](?P<bound_after>{BOUND_AFTER})?")
_FALLING = ("下降", "减少", "回落", "降幅")
_RANK = re.compile(
    r"(?P<what>总量|增速)?(?:居|位居|位列|排名|排)?(?P<scope>全省|全国|全市|全区|省内|全盟|全州)"
    r"(?:排名|排|位列|位居|居)?第(?P<rank>[0-9０-９]+|[一二三四五六七八九十]+)(?:位|名)?"
    r"(?!方阵|梯队|批|届|次)")
# A number right after these is part of a name or an expression, not a figure (2×100万千瓦, 1:7.3)
_NOT_A_FIGURE_BEFORE = "×xX*:：-—~～/第"

_LEADING_CONTEXT = re.compile(
    r"^(?:(?:19|20)[0-9]{2}年(?:[0-9]{1,2}月)?|[0-9]{1,2}[-—～~至][0-9]{1,2}月份?|截至[^，]{0,8}?(?:底|末|目前)"
    r"|全年|今年|当年|上半年|前三季度|年内|其中|全市|全省|全县|全区|全州|全盟|全国|我市|我省|我县|我区"
    r"|累计|共计|共|实现|完成|达到)")
_TRAILING_VERB = re.compile(r"(?:完成|达到|达|实现|为|提升至|提高至|增至|降至|下降至|升至|提至|累计|总计|共计|共|已|分别|均|同比)+$")
_INNER_VERB = re.compile(r"(?<=[\u4e00-\u9fff])(?:实现|完成)(?=[\u4e00-\u9fff])")
_COUNT_INSIDE = re.compile(rf"[0-9０-９]+(?:{_UNITS})")
_ENDINGS = tuple(sorted(column("indicator_endings.tsv"), key=len, reverse=True))
INDICATOR_MAX_CHARS = 24

_TARGET_CUE = re.compile(r"预期目标|主要目标|力争|确保|预计|争取|目标为|目标是")
_YEAR = re.compile(r"(?<![0-9])((?:19|20)[0-9]{2})年")


@dataclass(frozen=True)
class FigureContext:
    """What a passage's place in the report says about its figures."""

    kind: FigureKind
    year: int | None  # the period of an observation, the target year of a target
    ref_area: str | None


def extract_figures(document: Document) -> list[Figure]:
    figures: list[Figure] = []
    section_years = _section_years(document)
    goal_sections = _goal_sections(document)
    for passage in document.passages:
        context = _context(document, passage, section_years, goal_sections)
        figures.extend(_figures_in(passage, document.text, context))
    return figures


def _figures_in(passage: Passage, file_text: str, context: FigureContext) -> list[Figure]:
    """One figure per clause that names an indicator; subject-less clauses add to the last one."""
    figures: list[Figure] = []
    current: Figure | None = None
    for clause in split_clauses(passage, file_text):
        found = _read_clause(clause, passage, context)
        if found is None:
            continue
        if found.indicator:
            if current:
                figures.append(current)
            current = found
        elif current and found.value is None:
            current = _merge(current, found)
        else:  # a number whose subject we cannot name: it belongs to no figure we know
            if current:
                figures.append(current)
            current = None
    if current:
        figures.append(current)
    return figures


def _read_clause(clause: Clause, passage: Passage, context: FigureContext) -> Figure | None:
    text = clause.text
    growth = _GROWTH.search(text)
    ranks = list(_RANK.finditer(text))
    taken = [m.span() for m in ([growth] if growth else []) + ranks]
    value = next((m for m in _VALUE.finditer(text)
                  if not _overlaps(m.span(), taken) and _is_figure_number(text, m)), None)
    if not (value or growth or ranks):
        return None
    subject_end = value.start() if value else growth.start() if growth else ranks[0].start()
    indicator = _indicator(text[:subject_end])
    year = _year_before(passage.text, clause.position) or context.year
    figure = Figure(
        kind=context.kind,
        passage=passage.index,
        start=clause.start,
        end=clause.end,
        indicator=indicator or "",
        period=str(year) if year else None,
        target_year=year if context.kind is FigureKind.TARGET else None,
        ref_area=context.ref_area,
    )
    if value:
        figure = replace(figure, value=_decimal(value.group("number")), unit=value.group("unit"),
                         qualifier=value.group("bound_before") or value.group("bound_after"))
    if growth:
        rate = _decimal(growth.group("number"))
        if growth.group("direction") in _FALLING:
            rate = "-" + rate
        figure = replace(figure, growth_rate=rate,
                         qualifier=figure.qualifier or growth.group("bound_before")
                         or growth.group("bound_after"))
    for rank in ranks:
        figure = _with_rank(figure, rank)
    return figure


def _with_rank(figure: Figure, rank: re.Match) -> Figure:
    position = parse_int(rank.group("rank"))
    if rank.group("what") == "增速" and figure.growth_rank is None:
        return replace(figure, growth_rank=position, rank_scope=rank.group("scope"))
    if figure.rank is None:
        return replace(figure, rank=position, rank_scope=rank.group("scope"))
    return figure


def _merge(figure: Figure, more: Figure) -> Figure:
    """Add a subject-less clause's growth and ranks to the figure it continues."""
    return replace(
        figure,
        end=more.end,
        growth_rate=figure.growth_rate or more.growth_rate,
        rank=figure.rank if figure.rank is not None else more.rank,
        growth_rank=figure.growth_rank if figure.growth_rank is not None else more.growth_rank,
        rank_scope=figure.rank_scope or more.rank_scope,
        qualifier=figure.qualifier or more.qualifier,
    )


def _indicator(phrase: str) -> str | None:
    """The indicator a clause's subject phrase names, or None when it names none."""
    name = phrase.strip()
    previous = None
    while name != previous:
        previous = name
        name = _LEADING_CONTEXT.sub("", name, count=1).strip()
        name = _TRAILING_VERB.sub("", name).strip()
    name = _INNER_VERB.sub("", name)
    if not 2 <= len(name) <= INDICATOR_MAX_CHARS or not name.endswith(_ENDINGS):
        return None
    if _COUNT_INSIDE.search(name) or not re.search(r"[\u4e00-\u9fff]", name):
        return None
    return name


def _is_figure_number(text: str, match: re.Match) -> bool:
    start = match.start("number")
    before = text[start - 1] if start else ""
    return not (before.isdigit() or before in _NOT_A_FIGURE_BEFORE or before.isascii() and before.isalpha())


def _overlaps(span: tuple[int, int], taken: list[tuple[int, int]]) -> bool:
    return any(span[0] < end and start < span[1] for start, end in taken)


def _decimal(number: str) -> str:
    return to_ascii_digits(number)


def _year_before(text: str, position: int) -> int | None:
    years = [int(m.group(1)) for m in _YEAR.finditer(to_ascii_digits(text[:position]))]
    return years[-1] if years else None


def _section_years(document: Document) -> dict[str, int]:
    """The year each section's top-level heading names: 一、2025年…执行情况 -> 2025."""
    years: dict[str, int] = {}
    for section in document.sections:
        top = section.number.split(".")[0]
        match = _YEAR.search(to_ascii_digits(section.heading))
        if section.level == 1 and match:
            years[top] = int(match.group(1))
        if top in years:
            years[section.number] = years[top]
    return years


def _goal_sections(document: Document) -> set[str]:
    """Sections under a heading about goals: 二、2025年主要预期目标 and everything below it."""
    goals = {s.number for s in document.sections if _TARGET_CUE.search(s.heading) or "目标" in s.heading}
    return {s.number for s in document.sections
            if any(s.number == g or s.number.startswith(g + ".") for g in goals)}


def _context(document: Document, passage: Passage, section_years: dict[str, int],
             goal_sections: set[str]) -> FigureContext:
    """Target or observation, and of which year, from the part of the report a passage is in.

    一、2025年…执行情况 reviews the past; 二、2026年…主要目标 looks ahead. A goal word (力争, 预期目标)
    in a part that looks ahead makes a target; a figure of the past with no year of its own is
    of the year its part names, and in a part about the coming year we do not guess one.
    """
    meta = document.meta
    section_year = section_years.get(passage.section) if passage.section else None
    about_goals = _TARGET_CUE.search(passage.text) or passage.section in goal_sections
    if about_goals and section_year != meta.review_year:
        return FigureContext(FigureKind.TARGET, section_year or meta.plan_year, meta.city)
    if section_year is None:
        period = meta.review_year
    elif section_year == meta.plan_year:
        period = None
    else:
        period = section_year
    return FigureContext(FigureKind.OBSERVATION, period, meta.city)
