"""The vocabularies the graph is written in, and the prefixes its files use."""

from __future__ import annotations

from rdflib import RDFS, XSD, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, SKOS

from graph.vocab import ID, PLAN, PLAN_IRI

ORG = Namespace("http://www.w3.org/ns/org#")
QB = Namespace("http://purl.org/linked-data/cube#")

PREFIXES = {
    "plan": PLAN_IRI, "id": str(ID), "rdfs": str(RDFS), "xsd": str(XSD), "skos": str(SKOS),
    "dcterms": str(DCTERMS), "prov": str(PROV), "org": str(ORG), "qb": str(QB), "owl": str(OWL),
}

__all__ = ["PLAN", "ID", "PREFIXES", "bind_prefixes", "add_optional", "decimal"]


def bind_prefixes(graph: Graph) -> None:
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True, replace=True)


def add_optional(graph: Graph, subject: URIRef, pairs) -> None:
    """Add the pairs whose object is there; a missing value comes as None, False or ""."""
    for predicate, obj in pairs:
        if isinstance(obj, (URIRef, Literal)):
            graph.add((subject, predicate, obj))


def decimal(number: str | None) -> Literal | None:
    return Literal(number, datatype=XSD.decimal) if number is not None else None
