"""A figure as a clause states it: the Figure made from its name and number, and its span.

Every reading of figures (graph.extract.figures, graph.extract.listings) makes its figures here, so
that the period, the target year, the place and the number are set one way: from where the clause
stands (periods.FigureContext), what it names (a place before the measure), and what it writes.
"""

from __future__ import annotations

from graph.extract.clauses import Clause
from graph.extract.indicators import place_and_measure
from graph.extract.periods import FigureContext, period_of
from graph.extract.quantities import Quantity, normalized
from graph.lexicons import words
from graph.model import Figure, FigureKind, Passage

NOTES = words("figure_notes.tsv")  # 预计, 按不变价格计算, 同口径 …: how a figure was reached


def make_figure(clause: Clause, passage: Passage, context: FigureContext, indicator: str,
            before_in_clause: str, quantity: Quantity | None, span: tuple[int, int] | None = None) -> Figure:
    """The figure, over `span` in the file when given, else over its clause."""
    before = passage.text[:clause.position]
    period, year = period_of(before, before_in_clause, context)
    place, indicator = place_and_measure(indicator)
    words_before = before + before_in_clause
    amount = quantity if quantity is not None and quantity.kind != "ratio" else None
    scaled = normalized(amount) if amount else None
    start, end = span or (clause.start, clause.end)
    return Figure(  # made at once: a figure made and then replaced field by field costs twice
        kind=context.kind,
        passage=passage.index,
        start=start,
        end=end,
        indicator=indicator,
        ratio=quantity.number if quantity is not None and quantity.kind == "ratio" else None,
        value=amount.number if amount else None,
        unit=amount.unit.written if amount and amount.unit else None,
        normalized_value=scaled[0] if scaled else None,
        normalized_unit=scaled[1] if scaled else None,
        qualifier=amount.bound if amount else None,
        period=period,
        target_year=year if context.kind is FigureKind.TARGET else None,
        ref_area=place or context.ref_area,
        notes=tuple(note for note in NOTES if note in words_before),
    )


def clause_span(clause: Clause, start: int, end: int) -> tuple[int, int]:
    """The file span of clause.text[start:end], past the 、 or 和 that joins it to what comes before."""
    return clause.span(subject_start(clause.text, start), end)


def subject_start(text: str, index: int) -> int:
    """Where the words of a figure begin: past the 、 or 和 that joins it to the one before."""
    while index < len(text) - 1 and text[index] in "、，,和及与 ":
        index += 1
    return index
