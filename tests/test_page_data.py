"""The figures the page carries (graph/page/figures.py): every figure of the graph, as the graph
states it, kept when the drawing leaves figures out, the same whatever order the parts come in."""

from __future__ import annotations

import json
import re

from rdflib import RDF
from rdflib.namespace import PROV

from graph.page.analyse import join_parts, join_streamed
from graph.page.figures import COLUMNS, Figures, FigureTable
from graph.page.nodes import network_part, part_from_json, part_to_json
from graph.page.render import render_page
from graph.vocab import PLAN


def _figure_data(page: str) -> dict:
    match = re.search(r"const figureData = (.*?);\n", page)
    assert match is not None
    return json.loads(match.group(1))


def test_the_page_carries_every_figure_as_the_graph_states_it(seed_build, seed_graph):
    data = _figure_data((seed_build / "graph.html").read_text(encoding="utf-8"))
    at = {name: index for index, name in enumerate(data["columns"])}
    rows = {row[at["iri"]]: row for row in data["rows"]}
    figures = {s for cls in ("Observation", "Target") for s in seed_graph.subjects(RDF.type, PLAN[cls])}
    assert set(rows) == {str(f) for f in figures}
    for figure in figures:
        row = rows[str(figure)]
        assert row[at["value"]] == str(seed_graph.value(figure, PLAN.value) or "")
        assert row[at["growth"]] == str(seed_graph.value(figure, PLAN.growthRate) or "")
        assert row[at["unit"]] == str(seed_graph.value(figure, PLAN.unit) or "")
        indicator = data["terms"][row[at["indicator"]]]
        assert indicator[0] == str(seed_graph.value(figure, PLAN.indicator))
        sentence = data["sentences"][row[at["passage"]]]
        assert sentence == str(seed_graph.value(seed_graph.value(figure, PROV.wasDerivedFrom), PLAN.text))
    gdp = next(row for row in data["rows"] if data["terms"][row[at["indicator"]]][1] == "地区生产总值"
               and row[at["cls"]] == "Observation")
    assert (gdp[at["value"]], gdp[at["growth"]], gdp[at["rank"]]) == ("1815.0", "3.2", "8")
    assert data["terms"][gdp[at["report"]]][1].endswith("2026-01-20")


def test_a_drawing_without_figures_still_lists_them_all(seed_graph):
    part = network_part(seed_graph)
    network, notes = join_streamed(lambda: [part], max_nodes=100)
    assert not any(network.nodes[n]["info"].cls == "Observation" for n in network.nodes)
    assert any("left out" in note and "figures" in note for note in notes)
    assert len(network.graph["figures"]["rows"]) == len(part.figures.rows) > 100
    assert len(_figure_data(render_page(network, "t"))["rows"]) == len(part.figures.rows)


def test_parts_keep_their_figures_through_json_and_join_in_any_order(seed_graph):
    part = network_part(seed_graph)
    again = part_from_json(json.loads(json.dumps(part_to_json(part))))
    assert again.figures == part.figures and list(part.figures.rows[0]) and len(COLUMNS) == len(part.figures.rows[0])
    half = len(part.figures.rows) // 2
    first = type(part)((), (), type(part.figures)(part.figures.rows[:half], part.figures.terms, part.figures.sentences))
    second = type(part)(part.nodes, part.edges,
                        type(part.figures)(part.figures.rows[half:], part.figures.terms, part.figures.sentences))
    assert render_page(join_parts([first, second]), "t") == render_page(join_parts([second, first]), "t")


def test_a_target_meets_its_outcome_by_a_link_found_across_reports(seed_graph):
    """plan:actual between reports is found when the build joins them: the page's rows take it."""
    rows = network_part(seed_graph).figures.rows
    target = next(row for row in rows if row[1] == "Target" and not row[COLUMNS.index("actual")])
    outcome = next(row for row in rows if row[1] == "Observation")
    table = FigureTable()
    table.add(Figures((outcome, target), {}, {}))
    data = table.page_data(links=((target[0], outcome[0], "actual"), ("x", "y", "involves")))
    by_iri = {row[0]: row for row in data["rows"]}
    actual = data["columns"].index("actual")
    assert data["rows"][by_iri[target[0]][actual]][0] == outcome[0]
    assert by_iri[outcome[0]][actual] == -1
