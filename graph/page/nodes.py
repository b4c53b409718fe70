"""nodes: what the network page draws of one graph, as plain data (graph.page.analyse joins it).

The things a reader looks for (entities and figures) with their labels and the sentences they
come from, and the object properties between them. Kept apart from graph.page.analyse so that a
report compiles without importing networkx.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import cast

from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import PROV, SKOS
from rdflib.term import Identifier, Node

from graph.kinds import PAGE_ORDER
from graph.page.figures import Figures, figure_rows, figures_from_json, figures_to_json
from graph.rdf.triples import SubjectIndex
from graph.vocab import PLAN, PLAN_IRI

# A node is drawn as the first of its classes in this order: the most specific
NODE_CLASSES = PAGE_ORDER


@dataclass(frozen=True)
class NodeInfo:
    iri: str
    cls: str
    label: str
    labels: dict[str, str]  # lower-cased language tag -> label
    sources: tuple[tuple[str, str], ...]  # (passage IRI, its sentence), in IRI order

    @property
    def sentences(self) -> tuple[str, ...]:
        return tuple(text for _, text in self.sources)


@dataclass(frozen=True)
class NetworkPart:
    """The nodes and links one report's graph gives the network: plain data, so that reports
    built apart (in other processes, or in an earlier build) join into one network."""

    nodes: tuple[NodeInfo, ...]
    edges: tuple[tuple[str, str, str], ...]  # (source IRI, target IRI, property name)
    figures: Figures = field(default_factory=Figures)  # every figure, for the Figures view


def part_to_json(part: NetworkPart) -> dict:
    """The part as JSON data: for the build cache, and for the spool a corpus's page is made from.
    Its figures go under "table": the cache keeps the report's own "figures" (target keys) beside it."""
    return {"nodes": [[n.iri, n.cls, n.label, n.labels, [list(s) for s in n.sources]] for n in part.nodes],
            "edges": [list(edge) for edge in part.edges], "table": figures_to_json(part.figures)}


def part_from_json(data: dict) -> NetworkPart:
    nodes = tuple(NodeInfo(iri, cls, label, labels, tuple(tuple(s) for s in sources))
                  for iri, cls, label, labels, sources in data["nodes"])
    return NetworkPart(nodes, tuple(tuple(edge) for edge in data["edges"]), figures_from_json(data.get("table")))


def network_part(graph: Graph | SubjectIndex) -> NetworkPart:
    nodes: dict[str, NodeInfo] = {}
    for cls in NODE_CLASSES:
        for node in _in_order(set(graph.subjects(RDF.type, PLAN[cls]))):
            if isinstance(node, URIRef) and str(node) not in nodes:
                nodes[str(node)] = _node_info(graph, node, cls)
    edges = []
    for source in sorted(nodes):
        for predicate, target in sorted(graph.predicate_objects(URIRef(source))):
            if str(target) not in nodes:
                continue
            if str(predicate).startswith(PLAN_IRI):
                edges.append((source, str(target), str(predicate)[len(PLAN_IRI):]))
            elif predicate == SKOS.broader:
                edges.append((source, str(target), "broader"))
    return NetworkPart(tuple(nodes.values()), tuple(edges), figure_rows(graph))


def _node_info(graph: Graph | SubjectIndex, node: URIRef, cls: str) -> NodeInfo:
    labels: dict[str, str] = {}
    for term in _in_order(graph.objects(node, RDFS.label)):
        if isinstance(term, Literal):
            labels.setdefault((term.language or "").lower(), str(term))
    sources = _in_order(set(graph.objects(node, PLAN.mentionedIn)) | set(graph.objects(node, PROV.wasDerivedFrom)))
    pairs = tuple((str(source), str(text)) for source in sources for text in graph.objects(source, PLAN.text))
    label = labels.get("zh") or _figure_label(graph, node) or str(node).rsplit("/", 1)[-1]
    return NodeInfo(str(node), cls, label, labels, pairs)


def _in_order(terms: Iterable[Node]) -> list[Identifier]:
    """Terms in rdflib's order. rdflib types a graph's terms as Node, which does not sort, but every
    term a graph holds is an Identifier (URIRef, BNode, Literal), which does."""
    return sorted(cast("Iterable[Identifier]", terms))


def _figure_label(graph: Graph | SubjectIndex, node: URIRef) -> str | None:
    """地区生产总值 1815.0亿元 +3.2%: an indicator with its numbers, as a figure's label."""
    indicator = graph.value(node, PLAN.indicator)
    if indicator is None:
        return None
    names = sorted(str(label) for label in graph.objects(indicator, RDFS.label)
                   if isinstance(label, Literal) and label.language == "zh")
    parts = [names[0] if names else ""]
    value, unit = graph.value(node, PLAN.value), graph.value(node, PLAN.unit)
    if value is not None:
        parts.append(f"{value}{unit or ''}")
    growth = graph.value(node, PLAN.growthRate)
    if growth is not None:
        parts.append(f"{'+' if not str(growth).startswith('-') else ''}{growth}%")
    year = graph.value(node, PLAN.targetYear) or graph.value(node, PLAN.period)
    if year is not None:
        parts.append(f"({year})")
    return " ".join(parts)
