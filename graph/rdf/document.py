"""The report itself: metadata, sections, passages and captions, each with its span."""

from __future__ import annotations

from rdflib import RDF, XSD, Literal, URIRef
from rdflib.namespace import DCTERMS

from graph.iris import caption_iri, passage_iri, section_iri
from graph.model import Document
from graph.rdf.terms import PLAN, add_optional
from graph.rdf.triples import Sink


def add_document(graph: Sink, report: URIRef, document: Document) -> None:
    meta = document.meta
    add = graph.add
    add((report, RDF.type, PLAN.Report))
    add((report, DCTERMS.title, Literal(meta.title, lang="zh")))
    add((report, PLAN.sourceFile, Literal(document.source)))
    add((report, PLAN.sha256, Literal(document.sha256)))
    add((report, DCTERMS.language, Literal("zh")))
    add_optional(graph, report, [
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
    # looked up by a parent section's or a passage's section number: None (no section) is not found -> the report
    sections: dict[str | None, URIRef] = {section.number: section_iri(report, section) for section in document.sections}
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
        page = document.page_of(passage.start)
        if page is not None:  # a PDF's: the page the sentence begins on
            add((node, PLAN.page, Literal(page)))
        if passage.table is not None and passage.row is not None:  # a table's row: where it stands
            add((node, PLAN.tableNumber, Literal(passage.table)))
            add((node, PLAN.rowNumber, Literal(passage.row)))
    for caption in document.captions:
        node = caption_iri(report, caption.start, caption.end)
        add((node, RDF.type, PLAN.Caption))
        _add_text(graph, node, caption.text, caption.start, caption.end)
        add((node, DCTERMS.isPartOf, sections.get(caption.section, report)))


def _add_text(graph: Sink, node: URIRef, text: str, start: int, end: int) -> None:
    graph.add((node, PLAN.text, Literal(text, lang="zh")))
    graph.add((node, PLAN.startOffset, Literal(start)))
    graph.add((node, PLAN.endOffset, Literal(end)))
