"""networks: the network the page draws, for the tools that lay networks out or store them.

    graphml   GraphML (yEd, Gephi, networkx, igraph)
    gexf      GEXF (Gephi)
    neo4j     nodes.csv and relationships.csv, the files `neo4j-admin database import` reads

The network is graph.page.analyse's, of the same entities, figures and links as the page, but
never reduced to what a page can draw: an export is for tools that handle large networks. Each
node carries its class and its labels, each edge the property that links its ends.
"""

from __future__ import annotations

import csv
import io
import sys
from pathlib import Path
from typing import BinaryIO

import networkx as nx

from graph.export.source import Part, Source
from graph.kinds import ORGANIZATION, ORGANIZATION_KINDS

LABEL_COLUMNS = {"label_zh": "zh", "label_pinyin": "zh-latn-pinyin", "label_en": "en"}
NODE_HEADER = ["iri:ID", ":LABEL", "label", *LABEL_COLUMNS]
RELATIONSHIP_HEADER = [":START_ID", ":END_ID", ":TYPE"]


def rdflib_graph(source: Source, part: Part):
    """An rdflib Graph of the part's triples (the page's code reads rdflib)."""
    from rdflib import Graph

    from graph.build.serialize import RdflibTerms

    term = RdflibTerms()
    graph = Graph()
    for quad in source.quads():
        if part.keeps(quad):
            graph.add((term(quad.subject), term(quad.predicate), term(quad.object)))
    return graph


def page_network(source: Source, part: Part, focus: str | None = None, depth: int = 1,
                 classes: tuple[str, ...] = ()) -> nx.MultiDiGraph:
    """graph.page.analyse's network of the part, narrowed as `plankg view` narrows it; one line
    for an entity or a class it does not have."""
    from graph.page.analyse import entity_network, select

    network, _ = select(entity_network(rdflib_graph(source, part)), focus, depth, classes, max_nodes=sys.maxsize)
    return network


def plain_network(network: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """The network with attributes every format can write: strings, not NodeInfo objects."""
    plain = nx.MultiDiGraph()
    for node in network.nodes:
        info = network.nodes[node]["info"]
        labels = {column: info.labels.get(tag, "") for column, tag in LABEL_COLUMNS.items()}
        plain.add_node(node, **{"class": info.cls, "label": info.label, **labels})
    for source, target, key in network.edges(keys=True):
        plain.add_edge(source, target, key=key, property=key)
    return plain


def write_graphml(network: nx.MultiDiGraph, stream: BinaryIO) -> None:
    nx.write_graphml(plain_network(network), stream, encoding="utf-8")


def write_gexf(network: nx.MultiDiGraph, stream: BinaryIO) -> None:
    """GEXF without the day it was written (networkx stamps one), so that the bytes do not change."""
    from networkx.readwrite.gexf import GEXFWriter

    writer = GEXFWriter(encoding="utf-8", prettyprint=True)
    writer.add_graph(plain_network(network))
    for meta in writer.xml.iter("meta"):
        meta.attrib.pop("lastmodifieddate", None)
    writer.write(stream)


def neo4j_files(network: nx.MultiDiGraph, folder: Path) -> dict[Path, bytes | Path]:
    """nodes.csv (an :ID, the class as :LABEL, with Organization beside a kind of organization)
    and relationships.csv (:START_ID, :END_ID, the property as :TYPE)."""
    plain = plain_network(network)
    nodes = [NODE_HEADER]
    for node, attributes in plain.nodes(data=True):
        cls = attributes["class"]
        labels = f"{cls};{ORGANIZATION}" if cls in ORGANIZATION_KINDS and cls != ORGANIZATION else cls
        nodes.append([node, labels, attributes["label"], *(attributes[column] for column in LABEL_COLUMNS)])
    relationships = [RELATIONSHIP_HEADER] + [[source, target, key] for source, target, key in plain.edges(keys=True)]
    return {folder / "nodes.csv": _csv(nodes), folder / "relationships.csv": _csv(relationships)}


def _csv(rows: list[list[str]]) -> bytes:
    text = io.StringIO()
    csv.writer(text, lineterminator="\n").writerows(rows)
    return text.getvalue().encode("utf-8")
