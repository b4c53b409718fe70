"""chunks: SHACL over a graph too large to check at once, a run of whole subjects at a time.

pyshacl holds the data in rdflib's memory store, over a kilobyte a triple: the 1.8 million
triples of a 10 MB report would take some 2.5 GB. Every constraint of the shapes is about a focus
node's own triples and the classes of the nodes they name, so a run of whole subjects, with the
rdf:type lines of the nodes it names, holds all that its subjects are checked on. What a run
checks is said by marks: each shape's targets are replaced by one class of its own
(urn:plankg:focus:N), and in a run each node that the shape's targets select in the whole graph
(SHACL 2.1.3) and whose triples are in the run is given that class. So every focus node is
checked once, in its own run, and a node a run only names is never a focus there. Shapes that
the marks could mislead (sh:closed, a path through rdf:type, a shape that is a class) keep a
graph whole.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from rdflib import RDF, RDFS, Graph, URIRef
from rdflib.namespace import SH
from rdflib.term import Node

from graph.build.serialize import graph_from_lines, ntriples_lines

TARGETS = (SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf)
RDF_TYPE = f"<{RDF.type}>"
MARK = "urn:plankg:focus:"  # + a number: the class that marks in a run the focus nodes of some shapes
Check = Callable[[Graph, Graph], tuple[int, str]]  # (data, shapes) -> (violations, report)
Lines = Callable[[], Iterable[str]]  # the graph's sorted N-Triples lines, read anew at each call
Targets = frozenset[tuple[Node, Node]]  # a shape's (target property, value) pairs


def check_in_runs(lines: Lines, shapes: Graph, ontology: Graph, size: int,
                  check: Check) -> tuple[int, str] | None:
    """(violations, report) of the shapes over the graph of `lines` (sorted N-Triples lines, as a
    build writes them, read twice), `size` triples at a time; None where the graph is to be
    checked whole: shapes the marks could mislead, or targets that select a blank node or a literal."""
    if not _markable(shapes):
        return None
    by_targets: dict[Targets, list[Node]] = {}  # shapes with the same targets share a mark
    for shape in sorted(_targeted_shapes(shapes), key=str):
        targets = frozenset((target, value) for target in TARGETS for value in shapes.objects(shape, target))
        by_targets.setdefault(targets, []).append(shape)
    groups = sorted(by_targets, key=lambda targets: sorted(map(str, by_targets[targets])))
    index = _Index(groups, ontology)
    index.read(lines())
    index.read(ntriples_lines(ontology))
    if any(not node.startswith("<") for nodes in index.focus for node in nodes):
        return None
    marks = {shape: f"{MARK}{number}" for number, targets in enumerate(groups) for shape in by_targets[targets]}
    marked_shapes = _marked(shapes, marks)
    unheld = set().union(*index.focus) - index.subjects  # focus nodes with no triples of their own
    violations, reports = 0, []
    for number, run in enumerate(_subject_runs(lines(), size)):
        own = {_subject(line) for line in run} | (unheld if number == 0 else set())
        named = {_object(line) for line in run} - own
        typed = [line for node in sorted(named) for line in index.types.get(node, ())]
        marked = [f"{node} {RDF_TYPE} <{MARK}{group}> ." for group, nodes in enumerate(index.focus)
                  for node in sorted(nodes & own)]
        found, report = check(graph_from_lines(run + typed + marked), marked_shapes)
        violations += found
        if found:
            reports.append(report)
    return violations, "\n".join(reports)


def _markable(shapes: Graph) -> bool:
    """Whether marking focus nodes with classes of their own leaves every constraint as it was."""
    return (not any(True for _ in shapes.subjects(SH.closed, None))
            and not any(True for _ in shapes.subjects(SH.path, RDF.type))
            and not any(True for _ in shapes.subjects(RDF.type, RDFS.Class)))


class _Index:
    """Read line by line: the rdf:type lines of each node, every subject, and the focus nodes that
    each group of targets selects (SHACL 2.1.3): nodes named, SHACL instances of the classes
    (rdf:type, then rdfs:subClassOf any steps), subjects and objects of the properties."""

    def __init__(self, groups: list[Targets], ontology: Graph):
        self.types: dict[str, list[str]] = {}
        self.subjects: set[str] = set()
        self.focus: list[set[str]] = [set() for _ in groups]
        self._of_class: dict[str, list[int]] = {}
        self._subjects_of: dict[str, list[int]] = {}
        self._objects_of: dict[str, list[int]] = {}
        for number, targets in enumerate(groups):
            for target, value in targets:
                if target == SH.targetNode:
                    self.focus[number].add(_n3(value))
                elif target == SH.targetClass:
                    kinds = {value, *ontology.transitive_subjects(RDFS.subClassOf, value)}
                    for kind in kinds:
                        if kind is not None:
                            self._of_class.setdefault(_n3(kind), []).append(number)
                else:
                    selects = self._subjects_of if target == SH.targetSubjectsOf else self._objects_of
                    selects.setdefault(_n3(value), []).append(number)

    def read(self, lines: Iterable[str]) -> None:
        for line in lines:
            subject, predicate, rest = line.split(" ", 2)
            self.subjects.add(subject)
            if predicate == RDF_TYPE:
                self.types.setdefault(subject, []).append(line)
                for number in self._of_class.get(rest[:-2], ()):
                    self.focus[number].add(subject)
            for number in self._subjects_of.get(predicate, ()):
                self.focus[number].add(subject)
            for number in self._objects_of.get(predicate, ()):
                self.focus[number].add(rest[:-2])


def _targeted_shapes(shapes: Graph) -> set[Node]:
    return {shape for target in TARGETS for shape in shapes.subjects(target, None)}


def _marked(shapes: Graph, marks: dict[Node, str]) -> Graph:
    """The shapes, each targeting the class that marks its focus nodes in place of its own targets."""
    marked = Graph(store="SimpleMemory")  # only read, as graph.build.validate's shapes are
    for triple in shapes:
        if not (triple[0] in marks and triple[1] in TARGETS):
            marked.add(triple)
    for shape, mark in marks.items():
        marked.add((shape, SH.targetClass, URIRef(mark)))
    return marked


def _subject_runs(lines: Iterable[str], size: int) -> Iterator[list[str]]:
    """The lines in runs of at least `size` (but the last), each ending where a subject's lines end."""
    run: list[str] = []
    for line in lines:
        if len(run) >= size and _subject(line) != _subject(run[-1]):
            yield run
            run = []
        run.append(line)
    if run:
        yield run


def _subject(line: str) -> str:
    return line[:line.index(" ")]


def _object(line: str) -> str:
    """The line's object as N-Triples: a node's (a literal, never a subject, finds no types)."""
    return line.split(" ", 2)[2][:-2]


def _n3(node: Node) -> str:
    return f"<{node}>" if isinstance(node, URIRef) else str(node)
