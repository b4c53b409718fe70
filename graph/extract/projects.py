"""Projects a passage names, with what the passage says happened to them.

    by their ending    晋北某某基地项目开工建设 ; 某某快线西段续建工程建成通车 ; 某某算力中心二期加快建设
                       太焦铁路 ; 全省首个水利工程某某水库开工 (a line or site named after its places, or
                       a name after its kind: a two-character core is enough)
    in a list          A、B等一批龙头项目落地 ; A、B两个2×100万千瓦“上大压小”煤电项目有序推进
                       A、B等10亿元以上项目加快建设 (a size, not a count)
    a list of firms    A、B等制造业项目竣工投产: the projects of companies A and B (A项目, B项目), and
                       the companies (listed_companies)

A phase (二期, 三期) is part of the name, so phases stay apart. A count (7个新型储能项目, 21项城建
工程), a rank (省级…, 首批…) or a name made only of generic words is a kind of project, not one;
so is a piece of a slogan (“三中心两高地一枢纽”) and an ending that is part of a longer word
(建设某某中心城市, 这一中心工作, 各项目标: lexicons/ending_continuations.tsv).
The status is the status words of lexicons/project_statuses.tsv in the rest of the clause, or
before the name when none follows (扎实推进某某项目).
"""

from __future__ import annotations

import re
from functools import cache

from graph.extract.clauses import passage_offsets
from graph.extract.names import LISTED_AS_CORE, NAME_CHARS, is_generic, shared_tail, trim_leading, unquote
from graph.extract.spans import Guarded, alternation, file_span, keep_longest, overlaps
from graph.lexicons import column, rows, words
from graph.model import Document, Mention

PHASE = r"(?:[一二三四五六七八九十0-9]+期)"
CAPACITY = re.compile(r"[0-9０-９]+(?:[.．][0-9]+)?\s*[×xX*]\s*[0-9０-９]+(?:[.．][0-9]+)?万?千瓦"
                      r"|[0-9０-９]+(?:[.．][0-9]+)?万千瓦")
_COUNT_BEFORE = re.compile(r"(?:[0-9０-９]+|[一二两三四五六七八九十]+)(?:个|项|座|批|类|大)$")
_CATEGORY_BEFORE = re.compile(f"(?:{alternation(words('project_kind_words.tsv', 'before'))})$")
_LEVEL_START = re.compile(f"^(?:{alternation(words('project_kind_words.tsv', 'start'))})")
_CLAUSE_END = re.compile(r"[，,；;。！？!?]")
# A、B等一批龙头项目 ; A、B两个…煤电项目 (every list holds 等 or 个, and 项目, 工程 or 基地)
_LISTED = Guarded(re.compile(
    rf"(?P<items>{NAME_CHARS}+(?:、{NAME_CHARS}+)*)(?:等(?:一批)?|(?<![0-9等])(?P<count>[两三四五六七八九十0-9]+)个)"
    rf"(?P<kind>[^，。；、]{{0,30}}(?:项目|工程|基地))"), "等", "个", and_one_of=("项目", "工程", "基地"))
# Words of the sentence that never stand inside a project's name: the name starts after them
_MID_CUT = re.compile(alternation(words("name_breaks.tsv", "project")))
_COUNT_AFTER = re.compile(r"[0-9０-９]+(?:个|项|批)")  # 投资项目23个: a count of projects, not one
_NOT_A_NAME = re.compile(r"的|等|[0-9０-９]+[类个项]")
_STYLE = re.compile(r"^[\u4e00-\u9fff]{1,3}式")  # 沉浸式、行进式演艺项目: a style of project
_LEADING_COUNT = re.compile(r"^(?:[0-9０-９]+|[一二两三四五六七八九十]+)(?:个|项|座|批|类)")
_ADJECTIVES = re.compile(f"^(?:{alternation(words('project_list_qualifiers.tsv'))})+")
# 10亿元以上项目, 亿元以上项目: the size of the projects a list names, not a count of them
_SIZE = re.compile(r"(?:[0-9０-９]+(?:[.．][0-9]+)?)?[万亿]?元(?:及)?以上")
# 制造业项目, 服务业项目: projects of an industry; the names listed before are the companies'
_INDUSTRY = re.compile(r"^[\u4e00-\u9fff]{0,6}业(?=项目$)")
_QUOTED = re.compile(r"“[^”]*”")
_RUN = re.compile(rf"{NAME_CHARS}+")
CORE_MIN = 3
# 太焦铁路, 大兴机场: a line or site named after its places; 水利工程某某水库: after its kind
CORE_MIN_SHORT = 2


@cache
def _endings() -> str:
    return alternation(column("project_endings.tsv"))


@cache
def _short_endings() -> str:
    return alternation(words("project_endings.tsv", "short"))


@cache
def _ending_at_end() -> re.Pattern:
    """A project ending that ends a name: compiled once, not per candidate."""
    return re.compile(rf"(?:{_endings()})$")


@cache
def _phased_ending_at_end() -> re.Pattern:
    """A project ending and its phase (二期) that end a name."""
    return re.compile(rf"(?:{_endings()}){PHASE}?$")


@cache
def _short_ending_at_end() -> re.Pattern:
    return re.compile(rf"(?:{_short_endings()}){PHASE}?$")


@cache
def _statuses() -> re.Pattern:
    return re.compile(alternation(column("project_statuses.tsv")))


@cache
def _name_pattern() -> Guarded:
    """A name up to its ending, tried only on the runs of name characters that hold an ending."""
    # a phase may be followed by the part of the site it builds: 某某港二期码头工程
    phase = rf"(?:{PHASE}(?:{NAME_CHARS}{{1,6}}?(?:{_endings()}))?)"
    pattern = rf"{NAME_CHARS}+?(?:{_endings()}){phase}?(?:项目|工程)?{PHASE}?(?![\u4e00-\u9fff]{{0,1}}期)"
    return Guarded(re.compile(pattern), *column("project_endings.tsv"))


def find_projects(document: Document) -> list[Mention]:
    mentions: list[Mention] = []
    for passage in document.passages:
        offsets = passage_offsets(passage, document.text)
        text = passage.text
        listed = [found[:4] for found in _listed(text)]
        named = [found for found in _by_ending(text) if not overlaps((found[0], found[1]), listed)]
        for start, end, name, capacity in sorted(listed + named):
            statuses = _statuses_of(text, start, end)
            mentions.append(Mention("Project", name, passage.index, *file_span(offsets, start, end),
                                    statuses=statuses, capacity=capacity))
    return mentions


def listed_companies(document: Document) -> list[Mention]:
    """康辉某某、安某某等制造业项目竣工投产: a list of an industry's projects names them by their
    companies, so each listed name is a company too."""
    mentions: list[Mention] = []
    for passage in document.passages:
        offsets = passage_offsets(passage, document.text)
        for start, end, _, _, company in _listed(passage.text):
            if company:
                mentions.append(Mention("Company", company, passage.index, *file_span(offsets, start, end)))
    return mentions


def _by_ending(text: str) -> list[tuple[int, int, str, str | None]]:
    found = []
    for run in _RUN.finditer(text):
        kind_before = -1  # where the last ending before stands: 水利工程白鹭水库 names after a kind
        for match in _name_pattern().finditer(run.group()):
            end = run.start() + match.end()
            candidate = _after_last(match.group(), "的")
            cuts = list(_MID_CUT.finditer(candidate))
            if cuts:
                candidate = candidate[cuts[-1].end():]
            name = trim_leading(candidate)
            start = end - len(name)
            short = start == kind_before or _short_ending_at_end().search(name)
            core_min = CORE_MIN_SHORT if short else CORE_MIN
            if _is_named(text, start, name, core_min):
                found.append((start, end, unquote(name), _capacity(name)))
            kind_before = end
    return keep_longest(found)


Listed = tuple[int, int, str, "str | None", "str | None"]  # span, name, capacity, its company


def _listed(text: str) -> list[Listed]:
    return _listed_as_core(text) + _listed_with_kind(text)


def _listed_as_core(text: str) -> list[Listed]:
    """以A、B、C大数据中心为核心: the listed names with the tail the last one carries."""
    found: list[Listed] = []
    for match in LISTED_AS_CORE.finditer(text):
        items = match.group("items").split("、")
        shared = shared_tail(items)
        if _ending_at_end().search(shared):
            position = match.start("items")
            for item in items:
                start = text.index(item, position)
                position = start + len(item)
                name = item if item.endswith(shared) else item + shared
                found.append((start, start + len(item), unquote(name), None, None))
    return found


def _listed_with_kind(text: str) -> list[Listed]:
    """A、B等一批龙头项目 ; A、B两个…煤电项目 ; A、B等制造业项目 (the companies' projects)."""
    found: list[Listed] = []
    for match in _LISTED.finditer(text):
        items = match.group("items").split("、")
        kind = match.group("kind")
        counted = re.search(r"[0-9０-９]", _ADJECTIVES.sub("", _SIZE.sub("", CAPACITY.sub("", kind))))
        if (match.group("count") and len(items) < 2) or counted:
            continue  # 8个输变电工程, 7类105个重点项目: counted, not named
        capacity = _capacity(kind)
        head = _head(kind)
        of_companies = bool(_INDUSTRY.search(head))
        head = _INDUSTRY.sub("", head)
        position = match.start("items")
        for index, item in enumerate(items):
            start = text.index(item, position)
            position = start + len(item)
            if index == 0:
                cuts = list(_MID_CUT.finditer(item))
                trimmed = trim_leading(item[cuts[-1].end():] if cuts else item)
                start += len(item) - len(trimmed)
                item = trimmed
            name = unquote(item)
            ends_named = _phased_ending_at_end().search(name)
            if not ends_named:
                name += head
            if len(item) >= 2 and not is_generic(item) and not _NOT_A_NAME.search(item):
                company = unquote(item) if of_companies and not ends_named else None
                found.append((start, start + len(item), name, capacity, company))
    return found


def _head(kind: str) -> str:
    """2×100万千瓦“上大压小”煤电项目 -> 煤电项目, 大型新能源基地项目 -> 新能源基地项目: the words
    of a list's kind that each listed name takes."""
    words = re.sub(r"“[^”]*”", "", _SIZE.sub("", CAPACITY.sub("", kind)))
    return _ADJECTIVES.sub("", words) or words


def _is_named(text: str, start: int, name: str, core_min: int = CORE_MIN) -> bool:
    written_core = _phased_ending_at_end().sub("", name)
    core = unquote(written_core)
    before = text[:start]
    return (len(re.findall(r"[\u4e00-\u9fffA-Za-z]", core)) >= core_min
            and not is_generic(core) and not is_generic(_QUOTED.sub("", written_core))
            and not _STYLE.search(core) and not _LEADING_COUNT.search(name)
            and not _inside_title(text, start) and not _inside_quote(text, start)
            and not _continued(text, start + len(name), name)
            and not _COUNT_AFTER.match(text[start + len(name):])
            and not _COUNT_BEFORE.search(before) and not _CATEGORY_BEFORE.search(before)
            and not _LEVEL_START.search(name)
            and not CAPACITY.fullmatch(core))


def _inside_title(text: str, position: int) -> bool:
    return text.rfind("《", 0, position) > text.rfind("》", 0, position)


def _inside_quote(text: str, position: int) -> bool:
    """“三中心两高地一枢纽”建设: a name that starts inside a quotation is a piece of a slogan."""
    return text.rfind("“", 0, position) > text.rfind("”", 0, position)


@cache
def _continuations() -> tuple[tuple[str, tuple[str, ...]], ...]:
    return tuple((word, () if endings == "-" else tuple(endings.split(",")))
                 for word, endings in rows("ending_continuations.tsv"))


def _continued(text: str, end: int, name: str) -> bool:
    """建设某某中心城市 ; 这一中心工作 ; 各项目标: the ending runs on into a longer word."""
    after = text[end:].lstrip("”’\"")
    return any(after.startswith(word) and (not endings or name.endswith(endings))
               for word, endings in _continuations())


def _statuses_of(text: str, start: int, end: int) -> tuple[str, ...]:
    """The status words after the name, to the end of its clause; else those before it."""
    stop = _CLAUSE_END.search(text, end)
    after = text[end: stop.start() if stop else len(text)]
    found = _statuses().findall(after)
    if not found:
        begin = max((m.end() for m in _CLAUSE_END.finditer(text, 0, start)), default=0)
        found = _statuses().findall(text[begin:start])
    return tuple(dict.fromkeys(found))


def _capacity(text: str) -> str | None:
    match = CAPACITY.search(text)
    return match.group().replace(" ", "") if match else None


def _after_last(text: str, mark: str) -> str:
    return text[text.rindex(mark) + 1:] if mark in text else text

