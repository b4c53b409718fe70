"""rdflib_engine: the data files and the ontology in an rdflib Dataset, asked with rdflib's SPARQL
engine (`--engine rdflib`). Slower than Oxigraph by an order of magnitude on a corpus, but pure
Python and the reference the Oxigraph engine's answers are compared with (tests/test_engines.py).

rdflib is also told never to load a FROM graph and to refuse SERVICE itself, in case a query
reached its evaluator without graph.sparql.outside's check.
"""

from __future__ import annotations

import itertools
from pathlib import Path

import rdflib.plugins.sparql
from rdflib import Dataset, URIRef
from rdflib.plugins.sparql.parserutils import CompValue

from graph.errors import QueryError
from graph.sparql.answer import Answer
from graph.sparql.datafiles import data_files
from graph.sparql.inference import rdfs_closure
from graph.sparql.outside import REFUSED, refuse_outside_data
from graph.sparql.query import INFERRED_GRAPH, first_line, query_form
from graph.vocab import ONTOLOGY_IRI, PREFIXES, bind_prefixes, ontology

# rdflib reads FROM and FROM NAMED IRIs from the web or the disk unless told not to; with this a
# graph the dataset does not hold is an empty graph.
rdflib.plugins.sparql.SPARQL_LOAD_GRAPHS = False


class RdflibStore:
    """The data files and the ontology in an rdflib Dataset, with the RDFS closure."""

    def __init__(self, dataset: Dataset):
        self.dataset = dataset

    @classmethod
    def from_files(cls, paths: list[Path]) -> RdflibStore:
        return cls(load_data(paths))

    def query(self, sparql: str, limit: int | None = None) -> Answer:
        """`limit`: take at most this many rows. rdflib makes a SELECT's rows one at a time as
        they are asked for, so the rest are never made (unless ORDER BY, GROUP BY or DISTINCT
        needs them all first)."""
        result = run_query(self.dataset, sparql)
        if result.type == "ASK":
            return Answer("boolean", boolean=bool(result.askAnswer))
        if result.type in ("CONSTRUCT", "DESCRIBE"):
            return Answer("graph", graph=result.graph)
        variables = [str(v) for v in result.vars]
        return Answer("rows", variables, [tuple(row) for row in itertools.islice(result, limit)])

    def results(self, sparql: str, output_format: str) -> bytes | None:
        return None  # the rows are rendered by graph.sparql.query

    def label(self, term) -> str | None:
        from rdflib import Literal
        from rdflib.namespace import RDFS

        if not isinstance(term, URIRef):
            return None
        labels = sorted(str(label) for label in self.dataset.objects(term, RDFS.label)
                        if isinstance(label, Literal) and label.language == "zh")
        return labels[0] if labels else None


def load_data(paths: list[Path], with_ontology: bool = True) -> Dataset:
    """The data files, the ontology, and what RDFS says follows from them (a plan:Company is a
    plan:Organization), queryable as one default graph. A file of triples is a graph named by its
    file: IRI; TriG and N-Quads keep their graphs."""
    dataset = Dataset(default_union=True)
    bind_prefixes(dataset)
    for file in data_files(paths):
        try:
            target = dataset if file.has_graphs else dataset.graph(URIRef(file.iri))
            target.parse(file.path, format=file.format)
        except Exception as error:  # noqa: BLE001 - rdflib's parsers raise many kinds of error for bad input
            raise file.invalid(error) from None
    if with_ontology:
        ontology_graph = dataset.graph(ONTOLOGY_IRI)
        for triple in ontology():
            ontology_graph.add(triple)
        inferred = dataset.graph(INFERRED_GRAPH)
        for triple in rdfs_closure(dataset, ontology()):
            inferred.add(triple)
    return dataset


def run_query(dataset: Dataset, sparql: str):
    """rdflib's answer (a Result) to the query over the dataset, once it reads nothing outside."""
    query_form(sparql)
    refuse_outside_data(sparql, lambda iri: _holds_graph(dataset, iri), PREFIXES)
    try:
        return dataset.query(sparql, initNs=dict(PREFIXES))
    except QueryError:  # _refuse_service, should a SERVICE reach the evaluator
        raise
    except Exception as error:  # noqa: BLE001 - rdflib's parser and evaluator fail in many ways
        raise QueryError(_failure(error)) from None


def _failure(error: Exception) -> str:
    """A syntax error as rdflib's parser (pyparsing) places it, or what the evaluator said."""
    line, column = getattr(error, "lineno", None), getattr(error, "col", None)
    if line is not None and type(error).__name__.startswith("Parse"):
        message = getattr(error, "msg", None) or first_line(error)
        return f"SPARQL syntax error: line {line}, column {column}: {message}"
    return f"the query failed: {first_line(error)}"


def _holds_graph(dataset: Dataset, iri: str) -> bool:
    """Whether the dataset has a graph of this name: a data file's (named by its file: IRI),
    a report's (from TriG), the ontology's or the inferred triples'. Asked once per FROM."""
    return any(str(context.identifier) == iri for context in dataset.graphs())


def _refuse_service(ctx, part: CompValue):
    """rdflib's evaluator, should a SERVICE reach it: refused, never sent (a CUSTOM_EVALS hook,
    which rdflib asks before its own evaluation of each part)."""
    if part.name == "ServiceGraphPattern":
        raise QueryError(REFUSED.format(f"SERVICE <{part.term}>"))
    raise NotImplementedError  # every other part: rdflib's own evaluation


rdflib.plugins.sparql.CUSTOM_EVALS["plankg-no-service"] = _refuse_service
