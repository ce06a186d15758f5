"""The query subcommands of ``resgraph``: tables, --json twins, errors and exit codes."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from query_factories import Doc, build
from typer.testing import CliRunner

from api.cli import app

runner = CliRunner()


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory: pytest.TempPathFactory) -> str:
    root = tmp_path_factory.mktemp("cli") / "store"
    docs = [
        Doc("wtsa22.txt")
        .heading("WTSA", "44", 2022, title="Bridging the standardization gap", history=[2016])
        .cite("44", "PP", "123", 2014, section="recalling")
        .assign("44", "instructs", ["TSB"], ["BDT"]),
        Doc("wtsa16.txt").heading("WTSA", "44", 2016).cite("44", "PP", "123", 2014),
        Doc("pp.txt")
        .heading("PP", "123", 2018, history=[2014])
        .cite("123", "PP", "139", 2018, section="resolves"),
    ]
    build(root, docs).close()
    return str(root)


def _json(args: list[str]) -> object:
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_lineage_json_and_table(store_dir: str) -> None:
    data = _json(["lineage", "wtsa/44", "--store", store_dir, "--json"])
    assert [v["id"] for v in data["versions"]] == ["wtsa/44/2016", "wtsa/44/2022"]
    assert data["steps"][0]["assignments_added"] == ["instructs TSB (with BDT)"]
    table = runner.invoke(app, ["lineage", "wtsa/44", "--store", store_dir])
    assert table.exit_code == 0 and "WTSA-20" in table.stdout and "wtsa/44/2016" in table.stdout


def test_deps_impact_path(store_dir: str) -> None:
    deps = _json(["deps", "wtsa/44", "--depth", "3", "--store", store_dir, "--json"])
    assert {n["id"] for n in deps["nodes"]} == {"wtsa/44", "pp/123", "pp/139"}
    only = _json(
        ["deps", "wtsa/44", "--depth", "3", "--organ", "wtsa", "--store", store_dir, "--json"]
    )
    assert only["nodes"] == [n for n in deps["nodes"] if n["id"] == "wtsa/44"]
    impact = _json(["impact", "pp/139", "--store", store_dir, "--json"])
    assert {n["id"] for n in impact["nodes"]} == {"pp/139", "pp/123", "wtsa/44"}
    path = _json(["path", "wtsa/44", "pp/139", "--store", store_dir, "--json"])
    assert path["nodes"] == ["wtsa/44", "pp/123", "pp/139"]
    none = runner.invoke(app, ["path", "pp/139", "wtsa/44", "--store", store_dir])
    assert none.exit_code == 1 and "no citation path" in none.stdout


def test_assignments_outdated_and_metrics(store_dir: str) -> None:
    asg = _json(
        [
            "assignments",
            "--involving",
            "ITU-D",
            "--conference",
            "wtsa-2022",
            "--store",
            store_dir,
            "--json",
        ]
    )
    assert asg["resolutions"] == ["wtsa/44/2022"]
    old = _json(["outdated", "--store", store_dir, "--json"])
    assert [(o["citing"], o["cited"], o["latest"]) for o in old] == [
        ("wtsa/44/2022", "pp/123/2014", "pp/123/2018")
    ]
    ranked = _json(["most-cited", "--limit", "1", "--store", store_dir, "--json"])
    # pp/123 and pp/139 are each cited by one work; pp/139 also inherits pp/123's PageRank
    assert ranked[0]["id"] == "pp/139" and ranked[0]["in_degree"] == 1
    assert _json(["cycles", "--store", store_dir, "--json"]) == []


def test_sparql_formats(store_dir: str) -> None:
    query = (
        "PREFIX rg: <https://w3id.org/resgraph/ontology#> "
        "SELECT DISTINCT ?n WHERE { ?w rg:number ?n } ORDER BY ?n"
    )
    rows = _json(["sparql", query, "--format", "json", "--store", store_dir])
    assert rows == [{"n": "123"}, {"n": "139"}, {"n": "44"}]
    out = runner.invoke(app, ["sparql", query, "--format", "csv", "--store", store_dir])
    assert list(csv.reader(io.StringIO(out.stdout))) == [["n"], ["123"], ["139"], ["44"]]
    bad = runner.invoke(app, ["sparql", query, "--format", "xml", "--store", store_dir])
    assert bad.exit_code == 2 and "table, json, csv" in bad.output


def test_errors_are_messages_not_tracebacks(store_dir: str, tmp_path: Path) -> None:
    unknown = runner.invoke(app, ["lineage", "wtsa/45", "--store", store_dir])
    assert unknown.exit_code == 1 and "did you mean: wtsa/44" in unknown.output
    malformed = runner.invoke(app, ["deps", "44", "--store", store_dir])
    assert malformed.exit_code == 2 and "ORGAN/NUMBER" in malformed.output
    missing = runner.invoke(app, ["outdated", "--store", str(tmp_path / "nope")])
    assert missing.exit_code == 1 and "does not exist" in missing.output


def test_cli_on_the_seed_store(seed_store) -> None:
    root = str(getattr(seed_store, "root", seed_store))
    data = _json(["lineage", "wtsa/44", "--store", root, "--json"])
    assert [v["year"] for v in data["versions"]] == [2004, 2008, 2012, 2016, 2022]
