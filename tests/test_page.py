"""The network page in a real browser (Debian's chromium driven by Playwright, no browser download):
offline from file://, every node there, search, class filter, tooltips, and hostile text inert."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import require_program
from rdflib import RDF
from test_render import _hostile_graph

from graph.page.analyse import NODE_CLASSES, entity_network
from graph.page.render import render_page
from graph.vocab import PLAN

ARTIFACTS = Path(__file__).resolve().parent / "artifacts"


@pytest.fixture(scope="module")
def browser():
    chromium = require_program("chromium", "to open the network page in a real browser")
    playwright_api = pytest.importorskip("playwright.sync_api")
    with playwright_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"])
        yield browser
        browser.close()


def _open(browser, path: Path):
    """The page from file://, every request to anywhere else refused; errors collected."""
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    problems: list[str] = []

    def console(message) -> None:
        if message.type == "error":
            problems.append(message.text)

    def dialog(box) -> None:
        problems.append("dialog: " + box.message)
        box.dismiss()

    page.on("console", console)
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.on("dialog", dialog)
    page.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file:") else route.abort())
    page.goto(path.as_uri())
    page.wait_for_selector("body[data-settled='yes']", timeout=60_000)
    return page, problems


def _where_is(page, label: str) -> tuple[str, tuple[float, float]]:
    """A node's id and where it is drawn on the screen."""
    node = page.evaluate(f"nodes.get().find((n) => n.label === {label!r}).id")
    point = page.evaluate(f"network.canvasToDOM(network.getPositions([{node!r}])[{node!r}])")
    box = page.locator("#network").bounding_box()
    return node, (box["x"] + point["x"], box["y"] + point["y"])


def test_the_page_loads_offline_with_every_node_and_no_error(browser, seed_build, seed_graph):
    page, problems = _open(browser, seed_build / "graph.html")
    expected = {str(s) for cls in NODE_CLASSES for s in seed_graph.subjects(RDF.type, PLAN[cls])}
    assert page.evaluate("nodes.length") == len(expected)
    assert page.evaluate("document.querySelectorAll('canvas').length") == 1
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "page.png"))
    assert problems == []


def test_search_finds_a_company_and_the_filter_hides_a_class(browser, seed_build, seed_graph):
    page, problems = _open(browser, seed_build / "graph.html")
    company = next(s for s in seed_graph.subjects(RDF.type, PLAN.Company)
                   if "宁德时代" in [str(o) for o in seed_graph.objects(s, None) if hasattr(o, "language")])
    page.fill("#search", "宁德时代")
    page.dispatch_event("#search", "change")
    assert page.evaluate("document.body.dataset.found") == str(company)
    assert page.evaluate("network.getSelectedNodes()") == [str(company)]
    assert page.evaluate("nodes.get({filter: (n) => n.cls === 'Company' && !n.hidden}).length") > 0
    page.uncheck("#legend input[data-cls='Company']")
    assert page.evaluate("nodes.get({filter: (n) => n.cls === 'Company' && !n.hidden}).length") == 0
    assert problems == []


def test_hovering_a_node_shows_its_sentence(browser, seed_build):
    page, _ = _open(browser, seed_build / "graph.html")
    page.mouse.move(*_where_is(page, "宁德时代")[1])
    tooltip = page.wait_for_selector("div.vis-tooltip", state="visible", timeout=10_000)
    assert "推动宁德时代" in tooltip.inner_text()


def test_hostile_text_shows_as_text_and_runs_nothing(browser, tmp_path):
    path = tmp_path / "hostile.html"
    page = render_page(entity_network(_hostile_graph()), title='<img src=x onerror="window.__pwned=1">')
    path.write_text(page, encoding="utf-8")
    page, problems = _open(browser, path)
    assert page.evaluate("window.__pwned") is None
    assert page.evaluate("nodes.get()[0].label").startswith("</script>")
    assert page.title().startswith("<img")
    assert not [p for p in problems if p.startswith("dialog")]


def test_a_click_highlights_the_neighbourhood(browser, seed_build):
    page, problems = _open(browser, seed_build / "graph.html")
    node, (x, y) = _where_is(page, "京东")
    page.mouse.click(x, y)
    neighbours = set(page.evaluate(f"network.getConnectedNodes({node!r})"))
    dimmed = set(page.evaluate("nodes.get({filter: (n) => n.color === '#e6e6e6'}).map((n) => n.id)"))
    assert neighbours and not neighbours & dimmed and node not in dimmed
    assert len(dimmed) > 100  # the rest of the graph steps back
    assert problems == []


def test_figures_shown_later_settle_beside_their_indicators_and_nothing_else_moves(browser, seed_build):
    """Indicators and figures start hidden and out of the first layout; ticked, they settle near
    what they link to, and what was already drawn stays where the user saw it."""
    page, problems = _open(browser, seed_build / "graph.html")
    drawn = page.evaluate("network.getPositions(nodes.get({filter: (n) => !n.hidden}).map((n) => n.id))")
    for cls in ("Indicator", "Observation"):
        page.check(f"#legend input[data-cls='{cls}']")
        page.wait_for_selector("body[data-settled='yes']", timeout=60_000)
    now = page.evaluate("network.getPositions()")
    assert all(abs(now[node]["x"] - at["x"]) < 0.5 and abs(now[node]["y"] - at["y"]) < 0.5
               for node, at in drawn.items())
    linked, any_pair = page.evaluate("""() => {
        const at = network.getPositions(), apart = (a, b) => Math.hypot(at[a].x - at[b].x, at[a].y - at[b].y);
        const ids = (cls) => nodes.get({filter: (n) => n.cls === cls}).map((n) => n.id);
        const indicators = new Set(ids("Indicator")), median = (v) => v.sort((p, q) => p - q)[v.length >> 1];
        return [median(ids("Observation").flatMap((o) => network.getConnectedNodes(o)
                    .filter((i) => indicators.has(i)).map((i) => apart(o, i)))),
                median(ids("Observation").flatMap((o) => [...indicators].map((i) => apart(o, i))))];
    }""")
    assert linked < any_pair / 2
    assert problems == []


def test_searching_a_hidden_figure_class_shows_it_and_finds_the_node(browser, seed_build, seed_graph):
    page, problems = _open(browser, seed_build / "graph.html")
    page.fill("#search", "地区生产总值")
    page.dispatch_event("#search", "change")
    page.wait_for_function("document.body.dataset.found !== undefined", timeout=60_000)
    found = page.evaluate("document.body.dataset.found")
    assert page.evaluate(f"nodes.get({found!r}).cls") == "Indicator"
    assert page.evaluate("nodes.get({filter: (n) => n.cls === 'Indicator' && !n.hidden}).length") > 100
    assert page.is_checked("#legend input[data-cls='Indicator']")
    assert page.evaluate("document.body.dataset.settled") == "yes"
    assert problems == []
