"""docs/ontology.md and docs/records.md stay true to the ontology, the builder and the extractor.

Why: documentation drifts silently. These checks fail when a term is added to the ontology but not
documented (or documented but gone), when the Turtle example no longer matches what a real build
stores, when a record field appears that the record page does not describe, or when an example
record is not real (its ``surface`` is not the text at its offsets in the seed document).
The build and the extraction run as a user runs them (`resgraph build`, `resgraph extract`), in a
child interpreter: pytest puts tests/ on sys.path, where tests/extract and tests/graph would shadow
the packages' resources in this process.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest
from rdflib import RDF, Graph, URIRef

pytestmark = pytest.mark.slow  # extraction and a build in child interpreters

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
CORPUS = ROOT / "data" / "corpus"
GOLD = ROOT / "tests" / "gold"
ONTOLOGY = ROOT / "ontology" / "resgraph.ttl"
RG = "https://w3id.org/resgraph/ontology#"


def resgraph(*args: str) -> str:
    """Run the resgraph CLI in a child interpreter and return its stdout."""
    cmd = [sys.executable, "-m", "api.cli", *args]
    done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    return done.stdout


def declared_terms() -> set[str]:
    """Local names of every ``rg:`` term the ontology declares (``rg:X a ...``)."""
    text = ONTOLOGY.read_text(encoding="utf-8")
    return set(re.findall(r"^rg:([A-Za-z][A-Za-z0-9_]*)\s+a\s", text, flags=re.M))


def fenced(page: str, *languages: str) -> list[str]:
    """The bodies of the fenced code blocks of a docs page written in one of ``languages``."""
    text = (DOCS / page).read_text(encoding="utf-8")
    blocks = re.findall(r"^```(\w*)\n(.*?)^```", text, flags=re.M | re.S)
    return [body for lang, body in blocks if lang in languages]


# ---------------------------------------------------------------------------- ontology.md


def test_ontology_page_documents_every_term_and_no_other() -> None:
    text = (DOCS / "ontology.md").read_text(encoding="utf-8")
    mentioned = set(re.findall(r"\brg:([A-Za-z][A-Za-z0-9_]*)", text))
    declared = declared_terms()
    assert declared, "no rg: term found in the ontology"
    assert not declared - mentioned, f"undocumented terms: {sorted(declared - mentioned)}"
    assert not mentioned - declared, f"documented but not declared: {sorted(mentioned - declared)}"


@pytest.fixture(scope="module")
def records_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """What `resgraph extract data/corpus --format jsonl` prints, saved to a file."""
    path = tmp_path_factory.mktemp("docs-records") / "records.jsonl"
    path.write_text(resgraph("extract", str(CORPUS), "--format", "jsonl"), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> ox.Store:
    """The seed corpus built by `resgraph build` (the page's example is WTSA Res. 86, seed 000)."""
    root = tmp_path_factory.mktemp("docs-store")
    resgraph("build", str(CORPUS), "--store", str(root))
    pointer = json.loads((root / "resgraph-current.json").read_text(encoding="utf-8"))
    return ox.Store.read_only(str(root / pointer["dir"]))


def test_turtle_example_is_what_a_build_stores(built: ox.Store) -> None:
    """Each node of the example exists in a real build with the same types and properties."""
    (turtle,) = fenced("ontology.md", "turtle")
    example = Graph().parse(data=turtle, format="turtle")
    subjects = set(example.subjects())
    assert len(subjects) >= 8
    used = {str(p) for p in example.predicates()}
    used |= {str(o) for o in example.objects(None, RDF.type)}
    assert {u.removeprefix(RG) for u in used if u.startswith(RG)} <= declared_terms()
    for subject in subjects:
        assert isinstance(subject, URIRef)
        node = ox.NamedNode(str(subject))
        quads = list(built.quads_for_pattern(node, None, None))
        assert quads, f"{subject} is not in a build of the seed"
        stored = {q.predicate.value for q in quads}
        documented = {str(p) for p in example.predicates(subject)}
        assert documented <= stored, (str(subject), sorted(documented - stored))
        types = {q.object.value for q in quads if q.predicate.value == str(RDF.type)}
        assert {str(t) for t in example.objects(subject, RDF.type)} == types, str(subject)


def test_sparql_examples_of_the_ontology_page_run(built: ox.Store) -> None:
    queries = fenced("ontology.md", "sparql")
    assert queries
    for query in queries:
        rows = list(built.query(query, use_default_graph_as_union=True))  # type: ignore[arg-type]
        assert isinstance(rows, list)


# ---------------------------------------------------------------------------- records.md


def example_records() -> list[dict[str, Any]]:
    """Every record shown on the records page (pretty JSON blocks and JSONL lines)."""
    records = [json.loads(b) for b in fenced("records.md", "json")]
    for block in fenced("records.md", "jsonl"):
        records.extend(json.loads(line) for line in block.splitlines() if line.strip())
    return records


def documented_fields() -> set[str]:
    """Field names in the first column of the records page's tables (``| `a`, `b` | ...``)."""
    text = (DOCS / "records.md").read_text(encoding="utf-8")
    cells = re.findall(r"^\| (`[^|]+`) \|", text, flags=re.M)
    return {name for cell in cells for name in re.findall(r"`([a-z_]+)`", cell)}


def test_record_examples_are_real() -> None:
    records = example_records()
    assert {r["type"] for r in records} == {"heading", "citation", "assignment"}
    assert len(records) >= 10
    for r in records:
        text = (CORPUS / r["doc"]).read_text(encoding="utf-8")
        assert text[r["start"] : r["end"]] == r["surface"], (r["doc"], r["start"])
        if "verb_start" in r:
            assert text[r["verb_start"] : r["verb_end"]].lower().startswith(r["verb"].split()[0])
        assert set(r) <= documented_fields(), sorted(set(r) - documented_fields())


def test_every_field_the_extractor_prints_or_the_gold_uses_is_documented(
    records_file: Path,
) -> None:
    printed = records_file.read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in printed if line.strip()]
    assert {r["type"] for r in records} == {"heading", "citation", "assignment"}
    for name in ("citations.jsonl", "headings.jsonl", "assignments.jsonl"):
        lines = (GOLD / name).read_text(encoding="utf-8").splitlines()
        records.extend(json.loads(line) for line in lines if line.strip())
    undocumented = {k for r in records for k in r} - documented_fields()
    assert not undocumented, f"undocumented fields: {sorted(undocumented)}"
