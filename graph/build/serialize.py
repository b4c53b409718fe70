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

import io
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import BinaryIO

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from graph.vocab import PREFIXES

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
PIECE = 20_000  # triples Oxigraph writes at a time: a few megabytes


def ntriples_lines(graph: Iterable[tuple[Node, Node, Node]]) -> list[str]:
    """The triples (an rdflib Graph, or graph.rdf's Triples) as sorted canonical N-Triples lines,
    each once. A node is converted once however often it stands in the graph (a literal mostly
    stands once, and is not kept)."""
    converted: dict[Node, ox.NamedNode] = {}

    def term(node: Node):
        if type(node) is not URIRef:
            return _term(node)
        found = converted.get(node)
        if found is None:
            found = converted[node] = ox.NamedNode(node)
        return found

    lines: set[str] = set()
    triples = iter(graph)
    while piece := [ox.Triple(term(s), term(p), term(o)) for s, p, o in islice(triples, PIECE)]:
        written = _serialized(piece, ox.RdfFormat.N_TRIPLES).decode("utf-8")
        # split at "\n" only: str.splitlines() would also split at U+0085, U+2028 … which
        # N-Triples leaves unescaped inside literals
        lines.update(line for line in written.split("\n") if line)
    return sorted(lines)


def graph_from_lines(lines: Iterable[str]) -> Graph:
    """An rdflib Graph of N-Triples lines, parsed by Oxigraph: rdflib's own N-Triples parser takes
    several times as long."""
    term = RdflibTerms()
    graph = Graph()
    for triple in ox.parse("\n".join(lines).encode(), format=ox.RdfFormat.N_TRIPLES):
        graph.add((term(triple.subject), term(triple.predicate), term(triple.object)))
    return graph


class RdflibTerms:
    """Oxigraph terms -> rdflib terms, each distinct term converted once: triples and rows repeat
    their predicates, units and sentences, and making an rdflib Literal is the slow part."""

    def __init__(self):
        self.converted: dict[ox.NamedNode | ox.BlankNode | ox.Literal, Node] = {}

    def __call__(self, node):
        if node is None:
            return None
        found = self.converted.get(node)
        if found is None:
            found = self.converted[node] = rdflib_term(node)
        return found


# Prefixes of the vocabularies; plankg's own IRIs (…/id/report/…) stay whole, as a prefixed name
# would have to escape every "/" in them (id:report\/datongshi-…)
FILE_PREFIXES = {name: iri for name, iri in PREFIXES.items() if name != "id"}


def to_turtle(lines: Iterable[str]) -> bytes:
    """Turtle of the triples (N-Triples lines, sorted and each once), a blank line between subjects."""
    buffer = io.BytesIO()
    write_turtle(_encoded(lines), buffer)
    return buffer.getvalue()


def graph_to_turtle(graph: Graph) -> bytes:
    """Turtle of an rdflib graph (a query's answer, a graph to push)."""
    return to_turtle(ntriples_lines(graph))


def to_trig(graphs: Iterable[tuple[str, Iterable[str]]]) -> bytes:
    """TriG of named graphs: (graph IRI, its N-Triples lines), in the order given."""
    buffer = io.BytesIO()
    write_trig(((name, _encoded(lines)) for name, lines in graphs), buffer)
    return buffer.getvalue()


def write_turtle(lines: Iterable[bytes], stream: BinaryIO, piece: int = PIECE) -> None:
    """to_turtle for lines as bytes (each with its "\n"), written to `stream` as they come: Oxigraph
    writes pieces of about `piece` triples, cut between subjects, so no corpus is too big."""
    spacer = _Spacer(b"")
    for index, chunk in enumerate(_pieces(lines, piece)):
        written = _serialized(ox.parse(chunk, format=ox.RdfFormat.N_TRIPLES), ox.RdfFormat.TURTLE, FILE_PREFIXES)
        stream.write(spacer(written if index == 0 else _without_prefixes(written)))


def write_trig(graphs: Iterable[tuple[str, Iterable[bytes]]], stream: BinaryIO, piece: int = PIECE) -> None:
    """to_trig for lines as bytes, written to `stream` as they come: each named graph in pieces
    of about `piece` triples, cut between subjects and joined into one `<graph> { … }` block, so
    that a large report's graph is never held whole."""
    spacer = _Spacer(b"\t")
    written_any = False
    for name, lines in graphs:
        graph = ox.NamedNode(name)
        opened = False
        for index, chunk in enumerate(_pieces(lines, piece)):
            quads = (ox.Quad(t.subject, t.predicate, t.object, graph)
                     for t in ox.parse(chunk, format=ox.RdfFormat.N_TRIPLES))
            written = _serialized(quads, ox.RdfFormat.TRIG, FILE_PREFIXES)
            if written_any:
                written = _without_prefixes(written)
            if index:  # the block was opened by the first piece
                written = written[written.index(b"\n") + 1:] if written else written
            if written.endswith(b"}\n"):
                written, opened = written[:-2], True
            stream.write(spacer(written))
            written_any = True
        if opened:
            stream.write(spacer(b"}\n"))
    if not written_any:
        stream.write(_serialized([], ox.RdfFormat.TRIG, FILE_PREFIXES))


def to_ntriples(lines: Iterable[str]) -> bytes:
    return b"".join(_encoded(lines))


def _serialized(terms: Iterable[ox.Triple] | Iterable[ox.Quad], format: ox.RdfFormat,
                prefixes: dict[str, str] | None = None) -> bytes:
    """ox.serialize into bytes: given no output it returns them (None only when it wrote to an output)."""
    written = ox.serialize(terms, format=format, prefixes=prefixes)
    assert written is not None  # no output given, so the bytes are returned
    return written


class _Spacer:
    """A blank line before each subject (a line at the writer's indent) and each graph, for
    readers; it remembers the last line, so that pieces written apart are spaced as one file.
    Safe because Oxigraph writes line breaks inside literals as \\n, never as line breaks."""

    def __init__(self, indent: bytes):
        self.indent = indent
        self.last: bytes | None = None

    def __call__(self, written: bytes) -> bytes:
        out: list[bytes] = []
        for line in written.split(b"\n")[:-1]:  # Oxigraph ends every file with a line break
            indent = self.indent
            subject = line.startswith(indent) and line[len(indent):len(indent) + 1] not in (b"\t", b" ", b"")
            graph = line.startswith(b"<") and line.endswith(b"{")
            if (subject or graph) and not line.startswith(b"@prefix") and self.last and not self.last.endswith(b"{"):
                out.append(b"\n")
            out.append(line + b"\n")
            self.last = line
        return b"".join(out)


def _pieces(lines: Iterable[bytes], size: int) -> Iterator[bytes]:
    """The lines joined in pieces of at least `size` lines (but the last), each piece ending where
    a subject's triples end; one empty piece for no lines, so that a file still has its prefixes."""
    piece: list[bytes] = []
    subject: bytes | None = None  # where the piece may end: set once it holds `size` lines
    for line in lines:
        if len(piece) >= size:
            assert subject is not None  # size >= 1: set when the piece reached `size` lines
            if not line.startswith(subject):
                yield b"".join(piece)
                piece = []
        piece.append(line)
        if len(piece) >= size:
            subject = line[:line.index(b" ") + 1]
    if piece or subject is None:
        yield b"".join(piece)


def _without_prefixes(written: bytes) -> bytes:
    """A piece after the first: the @prefix lines were written with the first."""
    lines = written.split(b"\n")
    first = next(i for i, line in enumerate(lines) if not line.startswith(b"@prefix"))
    return b"\n".join(lines[first:])


def _encoded(lines: Iterable[str]) -> Iterator[bytes]:
    return (f"{line}\n".encode() for line in lines)


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


def rdflib_term(term) -> Node:
    """The rdflib term of an Oxigraph term."""
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if term.language:
        return Literal(term.value, lang=term.language)
    datatype = term.datatype.value
    return Literal(term.value, datatype=None if datatype == XSD_STRING else URIRef(datatype))
