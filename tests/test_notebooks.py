"""The analyst notebooks run end to end against a store built from data/corpus in this test run.

Why execute them: a notebook that only imports the packages still breaks when a query function
changes shape, and nobody notices until an analyst opens it. Each notebook is run with nbclient in
a kernel on this interpreter (a kernelspec written into a tmp dir, so the .venv is used whatever
``jupyter kernelspec list`` says), with ``RESGRAPH_STORE`` pointing at the freshly built store.
The assertions read the notebooks' own outputs (the HTML tables pandas renders, the plots) and
compare them with what the hand-made gold annotations (tests/gold) say about the seed documents,
never with values copied from the code.
"""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import nbformat
import pandas as pd
import pytest
from jupyter_client.kernelspec import KernelSpecManager
from jupyter_client.manager import KernelManager
from nbclient import NotebookClient

pytestmark = pytest.mark.slow  # Jupyter kernels and a store built in a child interpreter

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOK_DIR = ROOT / "notebooks"
CORPUS = ROOT / "data" / "corpus"
GOLD = ROOT / "tests" / "gold"
CELL_TIMEOUT = 120  # seconds per cell; the whole module takes ~20 s on the seed corpus
KERNEL = "resgraph-test"

#: The notebooks the suite executes (every notebook of notebooks/ must be listed).
EXECUTED = (
    "01_getting_started.ipynb",
    "02_lineage_wtsa_44.ipynb",
    "03_wtsa_and_itu_d.ipynb",
    "04_dependency_and_impact.ipynb",
)


def gold(name: str) -> list[dict[str, Any]]:
    """Records of one gold JSONL file."""
    lines = (GOLD / name).read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


# ---------------------------------------------------------------------------- fixtures


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The store built from data/corpus by the real build: `resgraph build`, as the README says.

    Run in a child interpreter, as a user runs it: pytest puts tests/ on sys.path, where
    tests/extract and tests/graph would shadow the packages' resources in this process.
    """
    path = tmp_path_factory.mktemp("notebook-store") / "store"
    build = [sys.executable, "-m", "api.cli", "build", str(CORPUS), "--store", str(path)]
    done = subprocess.run(build, cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert (path / "resgraph-current.json").is_file(), done.stdout
    return path


@pytest.fixture(scope="module")
def kernel_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A kernelspec whose argv is this interpreter (the .venv), in its own kernels directory."""
    kernels = tmp_path_factory.mktemp("kernels")
    spec = kernels / KERNEL
    spec.mkdir()
    argv = [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"]
    kernel = {"argv": argv, "display_name": "resgraph (test)", "language": "python"}
    (spec / "kernel.json").write_text(json.dumps(kernel), encoding="utf-8")
    return kernels


@pytest.fixture(scope="module")
def run(store_dir: Path, kernel_dir: Path) -> Callable[[str], nbformat.NotebookNode]:
    """Execute a notebook of notebooks/ once (cached) and return it with its outputs."""
    done: dict[str, nbformat.NotebookNode] = {}
    env = {**os.environ, "RESGRAPH_STORE": str(store_dir)}
    env.pop("MPLBACKEND", None)  # the kernel's inline backend (Agg) must render the plots

    def execute(name: str) -> nbformat.NotebookNode:
        if name not in done:
            nb = nbformat.read(NOTEBOOK_DIR / name, as_version=4)
            km = KernelManager(
                kernel_name=KERNEL,
                kernel_spec_manager=KernelSpecManager(kernel_dirs=[str(kernel_dir)]),
            )
            client = NotebookClient(
                nb,
                km=km,
                timeout=CELL_TIMEOUT,
                resources={"metadata": {"path": str(NOTEBOOK_DIR)}},
            )
            client.execute(env=env)
            done[name] = nb
        return done[name]

    return execute


def cell(nb: nbformat.NotebookNode, tag: str) -> nbformat.NotebookNode:
    """The code cell carrying ``tag`` (each tag names one question the notebook answers)."""
    found = [c for c in nb.cells if tag in c.get("metadata", {}).get("tags", [])]
    assert len(found) == 1, f"expected one cell tagged {tag!r}, found {len(found)}"
    return found[0]


def frames(c: nbformat.NotebookNode) -> list[pd.DataFrame]:
    """Every table a cell displayed, read back from the HTML pandas rendered."""
    tables = []
    for out in c.get("outputs", []):
        html = out.get("data", {}).get("text/html")
        if html and "<table" in html:
            tables.extend(pd.read_html(io.StringIO(html), index_col=0))
    for table in tables:  # a named index or columns axis adds a header row: keep the names
        if isinstance(table.columns, pd.MultiIndex):
            table.columns = [next((n for n in col if not str(n).startswith("Unnamed")), col[0])
                             for col in table.columns]  # fmt: skip
    return tables


def frame(c: nbformat.NotebookNode) -> pd.DataFrame:
    """The single table a cell displayed."""
    tables = frames(c)
    assert len(tables) == 1, f"expected one table, got {len(tables)}: {c.source[:60]!r}"
    return tables[0]


def has_image(c: nbformat.NotebookNode) -> bool:
    """True when the cell drew a plot (an inline PNG)."""
    return any("image/png" in out.get("data", {}) for out in c.get("outputs", []))


# ---------------------------------------------------------------------------- the committed files


def test_every_notebook_is_executed_by_the_suite() -> None:
    assert sorted(p.name for p in NOTEBOOK_DIR.glob("*.ipynb")) == sorted(EXECUTED)


@pytest.mark.parametrize("name", EXECUTED)
def test_notebooks_are_committed_without_outputs(name: str) -> None:
    nb = nbformat.read(NOTEBOOK_DIR / name, as_version=4)
    nbformat.validate(nb)
    dirty = [i for i, c in enumerate(nb.cells) if c.cell_type == "code" and c.outputs]
    counted = [i for i, c in enumerate(nb.cells) if c.get("execution_count")]
    assert not dirty and not counted, f"{name}: strip outputs of cells {dirty or counted}"


@pytest.mark.parametrize("name", EXECUTED)
def test_notebooks_only_call_the_packages(name: str) -> None:
    """Notebooks import resgraph's functions; they never open files of the repo themselves."""
    nb = nbformat.read(NOTEBOOK_DIR / name, as_version=4)
    source = "\n".join(c.source for c in nb.cells if c.cell_type == "code")
    assert "from graph import" in source
    assert "get_settings()" in source
    assert not re.search(r"open\(|read_text\(\s*['\"]|data/corpus|tests/gold", source)


# ---------------------------------------------------------------------------- 1. getting started


def test_getting_started_counts_what_the_corpus_holds(run: Callable[[str], Any]) -> None:
    nb = run("01_getting_started.ipynb")
    counts = frame(cell(nb, "stats"))["count"]
    assert counts["documents"] == len([p for p in CORPUS.iterdir() if p.is_file()])
    for name in ("triples", "resolutions", "versions", "citations", "assignments", "conferences"):
        assert counts[name] > 0, name
    assert counts["versions"] >= counts["versions_with_text"] > 0
    conferences = frame(cell(nb, "conferences"))
    assert {"wtsa-2022", "wtsa-2016", "pp-2018"} <= set(conferences["id"])
    assert "WTSA-20" in set(conferences["label"])
    assert "wtsa/44" in set(frame(cell(nb, "search"))["id"])
    # the sections of Res. 44 that the gold annotators found citations in
    named = {
        c["section"]
        for c in gold("citations.jsonl")
        if c["doc"].startswith("001") and c["host"] == "44" and c["section"]
    }
    sections = frame(cell(nb, "sections"))
    assert named <= set(sections["name"]), sorted(named - set(sections["name"]))
    assert {"preambular", "operative"} <= set(sections["kind"])


def test_getting_started_runs_every_example_query(run: Callable[[str], Any]) -> None:
    shipped = sorted(p.stem for p in (ROOT / "graph" / "queries" / "examples").glob("*.rq"))
    nb = run("01_getting_started.ipynb")
    listed = frame(cell(nb, "sparql_list"))
    assert sorted(listed["name"]) == shipped and shipped
    shown = frames(cell(nb, "sparql_run"))
    assert len(shown) == len(shipped)  # one result table per example, none failed
    assert sum(len(t) > 0 for t in shown) >= len(shipped) - 1, "examples return no rows"
    sections = frame(cell(nb, "sparql_sections"))
    assert {"considering", "instructs"} <= set(sections["section"])


# ---------------------------------------------------------------------------- 2. lineage of 44


def test_lineage_lists_the_versions_of_resolution_44_in_order(run: Callable[[str], Any]) -> None:
    heading = next(h for h in gold("headings.jsonl") if h["body"] == "WTSA" and h["number"] == "44"
                   and h.get("history"))  # fmt: skip
    expected = sorted({year for _venue, year in heading["history"]} | {heading["version_year"]})
    nb = run("02_lineage_wtsa_44.ipynb")
    versions = frame(cell(nb, "versions"))
    assert list(versions["year"]) == expected  # 2004 ... 2022, in conference order
    assert list(versions["id"]) == [f"wtsa/44/{y}" for y in expected]
    assert versions.set_index("year").loc[heading["version_year"], "has_text"]
    assert has_image(cell(nb, "timeline"))


def test_lineage_compares_the_texts_of_resolution_44(run: Callable[[str], Any]) -> None:
    """One column per document quoting Res. 44, one row per distinct operative clause head."""
    heads: dict[str, set[tuple[str, tuple[str, ...], tuple[str, ...]]]] = {}
    for a in gold("assignments.jsonl"):
        if a["resolution"] == "44" and a["source"] == "operative":
            key = (a["verb"], tuple(a.get("addressees") or [a["addressee"]]),
                   tuple(sorted(a["collaborators"])))  # fmt: skip
            heads.setdefault(a["doc"], set()).add(key)
    nb = run("02_lineage_wtsa_44.ipynb")
    clauses = frame(cell(nb, "clauses"))
    per_document = {col.split(" | ")[-1]: int(clauses[col].sum()) for col in clauses.columns}
    assert per_document == {doc: len(keys) for doc, keys in heads.items()}
    core = frame(cell(nb, "clauses_core"))["in every source"]
    assert core.sum() == len(set.intersection(*heads.values()))


def test_lineage_shows_what_the_proposals_update(run: Callable[[str], Any]) -> None:
    """The flattened tracked changes of the proposals: old cited version -> new cited version."""
    wanted = {
        (f"{c['body'].lower()}/{c['number']}/{c['year']}",
         f"{c['body'].lower()}/{c['number']}/{c['also']['year']}")
        for c in gold("citations.jsonl")
        if c.get("also") and c["role"] == "citation" and c["kind"] == "resolution"
    }  # fmt: skip
    assert ("pp/123/2018", "pp/123/2014") in wanted
    nb = run("02_lineage_wtsa_44.ipynb")
    updates = frame(cell(nb, "proposal_updates"))
    shown = set(zip(updates["cited"], updates["replaces"], strict=True))
    assert shown == wanted
    assert updates["proposal"].nunique() >= 2
    assert len(frames(cell(nb, "proposal_matrix"))) == 1


# ---------------------------------------------------------------------------- 3. WTSA and ITU-D


def test_itu_d_table_1_is_read_back_from_the_graph(run: Callable[[str], Any]) -> None:
    table = next(t for t in json.loads((GOLD / "bdt_table.json").read_text(encoding="utf-8"))
                 .values() if t["conference"].startswith("WTSA-20"))  # fmt: skip
    nb = run("03_wtsa_and_itu_d.ipynb")
    shown = frame(cell(nb, "table1"))
    assert [str(n) for n in shown["number"]] == table["numbers"]  # the 28 rows, in table order
    assert list(shown["marker"]) == [e["marker"] for e in table["entries"]]
    inferred = frame(cell(nb, "table1_inferred"))
    assert inferred.loc[0, "in table and found"] > 0


def test_itu_d_collaboration_matrix(run: Callable[[str], Any]) -> None:
    """The notebook's counts of bureau pairs are those the gold annotators read, give or take."""
    bureaux = ["TSB", "BDT", "BR", "SG"]
    expected: dict[tuple[str, str], int] = {}
    for a in gold("assignments.jsonl"):
        if a["source"] != "operative":
            continue
        partners = [c for c in a["collaborators"] if c in bureaux] or ["(alone)"]
        for addressee in a.get("addressees") or [a["addressee"]]:
            for partner in partners if addressee in bureaux else ():
                expected[(addressee, partner)] = expected.get((addressee, partner), 0) + 1
    nb = run("03_wtsa_and_itu_d.ipynb")
    matrix = frame(cell(nb, "matrix"))
    assert list(matrix.index) == bureaux
    assert list(matrix.columns) == [*bureaux, "(alone)"]
    for (addressee, partner), count in expected.items():
        shown = int(matrix.loc[addressee, partner])
        assert abs(shown - count) <= max(2, count // 5), (addressee, partner, shown, count)
    pairs = matrix.drop(columns="(alone)")
    assert pairs.loc["TSB", "BDT"] == pairs.to_numpy().max() == max(expected.values())
    assert has_image(cell(nb, "heatmap"))
    joint = frame(cell(nb, "joint")).fillna("")
    both = [{"TSB", "BDT"} <= set(f"{a}, {c}".split(", ")) for a, c in
            zip(joint["addressees"], joint["collaborators"], strict=True)]  # fmt: skip
    assert all(both) and both
    wanted = {
        a["resolution"]
        for a in gold("assignments.jsonl")
        if a["source"] == "operative"
        and a["resolution"]
        and {"TSB", "BDT"} <= {*(a.get("addressees") or ()), *a["collaborators"]}
    }
    shown = {r.split("/")[1] for r in joint["resolution"]}
    assert len(wanted & shown) >= 0.9 * len(wanted), sorted(wanted - shown)


# ------------------------------------------------------------------- 4. dependency and impact


def _citing_hosts(organ: str, number: str) -> set[str]:
    """Resolutions whose text cites ``organ`` resolution ``number``, according to the gold."""
    bodies = {(h["doc"], h["number"]): h["body"] for h in gold("headings.jsonl") if h["number"]}
    return {
        f"{bodies[(c['doc'], c['host'])].lower()}/{c['host']}"
        for c in gold("citations.jsonl")
        if c["role"] == "citation" and c["kind"] == "resolution"
        and c["body"] == organ and c["number"] == number
        and (c["doc"], c.get("host")) in bodies
    }  # fmt: skip


def test_impact_of_pp_123_and_71(run: Callable[[str], Any]) -> None:
    nb = run("04_dependency_and_impact.ipynb")
    for tag, number in (("impact_123", "123"), ("impact_71", "71")):
        expected = _citing_hosts("PP", number)
        assert expected, number
        nodes = frame(cell(nb, tag))
        direct = set(nodes.loc[nodes["depth"] == 1, "id"])
        assert expected <= direct, (number, sorted(expected - direct))
        edges = frame(cell(nb, f"{tag}_edges"))
        pairs = zip(edges["source"], edges["target"], strict=True)
        assert {s for s, t in pairs if t == f"pp/{number}"} >= expected
        cited_here = edges.loc[edges["target"] == f"pp/{number}", "surface"]
        assert cited_here.str.contains(rf"\b{number}\b").all(), list(cited_here)
    assert has_image(cell(nb, "impact_plot"))
    view = cell(nb, "impact_viz")
    page = next(o["data"]["text/html"] for o in view.outputs if "text/html" in o.get("data", {}))
    assert "<iframe srcdoc=" in page and "pp/123" in page
    shown_nodes = int(re.search(r"(\d+) nodes", view.outputs[0]["text"]).group(1))  # type: ignore[union-attr]
    assert shown_nodes >= len(_citing_hosts("PP", "123")) + 1
    deps = frame(cell(nb, "deps_44"))
    assert {"pp/123", "pp/71"} <= {i.rsplit("/", 1)[0] if i.count("/") == 2 else i
                                   for i in deps["id"]}  # fmt: skip


def test_most_cited_per_organ(run: Callable[[str], Any]) -> None:
    nb = run("04_dependency_and_impact.ipynb")
    ranking = frame(cell(nb, "most_cited"))
    assert {"PP", "WTSA", "WTDC"} <= set(ranking["organ"])
    assert (ranking.groupby("organ").size() <= 5).all()
    pp = ranking[ranking["organ"] == "PP"]
    assert pp["in_degree"].is_monotonic_decreasing
    # the gold's most cited PP resolutions (distinct citing resolutions) are in the top five, and
    # the graph finds at least the citing resolutions the annotators read
    cited = {
        c["number"]
        for c in gold("citations.jsonl")
        if c["body"] == "PP" and c["kind"] == "resolution"
    }
    gold_in = {f"pp/{n}": len(_citing_hosts("PP", n)) for n in cited}
    top = {w for w, n in gold_in.items() if n == max(gold_in.values())}
    assert "pp/123" in top and top <= set(pp["id"]), (sorted(top), list(pp["id"]))
    for work, in_degree in zip(pp["id"], pp["in_degree"], strict=True):
        assert in_degree >= gold_in.get(work, 0), work
    assert has_image(cell(nb, "pagerank_plot"))


def test_outdated_citations(run: Callable[[str], Any]) -> None:
    """A citation is outdated when a newer version existed before the citing conference."""
    heads = gold("headings.jsonl")
    host_year = {(h["doc"], h["number"]): h["version_year"] for h in heads if h["version_year"]}
    known: dict[str, set[int]] = {}
    for c in gold("citations.jsonl"):
        if c["kind"] == "resolution" and c["year"]:
            years = {c["year"]} | ({c["also"]["year"]} if c.get("also") else set())
            known.setdefault(f"{c['body'].lower()}/{c['number']}", set()).update(years)
    expected = set()
    for c in gold("citations.jsonl"):
        citing_year = host_year.get((c["doc"], c["host"]))
        if c["role"] != "citation" or c["kind"] != "resolution" or not c["year"] or not citing_year:
            continue
        work = f"{c['body'].lower()}/{c['number']}"
        newer = [y for y in known[work] if c["year"] < y < citing_year]
        if newer:
            expected.add((f"{work}/{c['year']}", f"{work}/{max(newer)}"))
    nb = run("04_dependency_and_impact.ipynb")
    outdated = frame(cell(nb, "outdated"))
    assert set(zip(outdated["cited"], outdated["latest"], strict=True)) == expected
    summary = frame(cell(nb, "outdated_summary"))
    assert summary["outdated citations"].sum() == len(outdated)
