"""Passages -> figures: one Observation or Target per figure a sentence states.

A report states a figure as an indicator, a verb, a number with its unit, and then, in clauses of
their own, its growth and rank:

    2025年，全市地区生产总值完成1815.0亿元，同比增长3.2%，全省排名第8。
    ^time   ^area^indicator ^verb ^value ^unit ^growth     ^rank

A clause with no subject of its own ("同比增长3.2%") belongs to the figure before it, within the
same sentence only. "其中，…" opens the parts of the figure before it (一产增加值 is part of
地区生产总值). "A、B…分别突破528万人次、441万人次" gives A its figure and B its own. A number whose
measure cannot be named gives no figure rather than a wrongly named one. Every number written to
a Figure is a number of its clause (Chinese numerals as the integer they write).
"""

from __future__ import annotations

import re
from dataclasses import replace

from graph.extract.clauses import Clause, split_clauses
from graph.extract.comparisons import (
    AGAINST,
    GROWTH_BASES,
    GROWTH_DIRECTIONS,
    Comparisons,
    read_comparisons,
)
from graph.extract.indicators import (
    HAN_ONLY,
    MEASURE_VERB,
    NET_CHANGE,
    at_another_level,
    bare_verb,
    changed_measure,
    counted_noun,
    indicator_from_subject,
    leading_verb,
    measure_ending,
    names_actor,
    part_name,
    signed,
    strip_context,
    trim_measure,
)
from graph.extract.listings import distribute, growth_items, industry_structure, listed_amounts, respective
from graph.extract.names import unquote
from graph.extract.periods import FigureContext, ReportTimeline
from graph.extract.quantities import Quantity, find_quantities, normalized
from graph.extract.shifts import moved_rates, tallied
from graph.extract.spans import alternation, overlaps
from graph.extract.stated import NOTES, clause_span, make_figure, subject_start
from graph.extract.tables import table_figures
from graph.lexicons import column, rows, words
from graph.model import Document, Figure, FigureKind, Passage
from graph.numerals import parse_int

_PART_OF = "其中"
# 比上年减少 ; 较上年末增加 ; 比上年净增: the words of a change against a base, before its number
CHANGE = re.compile(rf"(?:{GROWTH_BASES}|{AGAINST})(?:{GROWTH_DIRECTIONS}|{NET_CHANGE.pattern.rstrip('$')})了?")
RATE_ENDINGS = ("率", "比重", "占比")  # a rate's change in points is its own, not its growth's
_QUOTES = "“”\"‘’"
# A bare total names the measure of the figure before it: 新增入驻企业73家，总量达109家
# 荣登“2025年康养城市排行榜百强”第49名: a place in a named ranking
LIST_RANK = re.compile(rf"[“\"《](?P<list>[^”\"》]{{2,30}}(?:{alternation(words('rank_words.tsv', 'quoted-list'))}))"
                       r"[”\"》]第(?P<rank>[0-9０-９]+)(?:位|名)")
# 位列中国某某指数第12位 ; 跃居全国先进制造业百强城市第六位 ; 某某城市前十强: a place in a ranking
# named without quotes, known by how such names end
NAMED_RANK = re.compile(
    rf"(?P<list>[\u4e00-\u9fff]{{2,16}}?(?:{alternation(words('rank_words.tsv', 'named-list'))}))"
    r"(?:第(?P<rank>[0-9０-９]+|[一二三四五六七八九十]+)(?:位|名)|前(?P<top>[一二三四五六七八九十百0-9０-９]+)(?:强|位|名))")
_RANKING_VERBS = re.compile(rf"^.*?(?:{alternation(words('rank_words.tsv', 'ranking'))})")
LEADING_YEAR = re.compile(r"^(?:19|20)[0-9]{2}年?")
_BREAKDOWN = re.compile(r"[0-9０-９]+大?类$")
GENERIC_TOTALS = words("total_words.tsv")
SHORT_NOUN_CHARS = 12
CUMULATIVE = re.compile(r"(?:累计|总计|共计)(?:达到|达|为|有)?")
# The units of a figure that counts things (个, 家, 户 …): the counters of units.tsv
COUNT_UNITS = tuple(unit for unit, quantity, *_ in rows("units.tsv") if quantity in ("units", "households"))
_ACTS = re.compile(r"(?:完成|实现)")  # what the things counted did, as a figure of theirs
_ISSUING = re.compile(alternation(column("policy_actions.tsv")))
# 总投资221.6亿元的某某技术改造项目: an investment stated before the project it is of
_INVESTMENT = ("总投资", "计划总投资", "投资")
_INVESTED_IN = re.compile(rf"^的(?P<project>[^，,。；;、的]{{2,40}}?(?:{alternation(words('project_endings.tsv'))}))")
bare_verb_prefix = re.compile(r"^(?:新增|新建|建成|培育|引进|引育|累计|开工)")


def extract_figures(document: Document) -> list[Figure]:
    timeline = ReportTimeline(document)
    figures: list[Figure] = []
    parent: str | None = None  # the whole that "其中" parts belong to, while its sentence lasts
    previous_main: str | None = None
    for passage in document.passages:
        if passage.table is not None:
            continue  # a table's row: read by its column heads (extract.tables), not as a sentence
        found = _figures_in(passage, document.text, timeline.context(passage))
        if passage.text.startswith(_PART_OF) and previous_main:
            parent = previous_main
        elif not _continues_previous(document, passage):
            parent = None
        if parent:
            found = [_part_of(f, parent) for f in found]
        if found and not passage.text.startswith(_PART_OF) and parent is None:
            previous_main = found[0].indicator
        figures.extend(found)
    return _with_years(figures + _implied_targets(figures) + table_figures(document))


def _with_years(figures: list[Figure]) -> list[Figure]:
    """A goal whose year neither the title, the part of the report nor the sentence says is no
    target the graph can hold (plan:targetYear is what a target is for): it is left out."""
    return [f for f in figures if f.kind is not FigureKind.TARGET or f.target_year is not None]


def _implied_targets(figures: list[Figure]) -> list[Figure]:
    """完成年度目标的95.06%: the year had a target for this indicator, stated only through the
    share achieved. It is recorded as a Target of that year with no number of its own."""
    implied = []
    for figure in figures:
        if figure.share_of_target and figure.kind is FigureKind.OBSERVATION and figure.period:
            year = int(figure.period[:4])
            implied.append(Figure(
                kind=FigureKind.TARGET, passage=figure.passage, start=figure.start, end=figure.end,
                indicator=figure.indicator, period=str(year), target_year=year,
                ref_area=figure.ref_area))
    return implied


def _part_of(figure: Figure, whole: str) -> Figure:
    """其中，一产增加值… : a part measured like its whole (both 增加值, both 投资) belongs to it;
    其中，云冈景区年游客接待量… after 门票收入 is no part of a revenue."""
    ending = measure_ending(figure.indicator)
    if figure.indicator != whole and ending and ending == measure_ending(whole):
        return replace(figure, parent_indicator=whole)
    return figure


def _continues_previous(document: Document, passage: Passage) -> bool:
    """A passage cut from the one before at a ； is the same sentence going on."""
    return passage.index > 0 and document.passages[passage.index - 1].text.endswith(("；", ";"))


def _figures_in(passage: Passage, file_text: str, context: FigureContext) -> list[Figure]:
    figures: list[Figure] = []
    current: Figure | None = None
    for whole in split_clauses(passage, file_text):
        for clause in growth_items(whole):
            made, current = _read_clause(clause, passage, context, current, figures)
            figures.extend(made)
    return figures


def _read_clause(clause: Clause, passage: Passage, context: FigureContext,
                 current: Figure | None, figures: list[Figure]) -> tuple[list[Figure], Figure | None]:
    """The figures a clause makes, and the figure that a following clause without subject adds to.
    A figure already made may still gain growth and rank from later clauses: it is replaced."""
    text = clause.text
    shared_out = listed_amounts(clause, passage, context) or industry_structure(clause, passage, context)
    if shared_out:
        return shared_out, shared_out[-1]
    moved = moved_rates(clause, passage, context, current) or tallied(clause, passage, context)
    if moved:
        return moved, current
    comparisons = read_comparisons(text)
    quantities = [q for q in find_quantities(text) if not overlaps((q.start, q.end), comparisons.spans)]
    amounts = [q for q in quantities if q.kind != "multiple"]
    multiples = [q for q in quantities if q.kind == "multiple"]
    made: list[Figure] = []
    cursor = 0
    for quantity in amounts:
        subject = text[cursor:quantity.start]
        subject_at = cursor
        indicator: str | None
        if _numbered_title(subject, quantity):
            cursor, current = quantity.end, None  # 出台促进消费升级20条: a policy's title, no count
            continue
        if quantity.kind == "streak":  # 实现“十六连丰”: the streak names itself
            indicator = "连" + text[quantity.end - 1]
        elif quantity.unit is None and quantity.kind == "amount":  # 综合指数3.26: only a named measure
            indicator = indicator_from_subject(subject)
        else:
            indicator = _name_of(subject, text[quantity.end:], current, made, len(amounts) > 1)
        cursor = quantity.end
        if indicator is None and current is not None and CHANGE.fullmatch(subject.strip(" ，,、")):
            # 粮食播种面积98.21万亩，比上年减少4403亩: the change is a figure of its own, and what
            # follows (增长5.4%) is still of the figure before
            change = make_figure(clause, passage, context, current.indicator + subject.strip(" ，,、"),
                             text[:quantity.start], quantity)
            start, end = clause_span(clause, subject_at, quantity.end)
            made.append(replace(change, start=start, end=end))
            continue
        if indicator is None and current is not None and _reached_after_change(subject, current, quantity):
            # 城镇化率提高1.2个百分点，达到66.3%: the level the change reached, a figure of the measure
            level = _level_reached(clause, passage, context, current, text[:quantity.start], quantity)
            made.append(level)
            current = level
            continue
        if indicator is None and current is not None and _exact_after_bound(subject, current, made, quantity):
            # 地区生产总值突破5000亿元大关，达到5126.8亿元: the value reached, not the mark it passed
            current = _with_value(replace(current, qualifier=None), quantity, clause)
            _replace(current, figures, made)
            continue
        if indicator is None and current is not None and _adds_value(subject, current, made, quantity):
            # 社会消费品零售总额增长5.9%，达到823.5亿元: the figure before gets its value
            current = _with_value(current, quantity, clause)
            _replace(current, figures, made)
            continue
        if indicator is None and _among_parts(clause, passage) and (not made or subject.startswith("、")):
            # 其中退减缓免税费271亿元: a part, named by a plain noun; 其中城镇居民46210元、农村居民
            # 24105元: and each part listed after it
            indicator = _named_with_whole(part_name(subject.lstrip("、")), _whole_before(clause, passage, figures))
        if indicator is None:
            current = None  # a number we cannot name: what follows does not belong to the last figure
            continue
        before = made[-1] if made else current
        if before is not None and _after_counted(subject, before.indicator):
            subject_at = quantity.start  # 25个精品示范村和200个提档升级村: the second begins at its count
        end = quantity.end + _noun_length(text[quantity.end:], indicator)
        span = clause.span(subject_start(text, subject_at), end)
        figure = make_figure(clause, passage, context, indicator, text[:quantity.start], quantity, span)
        made.append(figure)
        current = figure
    made = distribute(made, text)
    if comparisons.respective_rates:
        return respective(clause, passage, context, comparisons, made, figures), None
    if not amounts and not LIST_RANK.search(text) and NAMED_RANK.search(text):
        return _named_ranks(clause, passage, context), None
    listed = LIST_RANK.search(text)
    if listed and not amounts:
        name = listed.group("list")
        figure = replace(make_figure(clause, passage, context, LEADING_YEAR.sub("", name), text, None),
                         rank=parse_int(listed.group("rank")), rank_scope=name)
        start, end = clause.span(listed.start(), listed.end())
        return [replace(figure, start=start, end=end)], None
    if not amounts and comparisons.any:
        subject = text[:comparisons.spans[0][0]]
        indicator = indicator_from_subject(subject) or (part_name(subject) if _among_parts(clause, passage) else None)
        if indicator and _only_a_change(comparisons):
            # 第二产业比重较上年下降1.5个百分点: the change is the figure; the share is not stated
            change = _change_figure(clause, passage, context, indicator, False, comparisons)
            return [change], change  # what a clause after it reached (达到66.3%) is the measure's level
        if indicator:
            current = make_figure(clause, passage, context, indicator, subject, None)
            made.append(current)
    if current is not None and (comparisons.any or multiples) and not _is_change(current):
        updated = _with_comparisons(current, comparisons, multiples, clause)
        if current in made:
            made[made.index(current)] = updated
        elif current in figures:
            figures[figures.index(current)] = updated
        current = updated
        if comparisons.change_words:
            made.append(_change_figure(clause, passage, context, current.indicator,
                                       current.growth_rate is not None, comparisons))
        if "均" in clause.text and (comparisons.rank or comparisons.growth_rank):
            _rank_them_all(figures, passage, current, comparisons)
    return made, current


def _numbered_title(subject: str, quantity: Quantity) -> bool:
    """出台“助企兴龙”10条 ; 印发推动高质量发展60条: a policy named by its number of articles, right
    after the verb that issues it, is a title (policies.py reads it), not a count of something."""
    return (quantity.unit is not None and quantity.unit.written == "条" and quantity.bound is None
            and bool(_ISSUING.search(subject)) and not MEASURE_VERB.search(subject))


def _whole_before(clause: Clause, passage: Passage, figures: list[Figure]) -> str | None:
    """The whole whose parts follow 其中 in this passage: the last figure made before the 其中."""
    at = passage.text.rfind(_PART_OF, 0, clause.position + len(_PART_OF))
    if at < 0:
        return None
    opens = passage.start + at if not passage.offsets else passage.offsets[at]
    before = [figure for figure in figures if figure.start < opens]
    return before[-1].indicator if before else None


def _named_with_whole(part: str | None, whole: str | None) -> str | None:
    """城镇居民 of 全体居民人均可支配收入 is 城镇居民人均可支配收入: a part that ends with words of
    the whole's names the measure that follows them in the whole (规模以上工业 of 工业增加值 likewise)."""
    if part is None or whole is None:
        return part
    for shared in range(min(len(part), len(whole) - 1), 1, -1):
        at = whole.find(part[-shared:])
        if at >= 0 and at + shared < len(whole):
            return part + whole[at + shared:]
    return part


def _among_parts(clause: Clause, passage: Passage) -> bool:
    """Whether a clause comes after the 其中 that opens the parts of a whole, in its passage."""
    return _PART_OF in passage.text[:clause.position] or clause.text.startswith(_PART_OF)


def _rank_them_all(figures: list[Figure], passage: Passage, current: Figure, comparisons: Comparisons) -> None:
    """A增长6.1%，B增长9.5%，增速均居全省第一: one rank for each figure of the sentence that has none of
    its own; after a list (A、B分别达到…，均保持全省第三), for the figures of that list."""
    listed = [f for f in figures if f.passage == passage.index and f.start == current.start]
    for index, figure in enumerate(figures):
        if figure.passage != passage.index or figure.kind is not FigureKind.OBSERVATION:
            continue
        if len(listed) > 1 and figure not in listed:
            continue
        if comparisons.growth_rank and figure.growth_rank is None and figure.growth_rate is not None:
            figures[index] = replace(figure, growth_rank=comparisons.growth_rank, rank_scope=comparisons.rank_scope)
        elif comparisons.rank and figure.rank is None and figure.value is not None:
            figures[index] = replace(figure, rank=comparisons.rank, rank_scope=comparisons.rank_scope)


def _named_ranks(clause: Clause, passage: Passage, context: FigureContext) -> list[Figure]:
    """位列中国大城强城指数前十强、中国地级市基本现代化指数第12位: one figure a ranking, named by it."""
    figures = []
    for match in NAMED_RANK.finditer(clause.text):
        name = LEADING_YEAR.sub("", _RANKING_VERBS.sub("", match.group("list")))
        if len(name) < 4:
            continue
        top = match.group("top")
        figure = replace(make_figure(clause, passage, context, name, clause.text[:match.start()], None),
                         rank=parse_int(match.group("rank") or top), rank_scope=name,
                         qualifier="前" if top else None)
        start, end = clause.span(match.start("list") + match.group("list").find(name), match.end())
        figures.append(replace(figure, start=start, end=end))
    return figures


def _only_a_change(comparisons: Comparisons) -> bool:
    return comparisons.change_words is not None and all(value is None for value in (
        comparisons.growth_rate, comparisons.rank, comparisons.growth_rank, comparisons.rank_note,
        comparisons.share_of_target))


def _change_figure(clause: Clause, passage: Passage, context: FigureContext, indicator: str,
                   of_growth: bool, comparisons: Comparisons) -> Figure:
    """较一季度提高1.1个百分点 after 地区生产总值增长5.6%: a figure of its own, named by what changed
    and how (地区生产总值增速较一季度提高), its number as written, in points."""
    assert comparisons.change_words is not None and comparisons.change_span is not None
    rate = comparisons.change_unit == "个百分点" and of_growth and not indicator.endswith(RATE_ENDINGS)
    name = indicator + ("增速" if rate else "") + comparisons.change_words
    figure = make_figure(clause, passage, context, name, clause.text[:comparisons.change_span[0]], None)
    start, end = clause_span(clause, *comparisons.change_span)
    return replace(figure, value=comparisons.change_value, unit=comparisons.change_unit, start=start, end=end)


def _reached_after_change(subject: str, current: Figure, quantity: Quantity) -> bool:
    """达到66.3% after 城镇化率提高1.2个百分点: a level in percent reached by a change in points."""
    return _is_change(current) and current.growth_rate is None and _in_percent(quantity) and _only_a_verb(subject)


def _is_change(figure: Figure) -> bool:
    """城镇化率提高 1.2个百分点: a figure that is a measure's change in points, not the measure."""
    return figure.unit == "个百分点" and changed_measure(figure.indicator) is not None


def _level_reached(clause: Clause, passage: Passage, context: FigureContext, change: Figure,
                   before: str, quantity: Quantity) -> Figure:
    """The measure's figure at the level reached, its change in points beside it, over both clauses."""
    measure, sign = changed_measure(change.indicator) or (change.indicator, 1)
    figure = make_figure(clause, passage, context, measure, before, quantity)
    points = signed(change.value, sign) if change.value is not None else None
    return replace(figure, point_change=points, start=min(change.start, figure.start), end=max(change.end, figure.end))


def _exact_after_bound(subject: str, current: Figure, made: list[Figure], quantity: Quantity) -> bool:
    """达到5126.8亿元 after 突破5000亿元大关 (or 超过, 近): the figure's value, stated exactly."""
    scaled = normalized(quantity)
    return (not made and current.value is not None and current.qualifier is not None and quantity.bound is None
            and scaled is not None and scaled[1] == current.normalized_unit and _only_a_verb(subject))


def _adds_value(subject: str, current: Figure | None, made: list[Figure], quantity: Quantity) -> bool:
    """社会消费品零售总额增长5.9%，达到823.5亿元: the figure before gets its value. A percent after
    its growth rate is another rate, not its value (地区生产总值增长5.5%左右，力争实现6%)."""
    stretch = _in_percent(quantity) and current is not None and current.growth_rate is not None
    return (current is not None and not made and current.value is None and current.ratio is None
            and not stretch and _only_a_verb(subject))


def _only_a_verb(subject: str) -> bool:
    """达到, 为, 实现: a clause's subject that names nothing, only that what follows is measured."""
    return not strip_context(subject) and bool(MEASURE_VERB.search(subject))


def _in_percent(quantity: Quantity) -> bool:
    return quantity.unit is not None and quantity.unit.base == "%"


def _with_value(figure: Figure, quantity: Quantity, clause: Clause) -> Figure:
    scaled = normalized(quantity)
    return replace(
        figure, value=quantity.number, unit=quantity.unit.written if quantity.unit else None,
        normalized_value=scaled[0] if scaled else None, normalized_unit=scaled[1] if scaled else None,
        qualifier=figure.qualifier or quantity.bound, end=max(figure.end, clause.end))


def _replace(updated: Figure, figures: list[Figure], made: list[Figure]) -> None:
    """Put an updated figure where its earlier version stands (same span)."""
    for collection in (made, figures):
        for index, figure in enumerate(collection):
            if (figure.start, figure.passage, figure.indicator) == (updated.start, updated.passage, updated.indicator):
                collection[index] = updated
                return


def _name_of(subject: str, following: str, current: Figure | None, made: list[Figure],
             several: bool) -> str | None:
    """Name the measure of a number: by its subject, else the noun it counts, else as the
    verb's object when the verb's object is the figure before (新增3270户 after 民营企业达…户)."""
    previous = made[-1] if made else current
    subject = _BREAKDOWN.sub("", subject)  # 共开发7大类75种产品: the 75 are products, in 7 kinds
    if previous is not None and CUMULATIVE.fullmatch(subject.strip(" ，,、")):
        return _without_verb(previous.indicator) + "累计"  # 新增6家某某区，累计达14家: the running total
    indicator = indicator_from_subject(subject)
    if indicator and previous is not None and previous.unit in COUNT_UNITS and _ACTS.match(subject.strip(" ，,、")):
        return previous.indicator + subject.strip(" ，,、")  # 新开工项目32个，完成年度投资102.7亿元: theirs
    owner = _INVESTED_IN.match(following) if indicator and indicator.endswith(_INVESTMENT) else None
    if indicator and owner:
        return owner.group("project") + indicator  # 总投资221.6亿元的某某改造项目开工: the project's
    if indicator in GENERIC_TOTALS and previous is not None:
        return _without_verb(previous.indicator) + indicator  # 新增入驻企业73家，总量达109家
    if indicator and indicator.startswith("占") and previous is not None:
        return previous.indicator + indicator  # 乡村人口149.59万人，占常住人口的比重为59.7%
    if indicator:
        return indicator
    if previous is not None:
        renamed = at_another_level(subject, previous.indicator)
        if renamed:
            return renamed
    noun = counted_noun(following)
    joiner = subject.strip() in _JOINERS
    if noun and previous is not None and _after_counted(subject, previous.indicator):
        # 出台175项稳经济政策和73项接续措施: the next count of the same verb
        counted = subject.strip()[:-1]
        return previous.indicator[:-len(counted)] + noun
    verb = bare_verb(subject, previous.indicator if previous else None)
    if noun and (joiner or not strip_context(subject) or subject.rstrip().endswith("的") or verb):
        noun = trim_measure(noun) if several else noun
        return verb + noun if verb else noun
    if joiner and previous is not None:
        return previous.indicator  # 分别突破528万人次、441万人次: named when the list is shared out
    listed = _listed_after_verb(subject, previous)
    if listed:
        return listed
    if verb and previous is not None:
        if names_actor(subject, previous.indicator):
            return previous.indicator + verb  # 帮扶车间吸纳8096人 ; 输变电工程已开工6个
        return verb + _without_verb(previous.indicator)  # 民营企业达25.3万户、新增3270户
    return None


_JOINERS = ("、", "和", "及", "与")


def _after_counted(subject: str, previous: str) -> bool:
    """Whether the words before a count are the noun the count before counted, and a joiner."""
    words_before = subject.strip()
    return len(words_before) > 2 and words_before.endswith(_JOINERS) and previous.endswith(words_before[:-1])


def _listed_after_verb(subject: str, previous: Figure | None) -> str | None:
    """新增国家科技型中小企业191户、高新技术企业73户: a noun listed after a figure named by a verb and
    its object is the verb's next object (新增高新技术企业)."""
    if previous is None or not subject.startswith("、"):
        return None
    verb = bare_verb_prefix.match(previous.indicator)
    verb_said = verb.group() if verb else leading_verb(previous.indicator)  # 列入省级重大项目4个、市级…26个
    noun = unquote(subject[1:].strip())
    if not verb_said or not 2 <= len(noun) <= SHORT_NOUN_CHARS or not HAN_ONLY.fullmatch(noun):
        return None
    return verb_said + noun


def _without_verb(indicator: str) -> str:
    stripped = NET_CHANGE.sub("", bare_verb_prefix.sub("", indicator))  # 新增入驻企业 ; 经营主体净增
    return stripped if len(stripped) >= 2 else indicator


def _with_comparisons(figure: Figure, comparisons: Comparisons, multiples: list[Quantity],
                      clause: Clause) -> Figure:
    """Add what a clause says of a figure to it, never overwriting what it already has."""
    def keep(old, new):
        return old if old is not None else new
    return replace(
        figure,
        end=max(figure.end, clause.end),  # what a clause adds follows the figure it adds to
        growth_rate=keep(figure.growth_rate, comparisons.growth_rate),
        point_change=keep(figure.point_change, comparisons.point_change),
        rank=keep(figure.rank, comparisons.rank),
        growth_rank=keep(figure.growth_rank, comparisons.growth_rank),
        rank_scope=keep(figure.rank_scope, comparisons.rank_scope),
        rank_note=keep(figure.rank_note, comparisons.rank_note),
        share_of_target=keep(figure.share_of_target, comparisons.share_of_target),
        multiple=keep(figure.multiple, multiples[0].number if multiples else None),
        qualifier=keep(figure.qualifier, comparisons.growth_bound),
        notes=figure.notes + tuple(n for n in NOTES if n in clause.text and n not in figure.notes),  # 同口径增长
    )


def _noun_length(following: str, indicator: str) -> int:
    """How far the noun a count counts runs after it (新型储能项目 in 7个新型储能项目开工建设),
    quotes included, so that the figure's span covers its name; 0 when the name came before."""
    if following.startswith("的") and indicator.startswith(following[1:3]):  # 221.6亿元的某某项目: the owner's name
        owner = _INVESTED_IN.match(following)
        return owner.end() if owner else 0
    letters = [(index, char) for index, char in enumerate(following) if char not in _QUOTES]
    noun = "".join(char for _, char in letters)
    for size in range(min(len(noun), len(indicator)), 1, -1):
        if indicator.endswith(noun[:size]):
            return letters[size - 1][0] + 1
    return 0

