"""The vocabularies the graph is written in, and the prefixes its files use."""

from __future__ import annotations

from rdflib import Literal, URIRef

from graph.rdf.triples import Sink
from graph.vocab import ID, PLAN, PREFIXES, bind_prefixes

__all__ = ["ID", "PLAN", "PREFIXES", "add_optional", "bind_prefixes"]


def add_optional(graph: Sink, subject: URIRef, pairs) -> None:
    """Add the pairs whose object is there; a missing value comes as None, False or ""."""
    for predicate, obj in pairs:
        if isinstance(obj, (URIRef, Literal)):
            graph.add((subject, predicate, obj))
