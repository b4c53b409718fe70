"""cli: the `plankg` command. Thin: it parses arguments, calls the library, prints.

Exit status: 0 done; 1 done, but some reports were skipped (build) or the graph does not conform
(validate); 2 bad input or usage. Errors are one line on stderr, never a traceback.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from graph.errors import PlankgError
from graph.version import __version__

DEFAULT_SEEDS = Path("seeds")
DEFAULT_OUTPUT = Path("output")
DEFAULT_DATA = DEFAULT_OUTPUT / "graph.ttl"


class _Group(click.Group):
    """Turns PlankgError into one line and exit status 2."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except PlankgError as error:
            click.echo(f"plankg: error: {error}", err=True)
            ctx.exit(2)


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
def build(paths: tuple[Path, ...], out_dir: Path, jobs: int) -> None:
    """Build the graph of reports (files or folders; default seeds/) into DIR."""
    from graph.pipeline import build as build_graph

    summary = build_graph(list(paths) or [DEFAULT_SEEDS], out_dir, jobs=jobs)
    for skipped in summary.skipped:
        click.echo(f"plankg: skipped {skipped.reason}", err=True)
    counts = summary.counts
    figures = counts.get("Observation", 0) + counts.get("Target", 0)
    click.echo(
        f"{len(summary.reports)} report(s), {counts.get('Passage', 0)} passages, "
        f"{figures} figures, {summary.triples} triples -> {out_dir}/")
    shacl = summary.validation
    click.echo("SHACL: conforms" if shacl.conforms else
               f"SHACL: {shacl.violations} violation(s); run `plankg validate` to see them")
    click.echo(f"Open the network page: {summary.page}")
    if summary.skipped or not shacl.conforms:
        sys.exit(1)


@main.command()
@click.argument("query", required=False)
@click.option("--data", "data_files", multiple=True, type=click.Path(path_type=Path),
              help="RDF file(s) to query (.ttl, .trig, .nt, .nq, .jsonld, .rdf); default output/graph.ttl.")
@click.option("--format", "output_format", default="table", show_default=True,
              type=click.Choice(["table", "csv", "tsv", "json", "turtle"]))
@click.option("--list", "list_queries", is_flag=True, help="List the bundled queries.")
def query(query: str | None, data_files: tuple[Path, ...], output_format: str,
          list_queries: bool) -> None:
    """Run SPARQL (inline, a .rq file, or a bundled query's NAME) over the graph."""
    from graph import query as queries

    if list_queries:
        for name, summary in queries.bundled_queries().items():
            click.echo(f"{name:<16} {summary}")
        return
    if not query:
        raise click.UsageError("give a SPARQL query, a .rq file or a query name (see --list)")
    sparql = queries.query_text(query)
    dataset = queries.load_data(list(data_files) or [DEFAULT_DATA])
    result = queries.run_query(dataset, sparql)
    click.echo(queries.format_result(result, output_format), nl=False)


@main.command()
@click.option("--data", "data_files", multiple=True, type=click.Path(path_type=Path),
              help="RDF file(s) to check; default output/graph.ttl.")
def validate(data_files: tuple[Path, ...]) -> None:
    """Check the graph against the SHACL shapes of ontology/shapes.ttl."""
    from rdflib import Graph

    from graph.query import load_data
    from graph.validate import validate_graph

    dataset = load_data(list(data_files) or [DEFAULT_DATA], with_ontology=False)
    data = Graph()
    for context in dataset.graphs():
        for triple in context:
            data.add(triple)
    result = validate_graph(data)
    if result.conforms:
        click.echo(f"SHACL: the graph conforms ({len(data)} triples checked)")
        return
    click.echo(result.report)
    click.echo(f"SHACL: {result.violations} violation(s)", err=True)
    sys.exit(1)
