"""validate: SHACL shapes (ontology/shapes.ttl) over a built graph, with pyshacl.

The ontology is loaded beside the data so that a plan:Company meets the shapes of plan:Organization.
"""

from __future__ import annotations

import importlib
import multiprocessing
import signal
import sys
from dataclasses import dataclass

from rdflib import Graph
from rdflib.namespace import SH

from graph.vocab import ontology, shapes


@dataclass(frozen=True)
class ValidationResult:
    conforms: bool
    violations: int
    report: str  # pyshacl's text report: what failed, where


def validate_graph(data: Graph, inplace: bool = False) -> ValidationResult:
    """`inplace`: mix the ontology into `data` itself rather than into a copy (a tenth of a
    second less for a report), for callers that have no further use for the graph."""
    import pyshacl  # imported here: it is slow to import and only validation needs it

    conforms, results, text = pyshacl.validate(
        data, shacl_graph=shapes(), ont_graph=ontology(), inference="none",
        allow_warnings=True, inplace=inplace)
    violations = sum(1 for _ in results.objects(predicate=SH.result))
    return ValidationResult(bool(conforms), violations, text)



class BackgroundCheck:
    """A forked child that imports pyshacl and loads the shapes while this process compiles a
    report, then checks the graph it is sent while this process writes and draws: a one-report
    build waits for neither. Where processes cannot fork (not Linux) the check runs when its
    result is asked for."""

    def __init__(self):
        self.process, self.graph = None, None
        if sys.platform != "linux" or multiprocessing.get_start_method(allow_none=True) not in (None, "fork"):
            return
        context = multiprocessing.get_context("fork")
        self.connection, child_end = context.Pipe()
        self.process = context.Process(target=_check_what_comes, args=(child_end, self.connection), daemon=True)
        self.process.start()
        child_end.close()

    def send(self, graph: Graph) -> None:
        """The graph to check; the child checks its own copy, in place."""
        self.graph = graph
        if self.process is not None:
            self.connection.send(graph)

    def result(self) -> ValidationResult:
        """Waits for the check of the graph sent."""
        if self.process is None:
            return validate_graph(self.graph, inplace=True)
        try:
            answer = self.connection.recv()
        except EOFError:
            raise RuntimeError("the background SHACL check stopped without an answer") from None
        self.process.join()
        return answer

    def cancel(self) -> None:
        """Nothing to check after all (the report could not be compiled): the child is stopped."""
        if self.process is not None:
            self.process.kill()  # not terminate(): SIGTERM may still meet the handler it inherited
            self.process.join()
            self.connection.close()


def _check_what_comes(connection, parents_end) -> None:
    parents_end.close()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    importlib.import_module("pyshacl")  # now, while the parent compiles

    shapes(), ontology()
    try:
        graph = connection.recv()
    except EOFError:  # the parent had nothing to check, or stopped
        return
    connection.send(validate_graph(graph, inplace=True))
