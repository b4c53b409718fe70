"""stores: where a graph is queried, behind one small interface, so that the command, the server
and the tests ask every store the same way and compare what they answer.

    memory              the --data files in memory: Oxigraph's engine (graph.sparql.oxigraph), or
                        rdflib's with --engine rdflib (graph.sparql.rdflib_engine)
    oxigraph:DIR        the persistent Oxigraph store a build writes
    http(s)://…/sparql  any SPARQL 1.1 Protocol endpoint (graph.sparql.remote)
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from graph.errors import DataError
from graph.sparql.answer import Answer

if TYPE_CHECKING:  # imported when a store is opened: pyoxigraph need not load for a remote one
    from graph.sparql.oxigraph import OxigraphStore

ENGINES = ("oxigraph", "rdflib")


class Store(Protocol):
    def query(self, sparql: str, limit: int | None = None) -> Answer:
        """The answer, at most `limit` rows of it; QueryError for a query refused or failed."""

    def results(self, sparql: str, output_format: str) -> bytes | None:
        """The rows as the store itself writes them in this format, or None (then `query`)."""

    def label(self, term) -> str | None:
        """The term's Chinese label, for the table, if the store knows one."""


def persistent_store(spec: str) -> OxigraphStore:
    """The persistent Oxigraph store 'oxigraph:DIR' names, open read-only; DataError if none is there."""
    from graph.sparql.oxigraph import OxigraphStore

    directory = Path(spec[len("oxigraph:"):])
    if not directory.is_dir():
        raise DataError(f"{directory}: no Oxigraph store here (build with --store oxigraph:{directory})")
    return OxigraphStore.open(directory, read_only=True)


def open_store(spec: str | None, data_files: list[Path], engine: str = "oxigraph") -> Store:
    """The store a command line names: None or 'memory' (the data files, in `engine`),
    'oxigraph:DIR', or a URL."""
    if engine != "oxigraph" and spec not in (None, "memory"):
        raise DataError(f"--engine {engine} is for --data files; {spec} answers with its own engine")
    if spec and spec.startswith(("http://", "https://")):
        from graph.sparql.remote import RemoteStore
        return RemoteStore(spec)
    if spec and spec.startswith("oxigraph:"):
        return persistent_store(spec)
    if spec not in (None, "memory"):
        raise DataError(f"unknown store {spec!r}: use memory, oxigraph:DIR or an http(s) endpoint URL")
    if engine == "rdflib":
        from graph.sparql.rdflib_engine import RdflibStore
        return RdflibStore.from_files(data_files)
    if engine != "oxigraph":
        raise DataError(f"unknown engine {engine!r}: use {' or '.join(ENGINES)}")
    from graph.sparql.oxigraph import OxigraphStore
    return OxigraphStore.from_files(data_files)
