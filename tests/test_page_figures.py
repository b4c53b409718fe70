"""The page's Figures view, charts and side panel in a real browser (Debian's chromium, from
file://, every request that is not a local file refused): every figure of the graph listed,
searched, sorted, downloaded, charted; a corpus's reports side by side; hostile text inert."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest
from conftest import FIXTURES, SEEDS
from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV
from test_page import _where_is, browser  # noqa: F401  (browser: the fixture, shared)

from graph.build.pipeline import build
from graph.page.analyse import entity_network
from graph.page.render import render_page
from graph.vocab import ID, PLAN

CHART = "echarts.getInstanceByDom(document.getElementById('chart')).getOption()"


def _figures_of(graph: Graph) -> set[str]:
    return {str(s) for cls in ("Observation", "Target") for s in graph.subjects(RDF.type, PLAN[cls])}


def _guarded(browser, path: Path):  # noqa: F811
    """test_page._open, keeping every URL the page asks for: only file: (and the blob: of a
    download) may be; any other is refused, and the test fails on it."""
    page = browser.new_page(viewport={"width": 1400, "height": 900}, accept_downloads=True)
    problems: list[str] = []
    asked: list[str] = []

    def dialog(box) -> None:
        problems.append("dialog: " + box.message)
        box.dismiss()

    page.on("console", lambda message: problems.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.on("dialog", dialog)
    page.on("request", lambda request: asked.append(request.url))
    page.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file:") else route.abort())
    page.goto(path.as_uri())
    page.wait_for_selector("body[data-settled='yes']", timeout=60_000)
    return page, problems, asked


def _gdp(page) -> str:
    return page.evaluate("figureData.terms.find((t) => t[1] === '地区生产总值')[0]")


def test_the_figures_tab_is_reached_by_keyboard_and_lists_every_figure(browser, seed_build, seed_graph):  # noqa: F811
    page, problems, asked = _guarded(browser, seed_build / "graph.html")
    assert page.is_hidden("#figures")
    page.focus("#tab-network")
    page.keyboard.press("ArrowRight")
    assert page.is_visible("#figures")
    assert page.evaluate("document.activeElement.id") == "tab-figures"
    expected = _figures_of(seed_graph)
    assert len(expected) > 100
    assert set(page.evaluate("figuresView.rows().map((r) => r.iri)")) == expected
    assert page.evaluate("figuresView.rows().length") == len(expected)
    assert page.inner_text("#fig-count").startswith(f"{len(expected)} / {len(expected)}")
    assert page.locator("#fig-table tbody tr").count() == 100  # one page of rows is drawn
    page.click("#fig-next")
    assert page.locator("#fig-table tbody tr").count() == len(expected) - 100
    assert problems == [] and all(url.startswith("file:") for url in asked)


def test_the_gdp_chart_shows_1815_and_3_2_and_a_click_on_the_bar_shows_its_sentence(browser, seed_build):  # noqa: F811
    page, problems, asked = _guarded(browser, seed_build / "graph.html")
    page.click("#tab-figures")
    gdp = page.evaluate("String(figureData.terms.findIndex((t) => t[1] === '地区生产总值'))")
    page.select_option("#fig-indicator", gdp)
    page.locator("#fig-table tbody tr").first.click()
    assert page.evaluate("document.body.dataset.chart") == _gdp(page)
    series = page.evaluate(f"{CHART}.series.map((s) => [s.type, s.data])")
    bars = [value for kind, data in series if kind == "bar" for value in data if value != "-"]
    points = [value for kind, data in series if kind != "bar" for value in data if value != "-"]
    assert 1815.0 in bars and 3.2 in points
    x, y = page.evaluate(f"""() => {{
        const chart = echarts.getInstanceByDom(document.getElementById('chart'));
        const index = {CHART}.series.findIndex((s) => s.type === 'bar' && s.data.includes(1815));
        const at = {CHART}.series[index].data.indexOf(1815);
        const box = document.getElementById('chart').getBoundingClientRect();
        const [px, py] = chart.convertToPixel({{seriesIndex: index}}, [at, 900]);
        return [box.left + px, box.top + py];
    }}""")
    page.mouse.click(x, y)
    assert "1815.0亿元" in page.inner_text("#chart-sentence")
    assert problems == [] and all(url.startswith("file:") for url in asked)


def test_search_in_pinyin_or_english_and_the_csv_holds_the_rows_shown(browser, seed_build, seed_graph):  # noqa: F811
    page, problems, asked = _guarded(browser, seed_build / "graph.html")
    page.click("#tab-figures")
    gdp = _gdp(page)
    stated = {str(f) for f in seed_graph.subjects(PLAN.indicator, URIRef(gdp))}
    shown = {}
    for query in ("地区生产总值", "diqushengchanzongzhi", "dì qū shēng chǎn zǒng zhí", "Gross Regional Product"):
        page.fill("#fig-search", query)
        page.wait_for_function(f"document.getElementById('fig-count').textContent.startsWith('{len(stated)} /')"
                               if query != "地区生产总值" else "true", timeout=5_000)
        page.wait_for_timeout(300)
        shown[query] = set(page.evaluate("figuresView.shown().map((r) => r.iri)"))
    assert all(stated <= rows for rows in shown.values())  # the Chinese word is also in other sentences
    assert shown["diqushengchanzongzhi"] == shown["Gross Regional Product"] == stated
    page.fill("#fig-search", "")
    page.select_option("#fig-class", "Target")
    page.wait_for_timeout(300)
    targets = {str(s) for s in seed_graph.subjects(RDF.type, PLAN.Target)}
    assert set(page.evaluate("figuresView.shown().map((r) => r.iri)")) == targets
    with page.expect_download() as download:
        page.click("#fig-csv")
    with open(download.value.path(), encoding="utf-8-sig", newline="") as file:
        rows = list(csv.DictReader(file))
    assert [row["iri"] for row in rows] == page.evaluate("figuresView.shown().map((r) => r.iri)")
    assert {row["class"] for row in rows} == {"Target"} and len(rows) == len(targets)
    assert all(row["sentence"] for row in rows)
    assert problems == [] and all(url.startswith(("file:", "blob:")) for url in asked)


def test_sorting_by_value_orders_the_numbers(browser, seed_build):  # noqa: F811
    page, problems, _ = _guarded(browser, seed_build / "graph.html")
    page.click("#tab-figures")
    page.click("#fig-table th button[data-key='value']")
    values = [float(r) for r in page.evaluate("figuresView.shown().map((r) => r.value)") if r]
    assert values == sorted(values) and len(values) > 50
    page.click("#fig-table th button[data-key='value']")
    values = [float(r) for r in page.evaluate("figuresView.shown().map((r) => r.value)") if r]
    assert values == sorted(values, reverse=True)
    assert problems == []


def test_a_click_on_a_node_opens_its_panel_and_an_indicator_its_chart(browser, seed_build):  # noqa: F811
    page, problems, _ = _guarded(browser, seed_build / "graph.html")
    node, (x, y) = _where_is(page, "京东")
    page.mouse.click(x, y)
    assert page.is_visible("#panel") and page.inner_text("#panel h2") == "京东"
    neighbours = page.evaluate(f"network.getConnectedNodes({node!r})")
    buttons = page.locator("#panel button[data-node]")
    assert buttons.count() == len(neighbours) > 0
    assert page.evaluate(f"nodes.get({node!r}).sentences[0]") in page.inner_text("#panel")
    target = buttons.first.get_attribute("data-node")
    buttons.first.click()
    assert page.evaluate("document.getElementById('panel').dataset.node") == target
    page.evaluate(f"network.emit('click', {{nodes: [{_gdp(page)!r}], edges: []}}); null")  # an indicator clicked
    assert page.is_visible("#figures")
    assert page.evaluate("document.body.dataset.chart") == _gdp(page)
    assert "地区生产总值" in page.inner_text("#panel h2")
    assert "1815.0亿元" in page.inner_text("#panel")  # its figures, from the graph
    assert problems == []


@pytest.fixture(scope="module")
def corpus_build(tmp_path_factory) -> Path:
    """The seed and two reports of another city, one a year apart: its targets meet its outcomes."""
    reports = tmp_path_factory.mktemp("corpus-in")
    for path in [*SEEDS.glob("*.txt"), FIXTURES / "changzhi-plan-report.txt", FIXTURES / "changzhi-2025-review.txt"]:
        shutil.copy(path, reports / path.name)
    out = tmp_path_factory.mktemp("corpus-out")
    build([reports], out)
    return out


def test_a_corpus_chart_has_a_bar_per_report_and_a_target_beside_its_outcome(browser, corpus_build):  # noqa: F811
    graph = Graph().parse(corpus_build / "graph.ttl", format="turtle")
    gdp = next(s for s in graph.subjects(RDFS.label, Literal("地区生产总值", lang="zh")))
    observations = {o for o in graph.subjects(PLAN.indicator, gdp) if (o, RDF.type, PLAN.Observation) in graph}
    reports = {str(graph.value(graph.value(o, PROV.wasDerivedFrom), DCTERMS.isPartOf))
               .split("/section/")[0] for o in observations}
    assert len(reports) == 3  # each report states the figure
    linked = [(str(t), str(o)) for t, o in graph.subject_objects(PLAN.actual) if graph.value(t, PLAN.indicator) == gdp]
    assert linked

    page, problems, asked = _guarded(browser, corpus_build / "graph.html")
    page.evaluate(f"figuresView.openIndicator({str(gdp)!r})")
    series = page.evaluate(f"{CHART}.series.map((s) => [s.type, s.name, s.data])")
    bars = [value for kind, name, data in series if kind == "bar" and "target" not in name
            for value in data if value != "-"]
    assert len(bars) == len(observations) == len(reports)
    assert {2461.2, 1815.0} <= set(bars)
    assert len({name.split(" ")[0] for _, name, _ in series}) == 2  # two cities side by side
    at = page.evaluate("Object.fromEntries(figuresView.rows().map((r) => [r.iri, r.i]))")
    placed = page.evaluate("figuresView.placed")
    for target, outcome in linked:
        assert placed[str(at[target])] == placed[str(at[outcome])]  # in the same period, side by side
        assert page.evaluate(f"figuresView.rows()[{at[target]}].actual") == at[outcome]
    assert problems == [] and all(url.startswith("file:") for url in asked)


def _hostile_figures() -> Graph:
    graph = Graph()
    figure, indicator, passage = ID["report/r/observation/0-9"], ID["indicator/x"], ID["report/r/passage/0-9"]
    graph.add((indicator, RDF.type, PLAN.Indicator))
    graph.add((indicator, RDFS.label, Literal('</script><img src=x onerror="window.__pwned=1">', lang="zh")))
    graph.add((figure, RDF.type, PLAN.Observation))
    graph.add((figure, PLAN.indicator, indicator))
    graph.add((figure, PLAN.value, Literal("12.5")))
    graph.add((figure, PLAN.unit, Literal("<b onmouseover=alert(1)>亿元")))
    graph.add((figure, PROV.wasDerivedFrom, passage))
    graph.add((passage, PLAN.text, Literal("<script>window.__pwned=2</script>12.5", lang="zh")))
    return graph


def test_hostile_figure_text_shows_as_text_in_the_table_and_the_chart(browser, tmp_path):  # noqa: F811
    path = tmp_path / "hostile.html"
    path.write_text(render_page(entity_network(_hostile_figures()), title="t"), encoding="utf-8")
    page, problems, _ = _guarded(browser, path)
    page.locator("#tab-figures").click()
    page.locator("#fig-table tbody tr").first.click()
    box = page.evaluate("document.getElementById('chart').getBoundingClientRect().toJSON()")
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] - 60)
    page.wait_for_timeout(300)
    assert page.evaluate("window.__pwned") is None
    assert page.inner_text("#fig-table tbody td").startswith("</script><img")
    assert "<script>window.__pwned=2</script>" in page.inner_text("#chart-sentence")
    assert not [p for p in problems if p.startswith("dialog")]
