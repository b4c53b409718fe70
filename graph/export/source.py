"""source: the graph an export reads, and the part of it asked for, as sorted N-Triples lines.

The graph comes from --data files (Oxigraph's parsers, graph.sparql.datafiles) or from a build's
Oxigraph store, whose named graphs are the reports' (its default graph also holds the ontology
and the RDFS closure that queries need, which an export must not repeat). Lines are sorted on
disk, in runs merged as a build merges its reports (graph.build.spool), so that the same graph
gives the same bytes whatever order it was read in, and a corpus of any size in little memory.
"""

from __future__ import annotations

import itertools
import tempfile
from collections.abc import Generator, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
from rdflib import OWL, RDF, RDFS, URIRef

from graph.build.spool import Spool
from graph.errors import DataError, PlankgError
from graph.sparql.datafiles import data_files, quads
from graph.vocab import PLAN, PLAN_IRI, ontology

RDF_TYPE = str(RDF.type)
SOURCE_FILE = str(PLAN.sourceFile)  # a report's file name, as --report FILE gives it
PIECE = 20_000  # quads turned into N-Triples lines at a time
RUN = 200_000  # lines sorted in memory before they go to a run on disk: some tens of MB
GRAPH_END = b"\t"  # after a graph's IRI in a keyed line: below any IRI character, so graphs sort as their IRIs


@dataclass(frozen=True)
class Source:
    """Where the quads come from: files, or a store (only its named graphs)."""

    paths: tuple[Path, ...] = ()
    store: ox.Store | None = None

    def quads(self) -> Iterator[ox.Quad]:
        if self.store is not None:
            for quad in self.store.quads_for_pattern(None, None, None, None):
                if not isinstance(quad.graph_name, ox.DefaultGraph):
                    yield quad
            return
        for file in data_files(self.paths):
            yield from quads(file)


def open_source(paths: list[Path], store_spec: str | None, default: Path) -> Source:
    """The --data files (default `default`) or the --store; DataError for a store that is none."""
    if store_spec in (None, "memory"):
        files = data_files(paths or [default])  # checked now: a missing file is one line before anything is written
        return Source(paths=tuple(file.path for file in files))
    if paths:
        raise DataError("give --data files or --store, not both")
    assert store_spec is not None
    if not store_spec.startswith("oxigraph:"):
        raise DataError(f"unknown store {store_spec!r}: use memory or oxigraph:DIR")
    from graph.sparql.stores import persistent_store

    return Source(store=persistent_store(store_spec).store)


@dataclass(frozen=True)
class Part:
    """What to export: one report's named graph, the triples of some subjects, or everything."""

    graph: str | None = None
    subjects: frozenset[str] | None = None

    def keeps(self, quad: ox.Quad) -> bool:
        if self.graph is not None and (not isinstance(quad.graph_name, ox.NamedNode)
                                       or quad.graph_name.value != self.graph):
            return False
        return self.subjects is None or (isinstance(quad.subject, ox.NamedNode) and quad.subject.value in self.subjects)


def choose_part(source: Source, report: str | None, classes: tuple[str, ...], focus: str | None,
                depth: int) -> Part:
    """The part --report, --class and --focus name (each narrows the one before); one line for a
    report, class or entity the graph does not have."""
    wanted = class_iris(classes) if classes else None  # an unknown class is told before the data is read
    graph = report_graph(source, report) if report else None
    subjects: frozenset[str] | None = None
    if wanted is not None:
        subjects = typed_subjects(source, Part(graph), wanted)
    if focus:
        from graph.export.networks import page_network

        around = frozenset(page_network(source, Part(graph), focus, depth).nodes)
        subjects = around if subjects is None else subjects & around
    return Part(graph, subjects)


def report_graph(source: Source, report: str) -> str:
    """The named graph of a report given by its IRI or its file (the name plan:sourceFile holds)."""
    names: set[str] = set()
    by_file = None if "://" in report else Path(report).name
    for quad in source.quads():
        if not isinstance(quad.graph_name, ox.NamedNode):
            continue
        names.add(quad.graph_name.value)
        if by_file is None:
            if quad.graph_name.value == report:
                return report
        elif (quad.predicate.value == SOURCE_FILE and isinstance(quad.object, ox.Literal)
              and quad.object.value == by_file):
            return quad.graph_name.value
    if not names:
        raise DataError("--report needs the reports' named graphs: give --data output/graph.trig (or --store)")
    raise DataError(f"no report {report!r} in the graph; its reports are {', '.join(sorted(names)[:5])}"
                    + (" …" if len(names) > 5 else ""))


def class_iris(classes: tuple[str, ...]) -> frozenset[str]:
    """plan: classes by name, with the classes under them (Organization takes in Company and Bank)."""
    terms = ontology()
    declared = {str(c)[len(PLAN_IRI):] for c in terms.subjects(RDF.type, OWL.Class) if str(c).startswith(PLAN_IRI)}
    unknown = sorted(set(classes) - declared)
    if unknown:
        raise PlankgError(f"unknown class {unknown[0]!r}; classes are {', '.join(sorted(declared))}")
    return frozenset(str(c) for name in classes
                     for c in terms.transitive_subjects(RDFS.subClassOf, URIRef(PLAN_IRI + name)))


def typed_subjects(source: Source, part: Part, classes: frozenset[str]) -> frozenset[str]:
    return frozenset(quad.subject.value for quad in source.quads()
                     if quad.predicate.value == RDF_TYPE and isinstance(quad.object, ox.NamedNode)
                     and quad.object.value in classes and isinstance(quad.subject, ox.NamedNode)
                     and part.keeps(quad))


def sorted_lines(source: Source, part: Part, keep_graphs: bool) -> Generator[bytes, None, None]:
    """The part's triples as sorted canonical N-Triples lines, each once; with `keep_graphs`
    each line is keyed by its graph (see graph_of), so that a graph's lines come together."""
    with Spool(Path(tempfile.gettempdir())) as spool:
        runs: list[Iterable[bytes]] = []
        kept = (quad for quad in source.quads() if part.keeps(quad))
        for number, run in enumerate(_runs(_keyed_lines(kept, keep_graphs), RUN)):
            with open(spool.path(f"run-{number}"), "wb") as stream:
                stream.writelines(run)
            runs.append(spool.lines(f"run-{number}"))
        yield from spool.union(runs)


def graph_of(line: bytes) -> bytes:
    """The graph IRI of a keyed line (b"" for the default graph)."""
    return line[:line.index(GRAPH_END)]


def triple_of(line: bytes) -> bytes:
    """The N-Triples line of a keyed line."""
    return line[line.index(GRAPH_END) + 1:]


def _keyed_lines(kept: Iterator[ox.Quad], keep_graphs: bool) -> Iterator[bytes]:
    while piece := list(itertools.islice(kept, PIECE)):
        written = ox.serialize((quad.triple for quad in piece), format=ox.RdfFormat.N_TRIPLES)
        assert written is not None  # no output given: the bytes are returned
        lines = written.split(b"\n")  # one line a triple: N-Triples escapes line breaks in literals
        for quad, line in zip(piece, lines):
            if keep_graphs:
                name = quad.graph_name.value if isinstance(quad.graph_name, ox.NamedNode) else ""
                yield name.encode() + GRAPH_END + line + b"\n"
            else:
                yield line + b"\n"


def _runs(lines: Iterable[bytes], size: int) -> Iterator[list[bytes]]:
    lines = iter(lines)
    while run := sorted(set(itertools.islice(lines, size))):
        yield run

