"""render: the knowledge graph -> one self-contained HTML page: the network (pyvis / vis-network)
and the Figures view (a table and Apache ECharts charts of every figure, graph.page.figures).

The page must work from file:// with no network: the vis-network script and style that pyvis
ships and the ECharts file vendored in graph/page/vendor are inlined, and nothing refers to a
remote URL. Every text placed in the page is escaped:
labels and sentences go in as JSON inside <script> with '<' escaped, and vis-network shows
string tooltips as text, never as HTML.
"""

from __future__ import annotations

import json
from collections import Counter
from importlib.resources import files
from pathlib import Path
from typing import Any

import networkx as nx
import pyvis
from jinja2 import Environment, FileSystemLoader, select_autoescape
from pyvis.network import Network
from rdflib import RDFS

from graph.kinds import KIND, KINDS
from graph.page.analyse import NodeInfo, importance
from graph.page.figures import FigureTable
from graph.vocab import PLAN_IRI, ontology

VIS_DIR = Path(pyvis.__file__).parent / "templates" / "lib" / "vis-9.1.2"
PAGE_SCRIPTS = ("figures.js", "panel.js")  # templates/: the Figures view, the side panel

# The classes that wait behind their legend box (graph.kinds says which). They are left out of the
# first layout too (in the seed, two thirds of the nodes and of the time to settle) and laid out
# beside what they link to when shown (templates/page.html).
HIDDEN_AT_FIRST = tuple(kind.name for kind in KINDS if kind.hidden_at_first)
MAX_SENTENCES = 12  # the side panel's sentences of one node; it says how many more there are
OPTIONS: dict[str, Any] = {  # vis-network's options: JSON, nested
    "layout": {"randomSeed": 1},  # the same page draws the same picture every time it is opened
    "physics": {
        "solver": "forceAtlas2Based",
        "forceAtlas2Based": {"gravitationalConstant": -60, "springLength": 90, "avoidOverlap": 0.4},
        "stabilization": {"enabled": True, "iterations": 400, "fit": True},
    },
    "interaction": {"hover": True, "tooltipDelay": 150, "navigationButtons": False},
    "edges": {"arrows": {"to": {"enabled": True, "scaleFactor": 0.5}}, "font": {"size": 9},
              "color": {"inherit": False, "color": "#bbbbbb"}, "smooth": False},
    "nodes": {"font": {"size": 22, "strokeWidth": 3, "strokeColor": "#ffffff"},
              "scaling": {"label": {"drawThreshold": 3}}},
}


def render_page(network: nx.MultiDiGraph, title: str, notes: tuple[str, ...] = ()) -> str:
    """The HTML page of a network of entities and figures (analyse.entity_network, select)."""
    ranks = importance(network)
    counts = Counter(network.nodes[node]["info"].cls for node in network.nodes)
    waiting = _waiting_classes(counts)
    net = Network(directed=True, cdn_resources="local")
    for node in sorted(network.nodes):
        info: NodeInfo = network.nodes[node]["info"]
        colour, shape = KIND[info.cls].colour, KIND[info.cls].shape
        net.add_node(node, label=_short(info.label), title=_tooltip(info), color=colour, shape=shape,
                     size=10 + 25 * ranks.get(node, 0), cls=info.cls, search=_search_text(info),
                     hidden=info.cls in waiting, physics=info.cls not in waiting,
                     names=[info.label, *(info.labels.get(tag, "") for tag in ("zh-latn-pinyin", "en"))],
                     sentences=list(info.sentences[:MAX_SENTENCES]), more=max(0, len(info.sentences) - MAX_SENTENCES))
    edge_labels = _edge_labels()
    for source, target, key in sorted(network.edges(keys=True)):
        laid_out = not {network.nodes[end]["info"].cls for end in (source, target)} & waiting
        net.add_edge(source, target, label=edge_labels.get(key, key), title=key, physics=laid_out)
    nodes, edges, *_ = net.get_network_data()
    legend = [{"cls": k.name, "colour": k.colour, "label": f"{k.legend} ({counts[k.name]})",
               "shown": k.name not in waiting} for k in KINDS if counts[k.name]]
    return _template().render(
        title=title,
        vis_js=_script_safe((VIS_DIR / "vis-network.min.js").read_text(encoding="utf-8")),
        vis_css=(VIS_DIR / "vis-network.css").read_text(encoding="utf-8"),
        echarts_js=_script_safe(_package_text("vendor", "echarts.common.min.js")),
        page_js=_script_safe("\n".join(_package_text("templates", name) for name in PAGE_SCRIPTS)),
        figures_json=_json(network.graph.get("figures") or FigureTable().page_data()),
        nodes_json=_json(nodes),
        edges_json=_json(edges),
        options_json=_json(_options(sum(n for cls, n in counts.items() if cls not in waiting))),
        legend=legend,
        classes_json=_json({k.name: k.legend for k in KINDS}),
        notes=list(notes),
        summary=f"{network.number_of_nodes()} nodes, {network.number_of_edges()} links",
    )


def _waiting_classes(counts: Counter) -> set[str]:
    """The classes that start hidden: HIDDEN_AT_FIRST, unless nothing else would be drawn (a view
    of indicators or figures only shows them at once)."""
    if any(n for cls, n in counts.items() if cls not in HIDDEN_AT_FIRST):
        return set(HIDDEN_AT_FIRST)
    return set()


def _options(laid_out: int) -> dict:
    """vis-network's options for a first layout of `laid_out` nodes: 400 steps up to 500 nodes,
    fewer beyond (each step costs more), down to 150 steps for 1,300 nodes and more."""
    steps = max(150, min(400, 200_000 // max(laid_out, 1)))
    physics = {**OPTIONS["physics"], "stabilization": {**OPTIONS["physics"]["stabilization"], "iterations": steps}}
    return {**OPTIONS, "physics": physics}


def _search_text(info: NodeInfo) -> str:
    """What the search box matches: every label, lower-cased."""
    return " ".join([info.label, *info.labels.values()]).lower()


def _edge_labels() -> dict[str, str]:
    """plan:inSector -> 所属产业: edges say what they mean in the ontology's Chinese words."""
    labels = {"broader": "上位"}
    for term in ontology().subjects():
        text = str(term)
        if text.startswith(PLAN_IRI):
            zh = [str(label) for label in ontology().objects(term, RDFS.label)
                  if getattr(label, "language", None) == "zh"]
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
    if "</script" in text.lower() or "<!--" in text:
        raise ValueError("a script cannot be inlined: it contains </script or <!--")
    return text


def _package_text(folder: str, name: str) -> str:
    return files("graph.page").joinpath(folder).joinpath(name).read_text(encoding="utf-8")


def _template():
    environment = Environment(
        loader=FileSystemLoader(str(files("graph.page").joinpath("templates"))),
        autoescape=select_autoescape(["html"]),
        keep_trailing_newline=True,
    )
    return environment.get_template("page.html")
