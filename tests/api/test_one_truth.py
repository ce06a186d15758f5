"""One truth on every surface: for every resolution of the seed graph, the HTML ``/id/`` page (the
resolution page), its JSON twin, ``/resolutions/{id}`` and the CLI (``resgraph deps`` /
``resgraph impact --depth 1``) list the same cited and citing works; every work is listed and
described, even one known only from citations; "most cited" is one definition on ``/stats``, the
CLI and the example query.
"""

from __future__ import annotations

import html
import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from api.cli import app
from graph import load_examples, run_select, short

runner = CliRunner()
ROOT = Path(__file__).resolve().parents[2]


SECTIONS = {"Cites": "cites", "Cited by": "cited-by"}


def _section(page: str, heading: str) -> set[str]:
    """The works listed under ``<h2>heading (n)</h2>`` of a resolution page (its
    ``data-work`` entries), checked against the count the heading gives."""
    m = re.search(
        rf'<section id="{SECTIONS[heading]}">\s*<h2>{heading} \((\d+)\)</h2>(.*?)</section>',
        page,
        re.S,
    )
    assert m, f"no '{heading}' section on the page"
    names = {html.unescape(n) for n in re.findall(r'<li data-work="([^"]*)">', m[2])}
    assert len(names) == int(m[1]), (heading, m[1], names)
    return names


def _cli(args: list[str]) -> Any:
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def _walk_ids(data: dict[str, Any]) -> set[str]:
    return {n["id"] for n in data["nodes"] if n["id"] != data["root"]}


@pytest.fixture(scope="module")
def all_resolutions(seed: TestClient) -> list[str]:
    page = seed.get("/resolutions", params={"limit": 200}).json()
    assert page["total"] == len(page["items"])
    return [item["id"] for item in page["items"]]


def test_every_work_is_listed_and_described(seed: TestClient, all_resolutions: list[str]) -> None:
    stats = seed.get("/stats").json()
    assert stats["resolutions"] == len(all_resolutions)
    for ident in ("council/1353", "wtsa/1"):  # known only from texts citing them
        assert ident in all_resolutions
        r = seed.get(f"/resolutions/{ident}")
        assert r.status_code == 200, r.text
        body = r.json()
        assert body["versions"] == [] and body["summary"]["no_version_known"] is True
        assert "no version known" in body["note"]
    detail = seed.get("/resolutions/wtsa/44").json()
    assert detail["summary"]["no_version_known"] is False and detail["note"] is None


def test_decisions_have_a_shape_of_their_own(seed: TestClient) -> None:
    for path in ("/resolutions/decision/pp/12", "/resolutions/decision/pp/12/lineage"):
        r = seed.get(path)
        assert r.status_code == 404, r.text
        body = r.json()
        assert body["code"] == "not_a_resolution" and "/id/decision/pp/12" in body["error"]
        assert body["did_you_mean"] == ["/id/decision/pp/12"]
    page = seed.get("/id/decision/pp/12", headers={"Accept": "text/html"})
    assert page.status_code == 200 and "decision/pp/12" in page.text
    assert seed.get("/resolutions/wtsa/44/2022").json()["id"] == "wtsa/44/2022"


def test_html_rest_and_cli_list_the_same_neighbours(
    seed: TestClient, seed_store: Any, all_resolutions: list[str]
) -> None:
    store = str(seed_store.root)
    compared = 0
    for ident in all_resolutions:
        rest = seed.get(f"/resolutions/{ident}").json()
        page = seed.get(f"/id/resolution/{ident}", headers={"Accept": "text/html"}).text
        twin = seed.get(f"/id/resolution/{ident}", headers={"Accept": "application/json"}).json()
        assert set(rest["cites"]) == {w["id"] for w in twin["cites"]}, ident
        assert set(rest["cited_by"]) == {w["id"] for w in twin["cited_by"]}, ident
        cli_out = _walk_ids(_cli(["deps", ident, "--store", store, "--json"]))
        cli_in = _walk_ids(_cli(["impact", ident, "--depth", "1", "--store", store, "--json"]))
        assert set(rest["cites"]) == _section(page, "Cites") == cli_out, ident
        assert set(rest["cited_by"]) == _section(page, "Cited by") == cli_in, ident
        compared += bool(cli_out or cli_in)
    assert compared > 20  # the comparison is not vacuous


def test_wtsa_44_page_says_what_rest_says(seed: TestClient, seed_store: Any) -> None:
    """The case of the issue: the page listed one version and a document, REST 14 works."""
    page = seed.get("/id/resolution/wtsa/44", headers={"Accept": "text/html"}).text
    rest = seed.get("/resolutions/wtsa/44").json()
    assert len(rest["cites"]) > 5 and "wtsa/72" in rest["cited_by"]
    assert _section(page, "Cites") == set(rest["cites"])
    assert _section(page, "Cited by") == set(rest["cited_by"])
    run = subprocess.run(  # the installed command, as a user runs it
        [sys.executable, "-m", "api.cli", "deps", "wtsa/44", "--store", str(seed_store.root)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    for ident in rest["cites"]:
        assert ident in run.stdout


def test_most_cited_is_one_definition(seed: TestClient, seed_store: Any) -> None:
    stats = seed.get("/stats", params={"top": 100}).json()
    assert "distinct citing resolutions" in stats["most_cited_by"]
    ranked = _cli(["most-cited", "--limit", "100", "--store", str(seed_store.root), "--json"])
    by_stats = [(r["id"], r["in_degree"], r["citations"]) for r in stats["most_cited"]]
    assert [(r["id"], r["in_degree"], r["citations"]) for r in ranked] == by_stats
    example = next(e for e in load_examples() if e.name == "most-cited")
    unlimited = example.query.replace("LIMIT 10", "")
    rows = run_select(seed_store, unlimited).rows
    by_sparql = {(short(str(w)), int(str(n)), int(str(c))) for w, n, c in rows}
    assert by_sparql == {r for r in by_stats if r[1] > 0}
    assert [int(str(n)) for _, n, _ in rows] == sorted(
        (int(str(n)) for _, n, _ in rows), reverse=True
    )
    table = runner.invoke(app, ["most-cited", "--store", str(seed_store.root)]).stdout
    assert "distinct citing resolutions" in table


@pytest.mark.parametrize(
    ("path", "rows", "cli"),
    [("/assignments", "hits", "assignments"), ("/citations/outdated", "items", "outdated")],
)
def test_rows_say_what_distinguishes_them(
    seed: TestClient, seed_store: Any, path: str, rows: str, cli: str
) -> None:
    items = seed.get(path).json()[rows]
    assert items
    for item in items:
        assert {"proposal", "document", "section", "paragraph", "mentions"} <= set(item)
    shown = [json.dumps({k: v for k, v in i.items() if k != "mentions"}) for i in items]
    assert len(shown) == len(set(shown))
    council = [i for i in items if i.get("resolution", i.get("cited", "")).startswith("council/")]
    assert all(i["document"] for i in council)
    as_json = _cli([cli, "--store", str(seed_store.root), "--json"])
    assert (as_json[rows] if isinstance(as_json, dict) else as_json) == items
    table = runner.invoke(app, [cli, "--store", str(seed_store.root)]).stdout
    for column in ("document", "proposal", "paragraph"):
        assert column in table
