"""oxigraph: the graph in a pyoxigraph Store, the engine behind every query by default.

    OxigraphStore.from_files(paths)   --data files in memory, loaded in a second for a corpus
    OxigraphStore.open(DIR)           the persistent store a build writes (--store oxigraph:DIR)

Either way the default graph holds the union of the data, each triple once, with the ontology
and what RDFS says follows (rules 9 and 7, as graph.sparql.inference applies them for rdflib),
so queries answer as rdflib's engine does. Oxigraph's own union-of-graphs view would repeat a
triple once per graph that holds it. A report's named graph (from TriG or a build) is kept
under its name, for FROM and GRAPH; a data file of triples is its own graph only when a query
names it (FROM <file:///…/graph.ttl>), so that the common case loads each triple once.

Oxigraph writes numbers in their canonical form: 1815.0 is answered as 1815, the same value.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

import pyoxigraph as ox

from graph.build.serialize import RdflibTerms
from graph.errors import DataError, QueryError
from graph.sparql.answer import Answer
from graph.sparql.datafiles import DataFile, data_files
from graph.sparql.outside import refuse_outside_data
from graph.sparql.query import query_form
from graph.vocab import PREFIXES

LOAD_PIECE = 50_000  # triples Oxigraph's bulk loader takes at a time: some tens of MB
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
RDFS_RULES = (
    f"PREFIX rdfs: <{RDFS}> INSERT {{ ?s a ?super }} WHERE "
    "{ ?class rdfs:subClassOf+ ?super FILTER (isIRI(?class) && isIRI(?super)) ?s a ?class }",
    f"PREFIX rdfs: <{RDFS}> INSERT {{ ?s ?super ?o }} WHERE "
    "{ ?property rdfs:subPropertyOf+ ?super FILTER (isIRI(?property) && isIRI(?super)) ?s ?property ?o }",
)
UNION = "INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }"
RESULT_FORMATS = {"csv": ox.QueryResultsFormat.CSV, "tsv": ox.QueryResultsFormat.TSV,
                  "json": ox.QueryResultsFormat.JSON}


class OxigraphStore:
    """A pyoxigraph Store whose default graph is what queries read."""

    def __init__(self, store: ox.Store, files: Iterable[DataFile] = ()):
        """`files`: data files of triples, each loaded as a graph of its own when a query names it."""
        self.store = store
        self._files = {file.iri: file for file in files if not file.has_graphs}
        self._named: set[str] = set()

    @classmethod
    def open(cls, directory: Path, read_only: bool = False) -> OxigraphStore:
        """The store on disk at DIR; `read_only` for queries, which then may run side by side,
        each in its own process (a store open for writing is locked to one)."""
        try:
            return cls((ox.Store.read_only if read_only else ox.Store)(str(directory)))
        except OSError as error:
            raise DataError(f"{directory}: cannot open the Oxigraph store ({error})") from None

    @classmethod
    def from_files(cls, paths: list[Path]) -> OxigraphStore:
        """The data files in a store in memory, with the ontology and the RDFS closure."""
        files = data_files(paths)
        store = ox.Store()
        for file in files:
            try:
                store.bulk_load(path=str(file.path), format=file.oxigraph_format, base_iri=file.iri,
                                to_graph=None if file.has_graphs else ox.DefaultGraph())
            except (SyntaxError, ValueError, OSError, UnicodeDecodeError) as error:
                raise file.invalid(error) from None
        if any(file.has_graphs for file in files):
            store.update(UNION)
        _add_ontology(store)
        return cls(store, files)

    def replace(self, graphs: Iterable[tuple[str, Iterable[bytes]]], union: Iterable[bytes]) -> None:
        """Hold these named graphs ((IRI, its N-Triples lines)) and, in the default graph, their
        union (N-Triples lines, each triple once), the ontology and what RDFS says follows. The
        bulk loader takes LOAD_PIECE triples at a time: given a corpus at once it holds it all
        (370 MB more for 1000 generated reports)."""
        self.store.clear()
        quads = (line[:-3] + b" <" + name.encode("utf-8") + b"> .\n"  # "<s> <p> <o> .\n" -> "<s> <p> <o> <g> .\n"
                 for name, lines in graphs for line in lines)
        for piece in _pieces(quads, LOAD_PIECE):
            self.store.bulk_load(piece, ox.RdfFormat.N_QUADS)
        for piece in _pieces(union, LOAD_PIECE):
            self.store.bulk_load(piece, ox.RdfFormat.N_TRIPLES, to_graph=ox.DefaultGraph())
        _add_ontology(self.store)
        self.store.flush()
        self.store.optimize()  # compacted, queries on a 1000-report store take a third less time

    def query(self, sparql: str, limit: int | None = None) -> Answer:
        """`limit`: take at most this many rows; Oxigraph's solutions are an iterator, so the
        rest are never made (unless ORDER BY or GROUP BY needs them all first)."""
        return self._answer(self._run(sparql), limit)

    def results(self, sparql: str, output_format: str) -> bytes | None:
        """A SELECT query's rows as Oxigraph itself writes them in SPARQL 1.1 CSV, TSV or JSON;
        None for other queries and formats. On a thousand reports, making Python objects of every
        row took longer than answering the query."""
        if output_format not in RESULT_FORMATS or query_form(sparql) != "SELECT":
            return None
        return self._run(sparql).serialize(format=RESULT_FORMATS[output_format])

    def label(self, term) -> str | None:
        from rdflib import URIRef

        if not isinstance(term, URIRef):
            return None
        answer = self._answer(self._run(f'SELECT ?l WHERE {{ <{term}> <{RDFS}label> ?l '
                                        f'FILTER (lang(?l) = "zh") }} ORDER BY ?l LIMIT 1'))
        return str(answer.rows[0][0]) if answer.rows else None

    def _run(self, sparql: str):
        """Oxigraph's answer, once graph.sparql.outside finds nothing in the query that reads
        outside the store: Oxigraph would send a SERVICE to its host, and has no switch to stop it."""
        query_form(sparql)
        reach = refuse_outside_data(sparql, self._holds_graph, PREFIXES)
        for _, iri in reach.graphs:
            self._name_file_graph(iri)
        try:
            return self.store.query(sparql, prefixes=dict(PREFIXES))
        except SyntaxError as error:
            raise QueryError(f"SPARQL syntax error: {_placed(_one_line(error))}") from None
        except (OSError, ValueError, RuntimeError) as error:
            raise QueryError(f"the query failed: {_one_line(error)}") from None

    def _holds_graph(self, iri: str) -> bool:
        """Whether the store has a named graph (a report's, or a data file's) of this IRI; a
        relative or broken IRI, which Oxigraph cannot name, is none."""
        if iri in self._files:
            return True
        try:
            return self.store.contains_named_graph(ox.NamedNode(iri))
        except ValueError:
            return False

    def _name_file_graph(self, iri: str | None) -> None:
        """A data file's triples as the graph its file: IRI names, the first time a query asks."""
        file = self._files.get(iri or "")
        if file is None or file.iri in self._named:
            return
        self.store.bulk_load(path=str(file.path), format=file.oxigraph_format, base_iri=file.iri,
                             to_graph=ox.NamedNode(file.iri))
        self._named.add(file.iri)

    def _answer(self, result, limit: int | None = None) -> Answer:
        term = RdflibTerms()
        if isinstance(result, (bool, ox.QueryBoolean)):
            return Answer("boolean", boolean=bool(result))
        if isinstance(result, ox.QuerySolutions):
            variables = [v.value for v in result.variables]
            rows = [tuple(term(value) for value in solution) for solution in itertools.islice(result, limit)]
            return Answer("rows", variables, rows)
        from rdflib import Graph

        graph = Graph()
        for triple in result:
            graph.add((term(triple.subject), term(triple.predicate), term(triple.object)))
        return Answer("graph", graph=graph)


def _add_ontology(store: ox.Store) -> None:
    """The ontology into the default graph, and what RDFS rules 9 and 7 say follows."""
    from graph.vocab import ontology_file

    store.bulk_load(path=str(ontology_file("plan.ttl")), format=ox.RdfFormat.TURTLE, to_graph=ox.DefaultGraph())
    for rule in RDFS_RULES:
        store.update(rule)


def _pieces(lines: Iterable[bytes], size: int) -> Iterator[bytes]:
    lines = iter(lines)
    while piece := b"".join(itertools.islice(lines, size)):
        yield piece


def _placed(message: str) -> str:
    """Oxigraph's "error at 1:26: expected …" as "line 1, column 26: expected …", as rdflib's
    errors are told."""
    found = re.match(r"error at (\d+):(\d+): (.*)", message)
    return f"line {found[1]}, column {found[2]}: {found[3]}" if found else message


def _one_line(error: Exception, limit: int = 300) -> str:
    """Oxigraph's messages span lines (every character class it expected): one line, cut short."""
    text = " ".join(str(error).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
