"""``/resolutions/{organ}/{number}/proposals`` on a real server (uvicorn) and ``resgraph
proposals`` agree with each other and with the graph, on the seed corpus built by the extractor.
"""

from __future__ import annotations

import dataclasses
import json
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from api import proposal_schemas
from api.bench.api_bench import serving
from api.cli import app
from graph import build_store, compare_proposals, open_store, proposal_results

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "data" / "corpus"
runner = CliRunner()


@pytest.fixture(scope="module")
def corpus_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed corpus built as `resgraph build data/corpus` builds it (extraction included)."""
    root = tmp_path_factory.mktemp("proposals-api-store")
    report = build_store(root, [CORPUS])
    assert not report.failed, report.failed
    return root


@pytest.fixture(scope="module")
def server(corpus_root: Path) -> Iterator[str]:
    with serving(corpus_root, env={"RESGRAPH_RELOAD_INTERVAL": "0"}) as port:
        yield f"http://127.0.0.1:{port}"


def _get(url: str) -> tuple[int, Any]:
    try:
        with urllib.request.urlopen(url, timeout=60) as r:
            return r.status, json.loads(r.read())
    except urllib.error.HTTPError as err:
        return err.code, json.loads(err.read())


def _cli(*args: str) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.mark.parametrize("name", proposal_results.__all__)
def test_schemas_mirror_the_result_dataclasses(name: str) -> None:
    """Same fields in the same order, so a field added to one and not the other fails here."""
    fields = [f.name for f in dataclasses.fields(getattr(proposal_results, name))]
    assert list(getattr(proposal_schemas, name).model_fields) == fields
    assert set(proposal_schemas.__all__) == set(proposal_results.__all__)


def test_rest_cli_and_graph_give_the_same_comparison(server: str, corpus_root: Path) -> None:
    status, rest = _get(f"{server}/resolutions/wtsa/44/proposals")
    assert status == 200, rest
    cli = json.loads(_cli("proposals", "wtsa/44", "--store", str(corpus_root), "--json"))
    with open_store(corpus_root, read_only=True) as store:
        direct = compare_proposals(store, "wtsa/44").to_dict()
    assert rest == cli == direct
    assert [x["proposer"] for x in rest["proposals"]] == ["APT", "ATU", "CITEL", "RCC"]
    assert sum(c["mentions"] for c in rest["changes"]) == 16  # the 16 residues of seed 001
    # the organ in any case names the same resolution
    assert _get(f"{server}/resolutions/WTSA/44/proposals") == (200, rest)


def test_cli_prints_the_proposals_and_the_matrix(corpus_root: Path) -> None:
    out = _cli("proposals", "wtsa/44", "--store", str(corpus_root))
    for word in ("APT", "ATU", "CITEL", "RCC", "AFCP/35A8/1", "IAP/39A18/1"):
        assert word in out
    assert "wtsa/44: updated 2016 -> 2022" in out and "3 of 4" in out
    assert "- only ATU: pp/71: updated 2014 -> 2018" in out
    missing = runner.invoke(app, ["proposals", "wtsa/4444", "--store", str(corpus_root)])
    assert missing.exit_code == 1 and "no resolution 'wtsa/4444'" in missing.output
    bad = runner.invoke(app, ["proposals", "nope", "--store", str(corpus_root)])
    assert bad.exit_code == 2


def test_errors_and_the_neighbouring_routes(server: str) -> None:
    status, body = _get(f"{server}/resolutions/wtsa/4444/proposals")
    assert status == 404 and body["code"] == "not_found", body
    assert "wtsa/44" in (body.get("did_you_mean") or [])
    status, body = _get(f"{server}/resolutions/zz/44/proposals")
    assert status == 422, body
    status, body = _get(f"{server}/resolutions/wtsa/44/2022")  # still a version, not a proposal
    assert status == 200 and body["id"] == "wtsa/44/2022"
    status, spec = _get(f"{server}/openapi.json")
    ok = spec["paths"]["/resolutions/{organ}/{number}/proposals"]["get"]["responses"]["200"]
    assert ok["content"]["application/json"]["schema"]["$ref"].endswith("/ProposalComparison")
