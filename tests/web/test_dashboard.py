"""The dashboard end to end in headless Chromium, over the sample store: the graph renders the
states of the seed article, an edge opens the pair's timeline and events, an event opens its
article with the sentence highlighted, and a what-if shows treaty and news steps distinctly."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path
from urllib.parse import quote

import httpx

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOT = ROOT / "docs" / "screenshot.png"


def open_dashboard(page):
    started = time.perf_counter()
    page.goto("/")
    page.wait_for_selector('body[data-ready="true"]', state="attached", timeout=30_000)
    return time.perf_counter() - started


def click_edge(page, edge_id: str) -> None:
    """A real mouse click on the middle of an edge of the Cytoscape canvas."""
    point = page.evaluate(
        """(id) => { const e = window.rp.cy.getElementById(id); const p = e.renderedMidpoint();
                     document.getElementById('graph').scrollIntoView({block: 'center'});
                     const box = document.getElementById('graph').getBoundingClientRect();
                     return {x: box.left + p.x, y: box.top + p.y, n: e.length}; }""",
        edge_id,
    )
    assert point["n"] == 1, f"no edge {edge_id}"
    page.mouse.click(point["x"], point["y"])


def test_graph_renders_the_seed_states(page):
    seconds = open_dashboard(page)
    ids = set(page.evaluate("window.rp.cy.nodes().map(n => n.id())"))
    assert {"RUS", "KOR", "PRK", "UKR"} <= ids
    classes = page.evaluate("[...new Set(window.rp.cy.edges().map(e => e.classes().join(' ')))]")
    assert "events" in classes and "commitment" in classes
    # commitments are dashed, treaty ties dotted, event edges solid
    styles = page.evaluate(
        "Object.fromEntries(['events','commitment'].map(c => [c, window.rp.cy.edges('.' + c)[0].style('line-style')]))"
    )
    assert styles == {"events": "solid", "commitment": "dashed"}
    sizes = page.evaluate("window.rp.cy.nodes().map(n => [n.data('activity'), n.width()])")
    assert max(sizes)[1] > min(sizes)[1]  # node size follows activity
    timings = page.evaluate("window.rp.timings")
    assert timings["graphReady"] < 5000 and seconds < 10, (timings, seconds)
    assert not page.problems, page.problems


def test_treaty_edges_are_drawn_apart_from_news_edges(page):
    open_dashboard(page)
    page.fill("#since", "2024-06-01")
    page.fill("#until", "2025-06-30")
    page.click("#window-form button[type=submit]")
    page.wait_for_function("() => true")  # let the click's handlers start
    page.wait_for_selector('body[data-graph="ready"]', state="attached")
    page.wait_for_timeout(300)
    treaty = page.evaluate("window.rp.cy.edges('.treaty').map(e => [e.source().id(), e.target().id(), e.style('line-style')])")
    assert any({a, b} == {"RUS", "PRK"} and style == "dotted" for a, b, style in treaty), treaty
    assert page.evaluate("window.rp.cy.edges('.commitment').style('line-style')") == "dashed"


def test_edge_to_timeline_to_event_to_article(page):
    open_dashboard(page)
    edge = page.evaluate("window.rp.cy.getElementById('ev:RUS>KOR').length ? 'ev:RUS>KOR' : 'ev:KOR>RUS'")
    click_edge(page, edge)
    page.wait_for_selector("#dyad-events li")
    assert "RUS" in page.inner_text("#dyad-title") and "KOR" in page.inner_text("#dyad-title")
    chart = page.evaluate("({labels: window.rp.chart.data.labels, sets: window.rp.chart.data.datasets.map(d => d.label)})")
    assert "2024-06-17" in chart["labels"]  # weeks, both directions
    assert any(s.startswith("RUS→KOR") for s in chart["sets"]) and any(s.startswith("KOR→RUS") for s in chart["sets"])
    first = page.locator("#dyad-events li").first
    event_id = first.get_attribute("data-id")
    first.click()
    mark = page.wait_for_selector("#article-text mark.sentence")
    sentence = mark.inner_text()
    record = httpx.get(f"{page.context._impl_obj._options.get('baseURL')}/api/events/{event_id}").json()
    assert sentence == record["sentence"]["text"]
    assert page.inner_text("#article-text .m-source") == record["source"]["text"]
    assert page.inner_text("#article-text .m-trigger") == record["trigger"]["text"]
    if record.get("target"):
        assert page.inner_text("#article-text .m-target") == record["target"]["text"]
    assert "Putin Warns South Korea" in page.inner_text("#article-meta")
    assert not page.problems, page.problems


def test_event_table_filters_and_opens_articles(page):
    open_dashboard(page)
    page.fill("#f-actor", "PRK")
    page.fill("#f-since", "")
    page.fill("#f-until", "")
    page.click("#events-form button[type=submit]")
    page.wait_for_function("() => true")
    page.wait_for_selector("#events-table tbody tr[data-id]")
    page.wait_for_timeout(200)
    rows = page.locator("#events-table tbody tr[data-id]")
    texts = rows.all_inner_texts()
    assert texts and all("PRK" in t for t in texts)
    rows.first.click()
    page.wait_for_selector("#article-text mark.sentence")
    assert page.locator("#article-events li.current").count() == 1


def test_whatif_shows_treaty_and_news_steps(page):
    open_dashboard(page)
    page.fill("#w-source", "USA")
    page.select_option("#w-action", "190")
    page.fill("#w-target", "PRK")
    page.fill("#w-asof", "2025-06-01")
    page.fill("#w-depth", "2")
    page.click("#whatif-form button[type=submit]")
    step = page.wait_for_selector('.whatif-tree li[data-event="RUS 190 USA"]')
    news = step.query_selector(".bases li.news")
    treaty = step.query_selector(".bases li.treaty")
    assert news and treaty
    assert "mutual defence agreement" in news.inner_text()
    assert "Treaty on Comprehensive Strategic Partnership" in treaty.inner_text() and "Article 4" in treaty.inner_text()
    # visibly distinct: a dashed magenta badge for news, a solid blue one for treaties
    looks = page.evaluate(
        """() => ['news', 'treaty'].map(k => { const s = getComputedStyle(document.querySelector('.whatif-tree .basis.' + k));
                                              return [s.borderTopStyle, s.backgroundColor]; })"""
    )
    assert looks[0][0] == "dashed" and looks[1][0] == "solid" and looks[0][1] != looks[1][1]
    # a news step links to its article, with the commitment's sentence highlighted
    news.query_selector("a.open-article").click()
    mark = page.wait_for_selector("#article-text mark.sentence")
    assert "mutual defence agreement" in mark.inner_text()
    assert not page.problems, page.problems
    _screenshot(page)


def _screenshot(page) -> None:
    """Saved with each run next to the test's other files; copied to docs/screenshot.png (the
    README's picture) when REALPOLITIK_UPDATE_SCREENSHOT=1."""
    page.fill("#w-depth", "1")
    page.click("#whatif-form button[type=submit]")
    page.wait_for_selector('.whatif-tree li[data-event="RUS 190 USA"] .bases li.treaty')
    click_edge(page, "ev:RUS>KOR" if page.evaluate("window.rp.cy.getElementById('ev:RUS>KOR').length") else "ev:KOR>RUS")
    page.wait_for_selector("#dyad-events li")
    page.locator("#dyad-events li").first.click()
    page.wait_for_selector("#article-text mark.sentence")
    page.wait_for_timeout(200)
    out = Path(os.environ.get("PYTEST_SCREENSHOT_DIR", "/tmp")) / "realpolitik-dashboard.png"
    page.screenshot(path=str(out), full_page=True)
    if os.environ.get("REALPOLITIK_UPDATE_SCREENSHOT") == "1":
        SCREENSHOT.parent.mkdir(exist_ok=True)
        shutil.copyfile(out, SCREENSHOT)


def test_no_request_leaves_the_server(page, server):
    outside = []
    page.on("request", lambda req: outside.append(req.url) if not req.url.startswith(server) and not req.url.startswith("data:") else None)
    open_dashboard(page)
    page.goto("/docs")
    page.wait_for_selector(".swagger-ui .opblock", timeout=30_000)
    assert outside == []


def test_article_ids_with_percent_signs_over_real_http(server):
    items = httpx.get(f"{server}/api/events", params={"limit": 1000}).json()["items"]
    odd = next(e["doc_id"] for e in items if "%" in e["doc_id"])
    r = httpx.get(f"{server}/api/articles/" + quote(odd, safe=""))
    assert r.status_code == 200 and r.json()["doc_id"] == odd
