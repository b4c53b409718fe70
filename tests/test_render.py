"""render: the network page is one offline file, shows every entity and figure, and escapes text."""

from __future__ import annotations

import json
import re
import subprocess

from conftest import require_program
from rdflib import RDF, RDFS, Graph, Literal

from graph.page.analyse import NODE_CLASSES, entity_network
from graph.page.render import render_page
from graph.vocab import ID, PLAN

REMOTE = re.compile(r"""<(?:script|link|img|iframe)[^>]+(?:src|href)\s*=\s*["']?(?:https?:)?//""", re.I)


def _dataset_of(page: str, name: str) -> list[dict]:
    match = re.search(rf"const {name} = new vis\.DataSet\((.*?)\);\n", page)
    assert match is not None, name
    return json.loads(match.group(1))


def test_the_page_needs_nothing_from_the_network(seed_build):
    page = (seed_build / "graph.html").read_text(encoding="utf-8")
    assert not REMOTE.search(page)
    assert "<script src" not in page and "<link" not in page
    assert "vis.Network" in page and "function" in page  # vis-network itself is inlined


def test_the_page_shows_every_entity_and_figure(seed_build, seed_graph):
    page = (seed_build / "graph.html").read_text(encoding="utf-8")
    nodes = _dataset_of(page, "nodes")
    expected = {str(s) for cls in NODE_CLASSES for s in seed_graph.subjects(RDF.type, PLAN[cls])}
    assert {node["id"] for node in nodes} == expected
    gdp = next(node for node in nodes if node["label"] == "地区生产总值")
    assert "gross regional product" in gdp["title"] and "1815.0亿元" in gdp["title"]
    edges = _dataset_of(page, "edges")
    assert {"indicator", "refArea", "actual", "broader", "involves", "inSector", "locatedIn",
            "relatedTo"} <= {edge["title"] for edge in edges}
    assert {"所属产业", "参与机构", "位于"} <= {edge["label"] for edge in edges}  # the ontology's words


def test_figures_wait_hidden_unless_they_are_all_there_is(seed_build):
    nodes = _dataset_of((seed_build / "graph.html").read_text(encoding="utf-8"), "nodes")
    assert {node["cls"] for node in nodes if node["hidden"]} == {"Indicator", "Observation", "Target"}
    assert all(node["physics"] is not node["hidden"] for node in nodes)  # waiting ones lay out later
    only_indicators = _dataset_of(render_page(entity_network(_hostile_graph()), title="t"), "nodes")
    assert [(node["hidden"], node["physics"]) for node in only_indicators] == [(False, True)]


def _hostile_graph() -> Graph:
    graph = Graph()
    node, passage = ID["indicator/x"], ID["report/r/passage/0-9"]
    graph.add((node, RDF.type, PLAN.Indicator))
    graph.add((node, RDFS.label, Literal('</script><script>alert("x")</script>&<b>', lang="zh")))
    graph.add((node, PLAN.mentionedIn, passage))
    graph.add((passage, PLAN.text, Literal("<img src=x onerror=alert(1)>“引号”'", lang="zh")))
    return graph


def test_text_in_the_page_cannot_break_out_of_its_script():
    page = render_page(entity_network(_hostile_graph()), title='<script>alert("title")</script>')
    assert "<script>alert" not in page
    assert "<img src=x" not in page
    assert "&lt;script&gt;alert(&#34;title&#34;)&lt;/script&gt;" in page
    nodes = _dataset_of(page, "nodes")
    assert nodes[0]["label"].startswith("</script>")  # shown as the text it is


def test_the_page_draws_offline_in_a_real_browser(seed_build, tmp_path):
    chromium = require_program("chromium", "to open the network page in a real browser")
    page = seed_build / "graph.html"
    result = subprocess.run(
        [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         f"--user-data-dir={tmp_path / 'profile'}", "--proxy-server=127.0.0.1:9",
         "--virtual-time-budget=5000", "--dump-dom", page.as_uri()],
        capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    assert re.search(r'<div id="network"[^>]*>.*<canvas', result.stdout, re.S), "vis-network drew nothing"


def test_view_draws_a_part_and_says_what_it_left_out(seed_build, tmp_path):
    from click.testing import CliRunner

    from graph.cli import main
    out = tmp_path / "view.html"
    data = str(seed_build / "graph.ttl")
    result = CliRunner().invoke(main, ["view", "--focus", "京东", "--data", data, "-o", str(out)])
    assert result.exit_code == 0, result.output
    labels = {node["label"] for node in _dataset_of(out.read_text(encoding="utf-8"), "nodes")}
    assert "京东" in labels and "京东智能算力中心三期" in labels and "宁德时代" not in labels
    assert "within 1 link(s) of 京东" in result.output


def test_a_large_graph_is_reduced_with_a_note(seed_graph):
    from graph.page.analyse import entity_network, select
    network, notes = select(entity_network(seed_graph), max_nodes=100)
    assert network.number_of_nodes() == 100
    assert any("left out" in note and "figures" in note for note in notes)
    assert any("least connected" in note for note in notes)
