"""cli: the `plankg` command. Thin: it parses arguments, calls the library, prints.

Exit status: 0 done; 1 done, but some reports were skipped (build) or the graph does not conform
(validate); 2 bad input or usage; 130 interrupted (Ctrl-C). Errors are one line on stderr, never
a traceback.
"""

from __future__ import annotations

import gc
import os
import signal
import sys
import threading
from contextlib import contextmanager
from pathlib import Path

import click

from graph.errors import PlankgError
from graph.kinds import FIGURE_KINDS
from graph.version import __version__

DEFAULT_SEEDS = Path("seeds")
DEFAULT_OUTPUT = Path("output")
DEFAULT_DATA = DEFAULT_OUTPUT / "graph.ttl"


class _Group(click.Group):
    """Turns PlankgError into one line and exit status 2."""

    def invoke(self, ctx: click.Context):
        try:
            with _sigterm_as_interrupt():
                return super().invoke(ctx)
        except PlankgError as error:
            click.echo(f"plankg: error: {error}", err=True)
            ctx.exit(2)
        except KeyboardInterrupt as interrupt:
            # an interrupt that came once the new files were in place says so (graph.build.switch)
            click.echo(f"plankg: interrupted; {interrupt or 'files already there are as they were'}", err=True)
            ctx.exit(130)


@contextmanager
def _sigterm_as_interrupt():
    """SIGTERM stops a command as Ctrl-C does: cleanly, with the output folder as it was."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def interrupt(number, frame):
        raise KeyboardInterrupt
    previous = signal.signal(signal.SIGTERM, interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def run() -> None:
    """The installed `plankg` command: main(), and then out without tearing the interpreter down.
    Every file has been written and closed by then; what is left is freeing the pinyin
    dictionaries and the graph object by object, which took a tenth of a second and more.

    The cyclic garbage collector waits meanwhile: start-up and a report's compile make hundreds
    of thousands of objects that live until the end (pypinyin's dictionaries, the graph), and
    walking them again and again was a twentieth of a one-report build. Work that goes on (many
    reports, a server) turns it back on."""
    gc.disable()
    try:
        main()
        code = 0
    except SystemExit as done:
        code = done.code if isinstance(done.code, int) else (0 if done.code is None else 1)
        if isinstance(done.code, str):
            print(done.code, file=sys.stderr)
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a reader that has gone, or a stream already closed
            code = code or 1
    os._exit(code)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="plankg")
def main() -> None:
    """Turn Chinese government economic-plan reports into a knowledge graph."""


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("-o", "--out", "out_dir", type=click.Path(file_okay=False, path_type=Path),
              default=DEFAULT_OUTPUT, show_default=True, help="Folder to write the graph into.")
@click.option("--jobs", type=click.IntRange(min=1), default=os.cpu_count() or 1,
              show_default="the number of cores", help="Reports to read in parallel.")
@click.option("--store", "store_spec", metavar="SPEC", default="memory", show_default=True,
              help="Also load the graph into oxigraph:DIR, a persistent store to query.")
@click.option("--no-cache", is_flag=True,
              help="Compile every report anew, not only those whose text changed since the last build.")
def build(paths: tuple[Path, ...], out_dir: Path, jobs: int, store_spec: str, no_cache: bool) -> None:
    """Build the graph of reports (files or folders; default seeds/) into DIR."""
    from graph.build.pipeline import build as build_graph

    with _ProgressBar() as progress:
        summary = build_graph(list(paths) or [DEFAULT_SEEDS], out_dir, jobs=jobs, store=store_spec,
                              progress=progress, use_cache=not no_cache)
    try:
        _summarize(summary, out_dir)
    except KeyboardInterrupt:
        raise KeyboardInterrupt(f"the build had finished: {out_dir}/ holds its new files") from None


def _summarize(summary, out_dir: Path) -> None:
    """What the build did, on stdout (and what it skipped, on stderr); exit 1 if it skipped any."""
    if summary.reused:
        click.echo(f"{summary.reused} unchanged report(s) taken from the last build")
    for note in summary.notes:
        click.echo(f"page: {note}")
    for skipped in summary.skipped:
        click.echo(f"plankg: skipped {skipped.reason}", err=True)
    for report in summary.reports:
        _warn_replaced(report)
    counts = summary.counts
    figures = sum(counts.get(kind, 0) for kind in FIGURE_KINDS)
    click.echo(
        f"{len(summary.reports)} report(s), {counts.get('Passage', 0)} passages, "
        f"{figures} figures, {summary.triples} triples -> {out_dir}/")
    shacl = summary.validation
    assert shacl is not None  # a build that returns has checked its graph (graph.build.pipeline._build)
    click.echo("SHACL: conforms" if shacl.conforms else
               f"SHACL: {shacl.violations} violation(s); run `plankg validate` to see them")
    click.echo(f"Open the network page: {summary.page}")
    if summary.skipped or not shacl.conforms:
        sys.exit(1)


def _warn_replaced(entry: dict) -> None:
    """One line for a report read with bad bytes replaced: its figures may miss a character."""
    replaced = entry.get("replaced") or {}
    if replaced.get("count"):
        offsets = ", ".join(str(at) for at in replaced["byte_offsets"][:5])
        more = " …" if replaced["count"] > 5 else ""
        click.echo(f"plankg: warning: {entry['source']}: {replaced['count']} bad byte(s) replaced with U+FFFD "
                   f"(at byte {offsets}{more}; build.json lists them)", err=True)


class _ProgressBar:
    """A progress bar over the reports on stderr, when stderr is a terminal; silent otherwise
    (in logs, pipes and tests), and for builds too small to need one."""

    def __init__(self):
        self.bar = None

    def __call__(self, done: int, total: int) -> None:
        if self.bar is None and total > 1 and sys.stderr.isatty():
            self.bar = click.progressbar(length=total, label="compiling reports", file=sys.stderr,
                                         show_pos=True, show_eta=True)
            self.bar.__enter__()
        if self.bar is not None:
            self.bar.update(done - self.bar.pos)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        if self.bar is not None:
            self.bar.__exit__(*exc)
        return False


def _data_option(help_text: str):
    return click.option("--data", "data_files", multiple=True, type=click.Path(path_type=Path),
                        help=help_text + " (.ttl, .trig, .nt, .nq, .jsonld, .rdf); default output/graph.ttl.")


def _engine_option(command):
    return click.option("--engine", default="oxigraph", show_default=True, type=click.Choice(["oxigraph", "rdflib"]),
                        help="What answers over --data files: Oxigraph (fast) or rdflib (pure Python).")(command)


def _bindings(values: tuple[str, ...]) -> dict[str, str]:
    bindings = {}
    for value in values:
        name, equals, term = value.partition("=")
        if not equals or not name.isidentifier():
            raise click.BadParameter(f"{value!r}: write NAME=VALUE, e.g. name=地区生产总值", param_hint="--bind")
        bindings[name] = term
    return bindings


@main.command()
@click.argument("query", required=False)
@_data_option("RDF file(s) to query")
@click.option("--store", "store_spec", metavar="SPEC", help="memory (default) or oxigraph:DIR.")
@click.option("--endpoint", metavar="URL", help="Ask a remote SPARQL 1.1 endpoint instead.")
@click.option("--bind", "bindings", multiple=True, metavar="NAME=VALUE",
              help="Fix a variable of the query, e.g. --bind name=地区生产总值 (repeatable).")
@click.option("--format", "output_format", default="table", show_default=True,
              type=click.Choice(["table", "csv", "tsv", "json", "turtle"]))
@click.option("--list", "list_queries", is_flag=True, help="List the bundled queries.")
@_engine_option
def query(query: str | None, data_files: tuple[Path, ...], store_spec: str | None, endpoint: str | None,
          bindings: tuple[str, ...], output_format: str, list_queries: bool, engine: str) -> None:
    """Run SPARQL (inline, a .rq file, or a bundled query's NAME) over the graph."""
    from graph.sparql import query as queries
    from graph.sparql.stores import open_store

    if list_queries:
        for name, summary in queries.bundled_queries().items():
            click.echo(f"{name:<16} {summary}")
        return
    if not query:
        raise click.UsageError("give a SPARQL query, a .rq file or a query name (see --list)")
    sparql = queries.bind(queries.query_text(query), _bindings(bindings))
    store = open_store(endpoint or store_spec, list(data_files) or [DEFAULT_DATA], engine)
    written = store.results(sparql, output_format)
    if written is not None:  # the store wrote the rows itself
        click.echo(written, nl=False)
        return
    answer = store.query(sparql)
    click.echo(queries.format_answer(answer, output_format, store.label), nl=False)


@main.command()
@_data_option("RDF file(s) to check")
def validate(data_files: tuple[Path, ...]) -> None:
    """Check the graph against the SHACL shapes of ontology/shapes.ttl."""
    from graph.build.validate import validate_graph
    from graph.sparql.datafiles import read_graph

    data = read_graph(list(data_files) or [DEFAULT_DATA])
    result = validate_graph(data, inplace=True)
    if result.conforms:
        click.echo(f"SHACL: the graph conforms ({len(data)} triples checked)")
        return
    click.echo(result.report)
    click.echo(f"SHACL: {result.violations} violation(s)", err=True)
    sys.exit(1)


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535))
@_data_option("RDF file(s) to serve")
@click.option("--store", "store_spec", metavar="SPEC", help="memory (default) or oxigraph:DIR.")
@click.option("--page", type=click.Path(dir_okay=False, path_type=Path), default=DEFAULT_OUTPUT / "graph.html",
              show_default=True, help="The network page to serve at /.")
@click.option("--timeout", default=30.0, show_default=True, help="Seconds a query may run.")
@click.option("--max-rows", default=10000, show_default=True, help="Rows a query may return.")
@click.option("--max-concurrent", type=click.IntRange(min=1), show_default="twice the cores, and two",
              help="Queries run at once; past them a query waits a second, then is answered 503.")
@click.option("--query-memory", "query_memory_mb", type=click.IntRange(min=16), default=128, show_default=True,
              metavar="MB", help="Memory a query may take beyond the server's own (503 past it).")
@click.option("--client-timeout", default=10.0, show_default=True, type=click.FloatRange(min=0.1),
              help="Seconds a client has to send a whole request.")
@_engine_option
def serve(host: str, port: int, data_files: tuple[Path, ...], store_spec: str | None, page: Path,
          timeout: float, max_rows: int, max_concurrent: int | None, query_memory_mb: int,
          client_timeout: float, engine: str) -> None:
    """Serve the graph: SPARQL 1.1 Protocol at /sparql (read-only), the page at /, a form at /query."""
    from graph.sparql.server import serve as run_server

    gc.enable()  # a server runs on: its garbage must be collected (run() paused the collector)
    run_server(host, port, store_spec, list(data_files) or [DEFAULT_DATA], page, timeout, max_rows,
               announce=lambda url: click.echo(f"SPARQL endpoint: {url}sparql   page: {url}   form: {url}query"),
               max_concurrent=max_concurrent, query_memory_mb=query_memory_mb, client_timeout=client_timeout,
               engine=engine)


@main.command()
@click.option("--endpoint", required=True, metavar="URL", help="SPARQL 1.1 Update endpoint of the store.")
@click.option("--graph-store", metavar="URL", help="Its Graph Store HTTP Protocol endpoint, if it has one.")
@click.option("--data", "data_file", type=click.Path(dir_okay=False, path_type=Path),
              default=DEFAULT_OUTPUT / "graph.trig", show_default=True, help="The TriG to push.")
@click.option("--user", help="User name, if the store asks for one (HTTP digest or basic).")
@click.option("--password", help="Password for --user.")
def push(endpoint: str, graph_store: str | None, data_file: Path, user: str | None, password: str | None) -> None:
    """Load each report's named graph into a SPARQL 1.1 store, replacing what it had."""
    from graph.sparql.push import push_graphs

    for graph_name, triples in push_graphs(data_file, endpoint, graph_store, user, password):
        click.echo(f"{graph_name}: {triples} triples")


@main.command()
@click.option("--focus", metavar="ENTITY", help="Draw the neighbourhood of one entity (a label or an IRI).")
@click.option("--depth", default=1, show_default=True, type=click.IntRange(min=1), help="Links from the focus.")
@click.option("--class", "classes", multiple=True, metavar="CLASS", help="Draw only these classes (repeatable).")
@click.option("--max-nodes", default=1500, show_default=True, type=click.IntRange(min=1),
              help="Draw at most this many nodes (the least connected are left out).")
@_data_option("RDF file(s) to draw")
@click.option("-o", "--out", "out_file", type=click.Path(dir_okay=False, path_type=Path),
              default=DEFAULT_OUTPUT / "view.html", show_default=True)
def view(focus: str | None, depth: int, classes: tuple[str, ...], max_nodes: int, data_files: tuple[Path, ...],
         out_file: Path) -> None:
    """Draw the graph, or a part of it, as a network page that works offline."""
    from graph.build.files import write_all_atomically
    from graph.page.analyse import entity_network, select
    from graph.page.render import render_page
    from graph.sparql.datafiles import read_graph

    graph = read_graph(list(data_files) or [DEFAULT_DATA])
    network, notes = select(entity_network(graph), focus, depth, classes, max_nodes)
    title = f"plankg: {focus}" if focus else "plankg"
    write_all_atomically({out_file: render_page(network, title, tuple(notes)).encode("utf-8")})
    for note in notes:
        click.echo(note)
    click.echo(f"{network.number_of_nodes()} nodes, {network.number_of_edges()} links -> {out_file}")


@main.command()
@click.option("--format", "export_format", required=True, metavar="FORMAT",
              help="turtle, nt, jsonld, trig, nquads, xml (RDF); csv, parquet (a table); "
                   "graphml, gexf, neo4j (the network).")
@click.option("-o", "--out", "out", type=click.Path(path_type=Path),
              help="The file to write (for neo4j: the folder); default stdout.")
@click.option("--data", "data_files", multiple=True, type=click.Path(path_type=Path),
              help="RDF file(s) to export (.ttl, .trig, .nt, .nq, .jsonld, .rdf); default output/graph.trig "
                   "for trig, nquads and --report, else output/graph.ttl.")
@click.option("--store", "store_spec", metavar="SPEC", help="memory (default) or oxigraph:DIR.")
@click.option("--report", metavar="IRI|FILE", help="Only this report's named graph (its IRI or its file).")
@click.option("--class", "classes", multiple=True, metavar="CLASS",
              help="Only the nodes of this plan: class and their triples (repeatable).")
@click.option("--focus", metavar="ENTITY", help="Only the neighbourhood of one entity (a label or an IRI), as view.")
@click.option("--depth", default=1, show_default=True, type=click.IntRange(min=1), help="Links from the focus.")
@click.option("--table", default="figures", show_default=True, metavar="TABLE",
              help="For csv and parquet: figures (a row per observation and target) or entities.")
@click.option("--excel", is_flag=True, help="CSV with a byte-order mark, so that Excel reads it as UTF-8.")
def export(export_format: str, out: Path | None, data_files: tuple[Path, ...], store_spec: str | None,
           report: str | None, classes: tuple[str, ...], focus: str | None, depth: int, table: str,
           excel: bool) -> None:
    """Write the graph, or a part of it, as RDF, a table or a network for other tools."""
    from graph.export import Request
    from graph.export import export as write_export

    done = write_export(Request(export_format, out, data_files, store_spec, report, classes, focus, depth,
                                table, excel), DEFAULT_OUTPUT)
    if out is not None:  # on stdout the export is all there is
        click.echo(done)
