"""Where a graph is queried: in memory (rdflib), in an embedded persistent store (Oxigraph), or at
a remote SPARQL 1.1 endpoint. One small interface, so the command, the server and the tests ask
all three the same way and compare what they answer.

    memory              rdflib Dataset of the data files and the ontology, with the RDFS closure
    oxigraph:DIR        a pyoxigraph Store kept on disk at DIR
    http(s)://…/sparql  any SPARQL 1.1 Protocol endpoint
"""

from __future__ import annotations

import itertools
import json
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import BNode, Dataset, Graph, Literal, URIRef

from graph.errors import DataError, QueryError

REMOTE_TIMEOUT_SECONDS = 60
LOAD_PIECE = 50_000  # triples Oxigraph's bulk loader takes at a time: some tens of MB
# RDFS rules 9 (subClassOf) and 7 (subPropertyOf), as graph.sparql.inference applies them in memory
RDFS_RULES = (
    "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> INSERT { ?s a ?super } WHERE "
    "{ ?class rdfs:subClassOf+ ?super FILTER (isIRI(?class) && isIRI(?super)) ?s a ?class }",
    "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> INSERT { ?s ?super ?o } WHERE "
    "{ ?property rdfs:subPropertyOf+ ?super FILTER (isIRI(?property) && isIRI(?super)) ?s ?property ?o }",
)


@dataclass
class Answer:
    """What a query answered: rows (SELECT), a graph (CONSTRUCT, DESCRIBE) or a boolean (ASK)."""

    kind: str  # rows / graph / boolean
    variables: list[str] = field(default_factory=list)
    rows: list[tuple] = field(default_factory=list)  # rdflib terms or None, in variable order
    graph: Graph | None = None
    boolean: bool | None = None


class MemoryStore:
    """The data files and the ontology in an rdflib Dataset."""

    def __init__(self, dataset: Dataset):
        self.dataset = dataset

    def query(self, sparql: str, limit: int | None = None) -> Answer:
        """`limit`: take at most this many rows. rdflib makes a SELECT's rows one at a time as
        they are asked for, so the rest are never made (unless ORDER BY, GROUP BY or DISTINCT
        needs them all first)."""
        from graph.sparql.query import run_query  # the rdflib engine, with plankg's prefixes
        result = run_query(self.dataset, sparql)
        if result.type == "ASK":
            return Answer("boolean", boolean=bool(result.askAnswer))
        if result.type in ("CONSTRUCT", "DESCRIBE"):
            return Answer("graph", graph=result.graph)
        variables = [str(v) for v in result.vars]
        return Answer("rows", variables, [tuple(row) for row in itertools.islice(result, limit)])

    def label(self, term) -> str | None:
        return _chinese_label(self.dataset, term)


class OxigraphStore:
    """A persistent Oxigraph store on disk, for corpora larger than memory: each report's named
    graph, and their union with the ontology in the default graph, which queries read."""

    def __init__(self, directory: Path, read_only: bool = False):
        """`read_only`: for queries, which then may run side by side, each in its own process
        (a store open for writing is locked to one)."""
        import pyoxigraph
        self._ox = pyoxigraph
        try:
            self.store = (pyoxigraph.Store.read_only if read_only else pyoxigraph.Store)(str(directory))
        except OSError as error:
            raise DataError(f"{directory}: cannot open the Oxigraph store ({error})") from None

    def replace(self, graphs: Iterable[tuple[str, Iterable[bytes]]], union: Iterable[bytes]) -> None:
        """Hold these named graphs ((IRI, its N-Triples lines)) and, in the default graph, their
        union (N-Triples lines, each triple once: Oxigraph's union-of-named-graphs view would
        repeat a triple once per report), the ontology and what RDFS says follows, so it answers
        as the in-memory graph does. The bulk loader takes LOAD_PIECE triples at a time: given a
        corpus at once it holds it all (370 MB more for 1000 generated reports)."""
        from graph.vocab import ontology_file

        ox = self._ox
        self.store.clear()
        quads = (line[:-3] + b" <" + name.encode("utf-8") + b"> .\n"  # "<s> <p> <o> .\n" -> "<s> <p> <o> <g> .\n"
                 for name, lines in graphs for line in lines)
        for piece in _pieces(quads, LOAD_PIECE):
            self.store.bulk_load(piece, ox.RdfFormat.N_QUADS)
        for piece in _pieces(union, LOAD_PIECE):
            self.store.bulk_load(piece, ox.RdfFormat.N_TRIPLES, to_graph=ox.DefaultGraph())
        self.store.bulk_load(path=str(ontology_file("plan.ttl")), format=ox.RdfFormat.TURTLE,
                             to_graph=ox.DefaultGraph())
        for rule in RDFS_RULES:
            self.store.update(rule)
        self.store.flush()
        self.store.optimize()  # compacted, queries on a 1000-report store take a third less time

    def query(self, sparql: str, limit: int | None = None) -> Answer:
        """`limit`: take at most this many rows; Oxigraph's solutions are an iterator, so the
        rest are never made (unless ORDER BY or GROUP BY needs them all first)."""
        return self._answer(self._run(self._checked(sparql)), limit)

    def _answer(self, result, limit: int | None = None) -> Answer:
        if isinstance(result, (bool, self._ox.QueryBoolean)):
            return Answer("boolean", boolean=bool(result))
        if isinstance(result, self._ox.QuerySolutions):
            variables = [v.value for v in result.variables]
            convert = _OxigraphTerms()
            rows = [tuple(convert(term) for term in solution) for solution in itertools.islice(result, limit)]
            return Answer("rows", variables, rows)
        graph = Graph()
        for triple in result:
            graph.add(tuple(_from_oxigraph(term) for term in (triple.subject, triple.predicate, triple.object)))
        return Answer("graph", graph=graph)

    def results(self, sparql: str, output_format: str) -> bytes | None:
        """A SELECT query's rows as Oxigraph itself writes them in SPARQL 1.1 CSV, TSV or JSON;
        None for other queries and formats. On a thousand reports, making Python objects of every
        row took longer than answering the query."""
        from graph.sparql.query import query_form

        formats = {"csv": self._ox.QueryResultsFormat.CSV, "tsv": self._ox.QueryResultsFormat.TSV,
                   "json": self._ox.QueryResultsFormat.JSON}
        if output_format not in formats or query_form(sparql) != "SELECT":
            return None
        return self._run(self._checked(sparql)).serialize(format=formats[output_format])

    def _checked(self, sparql: str) -> str:
        """The query as Oxigraph is to run it (plankg's prefixes declared), once
        graph.sparql.outside finds nothing in it that reads outside the store: Oxigraph would
        send a SERVICE to its host, and has no option to stop it."""
        from graph.sparql.outside import checked_query
        from graph.sparql.query import query_form, with_prefixes

        query_form(sparql)
        sparql = with_prefixes(sparql)
        checked_query(sparql, self._holds_graph)
        return sparql

    def _holds_graph(self, iri: URIRef) -> bool:
        """Whether the store has a named graph (a report's) of this IRI; a relative or broken
        IRI, which Oxigraph cannot name, is none."""
        try:
            return self.store.contains_named_graph(self._ox.NamedNode(str(iri)))
        except ValueError:
            return False

    def _run(self, sparql: str):
        """Oxigraph's answer to a query already checked (and with its prefixes declared)."""
        try:
            return self.store.query(sparql)  # the default graph holds the union
        except SyntaxError as error:
            raise QueryError(f"SPARQL syntax error: {_one_line(error)}") from None
        except (OSError, ValueError, RuntimeError) as error:
            raise QueryError(f"the query failed: {_one_line(error)}") from None

    def label(self, term) -> str | None:
        if not isinstance(term, URIRef):
            return None
        answer = self._answer(self._run(f'SELECT ?l WHERE {{ <{term}> <http://www.w3.org/2000/01/rdf-schema#label> ?l '
                                        f'FILTER (lang(?l) = "zh") }} LIMIT 1'))
        return str(answer.rows[0][0]) if answer.rows else None


class RemoteStore:
    """A SPARQL 1.1 Protocol endpoint, asked over HTTP for SPARQL JSON results."""

    def __init__(self, endpoint: str):
        self.endpoint = endpoint

    def query(self, sparql: str, limit: int | None = None) -> Answer:
        """`limit`: keep at most this many rows (the endpoint sends them all; they are cut here)."""
        from graph.sparql.query import query_form, with_prefixes
        form = query_form(sparql)
        accept = "text/turtle" if form in ("CONSTRUCT", "DESCRIBE") else "application/sparql-results+json"
        body = urllib.parse.urlencode({"query": with_prefixes(sparql)}).encode()
        request = urllib.request.Request(self.endpoint, data=body, headers={
            "Accept": accept, "Content-Type": "application/x-www-form-urlencoded"})
        payload = _fetch(request, self.endpoint)
        if form in ("CONSTRUCT", "DESCRIBE"):
            return Answer("graph", graph=Graph().parse(data=payload, format="turtle"))
        answer = answer_from_json(json.loads(payload))
        answer.rows = answer.rows[:limit]
        return answer

    def label(self, term) -> str | None:
        return None  # asking the endpoint once per cell would be slow; IRIs are shown prefixed


def _pieces(lines: Iterable[bytes], size: int) -> Iterator[bytes]:
    lines = iter(lines)
    while piece := b"".join(itertools.islice(lines, size)):
        yield piece


def open_store(spec: str | None, data_files: list[Path]) -> MemoryStore | OxigraphStore | RemoteStore:
    """The store a command line names: None or 'memory' (the data files), 'oxigraph:DIR', or a URL."""
    if spec and spec.startswith(("http://", "https://")):
        return RemoteStore(spec)
    if spec and spec.startswith("oxigraph:"):
        directory = Path(spec[len("oxigraph:"):])
        if not directory.is_dir():
            raise DataError(f"{directory}: no Oxigraph store here (build with --store oxigraph:{directory})")
        return OxigraphStore(directory, read_only=True)
    if spec not in (None, "memory"):
        raise DataError(f"unknown store {spec!r}: use memory, oxigraph:DIR or an http(s) endpoint URL")
    from graph.sparql.query import load_data
    return MemoryStore(load_data(data_files))


def answer_from_json(data: dict) -> Answer:
    """SPARQL 1.1 Query Results JSON -> Answer."""
    if "boolean" in data:
        return Answer("boolean", boolean=bool(data["boolean"]))
    variables = data["head"]["vars"]
    rows = [tuple(_from_json(binding.get(v)) for v in variables) for binding in data["results"]["bindings"]]
    return Answer("rows", variables, rows)


def _fetch(request: urllib.request.Request, endpoint: str) -> str:
    try:
        with urllib.request.urlopen(request, timeout=REMOTE_TIMEOUT_SECONDS) as response:
            return response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        detail = error.read().decode("utf-8", "replace").strip().splitlines()
        raise QueryError(f"{endpoint} answered {error.code}: {detail[0][:200] if detail else error.reason}") from None
    except (urllib.error.URLError, OSError) as error:
        reason = getattr(error, "reason", error)
        raise DataError(f"{endpoint}: cannot reach the endpoint ({reason})") from None


def _from_json(term: dict | None):
    if term is None:
        return None
    if term["type"] == "uri":
        return URIRef(term["value"])
    if term["type"] == "bnode":
        return BNode(term["value"])
    return Literal(term["value"], lang=term.get("xml:lang"),
                   datatype=URIRef(term["datatype"]) if "datatype" in term else None)


def _one_line(error: Exception, limit: int = 300) -> str:
    """Oxigraph's messages span lines (every character class it expected): one line, cut short."""
    text = " ".join(str(error).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


class _OxigraphTerms:
    """Oxigraph terms -> rdflib terms, each distinct term converted once: rows repeat their
    units, indicators and sentences, and making an rdflib Literal is the slow part of a query."""

    def __init__(self):
        self.seen: dict = {}

    def __call__(self, term):
        if term is None:
            return None
        converted = self.seen.get(term)
        if converted is None:
            converted = self.seen[term] = _from_oxigraph(term)
        return converted


def _from_oxigraph(term):
    if term is None:
        return None
    kind = type(term).__name__
    if kind == "NamedNode":
        return URIRef(term.value)
    if kind == "BlankNode":
        return BNode(term.value)
    if kind == "Literal":
        if term.language:
            return Literal(term.value, lang=term.language)
        datatype = term.datatype.value if term.datatype else None
        if datatype == "http://www.w3.org/2001/XMLSchema#string":
            datatype = None
        return Literal(term.value, datatype=URIRef(datatype) if datatype else None)
    return Literal(str(term))


def _chinese_label(graph, term) -> str | None:
    if not isinstance(term, URIRef):
        return None
    from rdflib.namespace import RDFS
    labels = sorted(str(label) for label in graph.objects(term, RDFS.label)
                    if isinstance(label, Literal) and label.language == "zh")
    return labels[0] if labels else None
