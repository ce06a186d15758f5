"""A document's rendering is independent of string hashing, and chunked text equals one join.

- the triples of a document are kept in the order they were stated (a dict, not a set), so the
  same records render to the same bytes in any process, whatever ``PYTHONHASHSEED`` is (before,
  the order, and the text of ``rg:sharedStatements``, changed from one process to the next);
- :func:`graph.rdf.text.nquads_utf8`, which writes and encodes a chunk of triples at a time,
  gives exactly the bytes of :func:`graph.rdf.text.nquads` encoded, across chunk boundaries.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

from rdflib import Literal, URIRef

from graph.rdf import text
from graph.rdf.text import nquads, nquads_utf8

ROOT = Path(__file__).resolve().parents[3]

# renders a small synthetic corpus and prints the digest of every document's N-Quads
_RENDER = """
import hashlib
from graph import SynthSpec, render_input, synthetic_inputs
h = hashlib.sha256()
for doc in synthetic_inputs(SynthSpec(works=60, seed=3)):
    h.update(render_input(doc).nquads)
print(h.hexdigest())
"""


def _rendered_digest(seed: str) -> str:
    env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(ROOT)}
    run = subprocess.run(
        [sys.executable, "-c", _RENDER], env=env, cwd=ROOT, capture_output=True, text=True
    )
    assert run.returncode == 0, run.stderr
    return run.stdout.strip()


def test_the_same_records_render_to_the_same_bytes_under_any_hash_seed() -> None:
    digests = {_rendered_digest(seed) for seed in ("0", "1", "12345")}
    assert len(digests) == 1


def test_chunked_nquads_equal_one_join_across_chunk_boundaries() -> None:
    count = 2 * text.CHUNK + 7  # two full chunks and a partial one
    triples = [
        (URIRef(f"urn:s{i}"), URIRef("urn:p"), Literal(f'line "{i}"\n', lang="fr"))
        for i in range(count)
    ]
    data = nquads_utf8(triples, "urn:g")
    assert data == nquads(triples, "urn:g").encode("utf-8")
    assert data.count(b"\n") == count
    assert (
        hashlib.sha256(nquads_utf8(iter(triples), "urn:g")).digest()
        == hashlib.sha256(data).digest()
    )


def test_chunked_nquads_of_nothing_is_empty() -> None:
    assert nquads_utf8([], "urn:g") == b""
