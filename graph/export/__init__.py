"""export: the built graph in the forms other tools read.

    rdf.py        Turtle, N-Triples, JSON-LD, TriG, N-Quads, RDF/XML (triple stores, RDF tools)
    tables.py     the figures or the entities as CSV or Parquet (spreadsheets, pandas)
    networks.py   the page's network as GraphML, GEXF (Gephi, yEd) or Neo4j import CSV files

source.py reads the graph (--data files or an Oxigraph store) and picks the part asked for;
target.py writes a file whole or not at all, or to stdout.
"""

from __future__ import annotations

from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from graph.errors import PlankgError

RDF_FORMATS = ("turtle", "nt", "jsonld", "trig", "nquads", "xml")
TABLE_FORMATS = ("csv", "parquet")
NETWORK_FORMATS = ("graphml", "gexf", "neo4j")
FORMATS = RDF_FORMATS + TABLE_FORMATS + NETWORK_FORMATS


def check_format(name: str) -> str:
    """The format, or one line naming the formats there are."""
    if name not in FORMATS:
        raise PlankgError(f"unknown format {name!r} for export; formats are {', '.join(FORMATS)}")
    return name


@dataclass(frozen=True)
class Request:
    """What `plankg export` was asked for."""

    format: str
    out: Path | None = None
    data_files: tuple[Path, ...] = ()
    store: str | None = None
    report: str | None = None
    classes: tuple[str, ...] = ()
    focus: str | None = None
    depth: int = 1
    table: str = "figures"
    excel: bool = False


def export(request: Request, default_output: Path = Path("output")) -> str:
    """Write the export; the line that says what was written where."""
    kind = check_format(request.format)
    if kind in TABLE_FORMATS:
        return _table(request, default_output / "graph.ttl")
    if kind in NETWORK_FORMATS:
        return _network(request, default_output / ("graph.trig" if request.report else "graph.ttl"))
    return _rdf(request, default_output)


def _rdf(request: Request, default_output: Path) -> str:
    from graph.export.rdf import KEEPS_GRAPHS, write_rdf
    from graph.export.source import choose_part, open_source, sorted_lines
    from graph.export.target import check_file, opened

    keep_graphs = request.format in KEEPS_GRAPHS
    if request.out is not None:
        check_file(request.out)
    default = default_output / ("graph.trig" if keep_graphs or request.report else "graph.ttl")
    source = open_source(list(request.data_files), request.store, default)
    part = choose_part(source, request.report, request.classes, request.focus, request.depth)
    counted = [0]

    def counting(lines):
        for line in lines:
            counted[0] += 1
            yield line
    # closed, whatever happens, so that the sorted runs on disk are removed at once
    with closing(sorted_lines(source, part, keep_graphs)) as lines, opened(request.out) as stream:
        write_rdf(counting(lines), request.format, stream)
    return f"{counted[0]} {'quads' if keep_graphs else 'triples'} -> {request.out or 'stdout'}"


def _table(request: Request, default_data: Path) -> str:
    from graph.export.tables import columns_of, entity_rows, figure_rows, report_iri, write_csv, write_parquet
    from graph.export.target import check_file, opened
    from graph.sparql.stores import open_store

    columns = columns_of(request.table)
    if request.classes or request.focus:
        raise PlankgError("--class and --focus choose nodes of RDF and networks; a table takes --report")
    if request.out is not None:
        check_file(request.out)
    store = open_store(request.store, list(request.data_files) or [default_data])
    report = report_iri(store, request.report) if request.report else None
    rows = (figure_rows if request.table == "figures" else entity_rows)(store, report)
    with opened(request.out) as stream:
        if request.format == "csv":
            write_csv(rows, columns, stream, request.excel)
        else:
            write_parquet(rows, columns, stream)
    return f"{len(rows)} {request.table} -> {request.out or 'stdout'}"


def _network(request: Request, default_data: Path) -> str:
    from graph.export.networks import neo4j_files, page_network, write_gexf, write_graphml
    from graph.export.source import Part, open_source, report_graph
    from graph.export.target import check_file, check_folder, opened, write_files

    if request.format == "neo4j":
        if request.out is None:
            raise PlankgError("--format neo4j writes two files: give -o FOLDER")
        check_folder(request.out)
    elif request.out is not None:
        check_file(request.out)
    source = open_source(list(request.data_files), request.store, default_data)
    part = Part(report_graph(source, request.report)) if request.report else Part()
    network = page_network(source, part, request.focus, request.depth, request.classes)
    if request.format == "neo4j":
        assert request.out is not None
        write_files(neo4j_files(network, request.out))
    else:
        with opened(request.out) as stream:
            (write_graphml if request.format == "graphml" else write_gexf)(network, stream)
    where = request.out or "stdout"
    return f"{network.number_of_nodes()} nodes, {network.number_of_edges()} links -> {where}"
