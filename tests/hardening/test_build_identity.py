"""Issue 16, item 7: two byte-identical documents are two documents.

Before the fix, graph and document IRIs were keyed by the content hash alone: two copies of a file
shared one named graph, and removing either dropped the other's triples (2,852 of them in the
report, which said "removed 1"). Here the copies are real files extracted by ``resgraph build``.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox

from graph import mint
from graph.build import build_store
from graph.embedded.store import new_generation
from graph.rdf.input import DocumentInput
from graph.store import open_store
from graph.validate import validate_store
from graph.vocab import RG

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "data" / "corpus" / "002_cb605667d0fa8ef2.txt"


def cli_build(corpus: Path, store: Path, *options: str) -> str:
    cmd = [sys.executable, "-m", "api.cli", "build", str(corpus), "--store", str(store), *options]
    done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    return done.stdout


def graph_quads(store: Path) -> dict[str, set[str]]:
    """File name -> the quads of its named graph."""
    with open_store(store, read_only=True) as s:
        return {
            name: {
                str(q) for q in s.store.quads_for_pattern(None, None, None, ox.NamedNode(e.graph))
            }
            for name, e in s.manifest().items()
        }


def test_removing_one_of_two_identical_documents_keeps_the_other(tmp_path: Path) -> None:
    corpus, store = tmp_path / "corpus", tmp_path / "store"
    corpus.mkdir()
    shutil.copy(SEED, corpus / "a.txt")
    shutil.copy(SEED, corpus / "b.txt")
    cli_build(corpus, store)
    both = graph_quads(store)
    assert len(both["a.txt"]) == len(both["b.txt"]) > 1000
    with open_store(store, read_only=True) as s:
        manifest = s.manifest()
    assert manifest["a.txt"].sha256 == manifest["b.txt"].sha256
    assert manifest["a.txt"].graph != manifest["b.txt"].graph
    assert validate_store(store).conforms  # each document node has its one file name
    (corpus / "b.txt").unlink()
    out = cli_build(corpus, store, "--prune")  # dropping b.txt is what this build is for
    assert "removed 1," in out
    assert graph_quads(store) == {"a.txt": both["a.txt"]}
    print(f"\ncase 7: removed b.txt, a.txt keeps its {len(both['a.txt'])} quads")
    with open_store(store, read_only=True) as s:
        doc = ox.NamedNode(mint.document_iri("a.txt", manifest["a.txt"].sha256))
        names = {
            q.object.value for q in s.store.quads_for_pattern(doc, ox.NamedNode(RG.fileName), None)
        }
        gone = ox.NamedNode(mint.document_iri("b.txt", manifest["b.txt"].sha256))
        assert names == {"a.txt"}
        assert not list(s.store.quads_for_pattern(gone, None, None))
    assert validate_store(store).conforms


def test_a_store_with_graphs_keyed_by_content_converts_itself(tmp_path: Path) -> None:
    """A store written before graphs were keyed by file name (the graph named by the first 16
    digits of the content hash) is rebuilt document by document on the next build."""
    docs = [
        DocumentInput.from_file(SEED, ()),
        DocumentInput(name="b.txt", sha256="b" * 64, records=()),
    ]
    build_store(tmp_path, inputs=docs)
    with open_store(tmp_path, read_only=True) as s:
        entry = s.manifest()[SEED.name]
    old_graph = ox.NamedNode(entry.graph.rsplit("/", 1)[0] + "/" + entry.sha256[:16])
    with new_generation(tmp_path) as gen:  # rewrite the entry as the old builder wrote it
        new_graph = ox.NamedNode(entry.graph)
        moved = [ox.Quad(q.subject, q.predicate, q.object, old_graph)
                 for q in gen.store.quads_for_pattern(None, None, None, new_graph)]  # fmt: skip
        meta = ox.NamedNode(mint.meta_graph_iri())
        links = list(gen.store.quads_for_pattern(None, ox.NamedNode(RG.namedGraph), new_graph))
        gen.store.remove_graph(new_graph)
        gen.store.extend(moved)
        for q in links:
            gen.store.remove(q)
            gen.store.add(ox.Quad(q.subject, q.predicate, old_graph, meta))
    with open_store(tmp_path, read_only=True) as s:
        assert s.manifest()[SEED.name].graph == old_graph.value
    report = build_store(tmp_path, inputs=docs)
    assert report.updated == (SEED.name,) and report.unchanged == ("b.txt",)
    with open_store(tmp_path, read_only=True) as s:
        assert s.manifest()[SEED.name].graph == entry.graph
        assert old_graph.value not in s.named_graphs()
        assert len(s.manifest()) == 2
    assert not build_store(tmp_path, inputs=docs).changed
