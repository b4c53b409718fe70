"""datafiles: the RDF files a command is given with --data, checked once and read alike by every
command (query, serve, validate, view) and engine.

Files are parsed by Oxigraph's parsers, which read graph.ttl of a thousand reports in a second
where rdflib's take a quarter of a minute; rdflib's objects are made only where a command needs
an rdflib Graph (SHACL, the network page).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from graph.errors import DataError

# suffix -> (the format's name in messages and for rdflib, Oxigraph's format)
FORMATS = {
    ".ttl": ("turtle", ox.RdfFormat.TURTLE),
    ".trig": ("trig", ox.RdfFormat.TRIG),
    ".nt": ("nt", ox.RdfFormat.N_TRIPLES),
    ".nq": ("nquads", ox.RdfFormat.N_QUADS),
    ".jsonld": ("json-ld", ox.RdfFormat.JSON_LD),
    ".rdf": ("xml", ox.RdfFormat.RDF_XML),
    ".owl": ("xml", ox.RdfFormat.RDF_XML),
    ".n3": ("n3", ox.RdfFormat.N3),
}
QUAD_FORMATS = ("trig", "nquads", "json-ld")  # formats whose files may hold named graphs


@dataclass(frozen=True)
class DataFile:
    """One --data file: where it is, its format, and the IRI that names its graph."""

    path: Path
    format: str  # as rdflib names it
    oxigraph_format: ox.RdfFormat

    @property
    def iri(self) -> str:
        """A file of triples is a graph named by its file: IRI (FROM <file:///…/graph.ttl>)."""
        return self.path.resolve().as_uri()

    @property
    def has_graphs(self) -> bool:
        return self.format in QUAD_FORMATS

    def invalid(self, error: Exception) -> DataError:
        """The one line that says the file is not what its name says."""
        return DataError(f"{self.path}: not valid {self.format}: {_first_line(error)}")


def data_files(paths: Iterable[Path]) -> list[DataFile]:
    """The files checked: each exists and is of a format known by its suffix; DataError else."""
    checked = []
    for path in paths:
        if not path.is_file():
            raise DataError(f"{path}: no such file (run `plankg build` first?)")
        known = FORMATS.get(path.suffix.lower())
        if known is None:
            raise DataError(f"{path}: unknown RDF format; use one of {', '.join(sorted(FORMATS))}")
        checked.append(DataFile(path, *known))
    return checked


def quads(file: DataFile) -> Iterator[ox.Quad]:
    """The file's quads as Oxigraph parses them (a triple of the default graph has DefaultGraph
    for its graph); DataError, after what was read, if the file is broken."""
    try:
        yield from ox.parse(path=str(file.path), format=file.oxigraph_format, base_iri=file.iri)
    except (SyntaxError, ValueError, OSError, UnicodeDecodeError) as error:
        raise file.invalid(error) from None


def read_graph(paths: Iterable[Path]):
    """One rdflib Graph of every triple of the files, whatever graph it is in: for the commands
    that hand the data to rdflib's world (SHACL, the network page)."""
    from rdflib import Graph

    from graph.build.serialize import RdflibTerms

    term = RdflibTerms()
    graph = Graph()
    for file in data_files(paths):
        for quad in quads(file):
            graph.add((term(quad.subject), term(quad.predicate), term(quad.object)))
    return graph


def _first_line(error: Exception) -> str:
    text = str(error).strip() or type(error).__name__
    return text.splitlines()[0]
