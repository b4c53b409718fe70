"""rdf: documents, their figures and entities -> an rdflib Dataset, one named graph per report.

Every node made from text carries its span and the passage it came from. Numbers are written as
the text writes them (xsd:decimal from the decimal string), never recomputed.
"""

from __future__ import annotations

from collections.abc import Iterable

from rdflib import RDF, RDFS, XSD, Dataset, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, SKOS

from graph.iris import (
    caption_iri, entity_iri, figure_iri, passage_iri, report_iri, section_iri,
)
from graph.model import Document, Entity, Figure, FigureKind, ReportResult
from graph.resolve import pinyin_label
from graph.vocab import ID, PLAN, PLAN_IRI

ORG = Namespace("http://www.w3.org/ns/org#")
QB = Namespace("http://purl.org/linked-data/cube#")
INDICATOR_SCHEME = ID["scheme/indicators"]

PREFIXES = {
    "plan": PLAN_IRI, "id": str(ID), "rdfs": str(RDFS), "xsd": str(XSD), "skos": str(SKOS),
    "dcterms": str(DCTERMS), "prov": str(PROV), "org": str(ORG), "qb": str(QB), "owl": str(OWL),
}


def to_dataset(results: Iterable[ReportResult]) -> Dataset:
    """One named graph per report, named by the report's IRI."""
    results = list(results)
    dataset = Dataset()
    bind_prefixes(dataset)
    for result in results:
        graph = dataset.graph(report_iri(result.document))
        add_report(graph, result)
    for target, observation, report in target_outcomes(results):
        dataset.graph(report).add((target, PLAN.actual, observation))
    return dataset


def target_outcomes(results: list[ReportResult]) -> list[tuple[URIRef, URIRef, URIRef]]:
    """(target, the observation of its indicator, area and year, the observation's report):
    a 2025 target of one report meets the 2025 figure of the next year's report."""
    observations: dict[tuple, list[tuple[URIRef, URIRef]]] = {}
    targets: list[tuple[tuple, URIRef]] = []
    for result in results:
        report = report_iri(result.document)
        keys = result.resolution
        for figure in result.extraction.figures:
            key = (keys.indicator_keys[figure.indicator], figure.ref_area, figure.period)
            node = figure_iri(report, figure)
            if figure.kind is FigureKind.TARGET and figure.target_year:
                targets.append(((key[0], key[1], str(figure.target_year)), node))
            elif figure.kind is FigureKind.OBSERVATION and figure.period:
                observations.setdefault(key, []).append((node, report))
    return sorted((target, observation, report)
                  for key, target in targets for observation, report in observations.get(key, []))


def bind_prefixes(graph: Graph) -> None:
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True, replace=True)


def add_report(graph: Graph, result: ReportResult) -> None:
    document = result.document
    report = report_iri(document)
    _add_document(graph, report, document)
    entity_iris = _add_entities(graph, report, document, result.resolution.entities)
    keys = result.resolution
    for figure in result.extraction.figures:
        indicator = entity_iris[("Indicator", keys.indicator_keys[figure.indicator])]
        place = entity_iris.get(("Place", keys.place_keys.get(figure.ref_area, "")))
        _add_figure(graph, report, document, figure, indicator, place)


def _add_document(graph: Graph, report: URIRef, document: Document) -> None:
    meta = document.meta
    add = graph.add
    add((report, RDF.type, PLAN.Report))
    add((report, DCTERMS.title, Literal(meta.title, lang="zh")))
    add((report, PLAN.sourceFile, Literal(document.source)))
    add((report, PLAN.sha256, Literal(document.sha256)))
    add((report, DCTERMS.language, Literal("zh")))
    _add_optional(graph, report, [
        (PLAN.presentedAt, meta.meeting and Literal(meta.meeting, lang="zh")),
        (DCTERMS.date, meta.date and Literal(meta.date, datatype=XSD.date)),
        (PLAN.presenter, meta.presenter and Literal(meta.presenter, lang="zh")),
        (PLAN.presenterOffice, meta.presenter_office and Literal(meta.presenter_office, lang="zh")),
        (PLAN.reviewYear, meta.review_year and Literal(str(meta.review_year), datatype=XSD.gYear)),
        (PLAN.planYear, meta.plan_year and Literal(str(meta.plan_year), datatype=XSD.gYear)),
    ])
    if document.truncation:
        add((report, PLAN.truncatedAt, Literal(document.truncation.start)))
        add((report, PLAN.truncationNote, Literal(document.truncation.note, lang="zh")))
    sections = {section.number: section_iri(report, section) for section in document.sections}
    for section in document.sections:
        node = sections[section.number]
        add((node, RDF.type, PLAN.Section))
        add((node, DCTERMS.title, Literal(section.heading, lang="zh")))
        add((node, PLAN.sectionNumber, Literal(section.number)))
        add((node, PLAN.level, Literal(section.level)))
        add((node, PLAN.startOffset, Literal(section.start)))
        add((node, PLAN.endOffset, Literal(section.end)))
        add((node, DCTERMS.isPartOf, sections.get(section.parent_number, report)))
    for passage in document.passages:
        node = passage_iri(report, passage)
        add((node, RDF.type, PLAN.Passage))
        _add_text(graph, node, passage.text, passage.start, passage.end)
        add((node, DCTERMS.isPartOf, sections.get(passage.section, report)))
    for caption in document.captions:
        node = caption_iri(report, caption.start, caption.end)
        add((node, RDF.type, PLAN.Caption))
        _add_text(graph, node, caption.text, caption.start, caption.end)
        add((node, DCTERMS.isPartOf, sections.get(caption.section, report)))


def _add_text(graph: Graph, node: URIRef, text: str, start: int, end: int) -> None:
    graph.add((node, PLAN.text, Literal(text, lang="zh")))
    graph.add((node, PLAN.startOffset, Literal(start)))
    graph.add((node, PLAN.endOffset, Literal(end)))


def _add_entities(graph: Graph, report: URIRef, document: Document,
                  entities: tuple[Entity, ...]) -> dict[tuple[str, str], URIRef]:
    iris = {}
    for entity in entities:
        node = entity_iri(entity.kind, entity.key)
        iris[(entity.kind, entity.key)] = node
        graph.add((node, RDF.type, PLAN[entity.kind]))
        graph.add((node, RDFS.label, Literal(entity.label, lang="zh")))
        graph.add((node, RDFS.label, Literal(pinyin_label(entity.label), lang="zh-Latn-pinyin")))
        if entity.english:
            graph.add((node, RDFS.label, Literal(entity.english, lang="en")))
        for alt in entity.alt_labels:
            graph.add((node, SKOS.altLabel, Literal(alt, lang="zh")))
        if entity.kind == "Indicator":
            graph.add((node, SKOS.inScheme, INDICATOR_SCHEME))
            graph.add((node, SKOS.prefLabel, Literal(entity.label, lang="zh")))
        if entity.broader:
            graph.add((node, SKOS.broader, entity_iri(entity.kind, entity.broader)))
        for index in entity.passages:
            graph.add((node, PLAN.mentionedIn, passage_iri(report, document.passages[index])))
    if any(entity.kind == "Indicator" for entity in entities):
        graph.add((INDICATOR_SCHEME, RDF.type, SKOS.ConceptScheme))
        graph.add((INDICATOR_SCHEME, RDFS.label, Literal("统计指标", lang="zh")))
    place = document.meta.city
    if place:
        graph.add((report, DCTERMS.spatial, entity_iri("Place", _key_of(entities, "Place", place))))
    return iris


def _key_of(entities: tuple[Entity, ...], kind: str, label: str) -> str:
    return next(entity.key for entity in entities if entity.kind == kind and entity.label == label)


def _add_figure(graph: Graph, report: URIRef, document: Document, figure: Figure,
                indicator: URIRef, place: URIRef | None) -> None:
    node = figure_iri(report, figure)
    cls = PLAN.Target if figure.kind is FigureKind.TARGET else PLAN.Observation
    graph.add((node, RDF.type, cls))
    graph.add((node, PLAN.indicator, indicator))
    graph.add((node, PROV.wasDerivedFrom, passage_iri(report, document.passages[figure.passage])))
    graph.add((node, PLAN.startOffset, Literal(figure.start)))
    graph.add((node, PLAN.endOffset, Literal(figure.end)))
    decimal = _decimal_literal
    _add_optional(graph, node, [
        (PLAN.value, decimal(figure.value)),
        (PLAN.unit, figure.unit and Literal(figure.unit)),
        (PLAN.normalizedValue, decimal(figure.normalized_value)),
        (PLAN.normalizedUnit, figure.normalized_unit and Literal(figure.normalized_unit)),
        (PLAN.ratio, figure.ratio and Literal(figure.ratio)),
        (PLAN.multiple, decimal(figure.multiple)),
        (PLAN.growthRate, decimal(figure.growth_rate)),
        (PLAN.pointChange, decimal(figure.point_change)),
        (PLAN.rank, figure.rank is not None and Literal(figure.rank)),
        (PLAN.growthRank, figure.growth_rank is not None and Literal(figure.growth_rank)),
        (PLAN.rankScope, figure.rank_scope and Literal(figure.rank_scope, lang="zh")),
        (PLAN.rankNote, figure.rank_note and Literal(figure.rank_note, lang="zh")),
        (PLAN.shareOfTarget, decimal(figure.share_of_target)),
        (PLAN.period, figure.period and Literal(figure.period)),
        (PLAN.qualifier, figure.qualifier and Literal(figure.qualifier, lang="zh")),
        (PLAN.targetYear, figure.target_year and Literal(str(figure.target_year), datatype=XSD.gYear)),
        (PLAN.refArea, place),
    ])


def _decimal_literal(number: str | None) -> Literal | None:
    return Literal(number, datatype=XSD.decimal) if number is not None else None


def _add_optional(graph: Graph, subject: URIRef, pairs) -> None:
    """Add the pairs whose object is there; a missing value comes as None, False or ""."""
    for predicate, obj in pairs:
        if isinstance(obj, (URIRef, Literal)):
            graph.add((subject, predicate, obj))
