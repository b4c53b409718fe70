"""Triples: a report's graph as it is made, a plain list of rdflib-term triples.

Why not an rdflib Graph: a build only writes a report's triples out (as N-Triples lines) and
reads a few things back for the page, and an rdflib Graph indexes every triple three ways as it
is added, which took most of the time and memory of a large report (1.8 million triples of a
10 MB report: 37 s and some 2 GB). Triples keeps the list; `index()` makes the one index the page
reads (by subject), and `to_graph()` an rdflib Graph for the callers that query it.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Protocol

from rdflib import Graph, URIRef
from rdflib.term import Identifier, Node

Triple = tuple[Identifier, URIRef, Identifier]


class Sink(Protocol):
    """What graph/rdf's writers add triples to: Triples, or an rdflib Graph."""

    def add(self, triple: Triple, /) -> object: ...


class Triples:
    """What graph/rdf's writers add to: `add((s, p, o))`, as on an rdflib Graph. A triple added
    twice is one triple (the lines, the index and the Graph each hold it once)."""

    def __init__(self) -> None:
        self.triples: list[Triple] = []

    def add(self, triple: Triple) -> None:
        self.triples.append(triple)

    def __iter__(self) -> Iterator[Triple]:
        return iter(self.triples)

    def __len__(self) -> int:
        return len(self.triples)

    def drain(self) -> Iterator[Triple]:
        """The triples, each let go as it is given: a large report's graph is written out without
        being held twice. Triples is empty after."""
        triples, self.triples = self.triples, []
        triples.reverse()
        while triples:
            yield triples.pop()

    def index(self) -> SubjectIndex:
        return SubjectIndex(self.triples)

    def to_graph(self) -> Graph:
        graph = Graph()
        for triple in self.triples:
            graph.add(triple)
        return graph


class SubjectIndex:
    """The triples by subject, answering the lookups the network page makes (the part of rdflib's
    Graph API that graph.page.nodes uses), in sets as a Graph would: no pair twice."""

    def __init__(self, triples: list[Triple]):
        self._by_subject: dict[Node, dict[Node, set[Node]]] = {}
        self._by_value: dict[tuple[Node, Node], set[Node]] = {}  # (predicate, value) -> subjects
        self._indexed: set[Node] = set()  # the predicates _by_value holds, indexed when first asked
        for subject, predicate, value in triples:
            self._by_subject.setdefault(subject, {}).setdefault(predicate, set()).add(value)

    def subjects(self, predicate: Node, value: Node) -> Iterator[Node]:
        if predicate not in self._indexed:
            self._indexed.add(predicate)
            for subject, pairs in self._by_subject.items():
                for each in pairs.get(predicate, ()):
                    self._by_value.setdefault((predicate, each), set()).add(subject)
        return iter(self._by_value.get((predicate, value), ()))

    def objects(self, subject: Node, predicate: Node) -> Iterator[Node]:
        return iter(self._by_subject.get(subject, {}).get(predicate, ()))

    def predicate_objects(self, subject: Node) -> Iterator[tuple[Node, Node]]:
        return ((predicate, value) for predicate, values in self._by_subject.get(subject, {}).items()
                for value in values)

    def value(self, subject: Node, predicate: Node) -> Node | None:
        """One value of the pair, as Graph.value gives it: the first, or None for none."""
        return next(self.objects(subject, predicate), None)
