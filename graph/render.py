"""render: the knowledge graph -> one self-contained HTML network page (pyvis / vis-network).

The page must work from file:// with no network: the vis-network script and style that pyvis
ships are inlined, and nothing refers to a remote URL. Every text placed in the page is escaped:
labels and sentences go in as JSON inside <script> with '<' escaped, and vis-network shows
string tooltips as text, never as HTML.
"""

from __future__ import annotations

import json
from importlib.resources import files
from pathlib import Path

import pyvis
from jinja2 import Environment, FileSystemLoader, select_autoescape
from pyvis.network import Network
import networkx as nx
from rdflib import RDFS

from graph.analyse import NodeInfo, importance
from graph.vocab import PLAN_IRI, ontology

VIS_DIR = Path(pyvis.__file__).parent / "templates" / "lib" / "vis-9.1.2"

# One colour and shape per class (colour-blind-safe palette after Okabe and Ito)
STYLE = {
    "Organization": ("#0072B2", "dot", "机构 organization"),
    "Company": ("#56B4E9", "dot", "企业 company"),
    "Bank": ("#56B4E9", "dot", "金融机构 bank"),
    "School": ("#0072B2", "dot", "学校 school"),
    "Project": ("#D55E00", "square", "项目 project"),
    "Policy": ("#CC79A7", "triangle", "政策 policy"),
    "Sector": ("#009E73", "diamond", "产业 sector"),
    "Place": ("#E69F00", "star", "地点 place"),
    "Indicator": ("#000000", "dot", "指标 indicator"),
    "Observation": ("#999999", "box", "数据 observation"),
    "Target": ("#F0E442", "box", "目标 target"),
}
# Indicators and their figures are many and hang together apart from the rest: they wait behind
# their class's box in the legend, one click away, so the first picture is who does what where
HIDDEN_AT_FIRST = ("Indicator", "Observation", "Target")
OPTIONS = {
    "physics": {
        "solver": "forceAtlas2Based",
        "forceAtlas2Based": {"gravitationalConstant": -60, "springLength": 90, "avoidOverlap": 0.4},
        "stabilization": {"enabled": True, "iterations": 400, "fit": True},
    },
    "interaction": {"hover": True, "tooltipDelay": 150, "navigationButtons": False},
    "edges": {"arrows": {"to": {"enabled": True, "scaleFactor": 0.5}}, "font": {"size": 9},
              "color": {"inherit": False, "color": "#bbbbbb"}, "smooth": False},
    "nodes": {"font": {"size": 22, "strokeWidth": 3, "strokeColor": "#ffffff"}, "scaling": {"label": {"drawThreshold": 3}}},
}


def render_page(network: nx.MultiDiGraph, title: str, notes: tuple[str, ...] = ()) -> str:
    """The HTML page of a network of entities and figures (analyse.entity_network, select)."""
    ranks = importance(network)
    net = Network(directed=True, cdn_resources="local")
    for node in sorted(network.nodes):
        info: NodeInfo = network.nodes[node]["info"]
        colour, shape, _ = STYLE[info.cls]
        net.add_node(node, label=_short(info.label), title=_tooltip(info), color=colour, shape=shape,
                     size=10 + 25 * ranks.get(node, 0), cls=info.cls, search=_search_text(info),
                     hidden=info.cls in HIDDEN_AT_FIRST)
    edge_labels = _edge_labels()
    for source, target, key in sorted(network.edges(keys=True)):
        net.add_edge(source, target, label=edge_labels.get(key, key), title=key)
    nodes, edges, *_ = net.get_network_data()
    counts = {cls: sum(1 for n in network.nodes if network.nodes[n]["info"].cls == cls) for cls in STYLE}
    legend = [{"cls": c, "colour": STYLE[c][0], "label": f"{STYLE[c][2]} ({n})", "shown": c not in HIDDEN_AT_FIRST}
              for c, n in counts.items() if n]
    return _template().render(
        title=title,
        vis_js=_script_safe((VIS_DIR / "vis-network.min.js").read_text(encoding="utf-8")),
        vis_css=(VIS_DIR / "vis-network.css").read_text(encoding="utf-8"),
        nodes_json=_json(nodes),
        edges_json=_json(edges),
        options_json=_json(OPTIONS),
        legend=legend,
        notes=list(notes),
        summary=f"{network.number_of_nodes()} nodes, {network.number_of_edges()} links",
    )


def _search_text(info: NodeInfo) -> str:
    """What the search box matches: every label, lower-cased."""
    return " ".join([info.label, *info.labels.values()]).lower()


def _edge_labels() -> dict[str, str]:
    """plan:inSector -> 所属产业: edges say what they mean in the ontology's Chinese words."""
    labels = {"broader": "上位"}
    for term in ontology().subjects():
        text = str(term)
        if text.startswith(PLAN_IRI):
            zh = [str(l) for l in ontology().objects(term, RDFS.label) if getattr(l, "language", None) == "zh"]
            if zh:
                labels[text[len(PLAN_IRI):]] = zh[0]
    return labels


def _tooltip(info: NodeInfo) -> str:
    lines = [info.label]
    lines += [info.labels[tag] for tag in ("zh-latn-pinyin", "en") if tag in info.labels]
    lines += [f"「{sentence}」" for sentence in info.sentences[:3]]
    if len(info.sentences) > 3:
        lines.append(f"… {len(info.sentences) - 3} more sentences")
    return "\n".join(lines)


def _short(label: str, limit: int = 18) -> str:
    return label if len(label) <= limit else label[: limit - 1] + "…"


def _json(data) -> str:
    """JSON that is safe inside <script>: no '<' can close the element or open a comment."""
    return json.dumps(data, ensure_ascii=False, sort_keys=True).replace("<", "\\u003c")


def _script_safe(text: str) -> str:
    if "</script" in text.lower():
        raise ValueError("the vis-network script cannot be inlined: it contains </script")
    return text


def _template():
    environment = Environment(
        loader=FileSystemLoader(str(files("graph").joinpath("templates"))),
        autoescape=select_autoescape(["html"]),
        keep_trailing_newline=True,
    )
    return environment.get_template("page.html")
