"""Figures of a table of indicators: each row a measure, each column a part of its figures.

A report of a Word file or a web page may give its main figures as a table (主要经济指标完成情况表):

    | 指标 | 单位 | 2025年计划 | 2025年完成 | 增长(%) |
    | 地区生产总值 | 亿元 | 1850 | 1815.0 | 3.2 |

Such a row states, as a sentence would, a Target (the plan for 2025, 1850亿元) and an Observation
(1815.0亿元, grown 3.2%). What each column holds is read from its head by the words of
lexicons/table_heads.tsv (a head of two rows is read as one); the year from the head, else from
the table's caption, else from the report (the year reviewed for a value reached, and for a plan
beside one; else the year planned). The unit is the row's unit column, or the one written with
the measure (地区生产总值(亿元)) or with the head (完成(%)). Each figure is derived from its row,
a passage of its own, and states only the numbers of that row.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from graph.extract.indicators import changed_measure, signed
from graph.extract.periods import YEAR
from graph.extract.quantities import find_quantities, normalized
from graph.lexicons import rows, words
from graph.model import Document, Figure, FigureKind, Passage, Table
from graph.numerals import to_ascii_digits
from graph.read.layout import table_cells

_NUMBER = re.compile(r"^[-−－]?[0-9]+(?:\.[0-9]+)?$")
_NUMBERING = re.compile(r"^(?:[0-9]{1,2}[.、．]|[（(][一二三四五六七八九十0-9]{1,3}[)）]"
                        r"|[一二三四五六七八九十]{1,3}、)\s*")
_PART_OF = re.compile(r"^其中\s*[:：，,]?\s*")
_IN_BRACKETS = re.compile(r"^(?P<name>.+?)\s*[（(](?P<unit>[^（）()]{1,8})[)）]$")
_SCOPE = re.compile(r"(全国|全省|全区|全市|全州)")


@dataclass(frozen=True)
class Column:
    role: str  # indicator / unit / target / observation / growth-target / growth / rank
    year: int | None
    unit: str | None  # written in the head: 完成(亿元), 增长(%)
    scope: str | None  # of a rank: 全省位次


def table_figures(document: Document) -> list[Figure]:
    """The figures of every table of the document, in the order of its rows."""
    found: list[Figure] = []
    for table in document.tables:
        table_rows = [passage for passage in document.passages if passage.table == table.number]
        found += _figures_of(table, table_rows, document)
    return found


def _figures_of(table: Table, table_rows: list[Passage], document: Document) -> Iterator[Figure]:
    cells = [table_cells(passage.text) for passage in table_rows]
    heads = 0
    while heads < len(cells) and not any(_value(cell) for cell in cells[heads][1:]):
        heads += 1  # the head rows: no number in them (one, or two with 2025年 over 计划 | 完成)
    if heads == 0 or heads == len(cells):
        return
    width = max(len(row) for row in cells)
    columns = [_column(" ".join(dict.fromkeys(row[i] for row in cells[:heads] if i < len(row) and row[i])),
                       i, table, document) for i in range(width)]
    whole: str | None = None
    for passage, row in zip(table_rows[heads:], cells[heads:]):
        name_at = next((i for i, column in enumerate(columns) if column.role == "indicator"), 0)
        if name_at >= len(row) or not row[name_at]:
            continue
        indicator, unit = _measure(row[name_at])
        part = bool(_PART_OF.match(row[name_at]))
        if not part:
            whole = indicator
        unit_at = next((i for i, column in enumerate(columns) if column.role == "unit"), None)
        if unit_at is not None and unit_at < len(row) and row[unit_at] not in ("", "-", "—", "/"):
            unit = row[unit_at]
        yield from _row_figures(passage, row, columns, _RowMeasure(indicator, unit, *_rate_of(indicator, unit)),
                                whole if part else None, document)


@dataclass(frozen=True)
class _RowMeasure:
    """What a row measures: its name and unit; for a row of a change (地区生产总值增长 | % | 5.5),
    the measure that changes and the sign of its rate (-1 for 下降), as a sentence reads it."""

    indicator: str
    unit: str | None
    changing: str | None
    sign: int


def _rate_of(indicator: str, unit: str | None) -> tuple[str | None, int]:
    """The measure a row of a change names (地区生产总值 of 地区生产总值增长, in %), and its sign."""
    found = changed_measure(indicator)
    if not found or (unit or "%") not in ("%", "％"):
        return None, 1
    return found


def _row_figures(passage: Passage, row: list[str], columns: list[Column], measure: _RowMeasure,
                 whole: str | None, document: Document) -> Iterator[Figure]:
    figures: dict[FigureKind, dict[str, Any]] = {}
    for cell, column in zip(row, columns):
        value = _value(cell)
        if value is None:
            continue
        number, qualifier = value
        kind = FigureKind.TARGET if column.role in ("target", "growth-target") else FigureKind.OBSERVATION
        fields: dict[str, Any]
        if column.role in ("target", "observation") and measure.changing and (column.unit or "%") in ("%", "％"):
            fields = {"growth_rate": signed(number, measure.sign), "qualifier": qualifier}
        elif column.role in ("target", "observation"):
            fields = {"value": number, "unit": column.unit or measure.unit, "qualifier": qualifier}
        elif column.role in ("growth", "growth-target"):
            fields = {"growth_rate": number}
        elif column.role == "rank" and number.isdigit() and int(number) > 0:
            fields = {"rank": int(number), "rank_scope": column.scope}
        else:
            continue
        figure = figures.setdefault(kind, {"year": column.year})
        if any(figure.get(key) is not None for key in fields if fields[key] is not None):
            continue  # a second column of the same part (two years' plans): the first is kept
        figure.update({key: value for key, value in fields.items() if value is not None})
    for kind, fields in figures.items():
        if not any(key in fields for key in ("value", "growth_rate", "rank")):
            continue
        year = fields.pop("year") or _default_year(kind, figures, document)
        if kind is FigureKind.TARGET and year is None:
            continue  # a goal of no year is no target the graph can hold
        scaled = normalized(found[0]) if fields.get("unit") and (
            found := find_quantities(f"{fields['value']}{fields['unit']}")) else None
        yield Figure(kind=kind, passage=passage.index, start=passage.start, end=passage.end,
                     indicator=measure.changing or measure.indicator,
                     period=str(year) if year else None, target_year=year if kind is FigureKind.TARGET else None,
                     ref_area=document.meta.city, parent_indicator=whole,
                     normalized_value=scaled[0] if scaled else None, normalized_unit=scaled[1] if scaled else None,
                     **fields)


def _default_year(kind: FigureKind, figures: dict, document: Document) -> int | None:
    meta = document.meta
    if kind is FigureKind.OBSERVATION:
        return meta.review_year
    observed = figures.get(FigureKind.OBSERVATION)
    return (observed and observed.get("year")) or (meta.review_year if observed else meta.plan_year)


def _column(head: str, index: int, table: Table, document: Document) -> Column:
    """What a column holds, by the words of its head."""
    parts = {part for word, part in _head_words() if word in head}
    years = [int(found) for found in YEAR.findall(to_ascii_digits(head))] or \
        [int(found) for found in YEAR.findall(to_ascii_digits(table.caption or ""))][:1]
    year = years[0] if years else None
    unit = _head_unit(head)
    scope = _SCOPE.search(head)
    if "growth" in parts:
        role = "growth-target" if "target" in parts and "observation" not in parts else "growth"
    elif "rank" in parts:
        role = "rank"
    elif "unit" in parts and not parts & {"target", "observation"}:
        role = "unit"
    elif parts & {"target", "observation"} == {"target"}:
        role = "target"
    elif parts & {"target", "observation"} == {"observation"}:
        role = "observation"
    elif "indicator" in parts or (index == 0 and not parts):
        role = "indicator"
    elif year and not parts:  # a head that is a year alone: reached if reviewed, planned if to come
        meta = document.meta
        role = "target" if meta.plan_year and year >= meta.plan_year else "observation"
    else:
        role = "unknown"
    return Column(role, year, unit if role in ("target", "observation") else None, scope and scope.group(1))


def _head_unit(head: str) -> str | None:
    found = re.search(r"[（(]([^（）()]{1,6})[)）]\s*$", head)
    return found.group(1) if found and _is_unit(found.group(1)) else None


def _measure(cell: str) -> tuple[str, str | None]:
    """The measure a row names, and the unit written with it: 地区生产总值(亿元)."""
    name = _PART_OF.sub("", _NUMBERING.sub("", cell)).strip()
    found = _IN_BRACKETS.match(name)
    if found and _is_unit(found.group("unit")):
        return found.group("name").strip(), found.group("unit")
    return name, None


def _is_unit(text: str) -> bool:
    quantities = find_quantities(f"1{text}")
    return text == "%" or bool(quantities and quantities[0].unit and quantities[0].end == len(text) + 1)


def _value(cell: str) -> tuple[str, str | None] | None:
    """The number a cell states and the word bounding it (5以上, 约5): None for no number."""
    text = to_ascii_digits(cell).replace(" ", "").rstrip("%％")
    qualifier = None
    for word in sorted(words("bound_words.tsv"), key=len, reverse=True):
        if text.startswith(word) and _NUMBER.match(text[len(word):].rstrip("%％")):
            qualifier, text = word, text[len(word):].rstrip("%％")
            break
        if text.endswith(word) and _NUMBER.match(text[:-len(word)].rstrip("%％")):
            qualifier, text = word, text[:-len(word)].rstrip("%％")
            break
    if not _NUMBER.match(text):
        return None
    return text.replace("−", "-").replace("－", "-"), qualifier


def _head_words() -> tuple[tuple[str, str], ...]:
    return tuple((row[0], row[1]) for row in rows("table_heads.tsv"))
