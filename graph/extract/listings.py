"""Figures stated as lists: several names and several numbers in one clause, paired in order.

    地区生产总值增长3.3%、规模以上工业增加值增长4.9%           each item with its own growth
    第一、二、三产业增加值分别为112.46、96.6、348.87亿元        names shared out, the last item's unit
    城乡居民人均可支配收入分别增长5.5%左右和5.5%以上           rates shared out, each with its bound
    三次产业结构比为20.2:17.3:62.5                            the three industries' shares
    云冈、恒山景区年游客接待量分别突破528万人次、441万人次      one figure a name
"""

from __future__ import annotations

import re
from dataclasses import replace

from graph.extract.clauses import Clause
from graph.extract.comparisons import GROWTH, Comparisons
from graph.extract.indicators import indicator_from_subject, measure_ending, part_name, strip_context
from graph.extract.names import shared_tail
from graph.extract.periods import FigureContext
from graph.extract.quantities import DIGITS, find_listed_amounts
from graph.extract.stated import clause_span, make_figure
from graph.model import Figure, Passage
from graph.numerals import to_ascii_digits

# 三次产业结构比为20.2:17.3:62.5 ; 三次产业比例由上年的10.0:49.0:41.0调整为10.1:48.9:41.0
_RATIO_OF_THREE = rf"{DIGITS}[:：]{DIGITS}[:：]{DIGITS}"
STRUCTURE = re.compile(rf"三次产业(?:结构比|结构|比例|比重)(?:比)?(?:由上年的?(?P<before>{_RATIO_OF_THREE}))?"
                       rf"(?:调整)?(?:为|是)(?P<now>{_RATIO_OF_THREE})")
STRUCTURE_PARTS = ("第一产业占地区生产总值比重", "第二产业占地区生产总值比重", "第三产业占地区生产总值比重")
_NUMBER = re.compile(DIGITS)


def growth_items(clause: Clause) -> list[Clause]:
    """地区生产总值增长3.3%、规模以上工业增加值增长4.9%、全体居民人均可支配收入增长6.8%: a list of
    figures each with its own growth, cut at the 、 between them, is read as clauses of their own."""
    text = clause.text
    if "分别" in text or len(GROWTH.findall(text)) < 2:
        return [clause]
    cuts = [index for index in range(len(text)) if text[index] == "、"
            and GROWTH.search(text, 0, index) and GROWTH.search(text, index + 1)]
    cuts = [cut for cut in cuts if not any(m.start() < cut < m.end() for m in GROWTH.finditer(text))]
    if not cuts:
        return [clause]
    items, begin = [], 0
    for cut in [*cuts, len(text)]:
        if begin < cut:
            items.append(Clause(text[begin:cut], *clause.span(begin, cut), clause.position + begin,
                                clause.offsets[begin:cut]))
        begin = cut + 1
    return items


def listed_amounts(clause: Clause, passage: Passage, context: FigureContext) -> list[Figure]:
    """第一、二、三产业增加值分别为112.46、96.6、348.87亿元: one figure for each name the subject lists,
    in the unit the list writes; nothing when the names and the amounts do not pair up."""
    found = find_listed_amounts(clause.text)
    if not found:
        return []
    start, of_what, amounts = found
    subject = clause.text[:start]
    if of_what:  # 一、二、三次产业分别拉动GDP增长…: each listed name with what its amount is of
        names = [name + of_what for name in _industries(subject) or []] or None
    else:
        indicator = indicator_from_subject(subject)
        names = listed_names(indicator, len(amounts)) if indicator else None
        if indicator and indicator.startswith("对") and not names:
            names = _agents_before(passage.text[:clause.position], indicator, len(amounts))
    if not names or len(names) != len(amounts):
        return []
    figures = []
    for name, quantity in zip(names, amounts):
        figure = make_figure(clause, passage, context, name, clause.text[:start], quantity)
        span_start, span_end = clause_span(clause, 0, quantity.end)  # each its own span: the subject through its amount
        figures.append(replace(figure, start=span_start, end=span_end))
    return figures


def industry_structure(clause: Clause, passage: Passage, context: FigureContext) -> list[Figure]:
    """三次产业结构比为20.2:17.3:62.5 ; 三次产业比例由上年的10.0:49.0:41.0调整为10.1:48.9:41.0: the
    three industries' shares of GDP, as the ratio writes them (the ratio names no unit, so none is
    written); the year before's, where the sentence gives it, as figures of that year."""
    match = STRUCTURE.search(clause.text)
    if not match:
        return []
    figures = []
    for group in ("now", "before"):
        if match.group(group) is None:
            continue
        parts = _NUMBER.finditer(clause.text, match.start(group), match.end(group))
        for name, part in zip(STRUCTURE_PARTS, parts):
            figure = make_figure(clause, passage, context, name, clause.text[:match.start()], None)
            if group == "before" and figure.period:
                figure = replace(figure, period=str(int(figure.period[:4]) - 1))
            start, end = clause.span(*part.span())
            figures.append(replace(figure, value=to_ascii_digits(part.group()).replace("．", "."),
                                   start=start, end=end))
    return figures


def distribute(made: list[Figure], text: str) -> list[Figure]:
    """云冈、恒山景区年游客接待量分别突破528万人次、441万人次: one figure for each name listed."""
    if "分别" not in text or len(made) < 2:
        return made
    names = listed_names(made[0].indicator, len(made))
    if names is None:
        return made
    return [replace(figure, indicator=name) for figure, name in zip(made, names)]


def respective(clause: Clause, passage: Passage, context: FigureContext, comparisons: Comparisons,
                made: list[Figure], figures: list[Figure]) -> list[Figure]:
    """分别增长4.2%和6.8%: each rate goes to one of the names the subject lists (城乡居民… is
    城镇居民… and 农村居民…), or, with no subject, to the figures just before, in order."""
    rates = comparisons.respective_rates
    subject = clause.text[:comparisons.spans[0][0]]
    indicator = indicator_from_subject(subject)
    names = listed_names(indicator, len(rates)) if indicator else _industries(subject) or _parts(subject, len(rates))
    if names and len(names) == len(rates):
        listed = []
        bounds = comparisons.respective_bounds or (None,) * len(rates)
        for name, rate, end, bound in zip(names, rates, comparisons.respective_ends, bounds):
            start, end = clause.span(0, end)  # each its own span: the subject through its rate
            listed.append(replace(make_figure(clause, passage, context, name, subject, None),
                                  growth_rate=rate, qualifier=bound, start=start, end=end))
        return made + listed
    before = [f for f in figures + made if f.passage == passage.index]
    if len(before) < len(rates) or any(f.growth_rate for f in before[-len(rates):]):
        return made
    bounds = comparisons.respective_bounds or (None,) * len(rates)
    for figure, rate, bound, rate_end in zip(before[-len(rates):], rates, bounds, comparisons.respective_ends):
        # each figure's span runs to its own rate, so that figures listed together stay apart
        updated = replace(figure, growth_rate=rate, qualifier=figure.qualifier or bound,
                          end=max(figure.end, clause.span(0, rate_end)[1]))
        if figure in made:
            made[made.index(figure)] = updated
        else:
            figures[figures.index(figure)] = updated
    return made


_DEPOSITS_AND_LOANS = re.compile(r"存、?贷款")
# 一、二、三次产业 / 第一、二、三产业 / 一二三产业: the three industries, listed
_THREE_INDUSTRIES = re.compile(r"(?:第?一、?二、?三次?产业|三次产业)$")


def _industries(subject: str) -> list[str] | None:
    if _THREE_INDUSTRIES.search(subject.strip(" ，,、")):
        return ["第一产业", "第二产业", "第三产业"]
    return None


_THREE_INDUSTRIES_NAMED = re.compile(r"(?:第?一、?二、?三次?产业|三次产业)")


def _agents_before(before: str, relation: str, count: int) -> list[str] | None:
    """三次产业结构比为…，对经济增长的贡献率分别为16.5%、22.2%、61.3%: a 对… measure lacks whose it is;
    the sentence named them before (the three industries), so each amount is one industry's."""
    if count == 3 and _THREE_INDUSTRIES_NAMED.search(before):
        return [industry + relation for industry in ("第一产业", "第二产业", "第三产业")]
    return None


def _parts(subject: str, count: int) -> list[str] | None:
    """纺织服装、专用设备和有色金属分别增长…: as many plain names as rates, each a part's name."""
    items = strip_context(subject).split("、")
    if len(items) == count - 1 and "和" in items[-1]:
        items[-1:] = items[-1].split("和", 1)
    names = [part_name(item) for item in items]
    if len(names) != count or not all(names):
        return None
    return [name for name in names if name]


def _joined(before: str) -> list[str]:
    """工业用电量和金融机构 -> [工业用电量]: the names joined before the last one with 和."""
    return [item for item in before.split("和")[:-1] if item]


def listed_names(name: str, count: int) -> list[str] | None:
    """The names a listing subject stands for: 云冈、恒山景区接待量 -> 云冈景区接待量, 恒山景区接待量;
    城乡居民人均可支配收入 -> 城镇居民…, 农村居民…; None when it lists no `count` names."""
    if name.startswith("城乡") and count == 2:
        return ["城镇" + name[2:], "农村" + name[2:]]
    deposits = _DEPOSITS_AND_LOANS.search(name)
    if deposits:  # 金融机构存贷款余额 / 存、贷款余额: deposits and loans, each its own figure
        before, after = name[:deposits.start()], name[deposits.end():]
        whole = [*_joined(before), before.split("和")[-1] + "存款" + after, before.split("和")[-1] + "贷款" + after]
        return whole if len(whole) == count else None
    names = name.split("、")
    if len(names) == count and all(measure_ending(item) for item in names):
        return names  # 一般公共预算总收入、地方一般公共预算收入分别增长4.9%和6.6%: each named whole
    if names[0].startswith("第") and all(item[:1] in "一二三四五六七八九十" for item in names[1:]):
        names = [names[0]] + ["第" + item for item in names[1:]]  # 第一、二、三产业 -> 第一, 第二, 第三产业
    shared = shared_tail(names)  # what follows the last listed name: 景区年游客接待量
    if len(names) != count or not shared:
        return None
    return [item if item.endswith(shared) else item + shared for item in names[:-1]] + [names[-1]]
