"""The sector taxonomy and every name a sector goes by, read once from three lexicons.

    sectors.tsv            the three-sector split on top and the sector words of plan reports
    sectors_gbt4754.tsv    the national industry classification (门类 and 大类)
    sectors_strategic.tsv  the strategic emerging industries (一级 and 二级 classes)

Reports rarely write a class's whole standard name: they drop its 、 (农林牧渔业), and in a line
of industries they shorten an industrial 大类 to its head (纺织服装、专用设备、有色金属分别增长…).
Those forms are derived here from the standard names, so the lexicons list only what no rule gives.
"""

from __future__ import annotations

import re
from functools import cache

from graph.lexicons import rows

CLASSIFICATIONS = ("sectors_gbt4754.tsv", "sectors_strategic.tsv")
# The 门类 whose 大类 reports shorten (the industrial ones: 工业 = B, C, D)
_INDUSTRIAL = ("采矿业", "制造业", "电力、热力、燃气及水生产和供应业")
# Bodies, not industries: a report naming 国家机构 or 社会保障 does not name a sector
_NOT_IN_TEXT = ("公共管理、社会保障和社会组织", "国际组织")
_SHORTEST_HEAD = 4  # 化学原料 of 化学原料和化学制品制造业; not 石油 of 石油、煤炭及其他燃料加工业


@cache
def _rows() -> tuple[tuple[str, str | None, str, tuple[str, ...], str], ...]:
    """(sector, broader, English, other names, code) of every row of the three lexicons."""
    found = []
    for name, broader, english, others in rows("sectors.tsv"):
        found.append((name, broader, english, others, ""))
    for lexicon in CLASSIFICATIONS:
        for code, name, broader, english, others in rows(lexicon):
            found.append((name, broader, english, others, code))
    return tuple((name, None if broader == "-" else broader, english,
                  tuple(other for other in others.split(",") if other != "-"), code)
                 for name, broader, english, others, code in found)


@cache
def taxonomy() -> dict[str, tuple[str | None, str]]:
    """Sector -> (broader sector, English)."""
    return {name: (broader, english) for name, broader, english, _, _ in _rows()}


@cache
def codes() -> dict[str, str]:
    """Sector -> its code in its classification (C36, 5.1); sectors of sectors.tsv have none."""
    return {name: code for name, _, _, _, code in _rows() if code}


@cache
def names() -> dict[str, str]:
    """Every name a sector goes by in a report -> the sector: its own, the lexicon's other names,
    then the derived forms (a derived form never displaces a listed one)."""
    found: dict[str, str] = {}
    spoken = [row for row in _rows() if not _unspoken(row[0])]
    for name, _, _, others, _ in spoken:
        found.setdefault(name, name)
        for other in others:
            found.setdefault(other, name)
    for name, _, _, _, _ in spoken:
        for form in derived_forms(name):
            found.setdefault(form, name)
    return found


def derived_forms(name: str) -> list[str]:
    """The forms a report writes a standard name in: 农、林、牧、渔业 -> 农林牧渔业; an industrial
    大类 by its head: 汽车制造业 -> 汽车制造, 通用设备制造业 -> 通用设备, 电气机械和器材制造业 ->
    电气机械. A head too short to be a sector's name alone (石油, 家具) is not one."""
    forms = [name.replace("、", "")] if "、" in name else []
    if taxonomy()[name][0] in _INDUSTRIAL and not name.startswith("其他"):
        heads = [re.sub(r"业$", "", name), re.sub(r"(制造|制品|加工)?业$", "", name),
                 re.split(r"[、和及]", name)[0]]
        forms += [head for head in heads if len(head) >= _SHORTEST_HEAD and "、" not in head]
    return [form for form in dict.fromkeys(forms) if form != name]


def _unspoken(name: str) -> bool:
    """Whether a class stands for bodies rather than an industry (门类 S and T and their 大类)."""
    return name in _NOT_IN_TEXT or taxonomy()[name][0] in _NOT_IN_TEXT
