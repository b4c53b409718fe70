"""analyse: a networkx view of the knowledge graph, for measures and for drawing.

Nodes are the things a reader looks for (entities and figures); passages are not nodes but the
sentences each node comes from. Edges are the object properties between nodes.
"""

from __future__ import annotations

from dataclasses import dataclass

import networkx as nx
from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import PROV, SKOS

from graph.vocab import PLAN, PLAN_IRI

NODE_CLASSES = ("Bank", "School", "Company", "Organization", "Project", "Policy", "Sector", "Place",
                "Indicator", "Observation", "Target")


@dataclass(frozen=True)
class NodeInfo:
    iri: str
    cls: str
    label: str
    labels: dict[str, str]  # language tag -> label
    sentences: tuple[str, ...]


def entity_network(graph: Graph) -> nx.MultiDiGraph:
    """The graph's entities and figures as a directed multigraph; attribute `info` per node."""
    network = nx.MultiDiGraph()
    for cls in NODE_CLASSES:
        for node in sorted(set(graph.subjects(RDF.type, PLAN[cls]))):
            if isinstance(node, URIRef) and node not in network:
                network.add_node(str(node), info=_node_info(graph, node, cls))
    for source in sorted(network.nodes):
        for predicate, target in sorted(graph.predicate_objects(URIRef(source))):
            if str(target) not in network:
                continue
            if str(predicate).startswith(PLAN_IRI):
                network.add_edge(source, str(target), key=str(predicate)[len(PLAN_IRI):])
            elif predicate == SKOS.broader:
                network.add_edge(source, str(target), key="broader")
    return network


def importance(network: nx.MultiDiGraph) -> dict[str, float]:
    """How connected each node is, from 0 to 1: degree centrality over the simple undirected
    view (PageRank would need numpy and scipy, and ranks these small graphs the same way)."""
    if network.number_of_nodes() < 2:
        return {node: 1.0 for node in network.nodes}
    centrality = nx.degree_centrality(nx.Graph(network.to_undirected()))
    top = max(centrality.values()) or 1.0
    return {node: round(value / top, 4) for node, value in centrality.items()}


def _node_info(graph: Graph, node: URIRef, cls: str) -> NodeInfo:
    labels = {}
    for label in sorted(graph.objects(node, RDFS.label)):
        if isinstance(label, Literal):
            labels.setdefault(label.language or "", str(label))
    sources = sorted(set(graph.objects(node, PLAN.mentionedIn)) | set(graph.objects(node, PROV.wasDerivedFrom)))
    sentences = tuple(str(text) for source in sources for text in graph.objects(source, PLAN.text))
    label = labels.get("zh") or _figure_label(graph, node) or str(node).rsplit("/", 1)[-1]
    return NodeInfo(str(node), cls, label, labels, sentences)


def _figure_label(graph: Graph, node: URIRef) -> str | None:
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
