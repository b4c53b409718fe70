"""validate: SHACL shapes (ontology/shapes.ttl) over a built graph, with pyshacl.

The ontology is loaded beside the data so that a plan:Company meets the shapes of plan:Organization.
A report's graph comes as N-Triples lines; a large one is checked in chunks of whole subjects
(validate_lines), so that pyshacl never holds more than a chunk in memory.
"""

from __future__ import annotations

import importlib
import multiprocessing
import signal
import sys
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from multiprocessing.context import ForkProcess
from pathlib import Path

from rdflib import Graph
from rdflib.namespace import SH

from graph.build.chunks import TARGETS, Lines, check_in_runs
from graph.build.serialize import graph_from_lines
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
        data, shacl_graph=checking_shapes(), ont_graph=checking_ontology(), inference="none",
        allow_warnings=True, inplace=inplace)
    violations = sum(1 for _ in results.objects(predicate=SH.result))
    return ValidationResult(bool(conforms), violations, text)


# Triples pyshacl checks at a time: an rdflib graph of some 250 MB. A report like the seed has 5,700.
CHUNK_TRIPLES = 150_000


def validate_lines(lines: Sequence[str], chunk: int | None = None) -> ValidationResult:
    """The shapes over a graph given as its sorted N-Triples lines; over `chunk` triples, a run of
    whole subjects at a time (graph.build.chunks), so that no more than a run is in memory."""
    return _validate(lambda: lines, len(lines), chunk)


def validate_file(path: Path, count: int, chunk: int | None = None) -> ValidationResult:
    """validate_lines for lines kept in a file (one per line, `count` of them), read as needed."""
    def lines() -> Iterator[str]:
        with open(path, encoding="utf-8", newline="\n") as stream:  # "\n" alone ends a line
            for line in stream:
                yield line[:-1]
    return _validate(lines, count, chunk)


def _validate(lines: Lines, count: int, chunk: int | None) -> ValidationResult:
    chunk = chunk or CHUNK_TRIPLES
    if count > chunk:
        checked = check_in_runs(lines, checking_shapes(), checking_ontology(), chunk, _check)
        if checked is not None:
            violations, report = checked
            return ValidationResult(violations == 0, violations, report)
    return validate_graph(graph_from_lines(lines()), inplace=True)


def _check(data: Graph, shapes: Graph) -> tuple[int, str]:
    import pyshacl

    _, results, text = pyshacl.validate(data, shacl_graph=shapes, ont_graph=checking_ontology(),
                                        inference="none", allow_warnings=True, inplace=True)
    return sum(1 for _ in results.objects(predicate=SH.result)), text


@cache
def checking_shapes() -> Graph:
    """ontology/shapes.ttl with the same constraints in the form pyshacl checks fastest.

    pyshacl checks a node shape's sh:property shapes node by node, building each constraint anew
    for every focus node; a property shape with targets of its own it checks once over all its
    focus nodes. So a property shape whose node shapes all have targets (and are used in no
    other shape) is given their targets in place of their sh:property links: the same focus
    nodes meet the same constraints and give the same results, in about 60% of the time."""
    source = shapes()
    moved = _property_shapes_to_target(source)
    graph = Graph(store="SimpleMemory")  # see checking_ontology
    for subject, predicate, value in source:
        if not (predicate == SH.property and value in moved):
            graph.add((subject, predicate, value))
    for property_shape, node_shapes in moved.items():
        for node_shape in node_shapes:
            for target in TARGETS:
                for value in source.objects(node_shape, target):
                    graph.add((property_shape, target, value))
    return graph


def _property_shapes_to_target(source: Graph) -> dict:
    """{property shape: the node shapes that hold it}, for property shapes held only by node
    shapes that have targets, are active and are not used inside another shape."""
    kept_as_is = {value for predicate, value in source.predicate_objects()
                  if predicate not in (SH.property, *TARGETS)} | set(source.subjects(SH.deactivated))
    holders: dict = {}
    for node_shape, property_shape in source.subject_objects(SH.property):
        holders.setdefault(property_shape, set()).add(node_shape)
    return {
        property_shape: node_shapes for property_shape, node_shapes in holders.items()
        if property_shape not in kept_as_is
        and all(any(source.value(node_shape, target) is not None for target in TARGETS)
                and node_shape not in kept_as_is for node_shape in node_shapes)
    }


@cache
def checking_ontology() -> Graph:
    """ontology/plan.ttl in rdflib's simplest store (no named graphs), which answers pyshacl's
    many lookups faster than the default one; only read here."""
    copy = Graph(store="SimpleMemory")
    for triple in ontology():
        copy.add(triple)
    return copy


@dataclass(frozen=True)
class _KeptFile:
    """A graph's lines sent to the child as the file that holds them."""

    path: Path
    count: int


class BackgroundCheck:
    """A forked child that imports pyshacl and loads the shapes while this process compiles a
    report, then checks the graph it is sent while this process writes and draws: a one-report
    build waits for neither. Where processes cannot fork (not Linux) the check runs when its
    result is asked for."""

    def __init__(self):
        self.process: ForkProcess | None = None
        self.lines: Sequence[str] | None = None
        self.file: Path | None = None  # the lines of a large graph, for the child to read
        if sys.platform != "linux" or multiprocessing.get_start_method(allow_none=True) not in (None, "fork"):
            return
        context = multiprocessing.get_context("fork")
        self.connection, child_end = context.Pipe()
        self.process = context.Process(target=_check_what_comes, args=(child_end, self.connection), daemon=True)
        self.process.start()
        child_end.close()

    def send(self, lines: Sequence[str]) -> None:
        """The graph to check, as its sorted N-Triples lines. A graph checked in runs goes by a
        file, which the child reads run by run: it never holds the whole graph."""
        self.lines = lines
        if self.process is None:
            return
        if len(lines) <= CHUNK_TRIPLES:
            self.connection.send(lines)
            return
        handle, name = tempfile.mkstemp(prefix="plankg-check-", suffix=".nt")
        self.file = Path(name)
        with open(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.writelines(f"{line}\n" for line in lines)
        self.connection.send(_KeptFile(self.file, len(lines)))

    def result(self) -> ValidationResult:
        """Waits for the check of the graph sent."""
        if self.process is None:
            assert self.lines is not None  # asked for only once a graph was sent (compile_report sends it)
            return validate_lines(self.lines)
        try:
            answer = self.connection.recv()
        except EOFError:
            raise RuntimeError("the background SHACL check stopped without an answer") from None
        finally:
            self._remove_file()
        self.process.join()
        return answer

    def _remove_file(self) -> None:
        if self.file is not None:
            self.file.unlink(missing_ok=True)
            self.file = None

    def cancel(self) -> None:
        """Nothing to check after all (the report could not be compiled): the child is stopped."""
        if self.process is not None:
            self.process.kill()  # not terminate(): SIGTERM may still meet the handler it inherited
            self.process.join()
            self.connection.close()
        self._remove_file()


def _check_what_comes(connection, parents_end) -> None:
    parents_end.close()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    importlib.import_module("pyshacl")  # now, while the parent compiles

    checking_shapes(), checking_ontology()
    try:
        sent = connection.recv()
    except EOFError:  # the parent had nothing to check, or stopped
        return
    connection.send(validate_file(sent.path, sent.count) if isinstance(sent, _KeptFile) else validate_lines(sent))
