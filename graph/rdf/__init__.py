"""rdf: one report's document, figures, entities and relations -> its named graph (the plain
Triples a build writes out, or an rdflib Graph to query), named by the report's IRI; links between
reports (a target and its outcome) are made from figure_keys once every report is built.

    document   the report, its sections, passages and captions, with their spans
    figures    observations and targets, and each target's outcome across reports
    entities   indicators, places, organizations, projects, policies, sectors and their relations

Every node made from text carries the passage it came from. Numbers are written as the text writes
them (xsd:decimal from the decimal string), never recomputed.
"""

from __future__ import annotations

from rdflib import Graph, URIRef

from graph.iris import report_iri
from graph.model import ReportResult
from graph.rdf.document import add_document
from graph.rdf.entities import add_entities
from graph.rdf.figures import FigureKey, add_figures, figure_keys, target_outcomes
from graph.rdf.terms import PLAN, PREFIXES, bind_prefixes
from graph.rdf.triples import Sink, SubjectIndex, Triples

__all__ = [
    "PREFIXES",
    "FigureKey",
    "SubjectIndex",
    "Triples",
    "add_report",
    "bind_prefixes",
    "figure_keys",
    "report_graph",
    "report_triples",
    "target_outcomes",
]


def report_graph(result: ReportResult) -> Graph:
    """The report's named graph as an rdflib Graph, to query."""
    return report_triples(result).to_graph()


def report_triples(result: ReportResult) -> Triples:
    """The report's named graph, its targets linked to the outcomes it states itself."""
    triples = Triples()
    add_report(triples, result)
    report = str(report_iri(result.document))
    for target, observation, _ in target_outcomes([(report, figure_keys(result))]):
        triples.add((URIRef(target), PLAN.actual, URIRef(observation)))
    return triples


def add_report(graph: Sink, result: ReportResult) -> None:
    report = report_iri(result.document)
    add_document(graph, report, result.document)
    entity_iris = add_entities(graph, report, result.document, result.resolution)
    add_figures(graph, report, result, entity_iris)
