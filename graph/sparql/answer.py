"""answer: what a query answered, in one form whichever engine answered it, so that the command,
the server and the tests render and compare answers alike."""

from __future__ import annotations

from dataclasses import dataclass, field

from rdflib import BNode, Graph, Literal, URIRef


@dataclass
class Answer:
    """What a query answered: rows (SELECT), a graph (CONSTRUCT, DESCRIBE) or a boolean (ASK)."""

    kind: str  # rows / graph / boolean
    variables: list[str] = field(default_factory=list)
    rows: list[tuple] = field(default_factory=list)  # rdflib terms or None, in variable order
    graph: Graph | None = None
    boolean: bool | None = None


def answer_from_json(data: dict) -> Answer:
    """SPARQL 1.1 Query Results JSON -> Answer."""
    if "boolean" in data:
        return Answer("boolean", boolean=bool(data["boolean"]))
    variables = data["head"]["vars"]
    rows = [tuple(_from_json(binding.get(v)) for v in variables) for binding in data["results"]["bindings"]]
    return Answer("rows", variables, rows)


def _from_json(term: dict | None):
    if term is None:
        return None
    if term["type"] == "uri":
        return URIRef(term["value"])
    if term["type"] == "bnode":
        return BNode(term["value"])
    return Literal(term["value"], lang=term.get("xml:lang"),
                   datatype=URIRef(term["datatype"]) if "datatype" in term else None)
