"""Figures a clause states as a movement or a tally rather than as one number:

    当月增速由4月的1%持续回升至8.8%      two rates of the figure before, where it was and where it got
    城镇调查失业率由5.5%下降至5.2%        two levels of a rate, the earlier and the later
    前十大行业“八正二负”                 eight of them grew and two fell: two counts

Each number is written as the clause writes it; what moved is named by the words before 由,
which may name only an aspect (当月增速) of the figure before.
"""

from __future__ import annotations

import re
from dataclasses import replace

from graph.extract.clauses import Clause
from graph.extract.indicators import indicator_from_subject, strip_context
from graph.extract.periods import FigureContext
from graph.extract.quantities import DIGITS
from graph.extract.spans import alternation
from graph.extract.stated import clause_span, make_figure
from graph.lexicons import words
from graph.model import Figure, Passage
from graph.numerals import chinese_to_int, to_ascii_digits

_MOVED = alternation(words("growth_words.tsv") + words("shift_words.tsv"))
# 由4月的1%持续回升至8.8% ; 由上年的5.5%下降到5.2%
FROM_TO = re.compile(
    rf"由(?P<when>[^，,；;由]{{0,12}}?的)?(?P<from>[-－]?{DIGITS})[%％]"
    rf"(?P<how>[\u4e00-\u9fff]{{0,4}}?(?:{_MOVED}))(?:至|到)(?P<to>[-－]?{DIGITS})[%％]")
# 增速 ; 当月增速 ; 累计涨幅: the words name a growth rate of the figure before, not a figure
_RATE_OF_BEFORE = re.compile(r"(?:当月|当季|累计|全年|月度|季度)?(?:增速|增幅|涨幅|降幅)")
# “八正二负” ; 七升三降: how many of the things named before rose and how many fell
TALLY = re.compile(
    r"[“\"]?(?P<up>[一二三四五六七八九十]+)(?P<rose>正|升|增)(?P<down>[一二三四五六七八九十]+)(?P<fell>负|降|减)[”\"]?")
_TALLY_NAMES = {"正": ("正增长", "负增长"), "升": ("上升", "下降"), "增": ("增长", "下降")}


def moved_rates(clause: Clause, passage: Passage, context: FigureContext,
                current: Figure | None) -> list[Figure]:
    """当月增速由4月的1%持续回升至8.8%: the rate where it was and where it got, in that order."""
    match = FROM_TO.search(clause.text)
    if not match:
        return []
    subject = clause.text[:match.start()]
    aspect = _RATE_OF_BEFORE.fullmatch(strip_context(subject))
    if aspect and current is not None:
        indicator, growth = current.indicator + aspect.group(), True
    else:
        indicator, growth = indicator_from_subject(subject) or "", bool(aspect)
    if not indicator:
        return []
    figures = []
    for group in ("from", "to"):
        number = to_ascii_digits(match.group(group)).replace("－", "-").replace("．", ".")
        figure = make_figure(clause, passage, context, indicator, subject, None)
        start, end = clause_span(clause, 0, match.end(group) + 1)  # the subject through its number
        figure = replace(figure, growth_rate=number) if growth else replace(figure, value=number, unit="%")
        figures.append(replace(figure, start=start, end=end))
    return figures


def tallied(clause: Clause, passage: Passage, context: FigureContext) -> list[Figure]:
    """前十大行业“八正二负”: two counts of the things the words before name, by how they moved."""
    match = TALLY.search(clause.text)
    if not match:
        return []
    subject = strip_context(clause.text[:match.start()])
    if not 2 <= len(subject) <= 12 or not re.fullmatch(r"[\u4e00-\u9fff]+", subject):
        return []
    rose, fell = _TALLY_NAMES[match.group("rose")]
    figures = []
    for group, sign, how in (("up", "rose", rose), ("down", "fell", fell)):
        figure = make_figure(clause, passage, context, subject + how, clause.text[:match.start()], None)
        start, end = clause_span(clause, 0, match.end(sign))  # 前十大行业“八正 ; 前十大行业“八正二负
        figures.append(replace(figure, value=str(chinese_to_int(match.group(group))), start=start, end=end))
    return figures
