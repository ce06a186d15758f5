"""The pages around the API as a person opens them: /, /sparql (YASGUI), /docs, /redoc.

Real app (api.main.create_app) over the seed store, real uvicorn, Debian's headless Chromium at
1440x900. Every request leaving the server is blocked and fails the test, and so does any console
error: the pages must work on a machine without internet. What the pages show is compared with
the graph's own functions, not with numbers copied from the page code.

Screenshots are written to the test's tmp dir, and also to ``$RESGRAPH_SCREENSHOTS`` (e.g.
``docs/img``) when that is set: ``RESGRAPH_SCREENSHOTS=docs/img pytest tests/viz -m browser``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from browser_pages import save_shot

pytestmark = pytest.mark.browser


def test_landing_page(app_url: str, opened: Any, seed_store: Any, tmp_path: Path) -> None:
    from graph import graph_stats, search_resolutions

    stats = graph_stats(seed_store, top=10)
    p = opened(f"{app_url}/")
    figures = p.page.inner_text("#figures")
    for value in (stats.documents, stats.resolutions, stats.citations, stats.assignments):
        assert str(value) in figures
    top = p.page.locator("#most-cited tbody tr")
    assert top.count() == len(stats.most_cited) > 0
    first = stats.most_cited[0]
    assert p.page.get_attribute("#most-cited tbody tr a", "href") == f"/id/resolution/{first.id}"
    for href in ("/viz", "/sparql", "/docs", "/redoc"):
        assert p.page.locator(f'nav.go a[href="{href}"]').count() == 1
    save_shot(p.page, "landing.png", tmp_path)

    # Search by organ and number, as typed, then by title words: the graph's search agrees.
    p.page.fill("#q", "WTSA 44")
    p.page.press("#q", "Enter")
    p.page.wait_for_selector("#results")
    assert p.page.get_attribute("#results tbody tr a", "href") == "/id/resolution/wtsa/44"
    words = "standardization gap"
    p.page.fill("#q", words)
    p.page.press("#q", "Enter")
    p.page.wait_for_selector("#results")
    expected = search_resolutions(seed_store, q=words, limit=20).items
    rows = p.page.locator("#results tbody tr a")
    assert [rows.nth(i).get_attribute("href") for i in range(rows.count())] == [
        f"/id/resolution/{r.id}" for r in expected
    ] and expected


def _select(store: Any, query: str) -> Any:
    """The rows of a SELECT example (run_select refuses CONSTRUCT/DESCRIBE: no rows to show)."""
    from graph import SparqlTable, run_select

    try:
        return run_select(store, query)
    except ValueError:
        return SparqlTable(columns=(), rows=())


def test_yasgui_runs_an_example(app_url: str, opened: Any, seed_store: Any, tmp_path: Path) -> None:
    from graph import id_iri, load_examples

    examples = load_examples()
    p = opened(f"{app_url}/sparql")
    p.page.wait_for_function("window.resgraphSparql && document.querySelector('.yasqe')")
    tabs = p.page.locator(".yasgui .tabsList .tab a[role=tab]")
    names = [tabs.nth(i).inner_text().split("\n")[0].strip() for i in range(tabs.count())]
    assert names == [e.title for e in examples]
    # Open the first example whose answer holds IRIs of this graph and run it, as a person does.
    base = str(id_iri("", "https://w3id.org/resgraph/"))
    answers = [_select(seed_store, e.query) for e in examples]
    index = next(
        i
        for i, t in enumerate(answers)
        if any(v and v.startswith(base) for row in t.rows for v in row)
    )
    tabs.nth(index).click()
    p.page.locator(".tabPanel.active .yasqe_queryButton").click()
    p.page.wait_for_selector(".tabPanel.active .yasr table.dataTable tbody tr", timeout=30_000)
    rows = p.page.locator(".tabPanel.active .yasr table.dataTable tbody tr")
    assert rows.count() == min(len(answers[index].rows), 50) > 0  # the table's first page
    # Result IRIs of this graph open this server's /id/ pages.
    iris = p.page.eval_on_selector_all(
        ".tabPanel.active .yasr a.iri",
        "els => els.map(a => [a.getAttribute('href'), a.dataset.iri])",
    )
    ours = [(href, iri) for href, iri in iris if iri]
    assert ours and all(h == "/id/" + i[len(base) :] for h, i in ours)
    assert not any((h or "").startswith(base) for h, _ in iris)
    assert any(u.endswith("/static/yasgui/yasgui.min.js") for u in p.local)
    save_shot(p.page, "yasgui.png", tmp_path)

    # An update is refused by the read-only endpoint, and YASGUI shows why.
    p.page.evaluate(
        "resgraphSparql.yasgui.getTab().getYasqe().setValue('DELETE WHERE { ?s ?p ?o }')"
    )
    p.page.locator(".tabPanel.active .yasqe_queryButton").click()
    p.page.wait_for_selector(".tabPanel.active .yasr .errorResult", timeout=30_000)
    assert "read-only" in p.page.inner_text(".tabPanel.active .yasr .errorResult")
    p.errors[:] = [e for e in p.errors if "403" not in e]  # the browser logs the refusal


@pytest.mark.parametrize(
    ("path", "ready"),
    [
        ("/docs", ".swagger-ui .opblock-tag"),
        ("/redoc", "[data-section-id]"),
    ],
)
def test_api_docs_render_offline(app_url: str, opened: Any, path: str, ready: str) -> None:
    p = opened(f"{app_url}{path}")
    p.page.wait_for_selector(ready, timeout=30_000)
    assert "resolutions" in p.page.inner_text("body").lower()
    assert any("/static/docs/" in u for u in p.local)
