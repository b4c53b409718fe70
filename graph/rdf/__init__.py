"""rdf: documents, their figures, entities and relations -> an rdflib Dataset, one named graph
per report (named by the report's IRI).

    document   the report, its sections, passages and captions, with their spans
    figures    observations and targets, and each target's outcome across reports
    entities   indicators, places, organizations, projects, policies, sectors and their relations

Every node made from text carries the passage it came from. Numbers are written as the text writes
them (xsd:decimal from the decimal string), never recomputed.
"""

from __future__ import annotations

from collections.abc import Iterable

from rdflib import Dataset

from graph.iris import report_iri
from graph.model import ReportResult
from graph.rdf.document import add_document
from graph.rdf.entities import add_entities
from graph.rdf.figures import add_figures, target_outcomes
from graph.rdf.terms import PLAN, PREFIXES, bind_prefixes

__all__ = ["to_dataset", "add_report", "bind_prefixes", "PREFIXES"]


def to_dataset(results: Iterable[ReportResult]) -> Dataset:
    results = list(results)
    dataset = Dataset()
    bind_prefixes(dataset)
    for result in results:
        add_report(dataset.graph(report_iri(result.document)), result)
    for target, observation, report in target_outcomes(results):
        dataset.graph(report).add((target, PLAN.actual, observation))
    return dataset


def add_report(graph, result: ReportResult) -> None:
    report = report_iri(result.document)
    add_document(graph, report, result.document)
    entity_iris = add_entities(graph, report, result.document, result.resolution)
    add_figures(graph, report, result, entity_iris)
