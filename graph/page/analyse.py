"""analyse: a networkx view of the knowledge graph, for measures and for drawing.

Nodes are the things a reader looks for (entities and figures); passages are not nodes but the
sentences each node comes from. Edges are the object properties between nodes.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable

import networkx as nx
from rdflib import Graph

from graph.errors import PlankgError
from graph.kinds import FIGURE_KINDS
from graph.page.figures import FigureTable
from graph.page.nodes import NODE_CLASSES, NetworkPart, NodeInfo, network_part

__all__ = [
    "NODE_CLASSES",
    "NetworkPart",
    "NodeInfo",
    "entity_network",
    "find_node",
    "importance",
    "join_parts",
    "join_streamed",
    "select",
]


def entity_network(graph: Graph) -> nx.MultiDiGraph:
    """The graph's entities and figures as a directed multigraph; attribute `info` per node."""
    return join_parts([network_part(graph)])


def join_parts(parts: list[NetworkPart], links: tuple[tuple[str, str, str], ...] = ()) -> nx.MultiDiGraph:
    """One network of the parts (a node several reports name is one node, with the sentences of
    all of them), plus links found across reports. network.graph["figures"] is the page data of
    every figure of the parts (graph.page.figures), drawn or not."""
    infos: dict[str, NodeInfo] = {}
    table = FigureTable()
    for part in parts:
        table.add(part.figures)
        for info in part.nodes:
            infos[info.iri] = _merged(infos[info.iri], info) if info.iri in infos else info
    network = nx.MultiDiGraph(figures=table.page_data(links))
    for iri in sorted(infos):
        network.add_node(iri, info=infos[iri])
    edges = {edge for part in parts for edge in part.edges}
    edges.update(link for link in links if link[0] in infos and link[1] in infos)
    for source, target, key in sorted(edges):
        network.add_edge(source, target, key=key)
    return network


def _merged(first: NodeInfo, other: NodeInfo) -> NodeInfo:
    labels = {**other.labels, **first.labels}
    return NodeInfo(first.iri, first.cls, first.label, labels, tuple(sorted(set(first.sources) | set(other.sources))))


FIGURE_CLASSES = FIGURE_KINDS
MAX_NODES = 1500  # more than a page can draw readably, and settle, in a few seconds


def find_node(network: nx.MultiDiGraph, name: str) -> str | None:
    """The node an IRI or a label names: the exact label first, then the shortest label holding it."""
    if name in network:
        return name
    infos = [network.nodes[n]["info"] for n in network.nodes]
    exact = sorted(i.iri for i in infos if name in (i.label, *i.labels.values()))
    if exact:
        return exact[0]
    partial = sorted((len(i.label), i.iri) for i in infos if name in i.label)
    return partial[0][1] if partial else None


def select(network: nx.MultiDiGraph, focus: str | None = None, depth: int = 1,
           classes: tuple[str, ...] = (), max_nodes: int = MAX_NODES) -> tuple[nx.MultiDiGraph, list[str]]:
    """The part of the network to draw, and a line for each thing left out: the neighbourhood of
    one node, some classes, and never more nodes than a page can draw readably."""
    notes: list[str] = []
    chosen = network
    if focus:
        start = find_node(network, focus)
        if start is None:
            raise PlankgError(f"no entity named {focus!r} in the graph")
        around = nx.ego_graph(network.to_undirected(as_view=True), start, radius=depth)
        chosen = network.subgraph(around.nodes)
        notes.append(f"showing {len(around)} nodes within {depth} link(s) of {network.nodes[start]['info'].label}")
    if classes:
        unknown = set(classes) - set(NODE_CLASSES)
        if unknown:
            raise PlankgError(f"unknown class {sorted(unknown)[0]!r}; classes are {', '.join(NODE_CLASSES)}")
        chosen = chosen.subgraph([n for n in chosen.nodes if chosen.nodes[n]["info"].cls in classes])
    if chosen.number_of_nodes() > max_nodes:
        figures = [n for n in chosen.nodes if chosen.nodes[n]["info"].cls in FIGURE_CLASSES]
        chosen = chosen.subgraph([n for n in chosen.nodes if n not in set(figures)])
        notes.append(f"left out {len(figures)} figures to keep the page readable (--class Observation shows them)")
    if chosen.number_of_nodes() > max_nodes:
        ranks = importance(chosen)
        keep = sorted(chosen.nodes, key=lambda n: (-ranks[n], n))[:max_nodes]
        notes.append(f"left out {chosen.number_of_nodes() - max_nodes} least connected entities "
                     f"(--focus ENTITY or --class CLASS draws a part in full)")
        chosen = chosen.subgraph(keep)
    return nx.MultiDiGraph(chosen), notes


def join_streamed(parts: Callable[[], Iterable[NetworkPart]], links: tuple[tuple[str, str, str], ...] = (),
                  max_nodes: int = MAX_NODES) -> tuple[nx.MultiDiGraph, list[str]]:
    """select(join_parts(...)) for a corpus whose parts do not all fit in memory: `parts()` gives
    them (in the same order each time) from disk. A first reading keeps only the entities, their
    classes and the links between them; the second the labels and sentences of the nodes drawn.
    A corpus small enough to draw whole is joined as it is."""
    classes: dict[str, str] = {}
    entity_edges: set[tuple[str, str, str]] = set()
    figures = 0
    table = FigureTable()
    for part in parts():
        table.add(part.figures)
        for info in part.nodes:
            if info.cls in FIGURE_CLASSES:
                figures += 1
            else:
                classes.setdefault(sys.intern(info.iri), info.cls)
        entity_edges.update(edge for edge in part.edges if edge[0] in classes and edge[1] in classes)
    if len(classes) + figures <= max_nodes:
        return select(join_parts(list(parts()), links), max_nodes=max_nodes)

    notes = [f"left out {figures} figures to keep the page readable (--class Observation shows them)"]
    outline = nx.MultiDiGraph()
    outline.add_nodes_from(sorted(classes))
    outline.add_edges_from((source, target, key) for source, target, key in sorted(entity_edges))
    chosen = set(outline.nodes)
    if len(chosen) > max_nodes:
        ranks = importance(outline)
        chosen = set(sorted(outline.nodes, key=lambda n: (-ranks[n], n))[:max_nodes])
        notes.append(f"left out {len(classes) - max_nodes} least connected entities "
                     f"(--focus ENTITY or --class CLASS draws a part in full)")
    infos: dict[str, NodeInfo] = {}
    for part in parts():
        for info in part.nodes:
            if info.iri in chosen:
                infos[info.iri] = _merged(infos[info.iri], info) if info.iri in infos else info
    network = nx.MultiDiGraph(figures=table.page_data(links))
    for iri in sorted(infos):
        network.add_node(iri, info=infos[iri])
    for source, target, key in sorted(entity_edges):
        if source in infos and target in infos:
            network.add_edge(source, target, key=key)
    return network, notes


def importance(network: nx.MultiDiGraph) -> dict[str, float]:
    """How connected each node is, from 0 to 1: degree centrality over the simple undirected
    view (PageRank would need numpy and scipy, and ranks these small graphs the same way)."""
    if network.number_of_nodes() < 2:
        return dict.fromkeys(network.nodes, 1.0)
    centrality = nx.degree_centrality(nx.Graph(network.to_undirected()))
    top = max(centrality.values()) or 1.0
    return {node: round(value / top, 4) for node, value in centrality.items()}
