"""Helpers for names in Chinese text: where a name starts, lists of names, generic words.

A name has no spaces or capitals to mark it, so its start is found by what stands before it: a
punctuation mark, or a verb or function word of policy writing (推动, 支持, 以, 与 …), which is
cut off. Lists are written with 、 and closed by 等: "推动A、B等重点企业".
"""

from __future__ import annotations

import re
from functools import cache

from graph.extract.spans import Guarded, alternation, longest_first
from graph.lexicons import column, words

# Words that stand before names in policy writing and are not part of them
LEADING_WORDS = words("leading_words.tsv")
_LEADING = re.compile(f"^(?:{alternation(LEADING_WORDS)})")
NAME_CHARS = r"[\u4e00-\u9fffA-Za-z0-9·（）()\-—×“”]"
# 以A、B、C为核心: the listed names lead a group (companies; with a shared tail, their facilities)
LISTED_AS_CORE = Guarded(re.compile(
    rf"以(?P<items>{NAME_CHARS}+(?:、{NAME_CHARS}+)+)为(?:{alternation(words('lead_roles.tsv'))})"),
    *("为" + role for role in words("lead_roles.tsv")))


def trim_leading(name: str) -> str:
    """推动宁德时代 -> 宁德时代: drop the words of the sentence that stand before a name."""
    previous = None
    while name != previous:
        previous = name
        name = _LEADING.sub("", name, count=1)
    return name


@cache
def _generic_words() -> tuple[str, ...]:
    return longest_first(column("generic_names.tsv"))


def is_generic(core: str) -> bool:
    """民营, 老字号, 重点: a name made only of words that name a kind of thing names no one thing."""
    rest = core
    for word in _generic_words():
        rest = rest.replace(word, "")
    rest = re.sub(r"[0-9０-９一二三四五六七八九十两个家项座所批类“”\"、（）()\s]", "", rest)
    return len(rest) < 2


def split_list(text: str) -> list[str]:
    """A、B和C -> [A, B, C]."""
    items = re.split(r"[、，,]|(?<=[\u4e00-\u9fff])(?:和|及|与)(?=[\u4e00-\u9fff])", text)
    return [item.strip() for item in items if item.strip()]


def unquote(name: str) -> str:
    return re.sub("[“”\"‘’]", "", name)


def shared_tail(items: list[str]) -> str:
    """A、B、C大数据中心 -> 大数据中心: what the last listed item carries that every item shares,
    read as what follows the last item's own name, taken to be as long as the first item's."""
    if len(items) < 2:
        return ""
    first, last = items[0], items[-1]
    return last[len(first):] if len(last) > len(first) + 1 else ""
