"""The indicator a figure measures, from the words around its number.

Reports name a measure in three ways:

    subject before the number   全市地区生产总值完成1815.0亿元      -> 地区生产总值
    verb and object before it   提供就业岗位17.38万个              -> 就业岗位
    counted noun after it       7个新型储能项目开工建设            -> 新型储能项目

Time, area and linking words around the name are dropped (2025年，全市 … 完成), and a subject
phrase is an indicator only when it ends the way indicator names end
(lexicons/indicator_endings.tsv); otherwise the figure would be named by a stray phrase.
"""

from __future__ import annotations

import re
from functools import cache

from graph.extract import gazetteer
from graph.extract.spans import alternation, longest_first
from graph.lexicons import column, rows, words

_TIME = (r"(?:19|20)[0-9]{2}年(?:[0-9]{1,2}月)?(?:份)?|[0-9０-９]{1,2}\s*[-—～~至]\s*[0-9０-９]{1,2}月(?:份)?"
         r"|截至[^，]{0,10}?(?:底|末|目前|月)|截止[^，]{0,10}?(?:底|末|目前)|全年|今年|当年|年内|上半年|下半年"
         r"|前三季度|[一二三四]季度|一年来|过去一年|目前|近年来|五年来")
_AREA = alternation(words("area_words.tsv"), in_order=True)
_LINK = alternation(words("linking_words.tsv"), in_order=True)
# 年末全市常住人口 -> 年末常住人口: the area between the point of the year and the measure
_YEAR_END_AREA = re.compile(rf"^(?P<when>年末|年底|年初)(?:{_AREA})")
_LINKS_TO_A_NUMBER = frozenset(words("words_before_numbers.tsv"))  # 完成职业技能培训1.52万人: 完成 links
_LEADING_TIME_OR_AREA = re.compile(rf"^(?:(?:{_TIME}|{_AREA})[，,、]?)+")
LEADING = re.compile(rf"^(?:{_TIME}|{_AREA}|{_LINK})[，,、]?")
TRAILING = re.compile(f"(?:{alternation(words('words_before_numbers.tsv'))})+$")
# 主要预期目标是地区生产总值增长6%以上 ; 力争粮食产量: what the goal is comes after the words naming it
_GOAL_CUE = re.compile(f"(?:{alternation(words('target_cues.tsv'))})(?:是|为)?[:：]?")
# Verbs that open a verb-object indicator: 提供就业岗位17.38万个, 发放贷款376亿元
OBJECT_VERBS = words("object_verbs.tsv")
_OBJECT_VERB = re.compile(f"(?:{alternation(OBJECT_VERBS)})")
_ACTION_VERB = re.compile(alternation(words("action_verbs.tsv")))
_VERB_CHAIN = re.compile(f"(?:{alternation(OBJECT_VERBS)}|{alternation(words('action_verbs.tsv'))}){{2,3}}")
_ENDINGS = longest_first(column("indicator_endings.tsv"))
_HAN = re.compile(r"[\u4e00-\u9fff]")
_DIGIT = re.compile(r"[0-9０-９]")
_COUNT_INSIDE = re.compile(r"[0-9０-９]+[个家项座户人万亿]")
# The noun counted after a count: 7个|新型储能项目|开工建设 ; stops at a verb or adverb
_COUNTED_STOP = re.compile(
    r"(?:[0-9０-９]|(?:和|及|与)(?=[0-9０-９])|的|在|累计|突破|超过|达到|达|共|全部|全面|全力|正式|已经|已|均|开工|建成|投产|投用|完成|实现|达到|入驻|入选|参加|参评|参与|落地|"
    r"获评|通过|纳入|应用|提供|带动|吸纳|覆盖|开展|进行|、|，|；|。)")
MAX_CHARS = 24
# 8条特色餐饮街区和“某某名宴”: a quoted name joined after the counted noun is another thing, not counted
_QUOTED_AFTER_JOIN = re.compile(r"(?:和|及|与)(?=[“\"])")
_NOTE = re.compile(r"[(（]下同[)）]")  # 预计(下同)全年地区生产总值: a note on the words before it
# 新开工5亿元以上项目: a threshold is part of the name of what is counted
_THRESHOLD = re.compile(r"[0-9０-９]+(?:[.．][0-9]+)?[万亿]?元?(?:以上|以下)")
# 白名单企业正常生产率保持 -> 白名单企业 ; 行业大类中 -> 行业大类: what is counted, not the measure of it after
_COUNTED_HEAD = re.compile(
    rf"^(?P<head>[\u4e00-\u9fff]*?(?:{alternation(words('counted_heads.tsv'))}))"
    rf"(?:中|[\u4e00-\u9fff]+?(?:{alternation(column('indicator_endings.tsv'))})(?:{alternation(words('words_before_numbers.tsv'))})*)$")
PLACE_PREFIX_MAX = 8  # the longest division name worth trying before a measure
PLACE_PREFIX_MAX = 8  # 鄂尔多斯市, 巴音郭楞蒙古自治州 aside: the longest division name worth trying
SHORT_NAME_CHARS = 12
# 完成/实现/达到 between a subject and its measure: 市属国有企业实现营收 names 市属国有企业营收
_INNERMEASURE_VERB = re.compile(r"(?<=[\u4e00-\u9fff])(?:实现|完成)(?=[\u4e00-\u9fff]{2})")
# Verbs that say the words before them are a measure with a value: X完成N / X达N / X为N
MEASURE_VERB = re.compile(alternation(words("words_before_numbers.tsv", "measure")))
# A note in brackets that ends a phrase: (不含农户), (GDP), (常住人口城镇化率)
_BRACKETED = re.compile(r"[(（](?P<inner>[^()（）]{1,16})[)）]$")
HAN_ONLY = re.compile(r"[\u4e00-\u9fff]+")  # a name of Chinese characters alone
_PLAIN_NAME = re.compile(r"[\u4e00-\u9fffA-Za-z0-9()（）]+")


# 面积第三、人口超过850万: a figure stated before a 、 is one of its own, not part of the next name
_STATED_BEFORE = re.compile(
    r"^.*(?:[\u4e00-\u9fff]{2}第[0-9０-９一二三四五六七八九十]+(?:位|名)?|[0-9０-９][.．0-9０-９]*[^0-9０-９、]{0,4})、")


def indicator_from_subject(phrase: str) -> str | None:
    """The indicator the words before a number name, or None when they name none."""
    name = _INNERMEASURE_VERB.sub("", strip_context(_STATED_BEFORE.sub("", phrase)))
    if not name:
        return None
    note = _BRACKETED.search(name)
    if note and _is_indicator_name(note.group("inner")):
        return note.group("inner")  # 占常住人口的比重(常住人口城镇化率)为: the measure the brackets name
    if _is_indicator_name(name):
        return name  # 全市地区生产总值完成 -> 地区生产总值 ; 市属国有企业实现营收 -> 市属国有企业营收
    lead = _OBJECT_VERB.match(_LEADING_TIME_OR_AREA.sub("", phrase.strip(" ，,、：:")))
    if lead and not name.startswith(lead.group()) and lead.group() not in _LINKS_TO_A_NUMBER:
        name = lead.group() + name  # 争取增发国债项目69个: 争取 is a word of goals, and here what was done
    for verb in _OBJECT_VERB.finditer(name):
        obj = strip_context(name[verb.end():])
        if _OBJECT_VERB.fullmatch(obj) or _VERB_CHAIN.fullmatch(obj):
            continue  # 制定出台: a verb after a verb is no object
        if 2 <= len(obj) <= MAX_CHARS and _HAN.search(obj) and not _DIGIT.search(_THRESHOLD.sub("", obj)):
            candidate = verb.group() + re.sub("[“”\"‘’]", "", obj)  # 累计发放补贴 -> 发放补贴 ; 新增“四上”单位
            return candidate if len(candidate) <= MAX_CHARS else None
    if NET_CHANGE.search(name) and 4 <= len(name) <= SHORT_NAME_CHARS and _PLAIN_NAME.fullmatch(name) \
            and not _AGAINST_A_BASE.match(name):  # 比上年净增420家: a change of the figure before, not a name
        return name  # 经营主体净增6.9万户: what changed, and by how much net
    if (MEASURE_VERB.search(phrase) and 3 <= len(name) <= SHORT_NAME_CHARS
            and _PLAIN_NAME.fullmatch(name)):
        return name  # 民营企业达25.3万户 ; 完成职业技能培训1.52万人: the verb says this is measured
    return None


_AGAINST_A_BASE = re.compile(rf"(?:{alternation(words('growth_bases.tsv'))}|比|较)")
# 经营主体净增 ; 人口净流入: a net change written after what changed
NET_CHANGE = re.compile(r"(?:净增加?|净减少?|净流入|净流出)$")
# 突破百亿、达到102.57亿元 ; 跨越千亿大关: a milestone said in words before the figure, not its name
_MILESTONE = re.compile(
    r"(?:突破|跨越|迈上|迈入|站上|超过)[一二两三四五六七八九十百千万]+[亿万]?元?(?:大关|台阶)?[、，,]?$")
PART_NAME_CHARS = 10


_FALLING = frozenset(words("growth_words.tsv", "falling"))
# a name of a change: 地区生产总值增长, 单位地区生产总值能耗比上年下降 (not 人口自然增长率, a rate of
# its own name)
_CHANGE_NAMED = re.compile(rf"^(?P<measure>.+?)(?:{alternation(words('growth_bases.tsv'))})?"
                           rf"(?P<change>{alternation(words('growth_words.tsv'))})$")


def changed_measure(name: str) -> tuple[str, int] | None:
    """The measure a name of a change names, and the change's sign: 城镇化率提高 -> (城镇化率, 1),
    能耗比上年下降 -> (能耗, -1); None for a name that states no change."""
    found = _CHANGE_NAMED.match(name)
    if not found:
        return None
    return found.group("measure"), -1 if found.group("change") in _FALLING else 1


def signed(number: str, sign: int) -> str:
    """A number with the sign of the change that states it: 3.2 of 下降 -> -3.2."""
    if sign > 0 or number.startswith("-"):
        return number.lstrip("+") if sign > 0 else number[1:]
    return f"-{number}"


def part_name(phrase: str) -> str | None:
    """交通和通信 in "其中，交通和通信上涨4.5%": after 其中 the parts of a whole are named by plain
    nouns (the categories of a price index, the industries of an output), with no ending of
    their own; a phrase with a verb in it is no such name."""
    name = strip_context(phrase)
    if not 2 <= len(name) <= PART_NAME_CHARS or not HAN_ONLY.fullmatch(name):
        return None
    if _OBJECT_VERB.match(name) or _ACTION_VERB.search(name):
        return None  # 新增企业, 项目开工: a verb opens or acts in it (服务 ending 其他用品和服务 is a noun)
    return name


def bare_verb(phrase: str, previous: str | None = None) -> str | None:
    """新增 in "民营企业达25.3万户、新增3270户": a verb whose object is the figure before.
    The figure before may be named again before the verb: 8个输变电工程已开工6个."""
    name = strip_context(phrase)
    if previous and name.startswith(previous):
        name = strip_context(name[len(previous):].lstrip("已"))
    match = _OBJECT_VERB.fullmatch(name) or _ACTION_VERB.fullmatch(name)
    if match:
        return match.group()
    # 制定出台175项政策 ; 研究制定86项政策: the last verb takes the object, after at most two characters
    last = [verb for verb in _OBJECT_VERB.finditer(name) if verb.end() == len(name) and verb.start() <= 2]
    return last[-1].group() if last else None


def leading_verb(name: str) -> str | None:
    """列入 of 列入省级重大项目: the verb a verb-object name opens with."""
    match = _OBJECT_VERB.match(name)
    return match.group() if match and len(name) > len(match.group()) + 1 else None


def names_actor(phrase: str, previous: str) -> bool:
    """232个帮扶车间吸纳8096人: the figure before is who acts, not what is counted."""
    return strip_context(phrase).startswith(previous)


# Levels that tell apart figures of one kind: 新增国家级临床重点专科1个、省级2个，市级扩增至36个
LEVEL = re.compile(f"(?:{alternation(words('level_words.tsv'))})+")


def at_another_level(phrase: str, previous: str) -> str | None:
    """省级 after 新增国家级临床重点专科1个 -> 新增省级临床重点专科; 市级扩增至 -> 市级临床重点专科."""
    name = strip_context(phrase)
    level = LEVEL.fullmatch(name)
    before = LEVEL.search(previous)
    if not level or not before:
        return None
    renamed = previous[:before.start()] + level.group() + previous[before.end():]
    if TRAILING.search(phrase.strip(" ，,、")):  # 市级扩增至36个: a total, not what was added
        renamed = level.group() + previous[before.end():]
    return renamed


def measure_ending(indicator: str) -> str | None:
    """增加值 for 一产增加值: the kind of measure an indicator name ends in."""
    return next((ending for ending in _ENDINGS if indicator.endswith(ending)), None)


def trim_measure(noun: str) -> str:
    """数字经济核心企业营收 -> 数字经济核心企业: what a count counts is not the measure after it."""
    for ending in _ENDINGS:
        if noun.endswith(ending) and len(noun) > len(ending) + 1:
            return noun[: -len(ending)]
    return noun


def counted_noun(following: str) -> str | None:
    """The noun a count counts, from the words after its unit: 新型储能项目开工建设 -> 新型储能项目."""
    text = re.sub("[“”\"‘’]", "", _QUOTED_AFTER_JOIN.split(following, 1)[0])
    stop = _COUNTED_STOP.search(text)
    noun = text[:stop.start()] if stop else text
    noun = noun.strip("《》（）() ")
    noun = _COUNTED_HEAD.sub(r"\g<head>", noun)
    if 2 <= len(noun) <= MAX_CHARS and _HAN.search(noun[-1]):
        return noun
    return None


def strip_context(phrase: str) -> str:
    """Drop the time, area and linking words around a name: 2025年，全市…完成 -> …"""
    name = _NOTE.sub("", phrase).strip(" ，,、：:")
    cues = list(_GOAL_CUE.finditer(name))
    if cues:
        name = name[cues[-1].end():].strip(" ，,、：:")
    previous = None
    while name != previous:
        previous = name
        name = _YEAR_END_AREA.sub(r"\g<when>", name)
        name = LEADING.sub("", name, count=1).strip(" ，,、")
        name = TRAILING.sub("", _MILESTONE.sub("", name)).strip(" ，,、")
    return name.strip("“”\"")


def _is_indicator_name(name: str) -> bool:
    """Whether a phrase ends as indicator names end; a note in brackets after it aside
    (固定资产投资(不含农户), 地区生产总值(GDP))."""
    bare = _BRACKETED.sub("", name) or name
    return (2 <= len(name) <= MAX_CHARS and bare.endswith(_ENDINGS) and bool(_HAN.search(name))
            and not _COUNT_INSIDE.search(name))


def place_and_measure(name: str) -> tuple[str | None, str]:
    """潞州区地区生产总值 -> (潞州区, 地区生产总值): a figure about a part of the city, or another
    place, names the place before the measure, by its full name; by a short name (西安GDP) only
    before a standard indicator, since a short name often starts a name of its own (大同古城…)."""
    for length in range(min(PLACE_PREFIX_MAX, len(name) - 2), 1, -1):
        head, rest = name[:length], name[length:]
        full = gazetteer.find_division(head)
        short = None if full else gazetteer.find_by_short_name(head, None)
        if full and (rest in _ENDINGS or _is_indicator_name(rest)) and rest[0] not in "省市县区":
            return full.name, rest
        if short and (rest in other_names() or rest in other_names().values()):
            return short.name, rest
    return None, name


@cache
def other_names() -> dict[str, str]:
    """The other names lexicons/indicators.tsv gives standard indicators -> the standard name:
    生产总值 -> 地区生产总值, GDP -> 地区生产总值."""
    names = {}
    for name, _, others in rows("indicators.tsv"):
        for other in others.split(","):
            if other != "-":
                names[other] = name
    return names
