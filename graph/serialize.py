"""N-Triples, Turtle and TriG, written by Oxigraph, the same bytes for the same graph.

Why Oxigraph's writers and not rdflib's: rdflib's pretty Turtle writer took 0.6 s for one report
and two minutes for a thousand; pyoxigraph (Rust) writes either in milliseconds. It also writes
every literal in the lexical form it was given, so a report's 实现产值30亿元 stays
"30"^^xsd:decimal (rdflib's writer prints 30.0).

A graph travels between the stages as its canonical N-Triples lines: plain, picklable strings,
one per triple, so that the union of many reports is a set of lines and the files, written from
sorted lines, list each subject's triples together in a stable order.
"""

from __future__ import annotations

from collections.abc import Iterable

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef

from graph.vocab import PREFIXES

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def ntriples_lines(graph: Graph) -> list[str]:
    """The graph's triples as sorted canonical N-Triples lines."""
    triples = [ox.Triple(_term(s), _term(p), _term(o)) for s, p, o in graph]
    written = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES).decode("utf-8")
    # split at "\n" only: str.splitlines() would also split at U+0085, U+2028 … which N-Triples
    # leaves unescaped inside literals
    return sorted({line for line in written.split("\n") if line})


# Prefixes of the vocabularies; plankg's own IRIs (…/id/report/…) stay whole, as a prefixed name
# would have to escape every "/" in them (id:report\/datongshi-…)
FILE_PREFIXES = {name: iri for name, iri in PREFIXES.items() if name != "id"}


def to_turtle(lines: Iterable[str]) -> bytes:
    """Turtle of the triples (N-Triples lines, sorted and each once), a blank line between subjects."""
    written = ox.serialize(_triples(lines), format=ox.RdfFormat.TURTLE, prefixes=FILE_PREFIXES)
    return _spaced(written, b"")


def graph_to_turtle(graph: Graph) -> bytes:
    """Turtle of an rdflib graph (a query's answer, a graph to push)."""
    return to_turtle(ntriples_lines(graph))


def to_trig(graphs: Iterable[tuple[str, Iterable[str]]]) -> bytes:
    """TriG of named graphs: (graph IRI, its N-Triples lines), in the order given."""
    quads = (ox.Quad(triple.subject, triple.predicate, triple.object, ox.NamedNode(name))
             for name, lines in graphs for triple in _triples(lines))
    return _spaced(ox.serialize(quads, format=ox.RdfFormat.TRIG, prefixes=FILE_PREFIXES), b"\t")


def _spaced(written: bytes, indent: bytes) -> bytes:
    """A blank line before each subject (a line at `indent` depth) and each graph, for readers.
    Safe because Oxigraph writes line breaks inside literals as \\n, never as line breaks."""
    out: list[bytes] = []
    for line in written.split(b"\n"):
        subject = line.startswith(indent) and line[len(indent):len(indent) + 1] not in (b"\t", b" ", b"")
        graph = line.startswith(b"<") and line.endswith(b"{")
        if (subject or graph) and not line.startswith(b"@prefix") and out and out[-1] and not out[-1].endswith(b"{"):
            out.append(b"")
        out.append(line)
    return b"\n".join(out)


def to_ntriples(lines: Iterable[str]) -> bytes:
    return "".join(f"{line}\n" for line in lines).encode("utf-8")


def _triples(lines: Iterable[str]):
    return ox.parse(to_ntriples(lines), format=ox.RdfFormat.N_TRIPLES)


def _term(term):
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype and str(term.datatype) != XSD_STRING:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise TypeError(f"not an RDF term: {term!r}")
