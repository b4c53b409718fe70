"""query: SPARQL over a built graph, with the ontology loaded beside the data.

A query is given inline, as a .rq file, or by the name of a bundled query (graph/queries/NAME.rq,
whose first comment line says what it answers). Results come as an aligned table for people, or
as CSV, TSV and SPARQL 1.1 JSON for tools; CONSTRUCT and DESCRIBE results as Turtle.
"""

from __future__ import annotations

import unicodedata
from importlib.resources import files
from pathlib import Path

from rdflib import BNode, Dataset, Literal, URIRef
from rdflib.query import Result
from rdflib.plugins.sparql import prepareQuery

from graph.errors import DataError, QueryError
from graph.rdf import PREFIXES, bind_prefixes
from graph.serialize import to_turtle
from graph.vocab import ONTOLOGY_IRI, ontology

FORMATS = ("table", "csv", "tsv", "json", "turtle")
_RDF_FORMATS = {".ttl": "turtle", ".trig": "trig", ".nt": "nt", ".nq": "nquads",
                ".jsonld": "json-ld", ".rdf": "xml", ".owl": "xml", ".n3": "n3"}


def load_data(paths: list[Path], with_ontology: bool = True) -> Dataset:
    """The data files (and the ontology), queryable as one default graph."""
    dataset = Dataset(default_union=True)
    bind_prefixes(dataset)
    for path in paths:
        if not path.is_file():
            raise DataError(f"{path}: no such file (run `plankg build` first?)")
        rdf_format = _RDF_FORMATS.get(path.suffix.lower())
        if rdf_format is None:
            raise DataError(f"{path}: unknown RDF format; use one of {', '.join(sorted(_RDF_FORMATS))}")
        try:
            target = dataset if rdf_format in ("trig", "nquads") else dataset.graph(URIRef(path.resolve().as_uri()))
            target.parse(path, format=rdf_format)
        except Exception as error:  # rdflib's parsers raise many kinds of error for bad input
            raise DataError(f"{path}: not valid {rdf_format}: {_first_line(error)}") from None
    if with_ontology:
        ontology_graph = dataset.graph(ONTOLOGY_IRI)
        for triple in ontology():
            ontology_graph.add(triple)
    return dataset


def bundled_queries() -> dict[str, str]:
    """Name -> the first comment line of each bundled query."""
    result = {}
    for entry in sorted(files("graph.queries").iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".rq"):
            first = entry.read_text(encoding="utf-8").splitlines()[0]
            result[entry.name[:-3]] = first.lstrip("# ").strip()
    return result


def query_text(query: str) -> str:
    """The SPARQL of an inline query, a .rq file, or a bundled query's name."""
    if query.endswith(".rq"):
        path = Path(query)
        if not path.is_file():
            raise QueryError(f"{query}: no such query file")
        return path.read_text(encoding="utf-8")
    if _looks_like_name(query):
        if query not in bundled_queries():
            raise QueryError(f"no bundled query named {query!r}; `plankg query --list` shows them")
        return files("graph.queries").joinpath(f"{query}.rq").read_text(encoding="utf-8")
    return query


def run_query(dataset: Dataset, sparql: str) -> Result:
    try:
        prepared = prepareQuery(sparql, initNs=PREFIXES)
    except Exception as error:  # pyparsing's ParseException and rdflib's own errors
        raise QueryError(f"SPARQL syntax error: {_where(error)}") from None
    try:
        return dataset.query(prepared)
    except Exception as error:
        raise QueryError(f"the query failed: {_first_line(error)}") from None


def format_result(result: Result, output_format: str) -> str:
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        if output_format not in ("turtle", "table"):
            raise QueryError(f"a {result.type} query gives a graph: use --format turtle")
        graph = result.graph
        bind_prefixes(graph)
        return to_turtle(graph).decode("utf-8")
    if result.type == "ASK":
        return ("true" if result.askAnswer else "false") + "\n"
    if output_format == "json":
        return result.serialize(format="json").decode("utf-8") + "\n"
    if output_format == "csv":
        return result.serialize(format="csv").decode("utf-8")
    if output_format == "tsv":
        return _tsv(result)
    if output_format == "table":
        return _table(result)
    raise QueryError(f"a SELECT query gives rows: use --format table, csv, tsv or json")


def _tsv(result: Result) -> str:
    """SPARQL 1.1 TSV: a header of ?variables, then terms in Turtle syntax."""
    lines = ["\t".join(f"?{v}" for v in result.vars)]
    for row in result:
        lines.append("\t".join("" if term is None else term.n3() for term in row))
    return "\n".join(lines) + "\n"


TABLE_CELL_WIDTH = 60  # columns; longer cells are cut with … (csv, tsv and json give them whole)


def _table(result: Result) -> str:
    header = [str(v) for v in result.vars]
    rows = [[_cut(_display(term)) for term in row] for row in result]
    widths = [max([_width(cell) for cell in column] or [0]) for column in zip(header, *rows)]
    lines = [_aligned(header, widths), "  ".join("-" * w for w in widths)]
    lines += [_aligned(row, widths) for row in rows]
    lines.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(line.rstrip() for line in lines) + "\n"


def _display(term) -> str:
    if term is None:
        return ""
    if isinstance(term, URIRef):
        for prefix, namespace in PREFIXES.items():
            if str(term).startswith(namespace):
                return f"{prefix}:{str(term)[len(namespace):]}"
        return f"<{term}>"
    if isinstance(term, BNode):
        return f"_:{term}"
    if isinstance(term, Literal):
        return str(term).replace("\n", " ")
    return str(term)


def _cut(text: str) -> str:
    if _width(text) <= TABLE_CELL_WIDTH:
        return text
    while _width(text) > TABLE_CELL_WIDTH - 1:
        text = text[:-1]
    return text + "…"


def _width(text: str) -> int:
    """Display width in a terminal: CJK characters take two columns."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _aligned(cells: list[str], widths: list[int]) -> str:
    return "  ".join(cell + " " * (width - _width(cell)) for cell, width in zip(cells, widths))


def _looks_like_name(query: str) -> bool:
    return query.replace("-", "").replace("_", "").isalnum() and query.isascii()


def _where(error: Exception) -> str:
    line, column = getattr(error, "lineno", None), getattr(error, "col", None)
    message = getattr(error, "msg", None) or _first_line(error)
    return f"line {line}, column {column}: {message}" if line is not None else message


def _first_line(error: Exception) -> str:
    text = str(error).strip() or type(error).__name__
    return text.splitlines()[0]
