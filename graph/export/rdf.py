"""rdf: the graph, or a part of it, in the RDF formats triple stores and RDF tools read.

Every format is written by Oxigraph from the sorted lines of graph.export.source, piece by piece
(Turtle and TriG by graph.build.serialize, as the build writes graph.ttl and graph.trig), so the
same graph gives the same bytes and a corpus of any size is never held whole. TriG and N-Quads
keep each report's named graph; the other formats hold triples, each once however many reports
state it. JSON-LD is Oxigraph's, with its keys and types written short by a @context of plankg's
prefixes (plan:value for https://w3id.org/plankg/ontology#value), which readers expand back.
"""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Iterable, Iterator
from typing import BinaryIO

import pyoxigraph as ox

from graph.build.serialize import FILE_PREFIXES, write_trig, write_turtle
from graph.export.source import graph_of, triple_of

KEEPS_GRAPHS = ("trig", "nquads")
PIECE = 20_000  # triples Oxigraph writes at a time
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
LOCAL_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*")  # what may follow "plan:" in a compact IRI


def write_rdf(lines: Iterator[bytes], rdf_format: str, stream: BinaryIO) -> None:
    """Sorted lines (keyed by graph for the formats of KEEPS_GRAPHS) into `stream`."""
    if rdf_format == "nt":
        stream.writelines(lines)
    elif rdf_format == "turtle":
        write_turtle(lines, stream)
    elif rdf_format == "trig":
        _write_trig(lines, stream)
    elif rdf_format == "nquads":
        stream.writelines(_nquad(line) for line in lines)
    elif rdf_format == "xml":
        ox.serialize(_triples(lines), output=stream, format=ox.RdfFormat.RDF_XML, prefixes=FILE_PREFIXES)
    elif rdf_format == "jsonld":
        _write_jsonld(lines, stream)
    else:
        raise ValueError(f"not an RDF format: {rdf_format}")


def _write_trig(lines: Iterator[bytes], stream: BinaryIO) -> None:
    """Named graphs as TriG blocks; triples of no graph (from a --data file of triples) first,
    as Turtle, which is TriG's default graph."""
    groups = itertools.groupby(lines, key=graph_of)
    first = next(groups, None)
    if first is not None and first[0] == b"":
        write_turtle((triple_of(line) for line in first[1]), stream)
        first = next(groups, None)
        if first is None:
            return
    named = itertools.chain([first], groups) if first is not None else iter(())
    write_trig(((name.decode(), (triple_of(line) for line in group)) for name, group in named), stream)


def _nquad(line: bytes) -> bytes:
    graph, triple = graph_of(line), triple_of(line)
    return triple if not graph else triple[:-3] + b" <" + graph + b"> .\n"  # "<s> <p> <o> .\n" -> "... <g> .\n"


def _triples(lines: Iterable[bytes]) -> Iterator[ox.Quad]:
    for piece in _by_subject(lines, PIECE):
        yield from ox.parse(b"".join(piece), format=ox.RdfFormat.N_TRIPLES)


def _by_subject(lines: Iterable[bytes], size: int) -> Iterator[list[bytes]]:
    """The lines in pieces of about `size`, cut only where a subject's triples end."""
    piece: list[bytes] = []
    for _, triples in itertools.groupby(lines, key=lambda line: line[:line.index(b" ")]):
        piece.extend(triples)
        if len(piece) >= size:
            yield piece
            piece = []
    if piece:
        yield piece


def _write_jsonld(lines: Iterable[bytes], stream: BinaryIO) -> None:
    """{"@context": {prefixes}, "@graph": [one node object a line]}, written as it is made."""
    context = json.dumps(dict(sorted(FILE_PREFIXES.items())), ensure_ascii=False, indent=2)
    stream.write(b'{\n"@context": ' + context.encode() + b',\n"@graph": [')
    separator = b"\n"
    for piece in _by_subject(lines, PIECE):
        written = ox.serialize(ox.parse(b"".join(piece), format=ox.RdfFormat.N_TRIPLES), format=ox.RdfFormat.JSON_LD)
        assert written is not None  # no output given: the bytes are returned
        for node in json.loads(written):
            stream.write(separator + json.dumps(_compact_node(node), ensure_ascii=False, sort_keys=True).encode())
            separator = b",\n"
    stream.write(b"\n]\n}\n")


def _compact_node(node: dict) -> dict:
    compact: dict = {}
    for key, values in node.items():
        if key == RDF_TYPE and all("@id" in value for value in values):
            compact["@type"] = [_compact_iri(value["@id"]) for value in values]
        elif key.startswith("@"):
            compact[key] = values
        else:
            compact[_compact_iri(key)] = [_compact_value(value) for value in values]
    return compact


def _compact_value(value: dict) -> dict:
    if "@type" in value:
        return {**value, "@type": _compact_iri(value["@type"])}
    return value


def _compact_iri(iri: str) -> str:
    """plan:value for the ontology's IRI of it; an IRI of no prefix, or whose rest is no plain
    name, stays whole."""
    for prefix, namespace in FILE_PREFIXES.items():
        if iri.startswith(namespace) and LOCAL_NAME.fullmatch(iri[len(namespace):]):
            return f"{prefix}:{iri[len(namespace):]}"
    return iri
