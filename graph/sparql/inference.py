"""What RDFS says follows from the data and the ontology, so that queries may ask in general terms:
a plan:Company is a plan:Organization and an org:Organization (rdfs:subClassOf), a
plan:locatedIn link is a dcterms:spatial link (rdfs:subPropertyOf). Only these two rules, as the
queries users write need them; no reasoner is loaded for it."""

from __future__ import annotations

from collections.abc import Iterator

from rdflib import RDF, RDFS, Graph, URIRef


def rdfs_closure(data: Graph, ontology: Graph) -> Iterator[tuple]:
    """The triples RDFS rules 7 (subPropertyOf) and 9 (subClassOf) add to the data."""
    superclasses = _ancestors(ontology, RDFS.subClassOf)
    superproperties = _ancestors(ontology, RDFS.subPropertyOf)
    for subject, cls in data.subject_objects(RDF.type):
        if not isinstance(cls, URIRef):  # only named classes have superclasses (_ancestors)
            continue
        for parent in superclasses.get(cls, ()):
            yield subject, RDF.type, parent
    for predicate, parents in superproperties.items():
        for subject, obj in data.subject_objects(predicate):
            for parent in parents:
                yield subject, parent, obj


def _ancestors(ontology: Graph, relation: URIRef) -> dict[URIRef, set[URIRef]]:
    """Every named term and all the terms above it, following `relation` transitively."""
    direct: dict[URIRef, set[URIRef]] = {}
    for child, parent in ontology.subject_objects(relation):
        if isinstance(child, URIRef) and isinstance(parent, URIRef):
            direct.setdefault(child, set()).add(parent)
    closed = {}
    for term in direct:
        seen, stack = set(), list(direct[term])
        while stack:
            parent = stack.pop()
            if parent not in seen:
                seen.add(parent)
                stack.extend(direct.get(parent, ()))
        closed[term] = seen
    return closed
