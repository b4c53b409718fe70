"""Observations and targets, and each target's outcome: the figure of its indicator, area and
year, in whichever report states it."""

from __future__ import annotations

from rdflib import RDF, XSD, Literal, URIRef
from rdflib.namespace import PROV

from graph.iris import figure_iri, passage_iri, report_iri
from graph.model import Figure, FigureKind, ReportResult, Resolution
from graph.rdf.terms import PLAN
from graph.rdf.triples import Sink


def add_figures(graph: Sink, report: URIRef, result: ReportResult,
                entity_iris: dict[tuple[str, str], URIRef]) -> None:
    keys = result.resolution
    sectors = _sectors_of_indicators(keys, entity_iris)
    for figure in result.extraction.figures:
        indicator = entity_iris[("Indicator", keys.indicator_keys[figure.indicator])]
        place = entity_iris.get(("Place", _place_key(keys, figure.ref_area) or ""))
        passage = passage_iri(report, result.document.passages[figure.passage])
        _add_figure(graph, figure_iri(report, figure), figure, indicator, place, passage)
        if indicator in sectors:
            graph.add((figure_iri(report, figure), PLAN.inSector, sectors[indicator]))


def _sectors_of_indicators(keys: Resolution, entity_iris: dict[tuple[str, str], URIRef]) -> dict[URIRef, URIRef]:
    """Each indicator's sector, the first its relations give: a figure is in its indicator's sector."""
    sectors: dict[URIRef, URIRef] = {}
    for relation in keys.relations:
        if relation.predicate == "inSector" and relation.subject[0] == "Indicator":
            sectors.setdefault(entity_iris[relation.subject], entity_iris[relation.object])
    return sectors


def _place_key(keys: Resolution, area: str | None) -> str | None:
    """The key of the place a figure is about; None when it names none, or one not resolved."""
    return keys.place_keys.get(area) if area is not None else None


# Each number and note a Figure carries, declared once: its field, the plan: property the graph
# writes it with, and the literal's form. A Figure's other fields say where it stands and what it
# measures (STRUCTURAL_FIELDS); tests/test_graph.py checks that every field is one or the other.
FIGURE_PROPERTIES: tuple[tuple[str, str, str], ...] = (
    ("value", "value", "decimal"),
    ("unit", "unit", "string"),
    ("normalized_value", "normalizedValue", "decimal"),
    ("normalized_unit", "normalizedUnit", "string"),
    ("ratio", "ratio", "string"),
    ("multiple", "multiple", "decimal"),
    ("growth_rate", "growthRate", "decimal"),
    ("point_change", "pointChange", "decimal"),
    ("rank", "rank", "integer"),
    ("growth_rank", "growthRank", "integer"),
    ("rank_scope", "rankScope", "zh"),
    ("rank_note", "rankNote", "zh"),
    ("share_of_target", "shareOfTarget", "decimal"),
    ("period", "period", "string"),
    ("qualifier", "qualifier", "zh"),
    ("notes", "qualifier", "zh"),
    ("target_year", "targetYear", "year"),
)
STRUCTURAL_FIELDS = ("kind", "passage", "start", "end", "indicator", "ref_area", "parent_indicator")


def _add_figure(graph: Sink, node: URIRef, figure: Figure, indicator: URIRef,
                place: URIRef | None, passage: URIRef) -> None:
    graph.add((node, RDF.type, PLAN.Target if figure.kind is FigureKind.TARGET else PLAN.Observation))
    graph.add((node, PLAN.indicator, indicator))
    graph.add((node, PROV.wasDerivedFrom, passage))
    graph.add((node, PLAN.startOffset, Literal(figure.start)))
    graph.add((node, PLAN.endOffset, Literal(figure.end)))
    for field, term, form in FIGURE_PROPERTIES:
        value = getattr(figure, field)
        for each in value if isinstance(value, tuple) else (value,):
            literal = _literal(each, form)
            if literal is not None:
                graph.add((node, PLAN[term], literal))
    if place is not None:
        graph.add((node, PLAN.refArea, place))


def _literal(value: str | int | None, form: str) -> Literal | None:
    """A figure's number or note as the graph writes it; nothing for a value the text did not give."""
    if value is None or value == "":
        return None
    if form == "decimal":
        return Literal(value, datatype=XSD.decimal)
    if form == "zh":
        return Literal(value, lang="zh")
    if form == "year":
        return Literal(str(value), datatype=XSD.gYear)
    return Literal(value)  # a plain string, or an xsd:integer for an int


FigureKey = tuple[str, tuple, str]  # (kind, (indicator, area, period or target year), figure IRI)


def figure_keys(result: ReportResult) -> tuple[FigureKey, ...]:
    """What matches a target to its outcome, for each of a report's figures: plain data, so that
    reports built apart can be matched afterwards."""
    report = report_iri(result.document)
    keys = result.resolution
    found = []
    for figure in result.extraction.figures:
        area = _place_key(keys, figure.ref_area)
        indicator = keys.indicator_keys[figure.indicator]
        node = str(figure_iri(report, figure))
        if figure.kind is FigureKind.TARGET and figure.target_year:
            found.append(("target", (indicator, area, str(figure.target_year)), node))
        elif figure.kind is FigureKind.OBSERVATION and figure.period:
            found.append(("observation", (indicator, area, figure.period), node))
    return tuple(found)


def target_outcomes(reports: list[tuple[str, tuple[FigureKey, ...]]]) -> list[tuple[str, str, str]]:
    """(target, the observation of its indicator, area and year, the observation's report), for
    reports given as (report IRI, figure keys): a 2025 target of one report meets the 2025 figure
    of the next year's report."""
    observations: dict[tuple, list[tuple[str, str]]] = {}
    targets: list[tuple[tuple, str]] = []
    for report, keys in reports:
        for kind, key, node in keys:
            if kind == "target":
                targets.append((key, node))
            else:
                observations.setdefault(key, []).append((node, report))
    return sorted((target, observation, report)
                  for key, target in targets for observation, report in observations.get(key, []))
